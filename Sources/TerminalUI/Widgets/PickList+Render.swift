extension PickList {
    /// Rows of items a popup of `area` shows: the border, the filter line
    /// and its separator take four.
    public static func listRows(in area: Rect) -> Int { max(0, area.height - 4) }

    /// Draws the popup over `area` (the caller places it, e.g. with
    /// `Rect.centered`). `filterLabel` leads the filter line ("Lọc: ");
    /// `placeholder` ("(không có)") stands in for an empty list. The
    /// selected row has a "▶" and is in `.selected`, so it shows in print.
    public func render(into buffer: inout Buffer, area: Rect, title: String = "",
                       filterLabel: String, placeholder: String) {
        let area = area.intersection(buffer.area)
        let panel = Panel(title: title, isFocused: true)
        panel.render(into: &buffer, area: area)
        guard area.width >= 4, area.height >= 3 else { return }
        let inner = panel.inner(of: area).inset(dx: 1, dy: 0)
        drawFilter(into: &buffer, x: inner.x, y: inner.y, width: inner.width, label: filterLabel)
        guard area.height >= 5 else { return }
        buffer.write("├" + String(repeating: "─", count: area.width - 2) + "┤", x: area.x, y: inner.y + 1)
        let rows = Self.listRows(in: area)
        if visibleIndices.isEmpty {
            buffer.write(placeholder, x: inner.x, y: inner.y + 2, width: inner.width, alignment: .left, role: .muted)
            return
        }
        let first = Table.scrollOffset(selected: selected, current: offset, visibleRows: rows,
                                       rowCount: visibleIndices.count)
        for (line, row) in (first..<min(visibleIndices.count, first + rows)).enumerated() {
            let y = inner.y + 2 + line
            let isSelected = row == selected
            buffer.write((isSelected ? "▶ " : "  ") + items[visibleIndices[row]], x: inner.x, y: y,
                         width: inner.width, alignment: .left)
            if isSelected { buffer.setRole(.selected, in: Rect(x: inner.x, y: y, width: inner.width, height: 1)) }
        }
    }

    /// Where the terminal cursor goes on the filter line of a popup drawn in `area`.
    public func cursorPosition(in area: Rect, filterLabel: String) -> Point? {
        guard area.width >= 4, area.height >= 3 else { return nil }
        let inner = area.inset(dx: 2, dy: 1)
        let labelWidth = min(CellWidth.of(Buffer.prepare(filterLabel)), inner.width)
        guard inner.width - labelWidth > 0 else { return nil }
        let column = filter.visible(width: inner.width - labelWidth).cursorColumn
        return Point(x: inner.x + labelWidth + column, y: inner.y)
    }

    private func drawFilter(into buffer: inout Buffer, x: Int, y: Int, width: Int, label: String) {
        let labelWidth = buffer.write(label, x: x, y: y, role: .muted, maxWidth: width)
        guard width - labelWidth > 0 else { return }
        buffer.write(filter.visible(width: width - labelWidth).text, x: x + labelWidth, y: y)
    }
}
