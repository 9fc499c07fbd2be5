import DVKCore

/// The full-length printout of a table on A4 (the officer's `P` key): every
/// row, not the ones that fit on screen, cut into numbered pages.
///
/// Each page repeats the caller's `header` lines (title, unit, year, map,
/// data as of), the line "DỮ LIỆU MẪU — không dùng cho báo cáo chính thức"
/// when any row is demo data, "Trang N/M", a rule, the column titles, a rule
/// and the rows that fit in `linesPerPage` lines. Columns are padded by
/// display width (TerminalUI's `CellWidth`, see `TextWidth`), numbers
/// right-aligned when their column `alignsRight`; text too long for its
/// column wraps onto more lines of the same row, so nothing is cut. A row
/// taller than a whole page continues on the next one. Demo rows carry
/// "DỮ LIỆU MẪU" in a last column "Ghi chú". An empty cell prints "–".
///
/// Column widths: with `width` nil, each column is as wide as its values
/// (text columns wrap beyond `TableColumn.width`, titles at spaces), widened
/// toward their whole text up to 96 in all, narrowed beyond 180; with
/// `width`, columns widen or narrow (text columns to 6 at the least) to make
/// lines of that width. An A4 portrait page holds about 95 monospace
/// characters at 10 pt: a wider table prints landscape in `html`.
///
/// If the header alone takes `linesPerPage` lines, each page still gets one
/// line of rows (and runs over).
public enum PagedPrint {
    public static func pages(_ table: DataTable, header: [String], linesPerPage: Int = 60, width: Int? = nil, lang: Language = .vi) -> [[String]] {
        let layout = Layout(table, header: header, linesPerPage: linesPerPage, width: width, lang: lang)
        let count = layout.pages.count
        return layout.pages.enumerated().map { n, chunks in
            var lines = layout.pageHead(n + 1, of: count)
            let rule = String(repeating: "─", count: layout.lineWidth)
            lines.append(rule)
            lines += layout.titleLines.map(layout.render)
            lines.append(rule)
            if chunks.isEmpty { lines.append(Words(lang).none) }
            for chunk in chunks { lines += chunk.lines.map(layout.render) }
            return lines
        }
    }

    /// The pages as plain text: lines end in "\n", pages are separated by a form feed.
    public static func text(_ table: DataTable, header: [String], linesPerPage: Int = 60, width: Int? = nil, lang: Language = .vi) -> String {
        pages(table, header: header, linesPerPage: linesPerPage, width: width, lang: lang)
            .map { $0.joined(separator: "\n") + "\n" }
            .joined(separator: "\u{000C}")
    }

    /// A self-contained HTML file to print (a browser, or LibreOffice to PDF):
    /// black on white, A4 with 15 mm margins, one `<section>` per page ending
    /// in a page break, so the numbers "Trang N/M" are the printed pages; a
    /// real `<table>` with 1 px black borders. A table wider than 100
    /// characters prints on A4 landscape, `linesPerPage` × 2/3 lines a page.
    /// The font size (8–11 pt; smaller only for a very wide table) is chosen so
    /// a page's lines fit the paper, in a browser and in LibreOffice's
    /// "HTML (StarWriter)" import; if 8 pt would not fit, the HTML pages hold
    /// fewer lines than `linesPerPage` (and are numbered accordingly).
    public static func html(_ table: DataTable, header: [String], linesPerPage: Int = 60, width: Int? = nil, lang: Language = .vi) -> String {
        let portrait = Layout(table, header: header, linesPerPage: linesPerPage, width: width, lang: lang)
        let landscape = portrait.lineWidth > 100
        // Printable area in points (A4 less 15 mm each side): 180 × 267 mm.
        let (pageW, pageH) = landscape ? (756.9, 510.2) : (510.2, 756.9)
        // A table row takes up to 1.5 × the font size (LibreOffice's import; a
        // browser 1.15–1.2 plus the border); keep 5 % spare. Below 8 pt the page
        // holds fewer lines instead: landscape starts from two thirds.
        var lines = max(1, landscape ? linesPerPage * 2 / 3 : linesPerPage)
        let perLine = { (n: Int) in pageH * 0.95 / Double(n) / 1.5 }
        if perLine(lines) < 8 { lines = max(1, Int(pageH * 0.95 / 1.5 / 8)) }
        let layout = lines == linesPerPage ? portrait : Layout(table, header: header, linesPerPage: lines, width: width, lang: lang)
        // About 0.56 em a character in a sans-serif font, plus 0.45 em of padding a column.
        let byWidth = pageW / (Double(layout.lineWidth - 2 * (layout.widths.count - 1)) * 0.56 + Double(layout.widths.count) * 0.45)
        let size = max(6, min(11, perLine(lines), byWidth))
        let tenths = Int((size * 10).rounded(.down))
        let sizeText = "\(tenths / 10).\(tenths % 10)"

        var out = """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(HTMLText.escape(layout.header.first ?? Clean.text(table.title)))</title>
        <style>
        @page { size: A4\(landscape ? " landscape" : ""); margin: 15mm; }
        html, body { background: #fff; color: #000; }
        body, p, th, td { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: \(sizeText)pt; }
        body { margin: 0; }
        section.page { page-break-after: always; break-after: page; }
        section.page:last-child { page-break-after: auto; break-after: auto; }
        p { margin: 0; }
        p.pageno { text-align: right; }
        table { border-collapse: collapse; margin-top: 0.2em; }
        th, td { border: 1px solid #000; padding: 0 0.2em; vertical-align: top; text-align: left; white-space: nowrap; }
        th { font-weight: bold; }
        th.num, td.num { text-align: right; }
        </style>
        </head>
        <body>

        """
        let count = layout.pages.count
        for (n, chunks) in layout.pages.enumerated() {
            out += "<section class=\"page\">\n"
            // LibreOffice ignores a break on a <section>, not on its first paragraph (a
            // browser makes the two one break); it spaces paragraphs whatever the CSS
            // says, so the heading is one paragraph of lines.
            let breakBefore = n > 0 ? " style=\"page-break-before: always\"" : ""
            var head = layout.header.enumerated().map { i, line in i == 0 ? "<b>\(HTMLText.escape(line))</b>" : HTMLText.escape(line) }
            if let demo = layout.demoLine { head.append("<b class=\"demo\">\(HTMLText.escape(demo))</b>") }
            out += "<p class=\"head\"\(breakBefore)>\(head.joined(separator: "<br>\n"))</p>\n"
            out += "<p class=\"pageno\" align=\"right\">\(HTMLText.escape(layout.pageLabel(n + 1, of: count)))</p>\n"
            // The attributes as well as the CSS: LibreOffice's HTML import reads those.
            out += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"1\">\n<thead><tr>"
            for c in layout.widths.indices {
                let title = layout.titleLines.map { $0[c] }.filter { !$0.isEmpty }
                // A width in pixels (0.56 em a character): LibreOffice does not size
                // columns to unbreakable text, and would wrap lines the page counted as one.
                let px = Int((Double(layout.widths[c]) * 0.56 + 0.45) * size / 0.75) + 2
                out += "<th width=\"\(px)\"\(layout.right[c] ? " class=\"num\" align=\"right\"" : "")>\(title.map(HTMLText.escape).joined(separator: "<br>"))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            if chunks.isEmpty {
                out += "<tr><td colspan=\"\(layout.widths.count)\">\(HTMLText.escape(Words(lang).none))</td></tr>\n"
            }
            for chunk in chunks {
                out += "<tr>"
                for c in layout.widths.indices {
                    let text = chunk.lines.map { $0[c] }
                    // Trailing blank lines of a short cell are the row's height, not text.
                    let shown = Array(text.reversed().drop(while: \.isEmpty).reversed())
                    out += "<td\(layout.right[c] ? " class=\"num\" align=\"right\"" : "")>\(shown.map(HTMLText.escape).joined(separator: "<br>"))</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

}

/// Column widths, wrapped cells and the cut into pages, shared by the text and the HTML.
struct Layout {
    /// A row's share of a page: its physical lines, each one string per column.
    struct Chunk {
        var lines: [[String]]
        var isDemo: Bool
    }

    static let gap = 2
    let widths: [Int]
    let right: [Bool]
    let header: [String]
    let demoLine: String?
    let titleLines: [[String]]
    let pages: [[Chunk]]
    let lineWidth: Int
    let lang: Language

    init(_ table: DataTable, header: [String], linesPerPage: Int, width: Int?, lang: Language) {
        self.lang = lang
        let t = ExportTable(table, lang: lang)
        let cells: [[String]] = t.rows.map { $0.map { $0.display(lang) } }
        let right = t.columns.map(\.alignsRight)
        let widths = Layout.widths(t.columns, cells, width: width)
        self.widths = widths
        self.right = right
        let lineWidth = max(1, widths.reduce(0, +) + Layout.gap * max(0, widths.count - 1))
        self.lineWidth = lineWidth

        let given = header.isEmpty ? [table.title] + table.context : header
        let wrapAt = width ?? max(lineWidth, 96)
        self.header = given.map(Clean.text).flatMap { TextWidth.wrap($0, width: wrapAt) }
        demoLine = table.hasDemoRows
            ? DataTable.demoMark(lang) + Words(lang).pick(" — không dùng cho báo cáo chính thức", " — not for official reports")
            : nil
        titleLines = Layout.physical(t.columns.map(\.title), widths)

        let fixed = self.header.count + (demoLine == nil ? 0 : 1) + 1 + 2 + titleLines.count
        let room = max(1, linesPerPage - fixed)
        var pages: [[Chunk]] = [[]]
        var used = 0
        for (r, row) in cells.enumerated() {
            var lines = Layout.physical(row, widths)
            if used + lines.count > room, used > 0 {
                pages.append([])
                used = 0
            }
            // A row taller than a page continues on the next one.
            while used + lines.count > room {
                pages[pages.count - 1].append(Chunk(lines: Array(lines.prefix(room - used)), isDemo: t.isDemo[r]))
                lines.removeFirst(room - used)
                pages.append([])
                used = 0
            }
            pages[pages.count - 1].append(Chunk(lines: lines, isDemo: t.isDemo[r]))
            used += lines.count
        }
        self.pages = pages
    }

    func pageLabel(_ n: Int, of m: Int) -> String { Words(lang).pick("Trang \(n)/\(m)", "Page \(n)/\(m)") }

    /// The lines above the rule: header, demo warning, page number at the right.
    func pageHead(_ n: Int, of m: Int) -> [String] {
        var lines = header
        if let demoLine { lines.append(demoLine) }
        let label = pageLabel(n, of: m)
        lines.append(TextWidth.pad(label, to: max(lineWidth, header.map(TextWidth.of).max() ?? 0), right: true))
        return lines
    }

    /// One physical line: cells padded to their columns, trailing spaces dropped.
    func render(_ line: [String]) -> String {
        var out = ""
        for (c, text) in line.enumerated() {
            if c > 0 { out += String(repeating: " ", count: Layout.gap) }
            out += TextWidth.pad(text, to: widths[c], right: right[c])
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// A row's cells wrapped in their columns, as lines of one string per column.
    static func physical(_ cells: [String], _ widths: [Int]) -> [[String]] {
        let wrapped = cells.enumerated().map { TextWidth.wrap($1, width: widths[$0]) }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { i in wrapped.map { i < $0.count ? $0[i] : "" } }
    }

    /// Numbers keep their widest value on one line; text columns wrap past
    /// `TableColumn.width`; titles wrap at spaces. Then, for a given `width`,
    /// text columns give or take columns.
    static func widths(_ columns: [TableColumn], _ cells: [[String]], width: Int?) -> [Int] {
        var w: [Int] = []
        var natural: [Int] = []
        var floor: [Int] = []
        for (c, column) in columns.enumerated() {
            let widest = cells.map { TextWidth.of($0[c]) }.max() ?? 0
            let titleWidth = TextWidth.of(column.title)
            let word = column.title.split(separator: " ").map { TextWidth.of(String($0)) }.max() ?? 0
            let full = max(widest, titleWidth, 1)
            natural.append(full)
            if column.alignsRight {
                w.append(max(widest, word, min(titleWidth, column.width), 1))
                floor.append(max(widest, 1))
            } else {
                w.append(max(1, min(full, max(column.width, word))))
                floor.append(min(6, full))
            }
        }
        let gaps = gap * max(0, columns.count - 1)
        var total = w.reduce(0, +) + gaps
        // Without a width: as wide as the values, up to a portrait page (96)
        // to wrap fewer titles and texts, and narrowed only beyond 180.
        let target = width ?? (total > 180 ? 180 : max(total, 96))
        // Narrow the widest text column while it keeps a readable width (a
        // name on two lines, not six), then numbers down to their values and
        // their titles' words, then text columns to their floor.
        let readable = columns.indices.map { min(natural[$0], max(floor[$0], 14, columns[$0].width * 2 / 3)) }
        let numberFloor = columns.indices.map { c in
            max(floor[c], columns[c].title.split(separator: " ").map { TextWidth.of(String($0)) }.max() ?? 1)
        }
        for phase in 0..<3 {
            while total > target {
                let candidates = w.indices.filter { c in
                    switch phase {
                    case 0: return !columns[c].alignsRight && w[c] > readable[c]
                    case 1: return columns[c].alignsRight && w[c] > numberFloor[c]
                    default: return w[c] > floor[c]
                    }
                }
                guard let c = candidates.max(by: { w[$0] < w[$1] }) else { break }
                w[c] -= 1
                total -= 1
            }
        }
        // Widen the column whose text is most cut.
        while total < target {
            guard let c = w.indices.filter({ w[$0] < natural[$0] }).max(by: { natural[$0] - w[$0] < natural[$1] - w[$1] }) else { break }
            w[c] += 1
            total += 1
        }
        return w
    }
}
