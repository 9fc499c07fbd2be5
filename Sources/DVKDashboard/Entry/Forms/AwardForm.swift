import DVKCore

/// A certificate of merit or a commendation for a model's people.
public struct AwardForm: EntryForm {
    var model: Model

    func title(_ t: Texts) -> String { t.pick("Khen thưởng: ", "Award: ") + model.title }

    func fields(_ c: FormContext) -> [FieldSpec] {
        let p = c.t.pick
        return [FieldSpec(.kind, p("Hình thức", "Kind"), .choice(AwardKind.allCases.map { Choice($0.rawValue, c.t.award($0)) }), required: true),
                FieldSpec(.issuer, p("Cơ quan khen", "Issued by"), required: true),
                FieldSpec(.decisionNumber, p("Số quyết định", "Decision no.")),
                FieldSpec(.decidedOn, p("Ngày quyết định", "Decided on"), .date, hint: "dd/mm/yyyy"),
                FieldSpec(.recipient, p("Người / tập thể được khen", "Recipient"), required: true)]
    }

    func fill(_ f: inout FormState, _ c: FormContext) { f.set(.recipient, model.title) }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        let a = Award(kind: AwardKind(rawValue: r.choice(.kind) ?? "") ?? .commendation, issuer: r.str(.issuer),
                      decisionNumber: r.str(.decisionNumber), decidedOn: r.day(.decidedOn), recipient: r.str(.recipient),
                      modelID: model.id, unitID: model.unitID)
        return r.result(.award(a), r.day(.decidedOn).map { r.validator.checkYear($0.year, field: "decidedOn") } ?? [])
    }
}
