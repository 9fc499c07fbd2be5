import DVKCore
import TerminalUI

/// The go-to box, drawn over the screen:
///
///     ┌ Đi đến đơn vị ─────────────────────────────────────────────┐
///     │ Tên đơn vị: suoi giang▏                                     │
///     ├─────────────────────────────────────────────────────────────┤
///     │ Tên đơn vị          Loại     Trực thuộc       Hiệu lực      │
///     │ Xã Suối Giàng       xã       Huyện Văn Chấn   → Xã Văn Chấn │
///     │ 1 đơn vị                                                    │
///     └─────────────────────────────────────────────────────────────┘
///
/// A unit no longer in force says until when, or what it became, so an
/// officer can tell the old commune from the new one of the same name.
enum GoToView {
    static func render(_ g: GoToState, _ s: AppState, into b: inout Buffer, body: Rect) {
        let t = s.texts
        let frame = GoToState.frame(body)
        // Half-covered rows of the screen beneath would read as part of the list.
        b.fill(body)
        let panel = Panel(title: t.pick("Đi đến đơn vị", "Go to a unit"), isFocused: true)
        panel.render(into: &b, area: frame)
        let inner = panel.inner(of: frame).inset(dx: 1, dy: 0)
        guard inner.height >= 4, inner.width > 0 else { return }
        let label = label(t)
        let used = b.write(label, x: inner.x, y: inner.y, role: .muted, maxWidth: inner.width)
        b.write(g.input.visible(width: max(0, inner.width - used)).text, x: inner.x + used, y: inner.y, maxWidth: inner.width - used)
        b.write("├" + String(repeating: "─", count: frame.width - 2) + "┤", x: frame.x, y: inner.y + 1)
        let wide = inner.width >= 90
        let columns = [
            TableColumn(t.pick("Tên đơn vị", "Unit"), width: .min(16)),
            TableColumn(t.words.kindHeader, width: 10),
            TableColumn(t.pick("Trực thuộc", "Under"), width: wide ? 26 : 18),
            TableColumn(t.pick("Hiệu lực", "In force"), width: wide ? 26 : 16),
        ]
        let rows = (g.candidates ?? []).map { row($0, s) }
        Table(columns: columns, source: rows, selected: rows.isEmpty ? nil : g.selected, offset: g.offset,
              placeholder: g.candidates == nil ? t.loading : t.pick("Không có đơn vị nào có tên như vậy.", "No unit has such a name."))
            .render(into: &b, area: GoToState.table(body))
        b.write(footer(g, t), x: inner.x, y: inner.maxY - 1, role: .muted, maxWidth: inner.width)
    }

    static func label(_ t: Texts) -> String { t.pick("Tên đơn vị: ", "Unit name: ") }

    static func row(_ c: UnitCandidate, _ s: AppState) -> [TableCell] {
        let t = s.texts
        let inForce = c.isInForce(on: s.today)
        return [TableCell(c.unit.name, role: inForce ? nil : .muted), TableCell(t.words.kind(of: c.unit), role: .muted),
                TableCell(c.parentName ?? "—", role: .muted), TableCell(validity(c, t), role: .muted)]
    }

    /// A unit's dates, so an old and a new unit of one name tell apart:
    /// “→ Xã Văn Chấn”, “đến 30/06/2025”, “từ 01/07/2025”; nothing for a unit with no dates.
    static func validity(_ c: UnitCandidate, _ t: Texts) -> String {
        if let next = c.successorName { return "→ " + next }
        if let to = c.unit.validTo { return t.pick("đến ", "until ") + to.description }
        if let from = c.unit.validFrom { return t.pick("từ ", "from ") + from.description }
        return ""
    }

    static func footer(_ g: GoToState, _ t: Texts) -> String {
        guard let found = g.candidates else { return "" }
        if g.text.isEmpty {
            return t.pick("Các đơn vị cấp cao nhất · gõ tên để tìm trong cả cơ sở dữ liệu, không cần dấu",
                          "The top units · type a name to search the whole database, tone marks optional")
        }
        if found.count >= GoToState.limit {
            return t.pick("\(found.count) đơn vị đầu · gõ thêm để thu hẹp", "The first \(found.count) units · type more to narrow")
        }
        return t.pick("\(found.count) đơn vị", found.count == 1 ? "1 unit" : "\(found.count) units")
    }

    /// The terminal cursor: in the typed name.
    static func cursor(_ g: GoToState, _ s: AppState, body: Rect) -> Point? {
        let inner = Panel().inner(of: GoToState.frame(body)).inset(dx: 1, dy: 0)
        let used = CellWidth.of(label(s.texts))
        guard inner.height >= 4, inner.width - used > 0 else { return nil }
        return Point(x: inner.x + used + g.input.visible(width: inner.width - used).cursorColumn, y: inner.y)
    }
}
