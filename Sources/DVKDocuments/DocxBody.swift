import DVKCore

/// `word/document.xml`: the report laid out as Hướng dẫn 36-HD/VPTW shows it.
enum DocxBody {
    static let demoColumnTitle = "Ghi chú"

    static func xml(_ doc: ReportDocument) -> String {
        var body = masthead(doc)
        body += titleBlock(doc)
        for block in doc.blocks { body += self.block(block) }
        body += closing(doc)
        body += sectionProperties(demo: doc.isDemo)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:document xmlns:w=\"\(WordML.wNamespace)\" xmlns:r=\"\(WordML.rNamespace)\"><w:body>"
            + body + "</w:body></w:document>"
    }

    // MARK: - Header block

    /// Two borderless columns: the issuer, `*` and number on the left; the
    /// party line (underlined) and the place and date (italic) on the right.
    /// The number and the date share the second row, so they line up.
    static func masthead(_ doc: ReportDocument) -> String {
        // Half and half, the issuer in 13 pt: “BAN TUYÊN GIÁO VÀ DÂN VẬN” stays on one line.
        let widths = WordML.proportional([50, 50], total: Page.textWidth)
        let regular = WordML.Run.size(26)
        var issuer: [String] = doc.issuer.enumerated().map { i, line in
            let look = i == doc.issuer.count - 1 ? regular.bolded : regular
            return WordML.paragraph(line, look, .centred)
        }
        issuer.append(WordML.paragraph("*", regular, .centred))
        let party = WordML.paragraph(ReportDocument.partyLine, WordML.Run.size(30).bolded.underlined, .centred)
        let number = WordML.paragraph(doc.number, regular, .centred)
        let date = WordML.paragraph(doc.placeAndDate, WordML.Run.body.italicized, .centred)
        return WordML.table(widths: widths, borders: .none, rows: [
            WordML.row([WordML.cell(width: widths[0], issuer), WordML.cell(width: widths[1], [party])]),
            WordML.row([WordML.cell(width: widths[0], [number]), WordML.cell(width: widths[1], [date])]),
        ])
    }

    static func titleBlock(_ doc: ReportDocument) -> String {
        var title = WordML.Paragraph.centred
        title.before = 360
        title.keepNext = true
        var subject = WordML.Paragraph.centred
        subject.keepNext = true
        return WordML.paragraph(doc.title, WordML.Run.size(32).bolded, title)
            + WordML.paragraph(doc.subject, WordML.Run.body.bolded, subject)
            + WordML.paragraph("-----", WordML.Run.body, WordML.Paragraph(align: .center, after: Page.gap))
    }

    // MARK: - Blocks

    static func block(_ block: ReportBlock) -> String {
        switch block {
        case let .heading(text):
            return WordML.paragraph(text, WordML.Run.body.bolded, heading("DVKHeading"))
        case let .subheading(text):
            return WordML.paragraph(text, WordML.Run.body.bolded, heading("DVKSubheading"))
        case let .paragraph(text):
            return WordML.paragraph(text, WordML.Run.body, body(style: nil))
        case let .note(text):
            return WordML.paragraph(text, WordML.Run.body.italicized, body(style: "DVKNote"))
        case let .table(table):
            return self.table(table)
                // Word merges two tables that touch; a small gap also reads better.
                + WordML.paragraph("", WordML.Run.size(12), WordML.Paragraph(after: 0))
        }
    }

    static func heading(_ style: String) -> WordML.Paragraph {
        WordML.Paragraph(style: style, align: .left, before: Page.gap, after: Page.gap, line: Page.bodyLine, keepNext: true)
    }

    static func body(style: String?) -> WordML.Paragraph {
        WordML.Paragraph(style: style, align: .both, firstLine: Page.indent, before: Page.gap, after: Page.gap, line: Page.bodyLine)
    }

    /// A real Word table: single black borders, the header row bold, centred
    /// and repeated on every page; numbers on the right; the width of the text.
    static func table(_ table: DataTable) -> String {
        var columns = table.columns
        let demo = table.hasDemoRows
        let mark = DataTable.demoMark(.vi)
        if demo { columns.append(demoColumn) }
        guard !columns.isEmpty else { return "" }
        let widths = WordML.proportional(columnWeights(columns), total: Page.textWidth)
        let cellLook = WordML.Run.size(26)
        let cellLayout = WordML.Paragraph(before: 40, after: 40)

        func layout(_ align: WordML.Align) -> WordML.Paragraph {
            var p = cellLayout
            p.align = align
            return p
        }

        let header = WordML.row(columns.enumerated().map { i, column in
            WordML.cell(width: widths[i], [WordML.paragraph(column.title, cellLook.bolded, layout(.center))], vAlign: "center")
        }, header: true)

        let rows = table.rows.map { row in
            var texts = (0 ..< table.columns.count).map { i in i < row.cells.count ? row.cells[i].display(.vi) : "" }
            if demo { texts.append(row.isDemo ? mark : "") }
            return WordML.row(texts.enumerated().map { i, text in
                let align: WordML.Align = columns[i].alignsRight ? .right : (demo && i == columns.count - 1 ? .center : .left)
                return WordML.cell(width: widths[i], [WordML.paragraph(text, cellLook, layout(align))])
            })
        }
        return WordML.table(widths: widths, borders: .single, style: "DVKTable", rows: [header] + rows)
    }

    /// The column "Ghi chú" a table with demo rows gets: wide enough for
    /// "DỮ LIỆU MẪU" on one line (capitals take about 1.6 characters' width).
    static var demoColumn: TableColumn {
        TableColumn(demoColumnTitle, width: 18)
    }

    /// Each column's share of the width: its `width` in characters (at least
    /// its title's longest word), plus room for the cell's side margins.
    static func columnWeights(_ columns: [TableColumn]) -> [Int] {
        columns.map { column in
            let word = column.title.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0
            return max(column.width, word, 1) * 130 + 170
        }
    }

    // MARK: - Closing block

    /// "Nơi nhận" on the left; on the right the authority, room to sign, the name.
    static func closing(_ doc: ReportDocument) -> String {
        let widths = WordML.proportional([45, 55], total: Page.textWidth)
        let small = WordML.Run.size(24)
        var left = [WordML.paragraph("Nơi nhận:", small.bolded.italicized.underlined, .tight)]
        left += doc.recipients.map { WordML.paragraph($0, WordML.Run.size(22), .tight) }
        let bold = WordML.Run.body.bolded
        var right = doc.signature.authority.map { WordML.paragraph($0, bold, .centred) }
        right += Array(repeating: WordML.paragraph("", bold, .centred), count: 4)
        right.append(WordML.paragraph(doc.signature.name, bold, .centred))
        // Space above, and kept with the last lines of text above it.
        let spacer = WordML.paragraph("", WordML.Run.body, WordML.Paragraph(after: 0, keepNext: true))
        return spacer + WordML.table(widths: widths, borders: .none, rows: [
            WordML.row([WordML.cell(width: widths[0], left), WordML.cell(width: widths[1], right)]),
        ]) + WordML.paragraph("", WordML.Run.size(4), .tight)
    }

    // MARK: - Section

    static func sectionProperties(demo: Bool) -> String {
        var x = "<w:sectPr>"
        if demo { x += "<w:headerReference w:type=\"default\" r:id=\"\(DocxPackage.headerID)\"/>" }
        x += "<w:footerReference w:type=\"default\" r:id=\"\(DocxPackage.footerID)\"/>"
        x += "<w:pgSz w:w=\"\(Page.width)\" w:h=\"\(Page.height)\" w:orient=\"portrait\"/>"
        x += "<w:pgMar w:top=\"\(Page.top)\" w:right=\"\(Page.right)\" w:bottom=\"\(Page.bottom)\" w:left=\"\(Page.left)\""
            + " w:header=\"\(Page.header)\" w:footer=\"\(Page.footer)\" w:gutter=\"0\"/>"
        x += "<w:cols w:space=\"708\"/></w:sectPr>"
        return x
    }

    // MARK: - Header and footer parts

    static let demoHeaderText = "DỮ LIỆU MẪU — không dùng cho báo cáo chính thức"

    static func headerXML() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:hdr xmlns:w=\"\(WordML.wNamespace)\" xmlns:r=\"\(WordML.rNamespace)\">"
            + WordML.paragraph(demoHeaderText, WordML.Run.size(24).bolded, .centred)
            + "</w:hdr>"
    }

    /// The page number, centred, through a PAGE field.
    static func footerXML() -> String {
        let look = WordML.Run.size(26)
        let field = "<w:r>\(look.properties)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r>\(look.properties)<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
            + "<w:r>\(look.properties)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + "<w:r>\(look.properties)<w:t>1</w:t></w:r>"
            + "<w:r>\(look.properties)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:ftr xmlns:w=\"\(WordML.wNamespace)\" xmlns:r=\"\(WordML.rNamespace)\">"
            + "<w:p>" + WordML.Paragraph.centred.properties(mark: look) + field + "</w:p>"
            + "</w:ftr>"
    }
}
