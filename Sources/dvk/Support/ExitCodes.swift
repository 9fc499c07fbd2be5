import ArgumentParser
import DVKApp
import DVKCore
import Foundation

/// The exit codes, one table (also in README and docs/RELIABILITY.md);
/// 0 is success and 1 an unexpected failure, both left to the runtime.
enum ExitCodes {
    /// A bad option, argument or value on the command line.
    static let usage: Int32 = 2
    /// The database cannot be used: missing, not dvk's, damaged, newer, read-only, a bad path.
    static let database: Int32 = 3
    /// Another process holds the database's write lock.
    static let locked: Int32 = 4
    /// The data was refused: an import row, a value, a unit that is not there.
    static let data: Int32 = 5
    /// `dvk check` found problems.
    static let checkFailed: Int32 = 6
    /// A file to read or write (a snapshot, an output) could not be used.
    static let fileError: Int32 = 7
}

extension LookupError {
    var exitCode: Int32 { ExitCodes.data }
}

/// Foundation's file errors are English and name no folder: say them in Vietnamese.
enum FileMessage {
    static func describe(_ e: CocoaError, _ lang: Language) -> String {
        let path = (e.userInfo[NSFilePathErrorKey] as? String) ?? e.userInfo["NSURL"].map { "\($0)" } ?? "?"
        let w = Words(lang)
        switch e.code {
        case .fileNoSuchFile, .fileReadNoSuchFile:
            return w.pick("không có tệp hoặc thư mục “\(path)”.", "no such file or folder “\(path)”.")
        case .fileWriteNoPermission, .fileReadNoPermission:
            return w.pick("không có quyền ghi/đọc “\(path)”.", "no permission to use “\(path)”.")
        case .fileWriteOutOfSpace:
            return w.pick("hết chỗ trên đĩa khi ghi “\(path)”.", "the disk is full writing “\(path)”.")
        case .fileWriteInvalidFileName, .fileReadInvalidFileName:
            return w.pick("tên tệp “\(path)” không hợp lệ hoặc quá dài.", "the file name “\(path)” is invalid or too long.")
        default:
            return w.pick("không ghi/đọc được “\(path)” (\(e.code.rawValue)).", "cannot use “\(path)” (\(e.code.rawValue)).")
        }
    }
}
