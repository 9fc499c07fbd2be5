import DVKCore
import DVKDashboard
import DVKExport
import DVKStore
import Foundation

/// A screen's whole list written out: A4 pages (`P`, `dvk print`) or a
/// spreadsheet (`E`, `dvk export`). The same table feeds every format.
public enum ListFiles {
    public enum Format: String, CaseIterable, Sendable {
        case xlsx, csv, txt, html

        public init?(path: String) {
            self.init(rawValue: (path as NSString).pathExtension.lowercased())
        }
    }

    /// The rows of `job`: in memory, or every row of the Models screen's query.
    public static func table(_ job: ListJob, db: AppDatabase, lang: Language) throws -> DataTable {
        switch job.source {
        case let .table(t): return t
        case let .models(query, fields):
            var t = ModelsState.table(try db.models(query).rows, fields: fields, year: job.year, lang: lang)
            t.context = job.header
            return t
        }
    }

    public static func write(_ table: DataTable, header: [String], to path: String, format: Format, excelVi: Bool = false, lang: Language) throws {
        switch format {
        case .xlsx: try XLSXWriter.write([table], to: path, lang: lang)
        case .csv: try CSVWriter.write(table, to: path, excelVi: excelVi, lang: lang)
        case .txt: try writeText(PagedPrint.text(table, header: header, lang: lang), to: path)
        case .html: try writeText(PagedPrint.html(table, header: header, lang: lang), to: path)
        }
    }

    /// A text file readable by the officer only: it holds the board's data.
    static func writeText(_ text: String, to path: String) throws { try OutputFile.write(text, to: path) }

    /// A unit's name as a file name part: “Xã Suối Giàng” → “xa-suoi-giang”.
    /// A file name has 255 bytes at most: a long name is cut, what follows it is kept.
    static func slug(_ name: String) -> String {
        String(VietnameseText.searchKey(name).map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined().prefix(80))
    }

    /// `units_xa-suoi-giang_2025_20261202-093000`.
    public static func fileStem(_ job: ListJob, at date: Date) -> String {
        "\(job.screen.slug)_\(slug(job.unitName))_\(job.year)_\(SnapshotWriter.stamp(date, pretty: false))"
    }
}

extension ListFiles {
    /// Each A4 page as text, for stdout.
    public static func pages(_ table: DataTable, header: [String], lang: Language) -> [String] {
        PagedPrint.pages(table, header: header, lang: lang).map { $0.joined(separator: "\n") + "\n" }
    }
}
