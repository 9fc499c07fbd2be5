import DVKCore

/// A decision recognising a model as exemplary, at some level.
public struct RecognitionForm: EntryForm {
    var model: Model

    func title(_ t: Texts) -> String { t.pick("Công nhận: ", "Recognition: ") + model.title }

    func fields(_ c: FormContext) -> [FieldSpec] {
        let p = c.t.pick
        return [FieldSpec(.level, p("Cấp công nhận", "Level"), .choice(RecognitionLevel.allCases.map { Choice($0.rawValue, c.t.level($0)) }), required: true),
                FieldSpec(.decisionNumber, p("Số quyết định", "Decision no."), required: true),
                FieldSpec(.decidedOn, p("Ngày quyết định", "Decided on"), .date, required: true, hint: "dd/mm/yyyy"),
                FieldSpec(.issuer, p("Cơ quan ra quyết định", "Issued by"))]
    }

    func fill(_ f: inout FormState, _ c: FormContext) { f.set(.decidedOn, c.dayOnScreen?.description) }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        let rec = Recognition(modelID: model.id, level: RecognitionLevel(rawValue: r.choice(.level) ?? "") ?? .commune,
                              decisionNumber: r.str(.decisionNumber), decidedOn: r.day(.decidedOn), issuer: r.str(.issuer))
        return r.result(.recognition(rec), r.validator.check(rec, of: model))
    }
}
