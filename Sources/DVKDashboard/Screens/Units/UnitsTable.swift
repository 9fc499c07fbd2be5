import DVKCore

/// The units list as values, all rows in the screen's order: `P` and `E`.
extension UnitsState {
    func listNotes(_ app: AppState) -> [String] {
        let kids = visible(app.overview)
        return [UnitsView.summary(self, app, app.texts, selected: cursor.index(in: kids.map(\.unit.id)),
                                  total: app.overview?.children.count ?? 0, shown: kids.count)]
    }

    func table(_ app: AppState) -> DataTable? {
        guard let o = app.overview else { return nil }
        let w = app.texts.words
        let lang = app.lang
        let fields = o.fields.sorted { $0.sortOrder < $1.sortOrder }
        var columns = [DVKCore.TableColumn(w.unit, width: 34), DVKCore.TableColumn(w.kindHeader, width: 12),
                       DVKCore.TableColumn(w.effective, width: 10, alignsRight: true),
                       DVKCore.TableColumn(w.pick("Chỉ tiêu/xã", "Goal"), width: 8, alignsRight: true),
                       DVKCore.TableColumn(w.pick("Xã đạt chỉ tiêu", "Communes meeting it"), width: 10, alignsRight: true),
                       DVKCore.TableColumn(w.pending, width: 8, alignsRight: true)]
        columns += fields.map { DVKCore.TableColumn(w.fieldShort($0.code), width: 7, alignsRight: true) }
        columns += [DVKCore.TableColumn(w.satisfaction, width: 9, alignsRight: true),
                    DVKCore.TableColumn(w.plan, width: 9, alignsRight: true),
                    DVKCore.TableColumn(w.statusHeader, width: 16),
                    DVKCore.TableColumn(w.pick("Nộp, duyệt", "Approval"), width: 13)]
        let rows = visible(o).map { c -> TableRow in
            let models = c.progress(for: .effectiveModelsPerUnit)
            // A commune's own goal; above it the list shows the count of communes meeting it.
            let goal: TableValue = models.flatMap { $0.isShare || !$0.applicable ? nil : TableValue.integer(Int($0.threshold)) } ?? .empty
            let effective: TableValue = models.map { !$0.isShare && $0.applicable && $0.value == nil } == true ? .empty : .integer(c.models.effective)
            // Above a commune, how many of its communes meet the goal (the screen's gauge label).
            let share: TableValue = models.flatMap { $0.isShare && $0.unitsJudged > 0 ? TableValue.text("\($0.unitsMeeting)/\($0.unitsJudged)") : nil } ?? .empty
            var cells: [TableValue] = [.text(c.unit.name), .text(w.kind(of: c.unit)), effective, goal, share, .integer(c.models.pending)]
            cells += fields.map { .integer(c.models.effectiveByField[$0.code] ?? 0) }
            cells.append(c.progress(for: .satisfaction)?.value.map(TableValue.percent) ?? .empty)
            let plan = c.progress(for: .planCoverage)
            cells.append(plan.map { $0.unitsJudged == 0 ? .empty : .text(StatusText.planCell($0, lang, w)) } ?? .empty)
            cells.append(.text(w.statusWithGlyph(c.overallStatus)))
            cells.append(.text(ApprovalState.label(o.approvals[c.unit.id], lang)))
            return TableRow(cells, isDemo: c.unit.isDemo)
        }
        return DataTable(title: UnitsState.title(app.texts), columns: columns, rows: rows)
    }
}
