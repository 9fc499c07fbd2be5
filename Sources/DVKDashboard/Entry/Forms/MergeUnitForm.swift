import DVKCore

/// A unit merged into another of its level, in force until `lastDay`. The
/// pick list offers only allowed successors, nearest first, with none chosen;
/// saving first shows what follows from the merger.
public struct MergeUnitForm: UnitTreeForm {
    var unit: OrgUnit
    /// Every unit, read before the form opens.
    var units: [OrgUnit.ID: OrgUnit] = [:]

    func title(_ t: Texts) -> String { t.pick("Sáp nhập: ", "Merge: ") + unit.name }

    func fields(_ c: FormContext) -> [FieldSpec] { fields(c, lastDay: Day.lastOf(year: c.location.year), acrossProvinces: false) }

    func fields(_ c: FormContext, lastDay: Day, acrossProvinces: Bool) -> [FieldSpec] {
        let p = c.t.pick
        let targets = UnitPlacement.mergeTargets(for: unit, lastDay: lastDay, units: units, acrossProvinces: acrossProvinces)
        return [FieldSpec(.into, p("Sáp nhập vào", "Merge into"), .choice(targets.map { Choice(String($0.id), UnitChoiceLabel.of($0, units, c.t)) }),
                          required: true, startsUnset: true),
                FieldSpec(.lastDay, p("Ngày cuối còn hiệu lực", "Last day"), .date, required: true, hint: "dd/mm/yyyy"),
                FieldSpec(.acrossProvinces, p("Cho phép tỉnh khác", "Allow another province"), .toggle)]
    }

    func fill(_ f: inout FormState, _ c: FormContext) { f.set(.lastDay, Day.lastOf(year: c.location.year).description) }

    func changed(_ key: FieldKey, _ f: inout FormState, _ c: FormContext) {
        guard key == .acrossProvinces else { return }
        let chosen = f.choice(.into)?.value
        let last = Day(parsing: f.text(.lastDay)) ?? Day.lastOf(year: c.location.year)
        f.fields = fields(c, lastDay: last, acrossProvinces: f.toggles[.acrossProvinces] ?? false)
        f.picks[.into] = nil
        f.pick(.into, chosen)
    }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        guard let into = r.id(.into), let target = units[into], let last = r.day(.lastDay) else {
            return .failure(FieldIssues([.into: ValidationIssue(field: "into", problem: .required)]))
        }
        if let from = unit.validFrom, last < from {
            return r.result(.mergeUnit(unit.id, into: into, lastDay: last),
                            [ValidationIssue(field: "validTo", problem: .notBefore(otherFieldVI: "ngày bắt đầu hiệu lực", otherFieldEN: "start date"))])
        }
        if last.year > r.validator.latestYear {
            return r.result(.mergeUnit(unit.id, into: into, lastDay: last),
                            [ValidationIssue(field: "lastDay", problem: .yearOutOfRange(last.year, min: Validator.earliestYear, max: r.validator.latestYear))])
        }
        let problem = UnitPlacement.mergeProblem(unit, into: target, lastDay: last, units: units, acrossProvinces: r.toggle(.acrossProvinces))
        return r.result(.mergeUnit(unit.id, into: into, lastDay: last), problem.map { [ValidationIssue(field: "into", problem: $0)] } ?? [])
    }
}
