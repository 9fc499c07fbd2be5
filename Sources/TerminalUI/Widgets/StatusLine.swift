/// One row: text at the left, text flush right, the whole row in `role`.
/// The right text (a position, a count, a time) is short and always
/// useful, so it keeps its width and the left text is cut with "…".
public struct StatusLine: Hashable, Sendable {
    public var left: String
    public var right: String
    public var role: StyleRole

    public init(left: String = "", right: String = "", role: StyleRole = .header) {
        self.left = left
        self.right = right
        self.role = role
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let y = area.y
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
        let rightWidth = CellWidth.of(Buffer.prepare(right))
        guard rightWidth < area.width else {
            buffer.write(right, x: area.x, y: y, width: area.width, alignment: .right, role: role)
            return
        }
        buffer.write(right, x: area.maxX - rightWidth, y: y, role: role)
        let room = area.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        buffer.write(left, x: area.x, y: y, width: room, alignment: .left, role: role)
    }
}
