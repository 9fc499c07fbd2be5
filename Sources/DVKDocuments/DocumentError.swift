import DVKCore

/// What can go wrong writing a report out of dvk: each case says, in the
/// user's language, what happened and what to do next.
public enum DocumentError: ExplainedError, Equatable, Sendable {
    /// No LibreOffice (`soffice`) on PATH or in the usual places.
    case converterMissing
    /// LibreOffice ran but gave no PDF; the text is its exit status and last output.
    case conversionFailed(String)
    /// LibreOffice did not finish in time and was stopped.
    case timedOut(seconds: Int)
    /// The input file to convert does not exist.
    case inputMissing(path: String)
    /// The file could not be written (missing folder, no permission, disk full).
    case writeFailed(path: String)
    /// The .docx package could not be put together.
    case archiveFailed(String)

    public func message(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case .converterMissing:
            return w.pick(
                "Không tìm thấy LibreOffice (soffice) để chuyển sang PDF: cài gói libreoffice-writer-nogui, hoặc xuất .docx / .html rồi in từ đó.",
                "LibreOffice (soffice) was not found to convert to PDF: install the libreoffice-writer-nogui package, or export .docx / .html and print from there.")
        case let .conversionFailed(detail):
            return w.pick(
                "LibreOffice không chuyển được sang PDF (\(detail)): xuất .docx / .html rồi in từ đó.",
                "LibreOffice could not convert to PDF (\(detail)): export .docx / .html and print from there.")
        case let .timedOut(seconds):
            return w.pick(
                "LibreOffice chưa chuyển xong sang PDF sau \(seconds) giây nên đã bị dừng: thử lại, hoặc xuất .docx rồi in từ đó.",
                "LibreOffice did not finish the PDF within \(seconds) seconds and was stopped: try again, or export .docx and print from there.")
        case let .inputMissing(path):
            return w.pick("Không tìm thấy tệp cần chuyển: \(path).", "The file to convert does not exist: \(path).")
        case let .writeFailed(path):
            return w.pick(
                "Không ghi được tệp \(path): kiểm tra thư mục có tồn tại, còn chỗ trống và có quyền ghi.",
                "Could not write \(path): check that the folder exists, has free space and is writable.")
        case let .archiveFailed(detail):
            return w.pick("Không tạo được tệp .docx (\(detail)).", "Could not build the .docx file (\(detail)).")
        }
    }
}
