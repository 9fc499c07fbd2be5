import DVKCore

/// A unit put under another parent (the store refuses a loop).
public struct MoveUnitForm: EntryForm {
    var unit: OrgUnit

    func title(_ t: Texts) -> String { t.pick("Chuyển cấp trên: ", "Move: ") + unit.name }

    func fields(_ c: FormContext) -> [FieldSpec] {
        [FieldSpec(.parent, c.t.pick("Cấp trên mới", "New parent"), .choice(c.unitChoices(excluding: unit.id, everywhere: true)), required: true)]
    }

    func fill(_ f: inout FormState, _ c: FormContext) { f.pick(.parent, unit.parentID.map { String($0) }) }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        r.result(.moveUnit(unit.id, parent: r.id(.parent)), [])
    }
}
