import DVKCore

/// The models list as values. The screen holds one page; `P` and `e` read
/// every row of the same query (`exportQuery`) and build the table from them.
extension ModelsState {
    func listNotes(_ app: AppState) -> [String] { [ModelsView.summary(self, app, app.texts)] }

    /// The query on screen, every row.
    public func exportQuery() -> ModelQuery? {
        guard var q = page?.query else { return nil }
        q.offset = 0
        q.limit = Int.max
        return q
    }

    public static func table(_ rows: [ModelRow], fields: [Field], year: Int, lang: Language) -> DataTable {
        let t = Texts(lang)
        let fieldNames = Dictionary(uniqueKeysWithValues: fields.map { ($0.code, t.words.fieldShort($0.code)) })
        let columns = [DVKCore.TableColumn(t.pick("Tên mô hình", "Model"), width: 50), DVKCore.TableColumn(t.pick("Loại", "Kind"), width: 10),
                       DVKCore.TableColumn(t.words.unit, width: 28), DVKCore.TableColumn(t.pick("Lĩnh vực", "Field"), width: 8),
                       DVKCore.TableColumn(t.pick("Đăng ký", "Registered"), width: 11), DVKCore.TableColumn(t.pick("Ra mắt", "Launched"), width: 11),
                       DVKCore.TableColumn(t.pick("Năm \(year)", "In \(year)"), width: 16), DVKCore.TableColumn(t.pick("Công nhận", "Recognised"), width: 12)]
        let list = rows.map { r in
            TableRow([.text(r.model.title), .text(t.kind(r.model.kind)), .text(r.unitName),
                      .text(fieldNames[r.model.fieldCode] ?? r.model.fieldCode),
                      r.model.registeredOn.map(TableValue.date) ?? .empty, r.model.launchedOn.map(TableValue.date) ?? .empty,
                      .text(t.modelStatus(r.status)), r.recognition.map { .text(t.level($0)) } ?? .empty], isDemo: r.model.isDemo)
        }
        return DataTable(title: ModelsState.title(t), columns: columns, rows: list)
    }
}
