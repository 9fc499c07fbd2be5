import DVKCore

/// A unit merged into another of its kind, in force until `lastDay`.
public struct MergeUnitForm: EntryForm {
    var unit: OrgUnit

    func title(_ t: Texts) -> String { t.pick("Sáp nhập: ", "Merge: ") + unit.name }

    func fields(_ c: FormContext) -> [FieldSpec] {
        let p = c.t.pick
        return [FieldSpec(.into, p("Sáp nhập vào", "Merge into"), .choice(c.unitChoices(kinds: [unit.kind], excluding: unit.id, everywhere: true)), required: true),
                FieldSpec(.lastDay, p("Ngày cuối còn hiệu lực", "Last day"), .date, required: true, hint: "dd/mm/yyyy")]
    }

    func fill(_ f: inout FormState, _ c: FormContext) { f.set(.lastDay, Day.lastOf(year: c.location.year).description) }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        guard let into = r.id(.into), let last = r.day(.lastDay) else {
            return .failure(FieldIssues([.into: ValidationIssue(field: "into", problem: .required)]))
        }
        var issues: [ValidationIssue] = []
        if let from = unit.validFrom, last < from {
            issues.append(ValidationIssue(field: "validTo", problem: .notBefore(otherFieldVI: "ngày bắt đầu hiệu lực", otherFieldEN: "start date")))
        }
        return r.result(.mergeUnit(unit.id, into: into, lastDay: last), issues)
    }
}
