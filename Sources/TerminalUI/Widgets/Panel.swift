/// A box with a light border and a title on its top edge:
///
///     ┌ Title ─────┐
///     │            │
///     └────────────┘
///
/// The title is in `.header`, or `.focus` when the panel has the focus, so
/// the focused panel is visible in colour, in mono and in the role files.
/// Rendering clears the inside, so a panel drawn over other content (an
/// overlay) hides it.
public struct Panel: Hashable, Sendable {
    public var title: String
    public var isFocused: Bool
    public var borderRole: StyleRole

    public init(title: String = "", isFocused: Bool = false, borderRole: StyleRole = .normal) {
        self.title = title
        self.isFocused = isFocused
        self.borderRole = borderRole
    }

    /// The area inside the border, where content goes.
    public func inner(of area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        // Too small for a border: blank is better than a broken box.
        guard area.width >= 2, area.height >= 2 else { buffer.fill(area); return }
        let bar = String(repeating: "─", count: area.width - 2)
        buffer.write("┌" + bar + "┐", x: area.x, y: area.y, role: borderRole, maxWidth: area.width)
        buffer.write("└" + bar + "┘", x: area.x, y: area.maxY - 1, role: borderRole, maxWidth: area.width)
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.write("│", x: area.x, y: y, role: borderRole)
            buffer.fill(Rect(x: area.x + 1, y: y, width: area.width - 2, height: 1))
            buffer.write("│", x: area.maxX - 1, y: y, role: borderRole)
        }
        // One space each side of the title, and the corners stay visible.
        let room = area.width - 4
        guard room > 0, !title.isEmpty else { return }
        let text = " " + Truncation.end(title, width: room) + " "
        buffer.write(text, x: area.x + 1, y: area.y, role: isFocused ? .focus : .header, maxWidth: area.width - 2)
    }
}
