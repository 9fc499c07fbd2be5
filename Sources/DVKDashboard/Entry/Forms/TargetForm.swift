import DVKCore

/// A target's threshold and phase; the form opens on the target's current values.
public struct TargetForm: EntryForm {
    var target: Target

    func title(_ t: Texts) -> String { t.pick("Sửa chỉ tiêu", "Edit a target") }

    func fields(_ c: FormContext) -> [FieldSpec] {
        let p = c.t.pick
        let targets = c.overview?.unit.targets.map(\.target) ?? [target]
        return [FieldSpec(.code, p("Chỉ tiêu", "Target"), .choice(targets.map { Choice($0.code, c.t.words.targetTitle($0)) }), required: true),
                // The threshold's range follows the chosen target (`load`).
                FieldSpec(.threshold, p("Ngưỡng", "Threshold"), .decimal, required: true, range: NumberLimits.percent),
                FieldSpec(.phaseStart, p("Giai đoạn từ năm", "Phase from"), .year, required: true, range: c.years),
                FieldSpec(.phaseEnd, p("Đến năm", "to"), .year, required: true, range: c.years),
                FieldSpec(.minPerField, p("Tối thiểu mỗi lĩnh vực", "Minimum per field"), .count, range: NumberLimits.countThreshold)]
    }

    func fill(_ f: inout FormState, _ c: FormContext) {
        f.pick(.code, target.code)
        Self.load(&f, target, c.lang)
    }

    func replaceNote(_ c: FormContext) -> String? {
        c.t.pick("Lưu sẽ thay thế giá trị hiện hành của chỉ tiêu.", "Saving replaces the target's current values.")
    }

    func changed(_ key: FieldKey, _ f: inout FormState, _ c: FormContext) {
        guard key == .code, let t = chosen(f.choice(.code)?.value, c) else { return }
        Self.load(&f, t, c.lang)
    }

    func chosen(_ code: String?, _ c: FormContext) -> Target? {
        c.overview?.unit.targets.map(\.target).first { $0.code == code }
    }

    /// Shows a target's current values.
    static func load(_ f: inout FormState, _ t: Target, _ lang: Language) {
        if let i = f.fields.firstIndex(where: { $0.key == .threshold }) {
            f.fields[i].range = t.metric == .effectiveModelsPerUnit ? NumberLimits.countThreshold : NumberLimits.percent
        }
        f.set(.threshold, VietnameseNumber.decimal(t.threshold, lang))
        f.set(.phaseStart, String(t.phase.startYear))
        f.set(.phaseEnd, String(t.phase.endYear))
        f.set(.minPerField, t.minPerField.map(String.init) ?? "")
    }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        var t = chosen(r.choice(.code), r.context) ?? target
        t.threshold = r.number(.threshold) ?? t.threshold
        t.phase = PlanPhase(startYear: r.int(.phaseStart) ?? t.phase.startYear, endYear: r.int(.phaseEnd) ?? t.phase.endYear)
        t.minPerField = r.int(.minPerField)
        return r.result(.target(t), r.validator.check(t))
    }
}
