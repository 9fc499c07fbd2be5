import DVKCore

/// The yearly verdict on a model: effective or not.
public struct EvaluationForm: EntryForm {
    var model: Model
    /// The verdicts on record for the model (from its details), by year.
    var evaluations: [Evaluation] = []

    func title(_ t: Texts) -> String { t.pick("Đánh giá hiệu quả: ", "Evaluation: ") + model.title }

    func fields(_ c: FormContext) -> [FieldSpec] {
        [c.yearField(),
         // No default verdict: an officer who saves without choosing has not evaluated.
         FieldSpec(.effective, c.t.pick("Kết quả đánh giá", "Verdict"),
                   .choice([Choice("yes", c.t.pick("Hiệu quả", "Effective")), Choice("no", c.t.pick("Chưa hiệu quả", "Not effective"))]),
                   required: true, startsUnset: true),
         FieldSpec(.note, c.t.pick("Ghi chú", "Note"))]
    }

    /// The verdicts already recorded, from the model's details.
    func placed(_ s: AppState) -> Self {
        var f = self
        if case let .models(m) = s.screen, m.detail?.model.id == model.id { f.evaluations = m.detail?.evaluations ?? [] }
        return f
    }

    func existing(_ year: Int?) -> Evaluation? { year.flatMap { y in evaluations.first { $0.year == y } } }

    func fill(_ f: inout FormState, _ c: FormContext) {
        f.set(.year, String(c.location.year))
        show(existing(c.location.year), &f)
    }

    /// Another year typed: that year's verdict on record (or none), and its note, replace the last one's.
    func changed(_ key: FieldKey, _ f: inout FormState, _ c: FormContext) {
        guard key == .year else { return }
        let e = existing(Int(f.text(.year).trimmingCharacters(in: .whitespaces)))
        f.picks[.effective] = nil
        f.inputs[.note] = nil
        f.set(.note, "")
        show(e, &f)
        f.note = note(e, c)
    }

    private func show(_ e: Evaluation?, _ f: inout FormState) {
        f.pick(.effective, e.map { $0.effective ? "yes" : "no" })
        f.set(.note, e?.note)
    }

    func replaceNote(_ c: FormContext) -> String? { note(existing(c.location.year), c) }

    private func note(_ e: Evaluation?, _ c: FormContext) -> String? {
        guard let e else { return nil }
        let verdict = e.effective ? c.t.pick("hiệu quả", "effective") : c.t.pick("chưa hiệu quả", "not effective")
        return c.t.pick("Năm \(e.year) đã có đánh giá: \(verdict). Lưu sẽ thay thế đánh giá này.",
                        "\(e.year) is already evaluated: \(verdict). Saving replaces it.")
    }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        let e = Evaluation(modelID: model.id, year: r.int(.year) ?? 0, effective: r.choice(.effective) == "yes", note: r.str(.note))
        var issues = r.validator.check(e)
        if let l = model.launchedOn, e.year < l.year {
            issues.append(ValidationIssue(field: "year", problem: .yearOutOfRange(e.year, min: l.year, max: r.validator.latestYear)))
        }
        return r.result(.evaluation(e), issues)
    }
}
