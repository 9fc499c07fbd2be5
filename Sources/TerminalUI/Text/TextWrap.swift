/// Word wrapping by display width.
public enum TextWrap {
    /// The lines of `text` wrapped to `width` columns.
    ///
    /// Line breaks in the text start new lines (an empty paragraph stays an
    /// empty line); runs of spaces collapse to one. A word wider than the
    /// line is hard-broken between grapheme clusters, never inside one, so
    /// NFD Vietnamese keeps its marks. A wide character alone wider than
    /// `width` gets a line of its own. Lines come back sanitized and NFC,
    /// without trailing spaces. Empty text (or `width` < 1) gives no lines.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0, !text.isEmpty else { return [] }
        var out: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            wrap(Buffer.prepare(String(paragraph)), width: width, into: &out)
        }
        return out
    }

    private static func wrap(_ paragraph: String, width: Int, into out: inout [String]) {
        var line = ""
        var lineWidth = 0
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
        if words.isEmpty { out.append(""); return }
        for word in words {
            let w = CellWidth.of(String(word))
            if lineWidth > 0, lineWidth + 1 + w <= width {
                line += " " + word
                lineWidth += 1 + w
                continue
            }
            if lineWidth > 0 { out.append(line) }
            line = ""
            lineWidth = 0
            guard w > width else { line = String(word); lineWidth = w; continue }
            // Hard break: full chunks become lines, the tail stays open so
            // the next word may join it.
            for c in word {
                let cw = CellWidth.of(c)
                if lineWidth > 0, lineWidth + cw > width {
                    out.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(c)
                lineWidth += cw
            }
        }
        out.append(line)
    }
}
