import DVKCore

/// A unit below `parent`; with no parent, the first unit of an empty database.
public struct NewUnitForm: EntryForm {
    var parent: OrgUnit?

    func title(_ t: Texts) -> String {
        parent.map { t.pick("Thêm đơn vị trực thuộc ", "Add a unit under ") + $0.name } ?? t.pick("Thêm đơn vị cấp cao nhất", "Add the top unit")
    }

    func fields(_ c: FormContext) -> [FieldSpec] {
        let p = c.t.pick
        return [FieldSpec(.name, p("Tên đơn vị", "Name"), required: true),
                FieldSpec(.kind, p("Loại đơn vị", "Kind"), .choice(UnitKind.allCases.map { Choice($0.rawValue, c.t.words.kind($0)) }), required: true),
                FieldSpec(.officialCode, p("Mã đơn vị hành chính", "Official code")),
                FieldSpec(.validFrom, p("Hiệu lực từ ngày", "Valid from"), .date, hint: "dd/mm/yyyy")]
    }

    func fill(_ f: inout FormState, _ c: FormContext) {
        f.pick(.kind, (parent == nil ? UnitKind.province : UnitKind.commune).rawValue)
    }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        let u = OrgUnit(id: 0, officialCode: r.optionalStr(.officialCode), name: r.str(.name),
                        kind: UnitKind(rawValue: r.choice(.kind) ?? "") ?? .commune, parentID: parent?.id, validFrom: r.day(.validFrom))
        return r.result(.addUnit(u), r.validator.check(u))
    }
}
