/// Width of text on paper in monospace columns, for the printout.
///
/// DVKExport does not depend on TerminalUI (whose `CellWidth` follows the
/// terminal's `wcwidth`), so this counts grapheme clusters: each `Character`
/// is one column. A Vietnamese letter is one `Character` whether it is
/// precomposed (ế, one scalar) or decomposed (e + ̂ + ́), so NFC and NFD text
/// measure the same. East Asian wide characters would need 2; Vietnamese
/// text has none, and exported text is NFC with controls already replaced.
enum TextWidth {
    static func of(_ s: String) -> Int { s.count }

    /// `s` padded with spaces to `width`, on the left when `right`.
    static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(s)))
        return right ? fill + s : s + fill
    }

    /// `s` in lines of at most `width` columns: broken at spaces, a word
    /// longer than a line split where it must. Nothing is dropped but the
    /// spaces at the breaks.
    static func wrap(_ s: String, width: Int) -> [String] {
        let width = max(1, width)
        guard of(s) > width else { return [s] }
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            if current.isEmpty, of(word) <= width {
                current = word
            } else if !current.isEmpty, of(current) + 1 + of(word) <= width {
                current += " " + word
            } else {
                if !current.isEmpty { lines.append(current) }
                current = ""
                while of(word) > width {
                    lines.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
