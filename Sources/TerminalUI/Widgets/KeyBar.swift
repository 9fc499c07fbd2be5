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
public struct KeyBar: Hashable, Sendable {
    /// Blanks between two hints.
    public static let gap = 2

    public var hints: [KeyHint]
    public var keyRole: StyleRole
    public var labelRole: StyleRole

    public init(_ hints: [KeyHint], keyRole: StyleRole = .focus, labelRole: StyleRole = .normal) {
        self.hints = hints
        self.keyRole = keyRole
        self.labelRole = labelRole
    }

    public init(hints: [(key: String, label: String)], keyRole: StyleRole = .focus, labelRole: StyleRole = .normal) {
        self.init(hints.map { KeyHint(key: $0.key, label: $0.label) }, keyRole: keyRole, labelRole: labelRole)
    }

    /// How many hints, from the first, fit in `width` columns.
    public func fittingCount(width: Int) -> Int {
        var used = 0
        for (i, hint) in hints.enumerated() {
            let needed = (i > 0 ? Self.gap : 0) + Self.width(of: hint)
            if used + needed > width { return i }
            used += needed
        }
        return hints.count
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        var x = area.x
        for (i, hint) in hints.prefix(fittingCount(width: area.width)).enumerated() {
            if i > 0 { x += Self.gap }
            x += buffer.write(hint.key, x: x, y: area.y, role: keyRole, maxWidth: area.maxX - x)
            if !hint.label.isEmpty {
                x += 1
                x += buffer.write(hint.label, x: x, y: area.y, role: labelRole, maxWidth: area.maxX - x)
            }
        }
    }

    private static func width(of hint: KeyHint) -> Int {
        let label = CellWidth.of(Buffer.prepare(hint.label))
        return CellWidth.of(Buffer.prepare(hint.key)) + (label > 0 ? 1 + label : 0)
    }
}
