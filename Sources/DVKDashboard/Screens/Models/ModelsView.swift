import DVKCore
import TerminalUI

/// Mô hình: the models under the current unit, a window at a time, with
/// filters, a tone-insensitive search and a detail pane for the selected one.
extension ModelsState {
    func render(_ app: AppState, into b: inout Buffer, area: Rect) { ModelsView.render(self, app, into: &b, area: area) }
}

enum ModelsView {

    static func render(_ ms: ModelsState, _ s: AppState, into b: inout Buffer, area: Rect) {
        let t = s.texts
        b.write(summary(ms, s, t), x: area.x + 1, y: area.y, role: .muted, maxWidth: area.width - 2)
        let (tableRect, detailRect) = ModelsState.split(area, s.size)
        let fieldNames = Dictionary(uniqueKeysWithValues: (s.overview?.fields ?? []).map { ($0.code, t.words.fieldShort($0.code)) })
        let columns = [
            TableColumn(t.pick("Tên mô hình", "Model"), width: .min(20)),
            TableColumn(t.words.unit, width: s.size.width >= 140 ? 26 : 18),
            TableColumn(t.pick("LV", "Fld"), width: 5),
            TableColumn(t.pick("Năm \(s.location.year)", "In \(s.location.year)"), width: 15),
        ]
        let page = ms.page
        let rows = (page?.rows ?? []).map { r -> [TableCell] in
            let mark = r.model.kind == .individual ? "★ " : ""
            return [TableCell(mark + r.model.title), TableCell(r.unitName, role: .muted), TableCell(fieldNames[r.model.fieldCode] ?? r.model.fieldCode),
                    TableCell(t.modelStatus(r.status), role: StatusStyle.role(r.status))]
        }
        let source = TableWindow(rowCount: page?.total ?? 0, start: page?.query.offset ?? 0, rows: rows)
        Table(columns: columns, source: source, selected: (page?.total ?? 0) > 0 ? ms.selected : nil, offset: ms.offset,
              sort: TableSort(column: ms.sort.rawValue, direction: ms.descending ? .descending : .ascending),
              placeholder: page == nil ? t.loading : t.noModels)
            .render(into: &b, area: tableRect)
        detail(ms, s, t, &b, detailRect)
    }

    static func summary(_ ms: ModelsState, _ s: AppState, _ t: Texts) -> String {
        let total = VietnameseNumber.integer(ms.page?.total ?? 0, s.lang)
        var parts = [t.pick("\(total) mô hình, điển hình (★)", "\(total) models, exemplars (★)")]
        let unit = s.overview?.unit.unit.name ?? ""
        parts.append(t.pick("trong [d]: ", "in [d]: ") + (ms.wholeDatabase ? t.pick("cả cơ sở dữ liệu", "the whole database") : unit))
        let field = ms.fieldCode.flatMap { code in s.overview?.fields.first { $0.code == code }?.name(s.lang) }
        parts.append(t.pick("lĩnh vực [f]: ", "field [f]: ") + (field ?? t.all))
        parts.append(t.pick("loại [t]: ", "kind [t]: ") + (ms.kind.map(t.kind) ?? t.all))
        parts.append(t.pick("đánh giá [e]: ", "result [e]: ") + (ms.status.map(t.modelStatus) ?? t.all))
        parts.append(t.pick("xếp [s]: ", "sort [s]: ") + t.modelSortName(ms.sort) + (ms.descending ? " ▼" : " ▲"))
        if !ms.searchText.isEmpty { parts.append(t.pick("tìm: ", "find: ") + "“\(ms.searchText)”") }
        return parts.joined(separator: " · ")
    }

    static func detail(_ ms: ModelsState, _ s: AppState, _ t: Texts, _ b: inout Buffer, _ area: Rect) {
        let panel = Panel(title: t.pick("Chi tiết", "Details"))
        panel.render(into: &b, area: area)
        let inner = panel.inner(of: area).inset(dx: 1, dy: 0)
        guard let d = ms.detail else { return }
        var lines: [(String, StyleRole)] = []
        let m = d.model
        let field = s.overview?.fields.first { $0.code == m.fieldCode }?.name(s.lang) ?? m.fieldCode
        lines.append((m.title, .header))
        lines.append(("\(t.kind(m.kind)) · \(field) · \(d.unitName)", .normal))
        var life = t.lifecycle(d.lifecycle())
        if let r = m.registeredOn { life += " · " + t.pick("đăng ký ", "registered ") + r.description }
        if let l = m.launchedOn { life += " · " + t.pick("ra mắt ", "launched ") + l.description }
        lines.append((life, .normal))
        if let x = m.removedOn { lines.append((t.pick("Loại bỏ ", "Removed ") + "\(x): \(m.removalReason ?? "")", .behind)) }
        if !d.evaluations.isEmpty {
            // A no-break space keeps each year with its mark when the line wraps.
            let evals = d.evaluations.map { "\($0.year)\u{00A0}\($0.effective ? "✓" : "✗")" }.joined(separator: " ")
            lines.append((t.pick("Đánh giá: ", "Evaluated: ") + evals, .normal))
        }
        for r in d.recognitions {
            var text = t.pick("Công nhận ", "Recognised ") + t.level(r.level) + ": " + r.decisionNumber
            if let day = r.decidedOn { text += t.pick(" ngày ", " of ") + day.description }
            lines.append((text, .met))
        }
        for a in d.awards {
            var text = t.award(a.kind) + " " + a.issuer
            if !a.decisionNumber.isEmpty { text += " (\(a.decisionNumber))" }
            lines.append((text, .met))
        }
        if let funds = m.fundsVND { lines.append((t.pick("Kinh phí: ", "Budget: ") + VietnameseNumber.money(funds, s.lang), .normal)) }
        for text in [m.description, m.goals, m.expectedOutputs] where !text.isEmpty {
            lines += TextWrap.lines(text, width: inner.width).map { ($0, StyleRole.muted) }
        }
        var y = inner.y
        for (text, role) in lines where y < inner.maxY {
            for part in TextWrap.lines(text, width: max(1, inner.width)) where y < inner.maxY {
                b.write(part, x: inner.x, y: y, role: role, maxWidth: inner.width)
                y += 1
            }
        }
    }
}
