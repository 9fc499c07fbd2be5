import DVKCore
import TerminalUI

extension HistoryState {
    func render(_ app: AppState, into b: inout Buffer, area: Rect) { HistoryView.render(self, app, into: &b, area: area) }
}

/// Nhật ký: the audit log, newest first, and the before/after of the
/// selected entry. Every string was made readable when the log was loaded.
enum HistoryView {

    static func render(_ h: HistoryState, _ s: AppState, into b: inout Buffer, area: Rect) {
        let t = s.texts
        let entries = h.visible(s)
        b.write(summary(h, s, count: entries.count), x: area.x + 1, y: area.y, role: .muted, maxWidth: area.width - 2)
        let (tableRect, detailRect) = HistoryState.split(area)
        let columns = [TableColumn(t.pick("Lúc", "When"), width: 16), TableColumn(t.pick("Cán bộ", "Officer"), width: 12),
                       TableColumn(t.pick("Thao tác", "Action"), width: 9), TableColumn(t.words.unit, width: .min(16)),
                       TableColumn(t.pick("Nội dung", "What"), width: .min(24))]
        let rows = entries.map { e -> [TableCell] in
            // An undone entry stays in the log, marked, so the list still says what happened.
            [TableCell(e.when), TableCell(e.officer), TableCell(e.actionName),
             TableCell(e.unitName ?? "–", role: .muted),
             TableCell(e.isUndone ? t.pick("[đã hoàn tác] ", "[undone] ") + e.what : e.what, role: e.isUndone ? .muted : .normal)]
        }
        Table(columns: columns, source: rows, selected: rows.isEmpty ? nil : h.selected,
              offset: h.firstShownRow(s),
              placeholder: !h.isLoaded ? t.loading : h.entries.isEmpty ? t.pick("Chưa có thay đổi nào.", "No changes yet.")
                : t.pick("Không có thay đổi phù hợp.", "No matching changes.")).render(into: &b, area: tableRect)
        let panel = Panel(title: t.pick("Trước → sau", "Before → after"))
        panel.render(into: &b, area: detailRect)
        guard entries.indices.contains(h.selected) else { return }
        let inner = panel.inner(of: detailRect).inset(dx: 1, dy: 0)
        let lines = entries[h.selected].changes.map(\.line)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            b.write(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
        }
    }

    /// “12 thay đổi · loại [f]: tất cả · …”: what the list holds, on screen and atop its printout.
    static func summary(_ h: HistoryState, _ s: AppState, count: Int) -> String {
        let t = s.texts
        var summary = [t.pick("\(VietnameseNumber.integer(count, s.lang)) thay đổi", "\(VietnameseNumber.integer(count, s.lang)) changes")]
        summary.append(t.pick("loại [f]: ", "kind [f]: ") + (h.query.entity.map { HistoryDescription.entityName($0, t).lowercased() } ?? t.all))
        summary.append(t.pick("cán bộ [e]: ", "officer [e]: ") + (h.query.officer ?? t.all))
        summary.append(t.pick("từ ngày [s]: ", "since [s]: ") + (h.query.since?.description ?? t.all))
        summary.append(t.pick("đơn vị [t]: ", "unit [t]: ") + (h.query.underCurrentUnit ? (s.overview?.unit.unit.name ?? "") : t.all))
        if !h.searchText.isEmpty { summary.append(t.pick("tìm: ", "find: ") + "“\(h.searchText)”") }
        return summary.joined(separator: " · ")
    }
}
