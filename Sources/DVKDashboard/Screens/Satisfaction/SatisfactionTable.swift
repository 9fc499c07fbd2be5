import DVKCore

/// The satisfaction grid as values: one row per unit, one column per year.
extension SatisfactionState {
    func table(_ app: AppState) -> DataTable? {
        guard let grid else { return nil }
        let t = app.texts
        let columns = [DVKCore.TableColumn(t.words.unit, width: 34)]
            + grid.years.map { DVKCore.TableColumn(String($0), width: 8, alignsRight: true) }
        let list = rows.map { row -> TableRow in
            let name = row.unit.id == app.location.unitID ? "\(row.unit.name) (\(t.pick("chung", "overall")))" : row.unit.name
            return TableRow([.text(name)] + grid.years.map { y in row.values[y].map(TableValue.percent) ?? .empty }, isDemo: row.unit.isDemo)
        }
        return DataTable(title: SatisfactionState.title(t), columns: columns, rows: list)
    }
}
