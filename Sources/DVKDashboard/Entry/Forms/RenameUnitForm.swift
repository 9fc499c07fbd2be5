import DVKCore

public struct RenameUnitForm: EntryForm {
    var unit: OrgUnit

    func title(_ t: Texts) -> String { t.pick("Đổi tên: ", "Rename: ") + unit.name }
    func fields(_ c: FormContext) -> [FieldSpec] { [FieldSpec(.name, c.t.pick("Tên mới", "New name"), required: true)] }
    func fill(_ f: inout FormState, _ c: FormContext) { f.set(.name, unit.name) }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        var renamed = unit
        renamed.name = r.str(.name)
        return r.result(.renameUnit(unit.id, name: renamed.name), r.validator.check(renamed).filter { $0.field == "name" })
    }
}
