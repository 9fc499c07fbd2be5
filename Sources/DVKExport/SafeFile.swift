import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old file or the complete new
/// one: the content goes to a temporary file in the same folder (created
/// 0600 with O_EXCL, so it is never readable by others, even for a moment),
/// which is renamed over `path` once it is complete. The result is mode 0600.
enum SafeFile {
    /// `produce` fills the temporary file whose path it is given (it may
    /// reopen and truncate it: the mode stays 0600). On any error the
    /// temporary file is removed and the target is untouched.
    static func write(to path: String, _ produce: (String) throws -> Void) throws {
        try refuseReadOnly(path)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        var tmp = ""
        var fd: Int32 = -1
        // A fresh name: another writer (or a stale crash leftover) never collides.
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            tmp = (folder as NSString).appendingPathComponent(".\(name).\(suffix).tmp")
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw ExportError.cannotWrite(path: path, code: errno) }
        close(fd)
        do {
            try produce(tmp)
            // On disk before the rename, so a crash cannot leave an empty file under the real name.
            let sync = open(tmp, O_RDONLY | O_CLOEXEC)
            guard sync >= 0 else { throw ExportError.cannotWrite(path: path, code: errno) }
            let synced = fsync(sync)
            close(sync)
            guard synced == 0 else { throw ExportError.cannotWrite(path: path, code: errno) }
            // A umask or a library's own open cannot widen it: set it explicitly.
            guard chmod(tmp, 0o600) == 0 else { throw ExportError.cannotWrite(path: path, code: errno) }
            guard rename(tmp, path) == 0 else { throw ExportError.cannotWrite(path: path, code: errno) }
        } catch {
            unlink(tmp)
            throw error
        }
    }

    /// Writes `bytes` through `write(to:_:)`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { tmp in
            let fd = open(tmp, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw ExportError.cannotWrite(path: path, code: errno) }
            defer { close(fd) }
            var done = 0
            while done < bytes.count {
                let n = bytes[done...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ExportError.cannotWrite(path: path, code: errno)
                }
                done += n
            }
        }
    }

    /// A file there already that nobody may write (mode 0444) is the officer's
    /// signed copy or a colleague's: never replaced, not even by root.
    static func refuseReadOnly(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ExportError.cannotWrite(path: path, code: EISDIR) }
        if (st.st_mode & 0o222) == 0 || access(path, W_OK) != 0 { throw ExportError.cannotWrite(path: path, code: EACCES) }
    }
}

/// The C `write(2)`, named apart from `SafeFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
