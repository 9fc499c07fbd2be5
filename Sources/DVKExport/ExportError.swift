import DVKCore

/// Why a table could not leave dvk. Nothing half-written is left behind in
/// any of these cases: writers build a temporary file beside the target and
/// rename it only when it is complete.
public enum ExportError: Error, Equatable, Sendable {
    /// The file (or its temporary sibling) could not be created, written or
    /// moved into place; `reason` is the system's message (strerror).
    case cannotWrite(path: String, reason: String)
    /// libxlsxwriter refused something; the text is its own message (`lxw_strerror`).
    case xlsx(String)
    /// A workbook needs at least one table.
    case nothingToExport

    /// What the officer reads: Vietnamese by default, English with `--lang en`.
    public func message(_ lang: Language = .vi) -> String {
        let w = Words(lang)
        switch self {
        case let .cannotWrite(path, reason):
            return w.pick("Không ghi được tệp \(path): \(reason)", "Cannot write the file \(path): \(reason)")
        case let .xlsx(detail):
            return w.pick("Không tạo được tệp Excel: \(detail)", "Cannot create the Excel file: \(detail)")
        case .nothingToExport:
            return w.pick("Không có bảng nào để xuất", "There is no table to export")
        }
    }
}
