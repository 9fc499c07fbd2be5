import DVKCore

/// The yearly verdict on a model: effective or not.
public struct EvaluationForm: EntryForm {
    var model: Model
    /// The verdict on record for the year on screen, if any (from the model's details).
    var existing: Evaluation?

    func title(_ t: Texts) -> String { t.pick("Đánh giá hiệu quả: ", "Evaluation: ") + model.title }

    func fields(_ c: FormContext) -> [FieldSpec] {
        [c.yearField(),
         // No default verdict: an officer who saves without choosing has not evaluated.
         FieldSpec(.effective, c.t.pick("Kết quả đánh giá", "Verdict"),
                   .choice([Choice("yes", c.t.pick("Hiệu quả", "Effective")), Choice("no", c.t.pick("Chưa hiệu quả", "Not effective"))]),
                   required: true, startsUnset: true),
         FieldSpec(.note, c.t.pick("Ghi chú", "Note"))]
    }

    /// The verdict already recorded for the year on screen, from the model's details.
    func placed(_ s: AppState) -> Self {
        var f = self
        if case let .models(m) = s.screen, m.detail?.model.id == model.id {
            f.existing = m.detail?.evaluations.first { $0.year == s.location.year }
        }
        return f
    }

    func fill(_ f: inout FormState, _ c: FormContext) {
        f.set(.year, String(c.location.year))
        f.pick(.effective, existing.map { $0.effective ? "yes" : "no" })
        f.set(.note, existing?.note)
    }

    func replaceNote(_ c: FormContext) -> String? {
        guard let e = existing else { return nil }
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
