import DVKCore
import TerminalUI

extension CompletenessState {
    func render(_ app: AppState, into b: inout Buffer, area: Rect) { CompletenessView.render(self, app, into: &b, area: area) }
}

/// The list drawn from `CompletenessRows`, the same values the printout and the export carry.
enum CompletenessView {
    static func render(_ c: CompletenessState, _ s: AppState, into b: inout Buffer, area: Rect) {
        let t = s.texts
        let kids = c.visible(s.overview)
        let selected = c.cursor.index(in: kids.map(\.unit.id))
        b.write(headline(s), x: area.x + 1, y: area.y, maxWidth: area.width - 2)
        b.write(summary(c, s, selected: selected, shown: kids.count), x: area.x + 1, y: area.y + 1, role: .muted, maxWidth: area.width - 2)
        let columns = CompletenessRows.columns(s.lang)
        let wide = area.width >= 118
        // Narrow screens keep the unit, the verdict and the three reports; the counts are in the export.
        let shownColumns = wide ? Array(columns.indices) : [0, 1, 5, 6, 7]
        let tableColumns = shownColumns.map { i -> TerminalUI.TableColumn in
            let col = columns[i]
            return i == 0 ? TerminalUI.TableColumn(col.title, width: .min(16))
                : TerminalUI.TableColumn(col.title, width: col.width, alignment: col.alignsRight ? .right : .left)
        }
        let tableRect = CompletenessState.tableArea(area)
        let first = min(c.cursor.offset, kids.count)
        let shown = first..<min(kids.count, first + max(0, Table.visibleRows(in: tableRect)))
        let nameWidth = Table(columns: tableColumns, source: [[TableCell]]()).columnFrames(width: area.width)[0].width
        let rows = kids[shown].map { u -> [TableCell] in
            let values = CompletenessRows.values(u, isOwn: u.unit.id == s.overview?.unit.unit.id, approval: s.overview?.approvals[u.unit.id], s.lang)
            return shownColumns.map { i in
                let text = values[i].display(s.lang)
                return TableCell(i == 0 ? Truncation.middle(text, width: nameWidth) : text, role: role(text))
            }
        }
        let sortColumn: Int = switch c.sort {
        case .name: 0
        case .complete: wide ? 2 : 1
        case .silent: 1
        }
        let placeholder = (s.overview?.children.isEmpty ?? true) ? t.noUnits : t.noMatch
        Table(columns: tableColumns, source: TableWindow(rowCount: kids.count, start: shown.lowerBound, rows: rows),
              selected: kids.isEmpty ? nil : selected, offset: c.cursor.offset,
              sort: TableSort(column: sortColumn, direction: c.descending ? .descending : .ascending), placeholder: placeholder)
            .render(into: &b, area: tableRect)
    }

    /// Marks carry the meaning, colours only repeat it (a black-and-white printout keeps it).
    static func role(_ text: String) -> StyleRole? {
        if text.hasPrefix("✓") { return .met }
        if text.hasPrefix("–") { return .muted }
        if text.hasPrefix("…") || text.contains("chờ") || text.contains("pending") { return .atRisk }
        return nil
    }

    /// The current unit's own line: how many of the units under it have reported.
    static func headline(_ s: AppState) -> String {
        let w = s.texts.words
        guard let r = s.overview?.unit.reporting, r.expected > 0 else {
            return w.pick("Không có đơn vị nào phải báo cáo ở đây.", "No unit here is asked to report.")
        }
        let n = { (x: Int) in VietnameseNumber.integer(x, s.lang) }
        let pct = VietnameseNumber.fixed(CompletenessState.share(r.complete, of: r.expected), places: 1, s.lang) + "%"
        return w.pick("Báo cáo đủ \(n(r.complete))/\(n(r.expected)) đơn vị (\(pct)) · chưa báo cáo (–) \(n(r.silent)) · khảo sát \(n(r.surveyed))/\(n(r.surveyExpected)) · kế hoạch \(n(r.planned))/\(n(r.planExpected))",
                      "\(s.location.year): \(n(r.complete))/\(n(r.expected)) units complete (\(pct)) · \(n(r.silent)) not reported · surveys \(n(r.surveyed))/\(n(r.surveyExpected)) · plans \(n(r.planned))/\(n(r.planExpected))")
    }

    static func summary(_ c: CompletenessState, _ s: AppState, selected: Int, shown: Int) -> String {
        let t = s.texts
        // The unit's own row is one of them: not “trực thuộc”.
        var parts = ["\(t.words.unit): \(VietnameseNumber.integer(shown, s.lang))"]
        if shown > 0 { parts.append(t.pick("dòng ", "row ") + "\(selected + 1)/\(shown)") }
        let sortName: String = switch c.sort {
        case .name: t.pick("tên", "name")
        case .complete: t.pick("tỉ lệ đủ", "share complete")
        case .silent: t.pick("chưa báo cáo", "not reported")
        }
        parts.append(t.pick("sắp xếp: ", "sort: ") + sortName + (c.descending ? " ▼" : " ▲"))
        switch c.filter {
        case .incomplete: parts.append(t.pick("lọc: còn thiếu", "filter: incomplete"))
        case .silent: parts.append(t.pick("lọc: chưa báo cáo", "filter: not reported"))
        case nil: break
        }
        if !c.searchText.isEmpty { parts.append(t.pick("tìm: ", "find: ") + "“\(c.searchText)”") }
        return parts.joined(separator: " · ")
    }
}
