import DVKCore
import TerminalUI

/// Mô hình: the models under the current unit, a window at a time, with
/// filters, a tone-insensitive search and a detail pane for the selected one.
enum ModelsView {
    /// Side by side from this width; stacked below it.
    static let sideBySideWidth = 110
    static let detailWidth = 42
    static let detailHeight = 9

    static func split(_ body: Rect, _ size: Size) -> (table: Rect, detail: Rect) {
        let list = Rect(x: body.x, y: body.y + 1, width: body.width, height: max(0, body.height - 1))
        if size.width >= sideBySideWidth {
            let parts = Layout.horizontal(list, [.fill(1), .fixed(detailWidth)])
            return (parts[0], parts[1])
        }
        let parts = Layout.vertical(list, [.fill(1), .fixed(detailHeight)])
        return (parts[0], parts[1])
    }

    static func tableArea(_ body: Rect, _ size: Size) -> Rect { split(body, size).table }

    static func render(_ s: AppState, into b: inout Buffer, area: Rect) {
        let t = Texts(s.lang)
        b.write(summary(s, t), x: area.x + 1, y: area.y, role: .muted, maxWidth: area.width - 2)
        let (tableRect, detailRect) = split(area, s.size)
        let fieldNames = Dictionary(uniqueKeysWithValues: (s.overview?.fields ?? []).map { ($0.code, t.words.fieldShort($0.code)) })
        let columns = [
            TableColumn(t.pick("Tên mô hình", "Model"), width: .min(20)),
            TableColumn(t.words.unit, width: s.size.width >= 140 ? 26 : 18),
            TableColumn(t.pick("LV", "Fld"), width: 5),
            TableColumn(t.pick("Năm \(s.location.year)", "In \(s.location.year)"), width: 15),
        ]
        let page = s.models.page
        let rows = (page?.rows ?? []).map { r -> [TableCell] in
            let mark = r.model.kind == .individual ? "★ " : ""
            return [TableCell(mark + r.model.title), TableCell(r.unitName, role: .muted), TableCell(fieldNames[r.model.fieldCode] ?? r.model.fieldCode),
                    TableCell(t.modelStatus(r.status), role: StatusStyle.role(r.status))]
        }
        let source = TableWindow(rowCount: page?.total ?? 0, start: page?.query.offset ?? 0, rows: rows)
        Table(columns: columns, source: source, selected: (page?.total ?? 0) > 0 ? s.models.selected : nil, offset: s.models.offset,
              placeholder: page == nil ? t.loading : t.noModels)
            .render(into: &b, area: tableRect)
        detail(s, t, &b, detailRect)
    }

    static func summary(_ s: AppState, _ t: Texts) -> String {
        var parts = [t.pick("\(VietnameseNumber.integer(s.models.page?.total ?? 0, s.lang)) mô hình, điển hình (★)",
                            "\(VietnameseNumber.integer(s.models.page?.total ?? 0, s.lang)) models, exemplars (★)")]
        let field = s.models.fieldCode.flatMap { code in s.overview?.fields.first { $0.code == code }?.name(s.lang) }
        parts.append(t.pick("lĩnh vực [f]: ", "field [f]: ") + (field ?? t.all))
        parts.append(t.pick("loại [t]: ", "kind [t]: ") + (s.models.kind.map(t.kind) ?? t.all))
        parts.append(t.pick("đánh giá [e]: ", "result [e]: ") + (s.models.status.map(t.modelStatus) ?? t.all))
        if !s.models.search.isEmpty { parts.append(t.pick("tìm: ", "find: ") + "“\(s.models.search)”") }
        return parts.joined(separator: " · ")
    }

    static func detail(_ s: AppState, _ t: Texts, _ b: inout Buffer, _ area: Rect) {
        let panel = Panel(title: t.pick("Chi tiết", "Details"))
        panel.render(into: &b, area: area)
        let inner = panel.inner(of: area).inset(dx: 1, dy: 0)
        guard let d = s.models.detail else { return }
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
