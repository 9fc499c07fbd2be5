import DVKCore

/// The report as one self-contained, print-ready HTML page with the .docx's
/// layout: for a browser's Print when neither Word nor LibreOffice is there.
public enum ReportHTML {
    public static func render(_ doc: ReportDocument) -> String {
        var x = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        x += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        x += "<meta name=\"generator\" content=\"dvk\">\n"
        x += "<title>\(e(doc.title)) — \(e(doc.subject))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        if doc.isDemo {
            // The watermark is fixed, so every printed page carries it; the banner opens page 1.
            x += "<div class=\"demo-watermark\" aria-hidden=\"true\">\(e(DataTable.demoMark(.vi)))</div>\n"
            x += "<div class=\"demo-mark\">\(e(DocxBody.demoHeaderText))</div>\n"
        }
        x += "<main class=\"page\">\n"
        x += masthead(doc)
        x += "<h1 class=\"title\">\(e(doc.title))</h1>\n"
        x += "<p class=\"subject\">\(lines(doc.subject))</p>\n"
        x += "<p class=\"separator\">-----</p>\n"
        for block in doc.blocks { x += self.block(block) }
        x += closing(doc)
        x += "</main>\n</body>\n</html>\n"
        return x
    }

    static func e(_ text: String) -> String { XMLText.escape(text) }

    /// Escaped, line breaks kept.
    static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { e(String($0)) }.joined(separator: "<br>")
    }

    static func masthead(_ doc: ReportDocument) -> String {
        var issuer = doc.issuer.enumerated().map { i, line in
            i == doc.issuer.count - 1 ? "<div class=\"issuer-last\">\(e(line))</div>" : "<div>\(e(line))</div>"
        }.joined()
        issuer += "<div>*</div>"
        return "<table class=\"masthead\">\n"
            + "<tr><td class=\"issuer\">\(issuer)</td><td class=\"party\"><span>\(e(ReportDocument.partyLine))</span></td></tr>\n"
            + "<tr><td class=\"number\">\(e(doc.number))</td><td class=\"date\">\(e(doc.placeAndDate))</td></tr>\n"
            + "</table>\n"
    }

    static func block(_ block: ReportBlock) -> String {
        switch block {
        case let .heading(text): return "<h2>\(lines(text))</h2>\n"
        case let .subheading(text): return "<h3>\(lines(text))</h3>\n"
        case let .paragraph(text): return "<p class=\"body\">\(lines(text))</p>\n"
        case let .note(text): return "<p class=\"body note\">\(lines(text))</p>\n"
        case let .table(table): return self.table(table)
        }
    }

    static func table(_ table: DataTable) -> String {
        var columns = table.columns
        let demo = table.hasDemoRows
        let mark = DataTable.demoMark(.vi)
        if demo { columns.append(DocxBody.demoColumn) }
        guard !columns.isEmpty else { return "" }
        let weights = DocxBody.columnWeights(columns)
        let total = weights.reduce(0, +)
        var x = "<table class=\"data\">\n<colgroup>"
        for weight in weights {
            let pct = Double(weight) * 100 / Double(total)
            x += "<col style=\"width: \(format2(pct))%\">"
        }
        x += "</colgroup>\n<thead><tr>"
        x += columns.map { "<th scope=\"col\">\(e($0.title))</th>" }.joined()
        x += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            var texts = (0 ..< table.columns.count).map { i in i < row.cells.count ? row.cells[i].display(.vi) : "" }
            if demo { texts.append(row.isDemo ? mark : "") }
            x += row.isDemo ? "<tr class=\"demo-row\">" : "<tr>"
            for (i, text) in texts.enumerated() {
                let cls = columns[i].alignsRight ? " class=\"num\"" : (demo && i == columns.count - 1 ? " class=\"mark\"" : "")
                x += "<td\(cls)>\(e(text))</td>"
            }
            x += "</tr>\n"
        }
        return x + "</tbody>\n</table>\n"
    }

    /// Two decimals with a dot, as CSS wants (not the Vietnamese comma).
    static func format2(_ v: Double) -> String {
        let hundredths = Int((v * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    static func closing(_ doc: ReportDocument) -> String {
        var left = "<div class=\"recipients-title\">Nơi nhận:</div>"
        left += doc.recipients.map { "<div>\(e($0))</div>" }.joined()
        var right = doc.signature.authority.map { "<div>\(e($0))</div>" }.joined()
        right += "<div class=\"sign-space\"></div>"
        right += "<div class=\"signer\">\(doc.signature.name.isEmpty ? "&nbsp;" : e(doc.signature.name))</div>"
        return "<table class=\"closing\">\n<tr><td class=\"recipients\">\(left)</td><td class=\"signature\">\(right)</td></tr>\n</table>\n"
    }

    static let css = """
    @page { size: A4; margin: 20mm 15mm 20mm 30mm; @bottom-center { content: counter(page); font: 13pt "Times New Roman", "Liberation Serif", serif; } }
    html { background: #fff; }
    body { margin: 0; color: #000; background: #fff; font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 14pt; line-height: 1.2; }
    @media screen { .page { width: 165mm; margin: 10mm auto; padding: 20mm 15mm 20mm 30mm; box-shadow: 0 0 4px #888; } }
    table { border-collapse: collapse; }
    .masthead, .closing { width: 100%; table-layout: fixed; }
    .masthead td, .closing td { border: none; padding: 0; vertical-align: top; }
    .masthead .issuer, .masthead .number { width: 45%; text-align: center; }
    .masthead .party, .masthead .date { width: 55%; text-align: center; }
    .issuer-last { font-weight: bold; }
    .party span { font-size: 15pt; font-weight: bold; text-decoration: underline; }
    .date { font-style: italic; }
    h1.title { font-size: 16pt; font-weight: bold; text-align: center; margin: 18pt 0 0; }
    .subject { font-weight: bold; text-align: center; margin: 0; }
    .separator { text-align: center; margin: 0 0 6pt; }
    h2, h3 { font-size: 14pt; font-weight: bold; text-align: left; margin: 6pt 0; break-after: avoid; page-break-after: avoid; }
    p.body { text-align: justify; text-indent: 1cm; margin: 6pt 0; }
    p.note { font-style: italic; }
    table.data { width: 100%; table-layout: fixed; margin: 6pt 0; font-size: 13pt; }
    table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
    table.data th { font-weight: bold; text-align: center; vertical-align: middle; }
    table.data td.num { text-align: right; }
    table.data td.mark { text-align: center; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    .closing { margin-top: 14pt; break-inside: avoid; page-break-inside: avoid; }
    .closing .recipients { width: 45%; font-size: 11pt; text-align: left; }
    .recipients-title { font-size: 12pt; font-weight: bold; font-style: italic; text-decoration: underline; }
    .closing .signature { width: 55%; text-align: center; font-weight: bold; }
    .sign-space { height: 5.6em; }
    .demo-mark { text-align: center; font-size: 12pt; font-weight: bold; margin: 0 0 4mm; }
    @media screen { .demo-mark { position: sticky; top: 0; padding: 2mm 0; background: #fff; border-bottom: 1px solid #000; } }
    .demo-watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 60pt; font-weight: bold; color: #bbb; transform: rotate(-30deg); z-index: -1; pointer-events: none; }
    @media print { body { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }

    """
}
