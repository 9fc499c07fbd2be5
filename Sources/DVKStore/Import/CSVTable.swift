import DVKCore
import Foundation
import SwiftCSV

/// One CSV file read whole, with the line number of each record for messages.
struct CSVTable {
    /// Bytes in one cell: four bytes a character at the longest text limit and then some.
    static let cellLimit = 20_000
    let file: String
    let header: [String]
    let records: [[String]]

    /// Reads `url`; a missing optional file is an empty table.
    init(url: URL, required: Bool = true) throws {
        file = url.lastPathComponent
        guard FileManager.default.fileExists(atPath: url.path) else {
            if required { throw StoreError.importFailed(file: file, line: 0, message: "không tìm thấy tệp") }
            header = []
            records = []
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw StoreError.importFailed(file: file, line: 0, message: "đây là thư mục, không phải tệp CSV")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StoreError.importFailed(file: file, line: 0, message: "không đọc được tệp")
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw StoreError.importFailed(file: file, line: 1, message: "tệp mã hóa UTF-16: hãy lưu lại dạng “CSV UTF-8”")
        }
        if let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].filter { $0 == 0x0A }.count + 1
            throw StoreError.importFailed(file: file, line: line, message: "có ký tự NUL (byte 0): không phải tệp CSV văn bản")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw StoreError.importFailed(file: file, line: CSVTable.firstInvalidUTF8Line(data), message: "tệp không phải văn bản UTF-8: hãy lưu lại dạng “CSV UTF-8”")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // SwiftCSV drops an empty last field when the file does not end with a newline.
        if let last = text.last, !last.isNewline { text += "\n" }
        do {
            // `CSV.rows` pads every row to the widest one, hiding short rows: read the raw rows.
            let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
            var raw: [[String]] = []
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { raw.append($0) }
            records = raw
        } catch {
            throw StoreError.importFailed(file: file, line: CSVTable.unclosedQuoteLine(text) ?? 0,
                                          message: "CSV không đọc được: dấu ngoặc kép (\") mở ở dòng này không đóng")
        }
    }

    /// The line where the unclosed quote most plausibly opens: the first line
    /// with an odd number of `"`. Pairing quotes across lines instead would pair
    /// the stray quote with the next quoted cell and name the end of the file;
    /// a real quoted field spanning lines is rare in these files, and the
    /// message says only that a quote opens on this line.
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var line = 1, quotes = 0
        for ch in text {
            if ch == "\"" {
                quotes += 1
            } else if ch.isNewline {
                if quotes % 2 == 1 { return line }
                line += 1
                quotes = 0
            }
        }
        if quotes % 2 == 1 { return line }
        // Every line is balanced (SwiftCSV refused something else): the quote left open when pairing them.
        var openedAt: Int?, inQuotes = false
        line = 1
        for ch in text {
            if ch == "\"" {
                if !inQuotes { openedAt = line }
                inQuotes.toggle()
            } else if ch.isNewline {
                line += 1
            }
        }
        return inQuotes ? openedAt : nil
    }

    /// The line of the first byte sequence that is not UTF-8.
    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for (i, b) in zip(data.indices, data) where b == 0x0A {
            if String(data: data[start..<i], encoding: .utf8) == nil { return line }
            line += 1
            start = data.index(after: i)
        }
        return line
    }

    /// Each record with its line (the header is line 1; a quoted field that
    /// spans lines makes later numbers count records, not lines).
    func rows(expecting columns: [String]) throws -> [CSVRecord] {
        if records.isEmpty && header.isEmpty { return [] }
        let missing = columns.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw StoreError.importFailed(file: file, line: 1, message: "thiếu cột: \(missing.joined(separator: ", "))")
        }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return try records.enumerated().compactMap { i, values in
            let line = i + 2
            if values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil }
            if values.count != header.count {
                throw StoreError.importFailed(file: file, line: line,
                                              message: "có \(values.count) cột, tiêu đề có \(header.count) cột")
            }
            // No field of any file is this long; refusing it here, before
            // normalising and collating it, keeps a pasted page from taking minutes.
            if let i = values.firstIndex(where: { $0.utf8.count > CSVTable.cellLimit }) {
                throw StoreError.importFailed(file: file, line: line, message: "cột \(header[i]): quá dài (tối đa \(CSVTable.cellLimit / 4) ký tự)")
            }
            return CSVRecord(file: file, line: line, index: index, values: values)
        }
    }
}

/// One record: typed accessors whose errors name the file, line and column.
struct CSVRecord {
    let file: String
    let line: Int
    let index: [String: Int]
    let values: [String]

    /// A cell's value as a message quotes it: one line, and short, so an
    /// unclosed quote that swallowed the rest of the file is not echoed whole.
    static func quoted(_ value: String) -> String {
        let line = String(value.map { $0.isNewline ? " " : $0 })
        return "“" + (line.count > 60 ? String(line.prefix(60)) + "…" : line) + "”"
    }

    func fail(_ column: String, _ message: String) -> StoreError {
        .importFailed(file: file, line: line, message: "cột \(column): \(message)")
    }

    func text(_ column: String) -> String {
        VietnameseText.normalized(values[index[column]!].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func optional(_ column: String) -> String? {
        guard index[column] != nil else { return nil }
        let t = text(column)
        return t.isEmpty ? nil : t
    }

    func required(_ column: String) throws -> String {
        guard let t = optional(column) else { throw fail(column, "chưa có giá trị (bắt buộc)") }
        return t
    }

    /// A whole number inside `range`; outside it the message names the range.
    /// A number too large for a Double (`1e400`, four hundred digits) is
    /// out of range, not "not a number": it is whole and says what it means.
    func int(_ column: String, in range: ClosedRange<Int64> = NumberLimits.year) throws -> Int? {
        guard let t = optional(column) else { return nil }
        guard let v = CSVRecord.number(t, isCount: true), !v.isFinite || v == v.rounded() else {
            throw fail(column, "\(CSVRecord.quoted(t)) không phải số nguyên")
        }
        guard let n = NumberLimits.integer(v, in: range) else { throw outOfRange(column, t, range) }
        return Int(n)
    }

    func requiredInt(_ column: String, in range: ClosedRange<Int64> = NumberLimits.year) throws -> Int {
        guard let v = try int(column, in: range) else { throw fail(column, "chưa có giá trị (bắt buộc)") }
        return v
    }

    /// A finite number inside `range` (fractions allowed). Outside it the
    /// message names `shown` when given: the range the column really takes,
    /// when `range` is only wide enough to leave ordinary mistakes (a
    /// negative, a percent over 100) to the validator's clearer message.
    func double(_ column: String, in range: ClosedRange<Int64>, shown: ClosedRange<Int64>? = nil) throws -> Double? {
        guard let t = optional(column) else { return nil }
        guard let v = CSVRecord.number(t) else { throw fail(column, "\(CSVRecord.quoted(t)) không phải số") }
        guard v.isFinite, v >= Double(range.lowerBound), v <= Double(range.upperBound) else { throw outOfRange(column, t, shown ?? range) }
        return v
    }

    /// A number as an officer writes it (`VietnameseNumber`), or as a
    /// spreadsheet exports a large one (`1E+15`, `2.5e9`). Only ASCII digits
    /// with an exponent: not `inf`, `nan` or hexadecimal, which `Double(_:)` also reads.
    static func number(_ text: String, isCount: Bool = false) -> Double? {
        if let v = VietnameseNumber.parse(text, isCount: isCount) { return v }
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.range(of: #"^[+-]?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+$"#, options: .regularExpression) != nil else { return nil }
        return Double(t)
    }

    func outOfRange(_ column: String, _ text: String, _ range: ClosedRange<Int64>) -> StoreError {
        fail(column, ValidationIssue(field: column, problem: .outOfRange(String(CSVRecord.quoted(text).dropFirst().dropLast()), min: range.lowerBound, max: range.upperBound)).message(.vi))
    }

    func day(_ column: String) throws -> Day? {
        guard let t = optional(column) else { return nil }
        guard let d = Day(parsing: t) else { throw fail(column, "\(CSVRecord.quoted(t)) không phải ngày dd/mm/yyyy") }
        return d
    }

    func bool(_ column: String, default value: Bool = false) throws -> Bool {
        guard let t = optional(column)?.lowercased() else { return value }
        switch t {
        case "1", "có", "co", "x", "true", "yes": return true
        case "0", "không", "khong", "false", "no": return false
        default: throw fail(column, "\(CSVRecord.quoted(t)) phải là 1 (có) hoặc 0 (không)")
        }
    }

    func choice<T: RawRepresentable>(_ column: String, _ type: T.Type) throws -> T where T.RawValue == String, T: CaseIterable {
        let t = try required(column)
        guard let v = T(rawValue: t) else {
            throw fail(column, "\(CSVRecord.quoted(t)) không hợp lệ: chọn \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }
}
