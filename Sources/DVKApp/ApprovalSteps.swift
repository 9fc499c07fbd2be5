import DVKCore
import DVKStore

/// Nộp, duyệt, mở khóa, as the dashboard and `dvk approval` take them. A
/// unit submits only when its own reports for the year are in; the store
/// checks who may take the step and which step may follow which.
public enum ApprovalSteps {
    @discardableResult
    public static func take(_ step: ApprovalStep, unit: OrgUnit.ID, year: Int, reason: String = "",
                            db: AppDatabase, lang: Language) throws -> AuditID {
        if step == .submit, let overview = try Overview.build(from: db, unit: unit, year: year) {
            let missing = overview.unit.own.missing(lang)
            if overview.unit.own.expectsAny && !missing.isEmpty {
                throw StoreError.approval(.reportsMissing(unit: overview.unit.unit.name, year: year, missing: missing))
            }
        }
        return try db.takeApprovalStep(step, unit: unit, year: year, reason: reason)
    }
}
