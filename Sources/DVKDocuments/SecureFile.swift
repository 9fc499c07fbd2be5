import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes board data: the file is created 0600 from its first byte (no
/// window with wider permissions) in the target's folder, then renamed over
/// the target, so a reader never sees half a file.
enum SecureFile {
    static func write(_ data: Data, to path: String) throws {
        // A file there already that nobody may write (a signed copy, mode 0444) is never replaced, not even by root.
        var st = stat()
        if lstat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw DocumentError.writeFailed(path: path) }
            if (st.st_mode & 0o222) == 0 || access(path, W_OK) != 0 { throw DocumentError.readOnly(path: path) }
        }
        let temp = path + ".dvk-\(getpid())-\(UInt32.random(in: 0 ... .max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DocumentError.writeFailed(path: path) }
        var ok = fchmod(fd, 0o600) == 0
        if ok {
            ok = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
                guard var base = buffer.baseAddress else { return true }
                var left = buffer.count
                while left > 0 {
                    let n = systemWrite(fd, base, left)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    left -= n
                    base += n
                }
                return true
            }
        }
        if ok { ok = fsync(fd) == 0 }
        if close(fd) != 0 { ok = false }
        if ok { ok = rename(temp, path) == 0 }
        if !ok {
            unlink(temp)
            throw DocumentError.writeFailed(path: path)
        }
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #elseif canImport(Musl)
    Musl.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}
