import DVKCore
import TerminalUI

/// The transcription grid: one row per model, errors kept on their row.
enum GridView {
    /// Widths of #, then each `GridColumn`; the title takes what is left.
    /// The unit and the title share what the fixed columns leave (the title
    /// the larger part), so the kind column stays on an 80-column screen.
    static func columnWidths(_ width: Int) -> [Int] {
        let fixed = [3, 10, 0, 12, 0, 8, 7]
        let shared = max(28, width - fixed.reduce(0, +) - (fixed.count - 1))
        let unit = min(20, max(12, shared * 2 / 5))
        return [3, 10, unit, 12, shared - unit, 8, 7]
    }

    static func render(_ g: GridState, _ s: AppState, into b: inout Buffer, body: Rect) {
        let t = s.texts
        b.fill(body)
        let panel = Panel(title: t.pick("Nhập nhanh: \(g.unit.name) · năm \(g.year)", "Fast entry: \(g.unit.name) · \(g.year)"), isFocused: true)
        panel.render(into: &b, area: body)
        let inner = panel.inner(of: body).inset(dx: 1, dy: 0)
        let widths = columnWidths(inner.width)
        let headers = ["#", t.pick("Ra mắt", "Launched"), t.words.unit, t.pick("Lĩnh vực", "Field"), t.pick("Tên mô hình", "Title"),
                       t.pick("Hiệu quả", "Effective"), t.pick("Loại", "Kind")]
        var x = inner.x
        for (i, h) in headers.enumerated() {
            b.write(h, x: x, y: inner.y, width: widths[i], alignment: .left, role: .header)
            x += widths[i] + 1
        }
        let search = g.unitSearch.isEmpty ? "" : t.pick(" (tìm: \(g.unitSearch))", " (find: \(g.unitSearch))")
        b.write(t.pick("Ngày: 15/3 = năm \(g.year) · Đơn vị: ←/→, gõ tên\(search) · Lĩnh vực: 1–4 · Hiệu quả: c/k rồi dòng mới · Loại: t/c",
                       "Date: 15/3 = \(g.year) · Unit: ←/→, type a name\(search) · Field: 1–4 · Effective: c/k, then a new line · Kind: t/c"),
                x: inner.x, y: inner.maxY - 1, role: .muted, maxWidth: inner.width)
        // Two lines a row: the values, then the row's error or status.
        let visible = max(1, (inner.height - 2) / 2)
        let first = max(0, g.row - visible + 1)
        for (n, i) in (first..<min(g.rows.count, first + visible)).enumerated() {
            let r = g.rows[i]
            let y = inner.y + 1 + n * 2
            let field = g.fields.indices.contains(r.field) ? t.words.fieldMedium(g.fields[r.field].code) : "?"
            let effective = r.effective.map { $0 ? t.pick("✓ có", "✓ yes") : t.pick("✗ không", "✗ no") } ?? t.pick("… chưa", "… not yet")
            let unit = g.unitID(r).flatMap { id in g.units.first { $0.value == String(id) }?.label }
                .map { keepingTheEnd($0, widths[2]) } ?? t.pick("— chọn —", "— choose —")
            let cells = ["\(i + 1)", r.launched.text, unit, field, r.title.text, effective, t.kind(r.kind)]
            var x = inner.x
            for (c, text) in cells.enumerated() {
                let focused = i == g.row && c - 1 == g.column
                b.write(text, x: x, y: y, width: widths[c], alignment: .left, role: focused ? .focus : (i == g.row ? .selected : .normal))
                x += widths[c] + 1
            }
            if let e = r.error {
                b.write("⚠ " + e, x: inner.x + 4, y: y + 1, role: .error, maxWidth: inner.width - 4)
            } else if r.savedModelID != nil {
                b.write(r.isDirty ? t.pick("✎ đã sửa, chưa lưu", "✎ changed, not saved") : t.pick("✓ đã lưu", "✓ saved"),
                        x: inner.x + 4, y: y + 1, role: r.isDirty ? .atRisk : .met)
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

    /// A unit's name cut from the front, by words: “…trường Liên Sơn” and
    /// “…trường Trần Phú” stay apart where “Thị trấn Nông trư…” would not.
    static func keepingTheEnd(_ name: String, _ width: Int) -> String {
        guard CellWidth.of(name) > width else { return name }
        var words = name.split(separator: " ").map(String.init)
        while words.count > 1, CellWidth.of("…" + words.joined(separator: " ")) > width { words.removeFirst() }
        return "…" + words.joined(separator: " ")
    }

    static func cursor(_ g: GridState, _ s: AppState, body: Rect) -> Point? {
        guard g.question == nil, g.focusedColumn == .title || g.focusedColumn == .launched else { return nil }
        let inner = Panel().inner(of: body).inset(dx: 1, dy: 0)
        let widths = columnWidths(inner.width)
        let visible = max(1, (inner.height - 2) / 2)
        let first = max(0, g.row - visible + 1)
        let y = inner.y + 1 + (g.row - first) * 2
        let cell = g.column + 1
        let x = inner.x + widths.prefix(cell).reduce(0, +) + cell
        let input = g.focusedColumn == .title ? g.rows[g.row].title : g.rows[g.row].launched
        let shown = input.visible(width: widths[cell])
        return Point(x: x + shown.cursorColumn, y: y)
    }
}
