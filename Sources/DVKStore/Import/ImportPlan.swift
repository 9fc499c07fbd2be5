import DVKCore
import Foundation
import GRDB

/// What importing a folder into a database that already holds data would do,
/// row by row: `dvk import --dry-run` prints it, `dvk import` applies exactly
/// it (ImportApply.swift). Rows are matched by their natural key (a `ref`, a
/// model and a year, ...; see `ImportTable`), never by position, so a
/// corrected copy of the same files changes only what was corrected.
public struct ImportPlan: Sendable, Equatable {
    /// Every row of every file, in file order (unchanged rows too, for the counts).
    public var items: [ImportItem] = []
    /// Set when the database holds no units yet: the folder is a first import
    /// (`importFolder`), whose counts these are; `items` is then empty.
    public var firstImport: ImportSummary?
    /// Planned against a database file that does not exist yet (dry run only).
    public var databaseMissing = false

    public func count(_ outcome: ImportItem.Outcome) -> Int {
        if let firstImport { return outcome == .added ? firstImport.total : 0 }
        return items.filter { $0.outcome == outcome }.count
    }

    /// Whether applying it writes anything.
    public var hasWrites: Bool { count(.added) + count(.changed) > 0 }

    /// The rows that are added, changed or skipped (what the plan lists one by one).
    public var listed: [ImportItem] { items.filter { $0.outcome != .unchanged } }

    /// The plan in the officer's words: a count line per file, a line per
    /// added, changed or skipped row, and the totals. `applied` puts the
    /// verbs in the past tense (what `dvk import` did).
    public func lines(_ lang: Language, applied: Bool = false) -> [String] {
        let w = Words(lang)
        var out: [String] = []
        if let firstImport {
            out.append(databaseMissing
                       ? w.pick("Chưa có cơ sở dữ liệu: đây là lần nạp đầu, mọi dòng sẽ được thêm.",
                                "No database yet: this is a first import, every row would be added.")
                       : w.pick("Cơ sở dữ liệu chưa có dữ liệu: đây là lần nạp đầu, mọi dòng sẽ được thêm.",
                                "The database holds no data yet: this is a first import, every row would be added."))
            out.append(w.pick("Sẽ nạp: ", "Would import: ") + firstImport.text(lang))
        } else {
            var files: [String] = []
            for item in items where !files.contains(item.file) { files.append(item.file) }
            var same: [String] = []
            for file in files {
                let rows = items.filter { $0.file == file }
                func n(_ o: ImportItem.Outcome) -> String { VietnameseNumber.integer(rows.filter { $0.outcome == o }.count, lang) }
                // Files that match are named together, so the rows that differ stand out.
                guard rows.contains(where: { $0.outcome != .unchanged }) else {
                    same.append("\(file) \(n(.unchanged))")
                    continue
                }
                out.append("\(file): " + w.pick("thêm \(n(.added)), sửa \(n(.changed)), giữ nguyên \(n(.unchanged)), bỏ qua \(n(.skipped))",
                                                "add \(n(.added)), change \(n(.changed)), unchanged \(n(.unchanged)), skip \(n(.skipped))"))
                for item in rows where item.outcome != .unchanged { out.append("  " + item.line(lang, applied: applied)) }
            }
            if !same.isEmpty { out.append(w.pick("Khớp cả tệp (giữ nguyên): ", "Files that match (unchanged): ") + same.joined(separator: ", ")) }
        }
        func n(_ o: ImportItem.Outcome) -> String { VietnameseNumber.integer(count(o), lang) }
        out.append(applied
                   ? w.pick("Đã thêm \(n(.added)), sửa \(n(.changed)), giữ nguyên \(n(.unchanged)), bỏ qua \(n(.skipped)).",
                            "Added \(n(.added)), changed \(n(.changed)), left \(n(.unchanged)) unchanged, skipped \(n(.skipped)).")
                   : w.pick("Sẽ thêm \(n(.added)), sửa \(n(.changed)), giữ nguyên \(n(.unchanged)), bỏ qua \(n(.skipped)).",
                            "Would add \(n(.added)), change \(n(.changed)), leave \(n(.unchanged)) unchanged, skip \(n(.skipped))."))
        if !hasWrites {
            out.append(applied
                       ? w.pick("Không có gì thay đổi: cơ sở dữ liệu đã khớp với các tệp, không ghi gì.",
                                "Nothing changed: the database already matches the files; nothing was written.")
                       : w.pick("Không có gì để thay đổi: cơ sở dữ liệu đã khớp với các tệp.",
                                "Nothing to change: the database already matches the files."))
        }
        return out
    }
}

/// One row of one file, and what importing it does.
public struct ImportItem: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case added, changed, unchanged, skipped
    }

    public let file: String
    public let line: Int
    /// The row's key as the file writes it: `M-1001`, `M-1001, 2024`, `YB, 2023`.
    public let key: String
    public let outcome: Outcome
    /// For a changed or skipped row: each field that differs.
    public let changes: [ImportChange]
    public let skipReason: ImportSkipReason?
    /// What an added row is called (a unit's name, a model's title), if anything.
    public let label: String?

    /// The table the row goes to, and its values as the staging database
    /// holds them (references by `ref`): what applying the item writes.
    let entity: String
    let values: [String: DatabaseValue]
    /// The matched row's id, for tables keyed by one.
    let rowID: Int64?

    /// The change of `column`, if the row changes it.
    public func change(_ column: String) -> ImportChange? { changes.first { $0.column == column } }

    func line(_ lang: Language, applied: Bool) -> String {
        let w = Words(lang)
        let at = "\(key) (" + w.pick("dòng", "line") + " \(line))"
        let fields = changes.map { $0.text(lang) }.joined(separator: "; ")
        switch outcome {
        case .added:
            let verb = applied ? w.pick("đã thêm", "added") : w.pick("thêm", "add")
            return "+ \(at) \(verb)" + (label.map { ": " + ImportValue.text($0).text(lang) } ?? "")
        case .changed:
            return "~ \(at) " + (applied ? w.pick("đã sửa", "changed") : w.pick("sửa", "change")) + ": " + fields
        case .skipped:
            let verb = applied ? w.pick("đã bỏ qua", "skipped") : w.pick("bỏ qua", "skip")
            return "! \(at) \(verb): " + (skipReason?.text(lang) ?? "") + (fields.isEmpty ? "" : " (\(fields))")
        case .unchanged:
            return "= \(at)"
        }
    }
}

/// One field of a row: what the database holds and what the file says.
public struct ImportChange: Sendable, Equatable {
    /// The column as the schema names it (`title`, `permille`, `parent_ref`).
    public let column: String
    public let old: ImportValue
    public let new: ImportValue

    public init(column: String, old: ImportValue, new: ImportValue) {
        self.column = column
        self.old = old
        self.new = new
    }

    /// `tên: “A” → “B”`; of two long texts, the part around the first difference.
    public func text(_ lang: Language) -> String {
        var (a, b) = (old, new)
        if case let .text(x) = old, case let .text(y) = new { (a, b) = ImportValue.aroundDifference(x, y) }
        return "\(ImportTable.label(column, lang)): \(a.text(lang)) → \(b.text(lang))"
    }
}

/// A stored or read value, typed so it prints the way the officer writes it.
public enum ImportValue: Sendable, Hashable {
    case none
    case text(String)
    case day(Day)
    case flag(Bool)
    case number(Int64)
    case money(Int64)
    /// Tenths of a percent, as surveys store them.
    case permille(Int64)
    case decimal(Double)
    case year(Int64)
    /// A code the file writes as is: a kind, a field code, a `ref`.
    case code(String)
    /// A quoted text that was cut to show where two long texts differ.
    case excerpt(String)

    public func text(_ lang: Language) -> String {
        switch self {
        case .none: return Words(lang).pick("(trống)", "(blank)")
        case let .text(t): return CSVRecord.quoted(t)
        case let .excerpt(t): return "“" + String(t.map { $0.isNewline ? " " : $0 }) + "”"
        case let .day(d): return d.description
        case let .flag(b): return b ? Words(lang).pick("có", "yes") : Words(lang).pick("không", "no")
        case let .number(n): return VietnameseNumber.integer(Int(clamping: n), lang)
        case let .money(v): return VietnameseNumber.money(v, lang)
        case let .permille(p): return VietnameseNumber.percent(Double(p) / 10, lang)
        case let .decimal(v): return VietnameseNumber.decimal(v, places: 2, lang)
        case let .year(y): return String(y)
        case let .code(c): return c
        }
    }

    /// Two long texts that differ late would both print as the same first
    /// sixty characters: show each from a little before the first difference.
    static func aroundDifference(_ a: String, _ b: String) -> (ImportValue, ImportValue) {
        let limit = 60
        guard a.count > limit || b.count > limit else { return (.text(a), .text(b)) }
        let common = zip(a, b).prefix { $0 == $1 }.count
        let start = max(0, common - 20)
        func cut(_ s: String) -> ImportValue {
            let tail = s.dropFirst(start)
            let shown = tail.count > limit ? String(tail.prefix(limit)) + "…" : String(tail)
            return .excerpt((start > 0 ? "…" : "") + shown)
        }
        return (cut(a), cut(b))
    }
}

/// Why a row that would change a record is left alone.
public enum ImportSkipReason: Sendable, Hashable {
    /// The model was removed (loại bỏ) on that day: its record is history.
    case modelRemoved(Day?)
    /// The unit was merged into another (by ref or name) with this last day.
    case unitMerged(into: String, lastDay: Day?)
    /// The unit's validity ended on that day.
    case unitEnded(Day)
    /// Several stored rows share the key: which one the file means is unknown.
    case ambiguous(Int)

    public func text(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case let .modelRemoved(d?): return w.pick("mô hình đã bị loại bỏ ngày \(d)", "the model was removed on \(d)")
        case .modelRemoved(nil): return w.pick("mô hình đã bị loại bỏ", "the model was removed")
        case let .unitMerged(into, d?): return w.pick("đơn vị đã sáp nhập vào \(into) ngày \(d)", "the unit was merged into \(into) on \(d)")
        case let .unitMerged(into, nil): return w.pick("đơn vị đã sáp nhập vào \(into)", "the unit was merged into \(into)")
        case let .unitEnded(d): return w.pick("đơn vị đã hết hiệu lực ngày \(d)", "the unit ceased on \(d)")
        case let .ambiguous(n):
            return w.pick("có \(n) bản ghi cùng khóa trong cơ sở dữ liệu, không rõ dòng này ứng với bản ghi nào; sửa trên bảng điều khiển",
                          "\(n) stored records share this key, so which one the row means is unknown; correct it in the dashboard")
        }
    }
}
