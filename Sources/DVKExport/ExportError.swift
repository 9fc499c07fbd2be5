import DVKCore

/// Why a table could not leave dvk. Nothing half-written is left behind in
/// any of these cases: writers build a temporary file beside the target and
/// rename it only when it is complete.
public enum ExportError: ExplainedError, Equatable, Sendable {
    /// The file (or its temporary sibling) could not be created, written or
    /// moved into place; `code` is the system's errno.
    case cannotWrite(path: String, code: Int32)
    /// The folder for printouts could not be made.
    case cannotCreateFolder(path: String)
    /// libxlsxwriter refused something; the text is its own message (`lxw_strerror`).
    case xlsx(String)
    /// A workbook needs at least one table.
    case nothingToExport

    /// What the officer reads: Vietnamese by default, English with `--lang en`.
    public func message(_ lang: Language = .vi) -> String {
        let w = Words(lang)
        switch self {
        case let .cannotWrite(path, code):
            return w.pick("Không ghi được tệp \(path): ", "Cannot write the file \(path): ") + SystemProblem.words(code, lang)
        case let .cannotCreateFolder(path):
            return w.pick("Không tạo được thư mục “\(path)”: kiểm tra quyền ghi và chỗ trống, hoặc chọn thư mục khác (--snapshots DIR).",
                          "Cannot create the folder “\(path)”: check it is writable and has space, or choose another (--snapshots DIR).")
        case let .xlsx(detail):
            return w.pick("Không tạo được tệp Excel: \(detail)", "Cannot create the Excel file: \(detail)")
        case .nothingToExport:
            return w.pick("Không có bảng nào để xuất", "There is no table to export")
        }
    }
}
