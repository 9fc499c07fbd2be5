import DVKCore

/// The change log as shown (its filters and search), newest first.
extension HistoryState {
    func listNotes(_ app: AppState) -> [String] { [HistoryView.summary(self, app, count: visible(app).count)] }

    func table(_ app: AppState) -> DataTable? {
        guard isLoaded else { return nil }
        let t = app.texts
        let columns = [DVKCore.TableColumn(t.pick("Lúc", "When"), width: 17), DVKCore.TableColumn(t.pick("Cán bộ", "Officer"), width: 14),
                       DVKCore.TableColumn(t.pick("Thao tác", "Action"), width: 12), DVKCore.TableColumn(t.words.unit, width: 28),
                       DVKCore.TableColumn(t.pick("Nội dung", "What"), width: 50)]
        let rows = visible(app).map { e in
            TableRow([.text(e.when), .text(e.officer), .text(e.actionName), e.unitName.map(TableValue.text) ?? .empty,
                      .text(e.isUndone ? t.pick("[đã hoàn tác] ", "[undone] ") + e.what : e.what)])
        }
        return DataTable(title: HistoryState.title(t), columns: columns, rows: rows)
    }
}
