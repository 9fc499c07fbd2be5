import DVKCore

/// A model or exemplar, new (`editing == nil`) or changed.
public struct ModelForm: EntryForm {
    var editing: Model?

    func title(_ t: Texts) -> String {
        editing.map { t.pick("Sửa mô hình: ", "Edit model: ") + $0.title } ?? t.pick("Thêm mô hình, điển hình", "Add a model or exemplar")
    }

    func fields(_ c: FormContext) -> [FieldSpec] {
        let p = c.t.pick
        return [
            FieldSpec(.title, p("Tên mô hình", "Title"), required: true),
            FieldSpec(.kind, p("Loại", "Kind"), .choice(ModelKind.allCases.map { Choice($0.rawValue, c.t.kind($0)) }), required: true),
            FieldSpec(.unit, p("Đơn vị", "Unit"), .choice(c.unitChoices()), required: true),
            FieldSpec(.field, p("Lĩnh vực", "Field"), .choice(c.fieldChoices()), required: true),
            FieldSpec(.registeredOn, p("Ngày đăng ký", "Registered on"), .date, hint: "dd/mm/yyyy"),
            // Another year's model needs its launch date typed: it decides the year the model counts in.
            FieldSpec(.launchedOn, p("Ngày ra mắt", "Launched on"), .date, required: editing == nil && c.dayOnScreen == nil, hint: "dd/mm/yyyy"),
            FieldSpec(.description, p("Mô tả", "Description")),
            FieldSpec(.goals, p("Mục tiêu", "Goals")),
            FieldSpec(.expectedOutputs, p("Kết quả dự kiến", "Expected outputs")),
            FieldSpec(.fundsVND, p("Kinh phí (đồng)", "Budget (VND)"), .money, hint: p("ví dụ 2,9 tỷ", "e.g. 2.9 billion"), range: NumberLimits.fundsVND),
            FieldSpec(.workDays, p("Ngày công", "Work-days"), .count, range: NumberLimits.workDays),
        ]
    }

    func fill(_ f: inout FormState, _ c: FormContext) {
        guard let m = editing else {
            f.pick(.unit, String(c.location.unitID))
            f.set(.launchedOn, c.dayOnScreen?.description)
            return
        }
        f.set(.title, m.title)
        f.pick(.kind, m.kind.rawValue)
        f.pick(.unit, String(m.unitID))
        f.pick(.field, m.fieldCode)
        f.set(.registeredOn, m.registeredOn?.description)
        f.set(.launchedOn, m.launchedOn?.description)
        f.set(.description, m.description)
        f.set(.goals, m.goals)
        f.set(.expectedOutputs, m.expectedOutputs)
        f.set(.fundsVND, m.fundsVND.map { VietnameseNumber.integer(Int($0), c.lang) })
        f.set(.workDays, m.workDays.map { String($0) })
    }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        var m = Model(id: 0, unitID: r.id(.unit) ?? r.location.unitID, kind: ModelKind(rawValue: r.choice(.kind) ?? "") ?? .collective,
                      title: r.str(.title), fieldCode: r.choice(.field) ?? "", description: r.str(.description),
                      goals: r.str(.goals), expectedOutputs: r.str(.expectedOutputs),
                      fundsVND: r.int(.fundsVND).map(Int64.init), workDays: r.int(.workDays),
                      registeredOn: r.day(.registeredOn), launchedOn: r.day(.launchedOn))
        guard let old = editing else { return r.result(.addModel(m, confirmedDuplicate: false), r.validator.check(m)) }
        m.id = old.id
        m.removedOn = old.removedOn
        m.removalReason = old.removalReason
        m.isDemo = old.isDemo
        return r.result(.updateModel(m), r.validator.check(m))
    }
}
