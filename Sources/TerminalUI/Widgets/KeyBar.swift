/// One key hint of a key bar: the key's name and what it does.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// The row of key hints at the bottom of the screen:
///
///     q Thoát  ? Trợ giúp  ↑ Lên
///
/// Keys are in `.focus` (reverse video in mono), labels in `.normal`.
/// Hints that don't fit are left out whole, never cut mid-hint, so what
/// shows is always a complete instruction; the help overlay lists the rest.
/// Leaving hints out always shows: the bar then ends with `overflowLabel`
/// (e.g. "? thêm", pointing at the help), or "…" without one, and room
/// for it is made by leaving out one hint more if need be. When every
/// hint fits, the label is not shown.
public struct KeyBar: Hashable, Sendable {
    /// Blanks between two hints.
    public static let gap = 2

    public var hints: [KeyHint]
    public var keyRole: StyleRole
    public var labelRole: StyleRole
    /// Ends the bar when hints were left out. Drawn like a hint: the text
    /// up to its first space is the key (in `keyRole`), the rest its label,
    /// so "? more" reads as the key ? and what it does. Nil (or empty)
    /// shows "…" instead. Too wide for the bar, it is cut with "…".
    public var overflowLabel: String?

    public init(_ hints: [KeyHint], keyRole: StyleRole = .focus, labelRole: StyleRole = .normal,
                overflowLabel: String? = nil) {
        self.hints = hints
        self.keyRole = keyRole
        self.labelRole = labelRole
        self.overflowLabel = overflowLabel
    }

    public init(hints: [(key: String, label: String)], keyRole: StyleRole = .focus, labelRole: StyleRole = .normal,
                overflowLabel: String? = nil) {
        self.init(hints.map { KeyHint(key: $0.key, label: $0.label) }, keyRole: keyRole, labelRole: labelRole,
                  overflowLabel: overflowLabel)
    }

    /// How many hints, from the first, are shown in `width` columns: all
    /// of them when they fit, else as many as leave room for the overflow
    /// label.
    public func fittingCount(width: Int) -> Int {
        let widths = hints.map(Self.width(of:))
        if Self.count(widths, fitting: width) == hints.count { return hints.count }
        let overflow = Self.width(of: overflowHint)
        return Self.count(widths, fitting: width - Self.gap - overflow)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        let shown = fittingCount(width: area.width)
        var x = area.x
        for (i, hint) in hints.prefix(shown).enumerated() {
            if i > 0 { x += Self.gap }
            x = draw(hint, into: &buffer, x: x, area: area)
        }
        guard shown < hints.count else { return }
        if shown > 0 { x += Self.gap }
        draw(overflowHint, into: &buffer, x: x, area: area)
    }

    // MARK: - Internals

    /// `overflowLabel` as a hint: key up to the first space, label after it.
    private var overflowHint: KeyHint {
        guard let text = overflowLabel.map(Buffer.prepare), !text.isEmpty else {
            return KeyHint(key: "", label: Truncation.ellipsis)
        }
        guard let space = text.firstIndex(of: " "), space > text.startIndex else { return KeyHint(key: "", label: text) }
        return KeyHint(key: String(text[..<space]), label: String(text[text.index(after: space)...]))
    }

    /// Draws `hint` from `x`, cut with "…" at the area's edge; returns the x after it.
    @discardableResult
    private func draw(_ hint: KeyHint, into buffer: inout Buffer, x: Int, area: Rect) -> Int {
        let room = area.maxX - x
        guard room > 0 else { return x }
        let keyWidth = CellWidth.of(Buffer.prepare(hint.key))
        var x = x
        if keyWidth > 0 {
            // The key alone would read as complete: without room for a
            // blank and one more cell, the key ends on "…" instead.
            if !hint.label.isEmpty, Self.width(of: hint) > room, keyWidth + 2 > room {
                return x + buffer.write(Truncation.marked(Buffer.prepare(hint.key), width: room), x: x, y: area.y,
                                        role: keyRole, maxWidth: room)
            }
            x += buffer.write(hint.key, x: x, y: area.y, role: keyRole, maxWidth: room)
            if hint.label.isEmpty { return x }
            x += 1
        }
        return x + buffer.write(hint.label, x: x, y: area.y, role: labelRole, maxWidth: area.maxX - x)
    }

    /// How many of the first widths fit in `width` with gaps between them.
    private static func count(_ widths: [Int], fitting width: Int) -> Int {
        var used = 0
        for (i, w) in widths.enumerated() {
            let needed = (i > 0 ? gap : 0) + w
            if used + needed > width { return i }
            used += needed
        }
        return widths.count
    }

    private static func width(of hint: KeyHint) -> Int {
        let key = CellWidth.of(Buffer.prepare(hint.key))
        let label = CellWidth.of(Buffer.prepare(hint.label))
        return key + (key > 0 && label > 0 ? 1 : 0) + label
    }
}
