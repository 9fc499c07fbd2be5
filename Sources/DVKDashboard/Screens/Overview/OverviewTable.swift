import DVKCore

/// Tổng quan as a list: each target with its threshold, result and status,
/// then the effective models of each field, what `P` and `E` write here.
extension OverviewState {
    func table(_ app: AppState) -> DataTable? {
        guard let o = app.overview else { return nil }
        let w = app.texts.words
        let lang = app.lang
        let columns = [DVKCore.TableColumn(w.target, width: 40), DVKCore.TableColumn(w.threshold, width: 10, alignsRight: true),
                       DVKCore.TableColumn(w.result, width: 16, alignsRight: true), DVKCore.TableColumn(w.statusHeader, width: 16)]
        var rows = o.unit.targets.map { t in
            t.applicable
                ? TableRow([.text(w.targetTitle(t.target)), .text(StatusText.goal(t, lang)), .text(StatusText.value(t, lang)), .text(w.statusWithGlyph(t.status))])
                : TableRow([.text(w.targetTitle(t.target)), .empty, .empty, .text("– " + w.notApplicable)])
        }
        rows += o.fields.sorted { $0.sortOrder < $1.sortOrder }.map { f in
            TableRow([.text(w.pick("Mô hình hiệu quả: ", "Effective models: ") + f.name(lang)), .empty,
                      .integer(o.unit.models.effectiveByField[f.code] ?? 0), .empty])
        }
        return DataTable(title: OverviewState.title(app.texts), columns: columns, rows: rows)
    }
}
