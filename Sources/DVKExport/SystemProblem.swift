import DVKCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's reason for a failed write, in the officer's words: strerror
/// is English, and says nothing about what to do.
public enum SystemProblem {
    public static func words(_ code: Int32, _ lang: Language) -> String {
        let w = Words(lang)
        switch code {
        case EACCES, EPERM: return w.pick("không có quyền ghi (tệp chỉ đọc, hoặc thư mục không cho ghi).", "not allowed (a read-only file, or a folder that is not writable).")
        case ENOENT: return w.pick("thư mục không tồn tại.", "the folder does not exist.")
        case ENOSPC, EDQUOT: return w.pick("hết chỗ trống trên đĩa.", "the disk is full.")
        case EROFS: return w.pick("ổ đĩa chỉ cho đọc.", "the disk is read-only.")
        case EISDIR: return w.pick("đó là một thư mục, không phải tệp.", "that is a folder, not a file.")
        case ENOTDIR: return w.pick("một phần của đường dẫn không phải thư mục.", "part of the path is not a folder.")
        case ENAMETOOLONG: return w.pick("tên tệp quá dài.", "the file name is too long.")
        default: return w.pick("lỗi hệ thống: ", "system error: ") + String(cString: strerror(code)) + "."
        }
    }
}

/// Every file dvk hands an officer (printouts, exports, reports) is written
/// one way: all or nothing, 0600, never over a read-only file (`SafeFile`).
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws {
        try SafeFile.write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        try SafeFile.write(bytes, to: path)
    }
}
