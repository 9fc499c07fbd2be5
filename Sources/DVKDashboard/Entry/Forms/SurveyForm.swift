import DVKCore

/// A unit's satisfaction index for a year. One per unit and year: a second
/// one replaces the first, so the form opens with it and says so.
public struct SurveyForm: EntryForm {
    var unit: OrgUnit
    var year: Int
    /// The survey on record for `unit` and `year`, read before the form opens.
    var existing: SatisfactionSurvey?

    func title(_ t: Texts) -> String { t.pick("Chỉ số hài lòng: ", "Satisfaction survey: ") + unit.name }

    func fields(_ c: FormContext) -> [FieldSpec] {
        let p = c.t.pick
        return [c.yearField(),
                FieldSpec(.percent, p("Chỉ số hài lòng (%)", "Satisfaction (%)"), .decimal, required: true, hint: p("ví dụ 92,5", "e.g. 92.5"),
                          range: NumberLimits.percent),
                FieldSpec(.respondents, p("Số người trả lời", "Respondents"), .count, range: NumberLimits.respondents),
                FieldSpec(.source, p("Nguồn", "Source"))]
    }

    var recordKey: RecordKey? { .survey(unit.id, year: year) }

    func with(_ record: StoredRecord?) -> SurveyForm {
        var f = self
        if case let .survey(s)? = record { f.existing = s } else { f.existing = nil }
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
        guard let e = existing else { return }
        f.set(.percent, VietnameseNumber.decimal(Double(e.permille) / 10, c.lang))
        f.set(.respondents, e.respondents.map { String($0) })
        f.set(.source, e.source)
    }

    func replaceNote(_ c: FormContext) -> String? {
        guard let e = existing else { return nil }
        let value = VietnameseNumber.percent(Double(e.permille) / 10, c.lang)
        return c.t.pick("Năm \(e.year) đã có số liệu \(value). Lưu sẽ thay thế số liệu này.",
                        "\(e.year) already has \(value) on record. Saving replaces it.")
    }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        let permille = r.number(.percent).flatMap { NumberLimits.rounded($0 * 10, in: 0...1000) }.map { Int($0) } ?? 0
        let s = SatisfactionSurvey(unitID: unit.id, year: r.int(.year) ?? 0, permille: permille,
                                   respondents: r.int(.respondents), source: r.str(.source))
        return r.result(.survey(s), r.validator.check(s))
    }
}
