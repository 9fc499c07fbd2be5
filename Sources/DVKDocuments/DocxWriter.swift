import DVKCore
import Foundation

/// The report as a WordprocessingML .docx in the Party's format
/// (Hướng dẫn 36-HD/VPTW): A4, Times New Roman 14 pt, the header block,
/// real Word tables, the "Nơi nhận" and signature block, page numbers.
public enum DocxWriter {
    /// The .docx file's bytes; the same report gives the same bytes.
    public static func data(_ doc: ReportDocument) throws -> Data {
        try DocxPackage.zip(DocxPackage.parts(doc))
    }

    /// Writes the .docx readable by the owner only (0600: board data),
    /// replacing `path` in one step.
    public static func write(_ doc: ReportDocument, to path: String) throws {
        try SecureFile.write(data(doc), to: path)
    }
}
