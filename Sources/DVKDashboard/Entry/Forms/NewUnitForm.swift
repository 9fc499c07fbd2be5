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
                // Only the kinds that may sit under the parent (UnitPlacement): no commune under a hospital.
                FieldSpec(.kind, p("Loại đơn vị", "Kind"), .choice(kinds.map { Choice($0.rawValue, c.t.words.kindName($0)) }), required: true),
                FieldSpec(.officialCode, p("Mã đơn vị hành chính", "Official code")),
                FieldSpec(.validFrom, p("Hiệu lực từ ngày", "Valid from"), .date, hint: "dd/mm/yyyy")]
    }

    var kinds: [UnitKind] {
        guard let parent else { return UnitKind.allCases }
        return UnitKind.allCases.filter { UnitPlacement.mayParent(parent.kind, $0) }
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
