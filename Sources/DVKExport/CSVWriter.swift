import DVKCore

/// One table as a CSV file: the header row of column titles, then the data
/// rows. No title or context lines: a CSV file is a table, and a program
/// reading it wants the header on line 1.
///
/// - Encoding: UTF-8. ``text(_:excelVi:)`` returns the text *without* a byte
///   order mark (for stdout, tests and pipes); ``write(_:to:excelVi:)`` puts
///   the BOM (EF BB BF) in front, which Excel needs to read UTF-8 when a file
///   is opened by double-click.
/// - Lines end in CRLF; fields are quoted as RFC 4180 says (a field holding
///   the separator, a double quote, CR or LF is quoted, quotes doubled).
/// - Default (`excelVi: false`): `,` between fields, `.` decimals
///   (`93.5`), ISO dates (`2025-12-15`): what LibreOffice, Python and any
///   locale-neutral reader expect.
/// - `excelVi: true`: `;` between fields, decimal commas (`93,5`) and
///   `15/12/2025`: what Excel set to Vietnamese (list separator `;`) reads as
///   numbers and dates on double-click.
/// - Integers never carry thousands separators. A percentage is written in
///   percentage points (`93.5`, at most two decimals) and its column title
///   gets " (%)" unless it already says %. Decimals keep their `places`.
///   An empty cell is an empty field; a non-finite number too.
/// - Formula injection (OWASP "CSV Injection"): a text field that begins with
///   `=`, `+`, `-`, `@`, a tab or a CR is prefixed with an apostrophe `'`, so
///   a spreadsheet shows it as text instead of running it ("=1+1" becomes
///   "'=1+1", "-5 hộ" becomes "'-5 hộ"). Only text cells: numbers are typed
///   and written as numbers, so `-3` in an integer cell stays `-3`.
/// - When any row is demo data, a last column "Ghi chú" says "DỮ LIỆU MẪU"
///   on those rows.
public enum CSVWriter {
    public static func text(_ table: DataTable, excelVi: Bool) -> String {
        text(table, excelVi: excelVi, lang: .vi)
    }

    /// `lang` names the demo column and mark ("Note", "DEMO DATA" in English).
    public static func text(_ table: DataTable, excelVi: Bool, lang: Language) -> String {
        let t = ExportTable(table, lang: lang)
        let sep: Character = excelVi ? ";" : ","
        var out = ""
        let titles = t.columns.indices.map { i -> String in
            let title = t.columns[i].title
            return t.isPercent(i) && !title.contains("%") ? title + " (%)" : title
        }
        out += line(titles.map { field(guarded($0), sep) }, sep)
        for row in t.rows {
            out += line(row.map { field(value($0, excelVi: excelVi), sep) }, sep)
        }
        return out
    }

    /// Writes `text` with a UTF-8 BOM, through a temporary file renamed into
    /// place; the file is mode 0600.
    public static func write(_ table: DataTable, to path: String, excelVi: Bool) throws {
        try write(table, to: path, excelVi: excelVi, lang: .vi)
    }

    public static func write(_ table: DataTable, to path: String, excelVi: Bool, lang: Language) throws {
        try SafeFile.write([0xEF, 0xBB, 0xBF] + Array(text(table, excelVi: excelVi, lang: lang).utf8), to: path)
    }

    // MARK: - Fields

    private static func line(_ fields: [String], _ sep: Character) -> String {
        fields.joined(separator: String(sep)) + "\r\n"
    }

    /// RFC 4180: quote a field holding the separator, a quote, CR or LF.
    static func field(_ s: String, _ sep: Character) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == sep.unicodeScalars.first! }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// OWASP: text a spreadsheet would take for a formula starts with `'`.
    static func guarded(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    /// A count over a count (“4/4”, “12/20”) is a date to Excel and Calc when
    /// a CSV opens: spaced (“4 / 4”), it stays the text it is. Real dates are `.date`.
    static func notADate(_ s: String) -> String {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return s }
        return parts.joined(separator: " / ")
    }

    static func value(_ v: TableValue, excelVi: Bool) -> String {
        switch v {
        case let .text(s): return guarded(notADate(s))
        case let .integer(n): return String(n)
        case let .decimal(d, places): return number(d, places: max(0, places), trim: false, excelVi: excelVi)
        case let .percent(p): return number(p, places: 2, trim: true, excelVi: excelVi)
        case let .date(day): return excelVi ? day.description : day.iso
        case .empty: return ""
        }
    }

    /// Plain digits, `.` or `,` before the decimals, no grouping.
    static func number(_ v: Double, places: Int, trim: Bool, excelVi: Bool) -> String {
        guard v.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (v * scale).rounded()
        // Beyond exact integers in a Double: no fixed-point digits to give, say it as Swift does.
        guard abs(scaled) < 9e15 else { return excelVi ? "\(v)".replacingOccurrences(of: ".", with: ",") : "\(v)" }
        let n = Int64(scaled)
        let digits = String(n.magnitude)
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        var whole = String(padded.dropLast(places))
        var frac = String(padded.suffix(places))
        if trim { while frac.hasSuffix("0") { frac.removeLast() } }
        if n < 0 { whole = "-" + whole }
        return frac.isEmpty ? whole : whole + (excelVi ? "," : ".") + frac
    }
}
