import Foundation

/// Nộp, duyệt: where one unit's figures for one year stand.
/// An approved year is locked: the store refuses its writes until an approver unlocks it.
public enum ApprovalState: String, CaseIterable, Sendable {
    /// Đã nộp: sent up, waiting for the level above.
    case submitted
    /// Đã duyệt: approved and locked.
    case approved
    /// Trả lại: unlocked with a reason, to be corrected and submitted again.
    case returned

    /// Short enough for a list column; the glyph keeps it readable in black and white.
    public func label(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case .submitted: return w.pick("… đã nộp", "… submitted")
        case .approved: return w.pick("✓ đã duyệt", "✓ approved")
        case .returned: return w.pick("↩ trả lại", "↩ returned")
        }
    }

    public static func label(_ state: ApprovalState?, _ lang: Language) -> String {
        state?.label(lang) ?? Words(lang).pick("– chưa nộp", "– not submitted")
    }
}

/// One unit's year on its way up, as stored.
public struct Approval: Hashable, Sendable {
    public var unitID: OrgUnit.ID
    public var year: Int
    public var state: ApprovalState
    public var submittedBy: String?
    public var decidedBy: String?
    /// The reason given when it was unlocked (lý do mở khóa).
    public var reason: String?

    public init(unitID: OrgUnit.ID, year: Int, state: ApprovalState, submittedBy: String? = nil,
                decidedBy: String? = nil, reason: String? = nil) {
        (self.unitID, self.year, self.state) = (unitID, year, state)
        (self.submittedBy, self.decidedBy, self.reason) = (submittedBy, decidedBy, reason)
    }
}

/// What an approval step asks for.
public enum ApprovalStep: String, Sendable {
    case submit, approve, unlock
}

/// Why a step cannot be taken from where the year stands.
public enum ApprovalRefusal: Error, Equatable, Sendable {
    case alreadySubmitted(unit: String, year: Int)
    case alreadyApproved(unit: String, year: Int)
    case notSubmitted(unit: String, year: Int)
    case notApproved(unit: String, year: Int)
    case reasonMissing
    /// A write to an approved year (in the store, whatever asked for it).
    case locked(unit: String, year: Int)
    /// Nộp needs the unit's reports in: which are missing.
    case reportsMissing(unit: String, year: Int, missing: [String])

    public func message(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case let .alreadySubmitted(u, y):
            return w.pick("\(u) đã nộp số liệu năm \(y), đang chờ cấp trên duyệt.", "\(u) has already submitted \(y); it awaits approval.")
        case let .alreadyApproved(u, y):
            return w.pick("Số liệu năm \(y) của \(u) đã được duyệt và khóa.", "\(u)'s \(y) figures are already approved and locked.")
        case let .notSubmitted(u, y):
            return w.pick("\(u) chưa nộp số liệu năm \(y): chỉ duyệt được số liệu đã nộp.", "\(u) has not submitted \(y): only submitted figures can be approved.")
        case let .notApproved(u, y):
            return w.pick("Số liệu năm \(y) của \(u) chưa được duyệt nên không bị khóa: không cần mở khóa.",
                          "\(u)'s \(y) figures are not approved, so not locked: nothing to unlock.")
        case .reasonMissing:
            return w.pick("Mở khóa cần ghi lý do (để lưu vào nhật ký).", "Unlocking needs a reason (it is kept in the log).")
        case let .locked(u, y):
            return w.pick("Số liệu năm \(y) của \(u) đã được duyệt và khóa: không sửa được. Người duyệt mở khóa (kèm lý do) rồi mới sửa.",
                          "\(u)'s \(y) figures are approved and locked: they cannot be changed until an approver unlocks them, with a reason.")
        case let .reportsMissing(u, y, missing):
            return w.pick("\(u) chưa nộp được năm \(y): còn thiếu \(missing.joined(separator: ", ")).",
                          "\(u) cannot submit \(y) yet: missing \(missing.joined(separator: ", ")).")
        }
    }
}

/// The steps from one state to the next, as DHIS2 approves data: submit,
/// approve (locks), unlock with a reason (back to the unit to correct).
public enum ApprovalFlow {
    public static func next(from state: ApprovalState?, _ step: ApprovalStep, unit: String, year: Int,
                            reason: String = "") -> Result<ApprovalState, ApprovalRefusal> {
        switch (step, state) {
        case (.submit, nil), (.submit, .returned?): return .success(.submitted)
        case (.submit, .submitted?): return .failure(.alreadySubmitted(unit: unit, year: year))
        case (.submit, .approved?), (.approve, .approved?): return .failure(.alreadyApproved(unit: unit, year: year))
        case (.approve, .submitted?): return .success(.approved)
        case (.approve, _): return .failure(.notSubmitted(unit: unit, year: year))
        case (.unlock, .approved?):
            return reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .failure(.reasonMissing) : .success(.returned)
        case (.unlock, _): return .failure(.notApproved(unit: unit, year: year))
        }
    }
}
