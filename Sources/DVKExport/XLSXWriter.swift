import CXlsxWriter
import Foundation
import DVKCore

/// Tables as an Excel workbook (.xlsx) through libxlsxwriter: one worksheet
/// per table, typed cells, so Excel sums the numbers and sorts the dates.
///
/// Each sheet: the table's `context` lines (the first one bold), a blank row,
/// the header row (bold, bottom border, wrapped, frozen so it stays in view,
/// with an autofilter), then the data rows. Integers as numbers with format
/// `#,##0`; decimals with their number of places; a percentage 93.5 as the
/// number 0.935 with format `0.0%`; a date as an Excel date `dd/mm/yyyy`;
/// text as a string (never a formula, whatever it starts with); an empty
/// cell blank. When any row is demo data a last column "Ghi chú" says
/// "DỮ LIỆU MẪU" on those rows. Sheets print on A4 with the header row
/// repeated on every page.
public enum XLSXWriter {
    public static func write(_ tables: [DataTable], to path: String) throws {
        try write(tables, to: path, lang: .vi)
    }

    /// `lang` names the demo column and mark.
    public static func write(_ tables: [DataTable], to path: String, lang: Language) throws {
        guard !tables.isEmpty else { throw ExportError.nothingToExport }
        let names = sheetNames(tables.map(\.title), lang: lang)
        try SafeFile.write(to: path) { tmp in
            guard let workbook = workbook_new(tmp) else { throw ExportError.xlsx(lxwMessage(LXW_ERROR_MEMORY_MALLOC_FAILED)) }
            var closed = false
            defer { if !closed { _ = workbook_close(workbook) } }
            let formats = Formats(workbook)
            for (table, name) in zip(tables, names) {
                try check(workbook_validate_sheet_name(workbook, name))
                guard let sheet = workbook_add_worksheet(workbook, name) else {
                    throw ExportError.xlsx("workbook_add_worksheet: \(name)")
                }
                try fill(sheet, with: table, formats: formats, lang: lang)
            }
            closed = true
            try check(workbook_close(workbook))
        }
    }

    // MARK: - One sheet

    private static func fill(_ sheet: UnsafeMutablePointer<lxw_worksheet>, with table: DataTable, formats: Formats, lang: Language) throws {
        let t = ExportTable(table, lang: lang)
        var row: lxw_row_t = 0
        for (i, line) in table.context.enumerated() {
            try check(worksheet_write_string(sheet, row, 0, Clean.text(line), i == 0 ? formats.bold : nil))
            row += 1
        }
        if !table.context.isEmpty { row += 1 }
        let headerRow = row
        for (c, column) in t.columns.enumerated() {
            let col = lxw_col_t(c)
            try check(worksheet_write_string(sheet, headerRow, col, column.title, column.alignsRight ? formats.headerRight : formats.header))
            let widest = t.rows.map { XLSXWriter.shownWidth($0[c], lang) }.max() ?? 0
            let width = min(60, max(6, max(column.width, widest) + 1))
            try check(worksheet_set_column(sheet, col, col, Double(width), nil))
        }
        for cells in t.rows {
            row += 1
            for (c, cell) in cells.enumerated() {
                try put(cell, sheet, row, lxw_col_t(c), formats)
            }
        }
        guard !t.columns.isEmpty else { return }
        let lastCol = lxw_col_t(t.columns.count - 1)
        worksheet_freeze_panes(sheet, headerRow + 1, 0)
        try check(worksheet_autofilter(sheet, headerRow, 0, row, lastCol))
        worksheet_set_paper(sheet, 9) // A4
        try check(worksheet_repeat_rows(sheet, headerRow, headerRow))
    }

    private static func put(_ cell: TableValue, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ col: lxw_col_t, _ f: Formats) throws {
        switch cell {
        case let .text(s):
            try check(s.isEmpty ? worksheet_write_blank(sheet, row, col, nil) : worksheet_write_string(sheet, row, col, s, nil))
        case let .integer(n):
            try check(worksheet_write_number(sheet, row, col, Double(n), f.integer))
        case let .decimal(v, places):
            guard v.isFinite else { return try check(worksheet_write_blank(sheet, row, col, nil)) }
            try check(worksheet_write_number(sheet, row, col, v, f.decimal(places)))
        case let .percent(p):
            guard p.isFinite else { return try check(worksheet_write_blank(sheet, row, col, nil)) }
            try check(worksheet_write_number(sheet, row, col, p / 100, f.percent))
        case let .date(d):
            var dt = lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
            try check(worksheet_write_datetime(sheet, row, col, &dt, f.date))
        case .empty:
            try check(worksheet_write_blank(sheet, row, col, nil))
        }
    }

    /// Characters a cell shows, to size its column.
    static func shownWidth(_ cell: TableValue, _ lang: Language) -> Int {
        switch cell {
        case .empty: 0
        case .date: 10
        default: TextWidth.of(cell.display(lang))
        }
    }

    // MARK: - Sheet names

    /// Excel's rules: at most 31 characters (UTF-16 units), none of []:*?/\,
    /// no apostrophe at either end, not "History", unique ignoring case.
    static func sheetNames(_ titles: [String], lang: Language) -> [String] {
        var taken = Set<String>()
        var out: [String] = []
        for title in titles {
            var base = String(Clean.text(title).map { "[]:*?/\\".contains($0) ? "-" : $0 })
            base = base.trimmingCharacters(in: .whitespaces)
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            if base.isEmpty { base = Words(lang).pick("Bảng", "Table") }
            if base.lowercased() == "history" { base += " 1" }
            var name = cut(base, to: 31)
            var n = 2
            while taken.contains(name.lowercased()) {
                let suffix = " (\(n))"
                name = cut(base, to: 31 - suffix.utf16.count) + suffix
                n += 1
            }
            taken.insert(name.lowercased())
            out.append(name)
        }
        return out
    }

    /// At most `limit` UTF-16 units, never splitting a character.
    static func cut(_ s: String, to limit: Int) -> String {
        var out = ""
        var used = 0
        for c in s {
            let n = String(c).utf16.count
            if used + n > limit { break }
            out.append(c)
            used += n
        }
        return String(out.trimmingCharacters(in: .whitespaces))
    }

    // MARK: - libxlsxwriter

    private static func check(_ error: lxw_error) throws {
        guard error != LXW_NO_ERROR else { return }
        throw ExportError.xlsx(lxwMessage(error))
    }

    private static func lxwMessage(_ error: lxw_error) -> String {
        guard let text = lxw_strerror(error) else { return "libxlsxwriter error \(error.rawValue)" }
        return String(cString: text)
    }
}

/// The workbook's cell formats, made once (libxlsxwriter owns them).
private final class Formats {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    let bold, header, headerRight, integer, percent, date: UnsafeMutablePointer<lxw_format>?
    private var decimals: [Int: UnsafeMutablePointer<lxw_format>?] = [:]

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        self.workbook = workbook
        bold = workbook_add_format(workbook)
        format_set_bold(bold)
        header = workbook_add_format(workbook)
        headerRight = workbook_add_format(workbook)
        for f in [header, headerRight] {
            format_set_bold(f)
            format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap(f)
            format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        format_set_align(headerRight, UInt8(LXW_ALIGN_RIGHT.rawValue))
        integer = workbook_add_format(workbook)
        format_set_num_format(integer, "#,##0")
        percent = workbook_add_format(workbook)
        format_set_num_format(percent, "0.0%")
        date = workbook_add_format(workbook)
        format_set_num_format(date, "dd/mm/yyyy")
    }

    /// `#,##0.00` for two places; `#,##0` for none.
    func decimal(_ places: Int) -> UnsafeMutablePointer<lxw_format>? {
        let p = min(max(places, 0), 15)
        if let f = decimals[p] { return f }
        let f = workbook_add_format(workbook)
        format_set_num_format(f, p == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: p))
        decimals[p] = f
        return f
    }
}
