import TerminalUI

/// Widths on paper are the terminal's: the printout measures and wraps text
/// with TerminalUI's one width function (style rule: one `CellWidth`), so a
/// printed list and the screen agree on what fits.
enum TextWidth {
    static func of(_ s: String) -> Int { CellWidth.of(s) }

    /// `s` padded with spaces to `width`, on the left when `right`.
    static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(s)))
        return right ? fill + s : s + fill
    }

    /// `s` in lines of at most `width` columns (TextWrap); an empty cell is one empty line.
    static func wrap(_ s: String, width: Int) -> [String] {
        let lines = TextWrap.lines(s, width: max(1, width))
        return lines.isEmpty ? [""] : lines
    }
}

/// HTML escaping is TerminalUI's too (the printed screen's renderer).
enum HTMLText {
    static func escape(_ s: String) -> String { HTMLRenderer.escape(s) }
}
