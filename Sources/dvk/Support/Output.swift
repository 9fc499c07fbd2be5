import DVKCore
import Foundation
import Glibc
import TerminalUI

/// The only way text leaves the command line: through the one sanitiser, so
/// a unit named with an escape sequence reaches stdout or stderr as visible
/// placeholders, never as a command to the terminal.
///
/// Written with write(2): FileHandle traps on a closed or full stdout
/// (`dvk status >/dev/full`), where a command line tool should stop with an
/// error.
enum Output {
    static func out(_ text: String, terminator: String = "\n") {
        if !write(sanitizeLines(text) + terminator, to: STDOUT_FILENO) {
            let reason = String(cString: strerror(errno))
            _ = write("dvk: không ghi được ra đầu ra chuẩn (stdout): \(reason)\n", to: STDERR_FILENO)
            exit(ExitCodes.fileError)
        }
    }

    /// Printed pages on stdout, a form feed between two (what `lp` and a printer take as a new sheet).
    static func pages(_ pages: [String]) {
        if !write(pages.map(sanitizeLines).joined(separator: "\u{0C}"), to: STDOUT_FILENO) {
            let reason = String(cString: strerror(errno))
            _ = write("dvk: không ghi được ra đầu ra chuẩn (stdout): \(reason)\n", to: STDERR_FILENO)
            exit(ExitCodes.fileError)
        }
    }

    /// One message line on stderr, prefixed with `dvk: ` when it is an error.
    static func note(_ text: String) {
        // Nowhere left to say it: the exit code still tells.
        _ = write(sanitizeLines(text) + "\n", to: STDERR_FILENO)
    }

    static func error(_ text: String) { note("dvk: " + text) }

    private static func write(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return false }
            bytes = bytes.dropFirst(n)
        }
        return true
    }

    /// Nothing dvk writes goes over the database or its journal, through a symlink or not.
    static func refuseDatabase(_ path: String, database: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let db = URL(fileURLWithPath: database).resolvingSymlinksInPath().path
        if [db, db + "-wal", db + "-shm"].contains(target) { throw OutputError.wouldOverwriteDatabase(path) }
    }

    /// Writes `text` to the file at `path` in place (through a symlink, into
    /// a FIFO or a device as they are), never over the database; 0600 when new.
    static func writeFile(_ text: String, to path: String, database: String) throws {
        try refuseDatabase(path, database: database)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw OutputError.cannotWrite(path, errno) }
        defer { close(fd) }
        if !write(text, to: fd) { throw OutputError.cannotWrite(path, errno) }
        if fsync(fd) != 0, errno != EINVAL, errno != EROFS { throw OutputError.cannotWrite(path, errno) }
    }
}

enum OutputError: Error {
    case wouldOverwriteDatabase(String)
    case cannotWrite(String, Int32)

    func message(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case let .wouldOverwriteDatabase(p):
            return w.pick("“\(p)” là tệp cơ sở dữ liệu: không ghi bản in đè lên nó; chọn tên tệp khác.", "“\(p)” is the database: a snapshot is not written over it; choose another file.")
        case let .cannotWrite(p, code):
            let reason: String
            switch code {
            case ENOENT: reason = w.pick("thư mục chứa tệp không tồn tại", "the folder does not exist")
            case EISDIR: reason = w.pick("đây là một thư mục", "it is a folder")
            case EACCES, EPERM: reason = w.pick("không có quyền ghi", "no permission to write")
            case ENOSPC: reason = w.pick("hết chỗ trên đĩa", "the disk is full")
            case ENAMETOOLONG: reason = w.pick("tên tệp quá dài", "the file name is too long")
            case EROFS: reason = w.pick("ổ đĩa chỉ cho phép đọc", "the disk is read-only")
            default: reason = String(cString: strerror(code))
            }
            return w.pick("không ghi được “\(p)”: \(reason).", "cannot write “\(p)”: \(reason).")
        }
    }
}
