import DVKCore
import TerminalUI

/// The transcription grid: one row per model, errors kept on their row.
enum GridView {
    static func columnWidths(_ width: Int) -> [Int] {
        // title, field, kind, launched, effective, result
        let fixed = [4, 12, 9, 12, 10, 0]
        let title = max(16, width - fixed.reduce(0, +) - 8)
        return [4, title, 12, 9, 12, 10]
    }

    static func render(_ g: GridState, _ s: AppState, into b: inout Buffer, body: Rect) {
        let t = s.texts
        b.fill(body)
        let panel = Panel(title: t.pick("Nhập nhanh: \(g.unit.name) · năm \(g.year)", "Fast entry: \(g.unit.name) · \(g.year)"), isFocused: true)
        panel.render(into: &b, area: body)
        let inner = panel.inner(of: body).inset(dx: 1, dy: 0)
        let widths = columnWidths(inner.width)
        let headers = ["#", t.pick("Tên mô hình", "Title"), t.pick("Lĩnh vực", "Field"), t.pick("Loại", "Kind"),
                       t.pick("Ngày ra mắt", "Launched"), t.pick("Hiệu quả", "Effective")]
        var x = inner.x
        for (i, h) in headers.enumerated() {
            b.write(h, x: x, y: inner.y, width: widths[i], alignment: .left, role: .header)
            x += widths[i] + 1
        }
        b.write(t.pick("Lĩnh vực: ←/→, 1–4 · Loại: t tập thể, c cá nhân · Hiệu quả: c có, k không",
                       "Field: ←/→ or 1–4 · Kind: t collective, c individual · Effective: c yes, k no, Space cycles"),
                x: inner.x, y: inner.maxY - 1, role: .muted, maxWidth: inner.width)
        // Two lines a row: the values, then the row's error or status.
        let visible = max(1, (inner.height - 2) / 2)
        let first = max(0, g.row - visible + 1)
        for (n, i) in (first..<min(g.rows.count, first + visible)).enumerated() {
            let r = g.rows[i]
            let y = inner.y + 1 + n * 2
            let field = g.fields.indices.contains(r.field) ? t.words.fieldMedium(g.fields[r.field].code) : "?"
            let effective = r.effective.map { $0 ? t.pick("✓ có", "✓ yes") : t.pick("✗ không", "✗ no") } ?? t.pick("… chưa", "… not yet")
            let cells = ["\(i + 1)", r.title.text, field, t.kind(r.kind), r.launched.text, effective]
            var x = inner.x
            for (c, text) in cells.enumerated() {
                let focused = i == g.row && c - 1 == g.column
                b.write(text, x: x, y: y, width: widths[c], alignment: .left, role: focused ? .focus : (i == g.row ? .selected : .normal))
                x += widths[c] + 1
            }
            if let e = r.error {
                b.write("⚠ " + e, x: inner.x + 5, y: y + 1, role: .error, maxWidth: inner.width - 5)
            } else if r.savedModelID != nil {
                b.write(r.isDirty ? t.pick("✎ đã sửa, chưa lưu", "✎ changed, not saved") : t.pick("✓ đã lưu", "✓ saved"),
                        x: inner.x + 5, y: y + 1, role: r.isDirty ? .atRisk : .met)
            }
        }
        if g.question != nil {
            let n = g.unsavedRows.count
            Modal.confirm(title: t.pick("Xác nhận", "Confirm"),
                          text: t.pick("Đóng bảng và bỏ \(n) dòng chưa lưu?", "Close and discard \(n) unsaved row\(n == 1 ? "" : "s")?"),
                          accept: t.pick("c: Có", "y: Yes"), cancel: t.pick("k: Không", "n: No"))
                .render(into: &b, area: body)
        }
    }

    static func cursor(_ g: GridState, _ s: AppState, body: Rect) -> Point? {
        guard g.question == nil, g.column == 0 || g.column == 3 else { return nil }
        let inner = Panel().inner(of: body).inset(dx: 1, dy: 0)
        let widths = columnWidths(inner.width)
        let visible = max(1, (inner.height - 2) / 2)
        let first = max(0, g.row - visible + 1)
        let y = inner.y + 1 + (g.row - first) * 2
        let cell = g.column + 1
        let x = inner.x + widths.prefix(cell).reduce(0, +) + cell
        let input = g.column == 0 ? g.rows[g.row].title : g.rows[g.row].launched
        let shown = input.visible(width: widths[cell])
        return Point(x: x + shown.cursorColumn, y: y)
    }
}
