/// Vai trò: what an officer may do, each role including the ones before it.
public enum OfficerRole: String, CaseIterable, Comparable, Sendable {
    /// Chỉ xem: reads, prints and exports; enters nothing.
    case viewer
    /// Nhập liệu: enters and corrects the figures of their units, and submits them.
    case editor
    /// Duyệt: also approves the units below their own, and unlocks them with a reason.
    case approver
    /// Quản trị: also manages officers and the store-wide settings.
    case admin

    public static func < (a: OfficerRole, b: OfficerRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public func title(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case .viewer: return w.pick("chỉ xem (viewer)", "viewer")
        case .editor: return w.pick("nhập liệu (editor)", "editor")
        case .approver: return w.pick("duyệt (approver)", "approver")
        case .admin: return w.pick("quản trị (admin)", "admin")
        }
    }
}

/// Cán bộ: a person who uses dvk, known by the OS account they sign in with.
public struct Officer: Hashable, Sendable {
    public var name: String
    /// The OS account (over SSH, the signed-in user) this officer is.
    public var account: String
    public var role: OfficerRole
    /// The top of the subtree they may edit; nil for the whole store.
    public var scope: OrgUnit.ID?

    public init(name: String, account: String, role: OfficerRole, scope: OrgUnit.ID? = nil) {
        (self.name, self.account, self.role, self.scope) = (name, account, role, scope)
    }

    /// Who a store opened without any officer on record acts as: its creator, in charge of everything.
    public static func founder(account: String) -> Officer {
        Officer(name: account, account: account, role: .admin)
    }
}
