import DVKCore
import TerminalUI

/// Đơn vị: the units below the current one, one row each, with the models
/// gauge against the goal, per-field counts, satisfaction, plan and status.
extension UnitsState {
    func render(_ app: AppState, into b: inout Buffer, area: Rect) { UnitsView.render(self, app, into: &b, area: area) }
}

enum UnitsView {

    static func render(_ u: UnitsState, _ s: AppState, into b: inout Buffer, area: Rect) {
        let t = s.texts
        let kids = u.visible(s.overview)
        let selected = u.cursor.index(in: kids.map(\.unit.id))
        b.write(summary(u, s, t, selected: selected, total: s.overview?.children.count ?? 0, shown: kids.count), x: area.x + 1, y: area.y, role: .muted, maxWidth: area.width - 2)
        let fields = (s.overview?.fields ?? []).sorted { $0.sortOrder < $1.sortOrder }
        let wide = area.width >= 140
        // Below 120 columns the four field counts share one cell: “3·2·2·3”.
        let splitFields = area.width >= 120
        var columns = [TableColumn(t.words.unit, width: .min(18))]
        if wide { columns.append(TableColumn(t.words.kindHeader, width: 10)) }
        let gaugeColumn = columns.count
        columns.append(TableColumn(t.words.effective, width: wide ? 24 : (splitFields ? 18 : 14)))
        columns.append(TableColumn(splitFields ? t.words.pending : t.pick("Chờ", "Pend"), width: splitFields ? 6 : 4, alignment: .right))
        if splitFields {
            for f in fields { columns.append(TableColumn(t.words.fieldShort(f.code), width: 5, alignment: .right)) }
        } else {
            columns.append(TableColumn(fields.map { t.words.fieldInitials($0.code) }.joined(separator: "·"), width: 11))
        }
        columns.append(TableColumn(t.words.satisfaction, width: 8, alignment: .right))
        columns.append(TableColumn(splitFields ? t.words.plan : t.pick("KH", "Plan"), width: splitFields ? 8 : 5, alignment: .right))
        columns.append(TableColumn(t.words.statusHeader, width: splitFields ? 16 : 11))
        // Nộp, duyệt: from 120 columns; narrower, the summary line names the selected unit's.
        let showsApproval = area.width >= 120
        if showsApproval { columns.append(TableColumn(t.pick("Nộp, duyệt", "Approval"), width: 13)) }
        // Names are cut in the middle: “Thị trấn Nô…Liên Sơn” and “…Trần Phú” stay distinct.
        let nameWidth = Table(columns: columns, source: [[TableCell]]()).columnFrames(width: area.width)[0].width
        // Only the rows on screen are formatted: a country lists 62 provinces, a province 600 communes.
        let tableRect = UnitsState.tableArea(area)
        let first = min(u.cursor.offset, kids.count)
        let shown = first..<min(kids.count, first + max(0, Table.visibleRows(in: tableRect)))
        let rows = kids[shown].map { c -> [TableCell] in
            let minimum = c.progress(for: .effectiveModelsPerUnit).flatMap { $0.isShare ? nil : $0.target.minPerField }
            var cells: [TableCell] = [TableCell(Truncation.middle(c.unit.name, width: nameWidth))]
            if wide { cells.append(TableCell(t.words.kind(of: c.unit), role: .muted)) }
            cells.append("")
            cells.append(TableCell(VietnameseNumber.integer(c.models.pending, s.lang), role: c.models.pending > 0 ? .atRisk : nil))
            let counts = fields.map { c.models.effectiveByField[$0.code] ?? 0 }
            let short = minimum.map { m in counts.contains { $0 < m } } ?? false
            if splitFields {
                for n in counts {
                    cells.append(TableCell(VietnameseNumber.integer(n, s.lang), role: minimum.map { n < $0 ? .behind : nil } ?? nil))
                }
            } else {
                cells.append(TableCell(counts.map { VietnameseNumber.integer($0, s.lang) }.joined(separator: "·"), role: short ? .behind : nil))
            }
            let sat = c.progress(for: .satisfaction)
            // One decimal always, so the column lines up on the comma.
            cells.append(TableCell(sat?.value.map { VietnameseNumber.fixed($0, places: 1, s.lang) + "%" } ?? "–",
                                   role: sat.map { StatusStyle.role($0.status) }))
            let plan = c.progress(for: .planCoverage)
            cells.append(TableCell(plan.map { StatusText.planCell($0, s.lang, t.words) } ?? "–", role: plan.map { StatusStyle.role($0.status) }))
            // “– Chưa báo cáo” is wider than the narrow column: “BC” is how officers abbreviate it.
            let status = !splitFields && c.overallStatus == .noData ? "– " + t.pick("Chưa BC", "No rep.") : t.words.statusWithGlyph(c.overallStatus)
            cells.append(TableCell(status, role: StatusStyle.role(c.overallStatus)))
            if showsApproval {
                let a = s.overview?.approvals[c.unit.id]
                cells.append(TableCell(ApprovalState.label(a, s.lang), role: a == .approved ? .met : .muted))
            }
            return cells
        }
        let sortColumn: Int? = {
            switch u.sort {
            case .name: return 0
            case .effective: return gaugeColumn
            case .pending: return gaugeColumn + 1
            case .satisfaction: return gaugeColumn + 2 + (splitFields ? fields.count : 1)
            case .status: return columns.count - (showsApproval ? 2 : 1)
            }
        }()
        let table = Table(columns: columns, source: TableWindow(rowCount: kids.count, start: shown.lowerBound, rows: rows), selected: kids.isEmpty ? nil : selected, offset: u.cursor.offset,
                          sort: sortColumn.map { TableSort(column: $0, direction: u.descending ? .descending : .ascending) },
                          placeholder: (s.overview?.children.isEmpty ?? true) ? t.noUnits : t.noMatch)
        table.render(into: &b, area: tableRect)
        // The models column is a gauge against the goal, drawn over the table's empty cell.
        let frame = table.columnFrames(width: tableRect.width)[gaugeColumn]
        for index in table.visibleRange(in: tableRect) {
            let c = kids[index]
            let y = tableRect.y + 1 + index - u.cursor.offset
            let cell = Rect(x: tableRect.x + frame.x, y: y, width: frame.width, height: 1)
            if let p = c.progress(for: .effectiveModelsPerUnit), p.applicable, !p.isShare, p.value == nil {
                // Nothing evaluated yet: no bar, which would read as zero.
                let text = CellWidth.of(t.words.status(.noData)) + 2 <= cell.width ? "– " + t.words.status(.noData).lowercased() : "–"
                b.write(text, x: cell.maxX - CellWidth.of(text), y: y, role: index == selected ? .selected : .muted)
            } else if let g = gauge(c, s.lang) {
                g.render(into: &b, area: cell)
            } else {
                // No models target here (an agency): just the count.
                let n = VietnameseNumber.integer(c.models.effective, s.lang)
                b.write(n, x: cell.maxX - CellWidth.of(n), y: y, role: index == selected ? .selected : .normal)
            }
        }
    }

    /// A commune's own count against its goal; above communes, the share of communes meeting it.
    static func gauge(_ c: UnitProgress, _ lang: Language) -> Gauge? {
        guard let p = c.progress(for: .effectiveModelsPerUnit), p.applicable else { return nil }
        var g = StatusStyle.gauge(p, lang: lang)
        let label = p.isShare
            ? "\(VietnameseNumber.integer(p.unitsMeeting, lang))/\(VietnameseNumber.integer(p.unitsJudged, lang))"
            : StatusText.effectiveCell(c, lang)
        // A fixed-width label keeps every bar the same length.
        g.label = String(repeating: " ", count: max(0, 5 - CellWidth.of(label))) + label
        return g
    }

    static func summary(_ u: UnitsState, _ s: AppState, _ t: Texts, selected: Int, total: Int, shown: Int) -> String {
        var parts = ["\(t.words.children): \(VietnameseNumber.integer(shown, s.lang))" + (shown == total ? "" : "/\(VietnameseNumber.integer(total, s.lang))")]
        if shown > 0 { parts.append(t.pick("dòng ", "row ") + "\(selected + 1)/\(shown)") }
        parts.append(t.pick("sắp xếp: ", "sort: ") + t.sortName(u.sort) + (u.descending ? " ▼" : " ▲"))
        if let f = u.statusFilter { parts.append(t.pick("lọc: ", "filter: ") + t.words.status(f)) }
        if !u.searchText.isEmpty { parts.append(t.pick("tìm: ", "find: ") + "“\(u.searchText)”") }
        let kids = u.visible(s.overview)
        if kids.indices.contains(selected), let a = s.overview?.approvals[kids[selected].unit.id] {
            parts.append(t.pick("dòng chọn: ", "selected: ") + a.label(s.lang))
        }
        return parts.joined(separator: " · ")
    }
}
