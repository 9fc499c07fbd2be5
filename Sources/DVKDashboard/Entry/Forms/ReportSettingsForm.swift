import DVKCore

/// Thiết lập báo cáo: who issues the report (`R`, `dvk report`) and who signs it.
public struct ReportSettingsForm: EntryForm {
    var stored: [Setting: String]?

    static let keys: [(FieldKey, Setting)] = [(.reportIssuer, .reportIssuer), (.reportNumber, .reportNumber), (.reportPlace, .reportPlace),
                                              (.reportSignerTitle, .reportSignerTitle), (.reportSigner, .reportSigner),
                                              (.reportRecipients, .reportRecipients)]
    static let maxLength = 500

    func title(_ t: Texts) -> String { t.pick("Thiết lập báo cáo", "Report settings") }

    var recordKey: RecordKey? { .reportSettings }

    func with(_ record: StoredRecord?) -> ReportSettingsForm {
        guard case let .reportSettings(s)? = record else { return ReportSettingsForm(stored: [:]) }
        return ReportSettingsForm(stored: s)
    }

    func fields(_ c: FormContext) -> [FieldSpec] {
        let t = c.t
        let lines = t.pick("các dòng cách nhau bởi |", "lines separated by |")
        return [
            FieldSpec(.reportIssuer, t.words.setting(.reportIssuer), required: true, hint: lines + t.pick(", ví dụ TỈNH ỦY LÀO CAI|BAN TUYÊN GIÁO VÀ DÂN VẬN", "")),
            FieldSpec(.reportNumber, t.words.setting(.reportNumber), hint: t.pick("ví dụ 15-BC/BTGDVTU; để trống số trước dấu - để văn thư ghi", "e.g. 15-BC/BTGDVTU")),
            FieldSpec(.reportPlace, t.words.setting(.reportPlace), required: true, hint: t.pick("ví dụ Lào Cai", "e.g. Lào Cai")),
            FieldSpec(.reportSignerTitle, t.words.setting(.reportSignerTitle), required: true, hint: lines + t.pick(", ví dụ K/T TRƯỞNG BAN|PHÓ TRƯỞNG BAN", "")),
            FieldSpec(.reportSigner, t.words.setting(.reportSigner), hint: t.pick("để trống nếu chưa biết người ký", "blank if not yet known")),
            FieldSpec(.reportRecipients, t.words.setting(.reportRecipients), hint: lines),
        ]
    }

    /// The board's values, or what the report would use without them.
    func fill(_ f: inout FormState, _ c: FormContext) {
        let s = ReportSettings.defaults(path: c.overview?.path ?? [], on: c.today).overridden(by: stored ?? [:])
        let texts = s.texts
        for (field, key) in Self.keys { f.set(field, texts[key]) }
    }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        var values: [Setting: String] = [:]
        var issues: [ValidationIssue] = []
        for (field, key) in Self.keys {
            // The number keeps its leading blanks: the office fills them in when it signs.
            let text = key == .reportNumber ? r.form.text(field) : r.str(field)
            if text.count > Self.maxLength { issues.append(ValidationIssue(field: field.rawValue, problem: .tooLong(max: Self.maxLength))) }
            values[key] = VietnameseText.normalized(text)
        }
        return r.result(.settings(values), issues)
    }
}
