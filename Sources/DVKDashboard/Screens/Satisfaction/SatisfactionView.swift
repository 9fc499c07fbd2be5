import DVKCore
import TerminalUI

/// Hài lòng: units × years of the satisfaction index, each figure marked
/// against the goal line (✓ at or above it, ✗ below), with its trend.
extension SatisfactionState {
    func render(_ app: AppState, into b: inout Buffer, area: Rect) { SatisfactionView.render(self, app, into: &b, area: area) }
}

enum SatisfactionView {

    static func render(_ st: SatisfactionState, _ s: AppState, into b: inout Buffer, area: Rect) {
        let t = s.texts
        guard let grid = st.grid else {
            b.write(t.loading, x: area.x + 1, y: area.y, role: .muted)
            return
        }
        let goal = VietnameseNumber.percent(grid.threshold, s.lang)
        b.write(t.pick("Đường mục tiêu \(goal): ✓ đạt từ \(goal) trở lên · ✗ dưới \(goal) · – chưa có số liệu · * bình quân không gia quyền",
                       "Goal line \(goal): ✓ at or above \(goal) · ✗ below · – no data · * unweighted mean"),
                x: area.x + 1, y: area.y, role: .muted, maxWidth: area.width - 2)
        var columns = [TableColumn(t.words.unit, width: .min(20))]
        for y in grid.years { columns.append(TableColumn(String(y), width: 9, alignment: .right)) }
        columns.append(TableColumn(t.pick("Xu hướng", "Trend"), width: max(8, grid.years.count + 2)))
        let shown = st.rows
        let rows = shown.map { row -> [TableCell] in
            var cells = [TableCell(row.unit.id == s.location.unitID ? "\(row.unit.name) (\(t.pick("chung", "overall")))" : row.unit.name)]
            for y in grid.years {
                guard let v = row.values[y] else { cells.append(TableCell("–", role: .noData)); continue }
                let met = v >= grid.threshold
                let star = row.unweightedYears.contains(y) ? "*" : ""
                cells.append(TableCell("\(VietnameseNumber.fixed(v, places: 1, s.lang))\(star) \(met ? "✓" : "✗")", role: met ? .met : .behind))
            }
            cells.append(TableCell(Sparkline(values: grid.years.map { row.values[$0] }, maxValue: 100).glyphs, role: .header))
            return cells
        }
        Table(columns: columns, source: rows, selected: rows.isEmpty ? nil : st.cursor.index(in: st.ids), offset: st.cursor.offset,
              placeholder: st.searchText.isEmpty ? t.noData : t.noMatch).render(into: &b, area: SatisfactionState.tableArea(area))
        let below = grid.rows.dropFirst().filter { row in grid.years.last.flatMap { row.values[$0] }.map { $0 < grid.threshold } ?? false }.count
        if let last = grid.years.last {
            var text = t.pick("Năm \(last): \(below) đơn vị dưới \(goal).", "\(last): \(below) units below \(goal).")
            if !st.searchText.isEmpty { text += t.pick(" · tìm: ", " · find: ") + "“\(st.searchText)”" }
            b.write(text, x: area.x + 1, y: area.maxY - 1, role: below > 0 ? .behind : .met, maxWidth: area.width - 2)
        }
    }
}
