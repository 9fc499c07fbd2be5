/// A buffer as a standalone HTML5 page for printing (A4 landscape).
///
/// The grid stays a grid: one `<pre>`, one `<span>` per run of same-role
/// cells. Role classes are styled with weight, underline, italics and
/// hatched backgrounds as well as colour, so a black-and-white printout
/// still shows focus, selection and status.
public enum HTMLRenderer {
    public static func render(_ buffer: Buffer, title: String, header: String? = nil) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(sanitize(title)))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>

        """
        if let header {
            html += "<header>\(escape(sanitize(header)))</header>\n"
        }
        html += "<pre>"
        for y in 0..<buffer.height {
            if y > 0 { html += "\n" }
            html += line(buffer, y)
        }
        html += "</pre>\n</body>\n</html>\n"
        return html
    }

    /// The CSS class of a role, e.g. `role-at-risk`.
    public static func cssClass(_ role: StyleRole) -> String {
        var name = "role-"
        for ch in role.rawValue {
            if ch.isUppercase { name += "-" + ch.lowercased() } else { name.append(ch) }
        }
        return name
    }

    /// Escapes text for element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    private static func line(_ buffer: Buffer, _ y: Int) -> String {
        var cells = Array(buffer.row(y).filter { !$0.isContinuation })
        // Trailing unstyled blanks carry nothing and would only widen the page.
        while let last = cells.last, last.role == .normal, last.text == " " { cells.removeLast() }
        var out = ""
        var index = 0
        while index < cells.count {
            let role = cells[index].role
            var text = ""
            while index < cells.count, cells[index].role == role {
                text += cells[index].text
                index += 1
            }
            out += "<span class=\"\(cssClass(role))\">\(escape(text))</span>"
        }
        return out
    }

    static let css = """
    :root { color: #000; background: #fff; }
    body { margin: 1em; }
    header { font-family: sans-serif; margin-bottom: 0.5em; }
    pre {
      font-family: "DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", Consolas, monospace;
      font-size: 10pt; line-height: 1.25; margin: 0; white-space: pre;
      -webkit-print-color-adjust: exact; print-color-adjust: exact;
    }
    span { font-variant-ligatures: none; }
    .role-normal { }
    .role-header { font-weight: bold; text-decoration: underline; background: #dde3f0; }
    .role-focus { font-weight: bold; outline: 1px solid #000;
      background: repeating-linear-gradient(135deg, #fff 0 2px, #bbb 2px 3px); }
    .role-selected { background: repeating-linear-gradient(45deg, #fff 0 3px, #ccc 3px 4px); }
    .role-met { font-weight: bold; color: #05631b; }
    .role-at-risk { text-decoration: underline dotted; color: #7a5200; }
    .role-behind { font-weight: bold; text-decoration: underline; color: #a30000; }
    .role-no-data { font-style: italic; color: #555; }
    .role-error { font-weight: bold; text-decoration: underline wavy; color: #a30000; }
    .role-muted { color: #666; }
    @media print {
      @page { size: A4 landscape; margin: 10mm; }
      body { margin: 0; }
      pre { font-size: 8pt; }
    }
    """
}
