/// The few WordprocessingML pieces the report is made of, as text. Sizes are
/// in half-points (`w:sz`, 28 = 14 pt) and lengths in twips (1/20 pt,
/// 1 mm ≈ 56.7), as Word stores them.
enum WordML {
    static let font = "Times New Roman"
    static let wNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let rNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The look of a run of text.
    struct Run: Equatable {
        var size: Int = Page.bodySize
        var bold = false
        var italic = false
        var underline = false

        static let body = Run()
        static func size(_ s: Int) -> Run { Run(size: s) }
        var bolded: Run { var r = self; r.bold = true; return r }
        var italicized: Run { var r = self; r.italic = true; return r }
        var underlined: Run { var r = self; r.underline = true; return r }

        var properties: String {
            var x = "<w:rPr><w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:cs=\"\(font)\" w:eastAsia=\"\(font)\"/>"
            if bold { x += "<w:b/><w:bCs/>" }
            if italic { x += "<w:i/><w:iCs/>" }
            // The schema's order: sz before u before lang (Word rejects others).
            x += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>"
            if underline { x += "<w:u w:val=\"single\"/>" }
            x += "<w:lang w:val=\"vi-VN\"/></w:rPr>"
            return x
        }
    }

    enum Align: String { case left, center, right, both }

    /// The look of a paragraph.
    struct Paragraph: Equatable {
        var style: String? = nil
        var align: Align = .left
        var firstLine = 0
        var left = 0
        var before = 0
        var after = 0
        /// In 240ths of a line (240 = single).
        var line = 240
        var keepNext = false
        var keepLines = false

        /// Header block, table cells, closing block: no indent, no gaps.
        static let tight = Paragraph()
        static let centred = Paragraph(align: .center)

        func properties(mark: Run) -> String {
            var x = "<w:pPr>"
            if let style { x += "<w:pStyle w:val=\"\(style)\"/>" }
            if keepNext { x += "<w:keepNext/>" }
            if keepLines { x += "<w:keepLines/>" }
            x += "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\" w:line=\"\(line)\" w:lineRule=\"auto\"/>"
            x += "<w:ind w:left=\"\(left)\" w:right=\"0\" w:firstLine=\"\(firstLine)\"/>"
            x += "<w:jc w:val=\"\(align.rawValue)\"/>"
            x += mark.properties
            x += "</w:pPr>"
            return x
        }
    }

    /// One run; a line break in the text becomes `w:br`, a tab `w:tab`.
    static func run(_ text: String, _ look: Run) -> String {
        var x = "<w:r>" + look.properties
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            if i > 0 { x += "<w:br/>" }
            let pieces = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (j, piece) in pieces.enumerated() {
                if j > 0 { x += "<w:tab/>" }
                if !piece.isEmpty { x += "<w:t xml:space=\"preserve\">\(XMLText.escape(String(piece)))</w:t>" }
            }
        }
        return x + "</w:r>"
    }

    /// A paragraph of one look; empty text gives an empty line of that size.
    static func paragraph(_ text: String, _ look: Run, _ layout: Paragraph) -> String {
        "<w:p>" + layout.properties(mark: look) + (text.isEmpty ? "" : run(text, look)) + "</w:p>"
    }

    /// A table cell of `width` twips holding whole paragraphs.
    static func cell(width: Int, _ paragraphs: [String], vAlign: String = "top") -> String {
        let body = paragraphs.isEmpty ? paragraph("", .body, .tight) : paragraphs.joined()
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"\(vAlign)\"/></w:tcPr>\(body)</w:tc>"
    }

    enum Borders {
        case none
        /// Single black lines, ½ pt: prints on a black-and-white printer.
        case single

        var xml: String {
            let sides = ["top", "left", "bottom", "right", "insideH", "insideV"]
            switch self {
            case .none:
                return "<w:tblBorders>" + sides.map { "<w:\($0) w:val=\"nil\"/>" }.joined() + "</w:tblBorders>"
            case .single:
                return "<w:tblBorders>"
                    + sides.map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
                    + "</w:tblBorders>"
            }
        }
    }

    /// A fixed-layout table; `rows` are whole `w:tr` elements.
    static func table(widths: [Int], borders: Borders, style: String? = nil, rows: [String]) -> String {
        var x = "<w:tbl><w:tblPr>"
        if let style { x += "<w:tblStyle w:val=\"\(style)\"/>" }
        x += "<w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        x += borders.xml
        x += "<w:tblLayout w:type=\"fixed\"/>"
        x += "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
        x += "<w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        x += "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        return x + rows.joined() + "</w:tbl>"
    }

    /// A row; a header row repeats at the top of every page the table runs onto.
    static func row(_ cells: [String], header: Bool = false, cantSplit: Bool = true) -> String {
        var pr = ""
        if cantSplit { pr += "<w:cantSplit/>" }
        if header { pr += "<w:tblHeader/>" }
        return "<w:tr>" + (pr.isEmpty ? "" : "<w:trPr>\(pr)</w:trPr>") + cells.joined() + "</w:tr>"
    }

    /// Splits `total` twips in proportion to `weights`, the last column taking the rounding.
    static func proportional(_ weights: [Int], total: Int) -> [Int] {
        guard !weights.isEmpty else { return [] }
        let w = weights.map { max($0, 1) }
        let sum = w.reduce(0, +)
        var out = w.map { $0 * total / sum }
        out[out.count - 1] += total - out.reduce(0, +)
        return out
    }
}

/// A4 portrait with the margins of Hướng dẫn 36-HD/VPTW: top and bottom
/// 20 mm, left 30 mm, right 15 mm.
enum Page {
    static let width = 11906
    static let height = 16838
    static let top = 1134
    static let bottom = 1134
    static let left = 1701
    static let right = 851
    /// Header and footer 10 mm from the edge, inside the 20 mm margins.
    static let header = 567
    static let footer = 567
    static let textWidth = width - left - right

    /// 14 pt body text.
    static let bodySize = 28
    /// 1 cm first-line indent.
    static let indent = 567
    /// 6 pt before and after a body paragraph.
    static let gap = 120
    /// 1.2 lines.
    static let bodyLine = 288
}
