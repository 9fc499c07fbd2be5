import DVKCore

/// Taking a model off the list, with the day and the reason.
public struct RemovalForm: EntryForm {
    var model: Model

    func title(_ t: Texts) -> String { t.pick("Loại bỏ mô hình: ", "Remove model: ") + model.title }

    func fields(_ c: FormContext) -> [FieldSpec] {
        [FieldSpec(.removedOn, c.t.pick("Ngày loại bỏ", "Removed on"), .date, required: true, hint: "dd/mm/yyyy"),
         FieldSpec(.removalReason, c.t.pick("Lý do", "Reason"), required: true)]
    }

    func fill(_ f: inout FormState, _ c: FormContext) { f.set(.removedOn, c.dayOnScreen?.description) }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        var removed = model
        removed.removedOn = r.day(.removedOn)
        removed.removalReason = r.str(.removalReason)
        return r.result(.removal(model.id, on: removed.removedOn ?? r.context.today, reason: r.str(.removalReason)), r.validator.check(removed))
    }
}
