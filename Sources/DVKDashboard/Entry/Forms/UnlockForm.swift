import DVKCore

/// Mở khóa: an approved year goes back to its unit to be corrected; the
/// reason is kept in the log, so it is asked for.
public struct UnlockForm: EntryForm {
    var unit: OrgUnit
    var year: Int

    func title(_ t: Texts) -> String { t.pick("Mở khóa số liệu năm \(year): ", "Unlock \(year): ") + unit.name }

    func fields(_ c: FormContext) -> [FieldSpec] {
        [FieldSpec(.unlockReason, c.t.pick("Lý do mở khóa", "Why unlock"), required: true,
                   hint: c.t.pick("ví dụ: sai số liệu đánh giá, đơn vị xin sửa", "e.g. evaluations to correct"))]
    }

    func fill(_ f: inout FormState, _ c: FormContext) {}

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        let reason = r.str(.unlockReason)
        let issues = reason.count > 500 ? [ValidationIssue(field: FieldKey.unlockReason.rawValue, problem: .tooLong(max: 500))] : []
        return r.result(.approval(.unlock, unit: unit.id, year: year, reason: reason), issues)
    }
}
