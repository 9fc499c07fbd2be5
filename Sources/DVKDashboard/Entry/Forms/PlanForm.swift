import DVKCore

/// Whether a unit adopted and disseminated its plan for a year; one per unit and year.
public struct PlanForm: EntryForm {
    var unit: OrgUnit
    var year: Int
    var existing: PlanAdoption?

    func title(_ t: Texts) -> String { t.pick("Kế hoạch: ", "Plan: ") + unit.name }

    func fields(_ c: FormContext) -> [FieldSpec] {
        [c.yearField(),
         FieldSpec(.adopted, c.t.pick("Đã ban hành kế hoạch", "Plan adopted"), .toggle),
         FieldSpec(.disseminated, c.t.pick("Đã phổ biến, tuyên truyền", "Disseminated"), .toggle)]
    }

    var recordKey: RecordKey? { .plan(unit.id, year: year) }

    func with(_ record: StoredRecord?) -> PlanForm {
        var f = self
        if case let .plan(p)? = record { f.existing = p } else { f.existing = nil }
        return f
    }

    /// About the year on screen.
    func placed(_ s: AppState) -> Self {
        var f = self
        f.year = s.location.year
        return f
    }

    func fill(_ f: inout FormState, _ c: FormContext) {
        f.set(.year, String(year))
        f.toggles[.adopted] = existing?.adopted ?? true
        f.toggles[.disseminated] = existing?.disseminated ?? false
    }

    func replaceNote(_ c: FormContext) -> String? {
        guard let e = existing else { return nil }
        let w = c.t.words
        return c.t.pick("Năm \(e.year) đã có: ban hành \(e.adopted ? w.yes : w.no), phổ biến \(e.disseminated ? w.yes : w.no). Lưu sẽ thay thế.",
                        "\(e.year) is on record: adopted \(e.adopted ? w.yes : w.no), disseminated \(e.disseminated ? w.yes : w.no). Saving replaces it.")
    }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        let p = PlanAdoption(unitID: unit.id, year: r.int(.year) ?? 0, adopted: r.toggle(.adopted), disseminated: r.toggle(.disseminated))
        return r.result(.plan(p), r.validator.check(p))
    }
}
