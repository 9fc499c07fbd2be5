/// What an officer asks to do, as the rules of access see it.
public enum AccessAction: Sendable, Equatable {
    /// Nhập liệu: add, change or undo a record.
    case enter
    /// Nộp: send a unit's year up for approval.
    case submit
    /// Duyệt: approve it, which locks it.
    case approve
    /// Mở khóa: reopen an approved year.
    case unlock
    /// Quản lý cán bộ.
    case manageOfficers
    /// Acting for another officer (`--officer`).
    case actForOthers
}

/// A unit as the rules name it: its id and the name an officer knows it by.
public struct NamedUnit: Hashable, Sendable {
    public let id: OrgUnit.ID
    public let name: String
    public init(id: OrgUnit.ID, name: String) { (self.id, self.name) = (id, name) }
}

/// Why an officer may not do something. Each message names the rule, so an
/// officer knows whom to ask rather than only that it failed.
public enum AccessRefusal: Error, Equatable, Sendable {
    case roleTooLow(officer: String, role: OfficerRole, needs: OfficerRole, action: AccessAction)
    /// `scope` nil: the record belongs to no unit (targets, settings), which only a store-wide officer edits.
    case outsideScope(officer: String, scope: String, unit: String?)
    case ownUnit(officer: String, unit: String)
    case unknownAccount(account: String)
    case unknownOfficer(name: String)

    public func message(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case let .roleTooLow(o, role, needs, action):
            let what: String
            switch action {
            case .enter: what = w.pick("Nhập và sửa dữ liệu", "Entering and changing data")
            case .submit: what = w.pick("Nộp số liệu", "Submitting figures")
            case .approve: what = w.pick("Duyệt số liệu", "Approving figures")
            case .unlock: what = w.pick("Mở khóa số liệu đã duyệt", "Unlocking approved figures")
            case .manageOfficers: what = w.pick("Quản lý cán bộ", "Managing officers")
            case .actForOthers: what = w.pick("Làm thay cán bộ khác (--officer)", "Acting for another officer (--officer)")
            }
            return w.pick("\(what) cần vai trò \(needs.title(.vi)) trở lên; cán bộ “\(o)” có vai trò \(role.title(.vi)). Không có gì được ghi.",
                          "\(what) needs the role \(needs.title(.en)) or above; officer “\(o)” is \(role.title(.en)). Nothing was written.")
        case let .outsideScope(o, scope, unit?):
            return w.pick("“\(unit)” nằm ngoài phạm vi của cán bộ “\(o)” (\(scope) và các đơn vị trực thuộc): chỉ nhập và nộp được trong phạm vi đó.",
                          "“\(unit)” is outside officer “\(o)”'s scope (\(scope) and the units under it): entry and submission only within it.")
        case let .outsideScope(o, scope, nil):
            return w.pick("Chỉ tiêu, lĩnh vực và thiết lập chung chỉ cán bộ phụ trách toàn bộ dữ liệu sửa được; cán bộ “\(o)” phụ trách \(scope).",
                          "Targets, fields and shared settings are changed only by an officer in charge of the whole store; officer “\(o)” covers \(scope).")
        case let .ownUnit(o, unit):
            return w.pick("Cấp trên duyệt: cán bộ “\(o)” phụ trách chính “\(unit)”, không tự duyệt hay mở khóa số liệu của đơn vị mình.",
                          "The level above approves: officer “\(o)” is in charge of “\(unit)” itself and cannot approve or unlock its own figures.")
        case let .unknownAccount(a):
            return w.pick("Tài khoản “\(a)” chưa là cán bộ của cơ sở dữ liệu này: nhờ quản trị viên chạy dvk officer add TÊN --account \(a) --role viewer.",
                          "Account “\(a)” is not an officer of this database: ask an admin to run dvk officer add NAME --account \(a) --role viewer.")
        case let .unknownOfficer(n):
            return w.pick("Không có cán bộ “\(n)”: xem danh sách bằng dvk officer list.", "There is no officer “\(n)”: see dvk officer list.")
        }
    }
}

/// The rules of access, in one place: the store asks them before every
/// write, and the dashboard asks them to show only the keys that would work.
public enum AccessPolicy {
    public static func required(_ action: AccessAction) -> OfficerRole {
        switch action {
        case .enter, .submit: return .editor
        case .approve, .unlock: return .approver
        case .manageOfficers, .actForOthers: return .admin
        }
    }

    /// `unit` and `chain` (the unit, then each unit it sits in or was merged
    /// into, up to the top) name what the action touches; nil for records of
    /// no unit. `scopeName` is the name of the officer's scope, for messages.
    public static func check(_ officer: Officer, _ action: AccessAction, unit: NamedUnit? = nil,
                             chain: [OrgUnit.ID] = [], scopeName: String = "") -> AccessRefusal? {
        let needs = required(action)
        if officer.role < needs { return .roleTooLow(officer: officer.name, role: officer.role, needs: needs, action: action) }
        guard let scope = officer.scope else { return nil }
        switch action {
        case .manageOfficers, .actForOthers: return nil
        case .enter, .submit:
            guard let unit else { return .outsideScope(officer: officer.name, scope: scopeName, unit: nil) }
            return chain.contains(scope) ? nil : .outsideScope(officer: officer.name, scope: scopeName, unit: unit.name)
        case .approve, .unlock:
            guard let unit else { return .outsideScope(officer: officer.name, scope: scopeName, unit: nil) }
            if unit.id == scope { return .ownUnit(officer: officer.name, unit: unit.name) }
            return chain.contains(scope) ? nil : .outsideScope(officer: officer.name, scope: scopeName, unit: unit.name)
        }
    }

    /// Whether the action could succeed somewhere, for the key bar: a
    /// viewer sees no entry keys, an editor no approval keys.
    public static func mayEver(_ officer: Officer, _ action: AccessAction) -> Bool {
        officer.role >= required(action)
    }
}
