/// Shortening text to a display width with "…".
///
/// Widths are display columns of the text as `Buffer.write` will draw it
/// (sanitized, NFC), so NFD Vietnamese and wide characters cut at the same
/// place as their on-screen width says. A cluster is never split; when a
/// wide character would straddle the limit it is dropped and the result is
/// one column narrower.
public enum Truncation {
    public static let ellipsis = "…"

    /// Keeps the start: "Nguyễn Thị…". Text that is too wide only by its
    /// trailing spaces loses them, not a letter, and gets no "…".
    public static func end(_ text: String, width: Int) -> String {
        let text = Buffer.prepare(text)
        guard width > 0 else { return "" }
        guard CellWidth.of(text) > width else { return text }
        guard isCut(text, width: width) else { return String(take(text, width: width)) }
        return marked(text, width: width)
    }

    /// `text` (prepared) cut to `width` with "…" as its last cell, whether
    /// or not it would fit: for a widget that knows more follows (the rest
    /// of a message, parents of a breadcrumb).
    static func marked(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var kept = take(text, width: width - 1)
        // "Nguyễn…" reads better than "Nguyễn …".
        while kept.last == " " { kept.removeLast() }
        return String(kept) + ellipsis
    }

    /// True when drawing `text` (prepared) in `width` columns loses more
    /// than trailing spaces.
    static func isCut(_ text: String, width: Int) -> Bool {
        var visible = Substring(text)
        while visible.last == " " { visible.removeLast() }
        return CellWidth.of(String(visible)) > width
    }

    /// Keeps the end: "…Thị Ánh", for paths whose last part matters most.
    public static func start(_ text: String, width: Int) -> String {
        let text = Buffer.prepare(text)
        guard width > 0 else { return "" }
        guard CellWidth.of(text) > width else { return text }
        var kept = take(text.reversed(), width: width - 1)
        while kept.last == " " { kept.removeLast() }
        return ellipsis + String(kept.reversed())
    }

    /// Keeps both ends: "Thị trấn Nô…Liên Sơn". Names that share a long
    /// prefix (Thị trấn Nông trường …) stay told apart.
    public static func middle(_ text: String, width: Int) -> String {
        let text = Buffer.prepare(text)
        guard width > 0 else { return "" }
        guard CellWidth.of(text) > width else { return text }
        let tailWidth = (width - 1) / 2
        var head = take(text, width: width - 1 - tailWidth)
        while head.last == " " { head.removeLast() }
        var tail = take(text.reversed(), width: tailWidth)
        while tail.last == " " { tail.removeLast() }
        return String(head) + ellipsis + String(tail.reversed())
    }

    private static func take<S: Sequence<Character>>(_ characters: S, width: Int) -> [Character] {
        var out: [Character] = []
        var used = 0
        for c in characters {
            let w = CellWidth.of(c)
            if used + w > width { break }
            out.append(c)
            used += w
        }
        return out
    }
}

extension Buffer {
    /// Writes `text` into the `width` columns from (`x`, `y`), truncated with
    /// "…" when longer and placed by `alignment`. Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, width: Int,
                               alignment: Alignment, role: StyleRole = .normal) -> Int {
        guard width > 0 else { return 0 }
        let fitted = Truncation.end(text, width: width)
        let spare = width - CellWidth.of(fitted)
        let pad = switch alignment {
        case .left: 0
        case .right: spare
        case .center: spare / 2
        }
        return write(fitted, x: x + pad, y: y, role: role, maxWidth: width - pad)
    }
}
