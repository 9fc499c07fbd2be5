import DVKCore
import Foundation
import GRDB

/// Quản lý cán bộ: admins only, each change audited. The store always keeps
/// one admin of the whole store, so nobody can lock everyone out.
extension AppDatabase {
    @discardableResult
    public func addOfficer(_ o: Officer) throws -> AuditID {
        let actor = self.actor
        return try write { db in
            try OfficerWrites.refuseUnlessAdmin(actor)
            try OfficerWrites.refuseBad(o, db)
            if try OfficerQueries.officer(named: o.name, db) != nil { throw StoreError.officer(.nameTaken(o.name)) }
            if let other = try OfficerQueries.officer(account: o.account, db) { throw StoreError.officer(.accountTaken(o.account, by: other.name)) }
            return try Audit.write(db, actor: actor, "officer", key: nil, action: "add") { db, _ in
                try OfficerQueries.insert(o, db)
                return ((), [o.name.databaseValue])
            }.auditID
        }
    }

    /// Changes an officer's role or scope (the name and account stay).
    @discardableResult
    public func updateOfficer(_ o: Officer) throws -> AuditID {
        let actor = self.actor
        return try write { db in
            try OfficerWrites.refuseUnlessAdmin(actor)
            guard try OfficerQueries.officer(named: o.name, db) != nil else { throw StoreError.refused(.unknownOfficer(name: o.name)) }
            try OfficerWrites.refuseBad(o, db)
            return try Audit.write(db, actor: actor, "officer", key: [o.name.databaseValue], action: "update") { db, _ in
                try db.execute(sql: "UPDATE officer SET role = ?, scope_unit_id = ? WHERE name = ?", arguments: [o.role.rawValue, o.scope, o.name])
                try OfficerWrites.keepAnAdmin(db)
                return ((), [o.name.databaseValue])
            }.auditID
        }
    }

    @discardableResult
    public func removeOfficer(named name: String) throws -> AuditID {
        let actor = self.actor
        return try write { db in
            try OfficerWrites.refuseUnlessAdmin(actor)
            guard try OfficerQueries.officer(named: name, db) != nil else { throw StoreError.refused(.unknownOfficer(name: name)) }
            return try Audit.write(db, actor: actor, "officer", key: [name.databaseValue], action: "remove") { db, _ in
                try db.execute(sql: "DELETE FROM officer WHERE name = ?", arguments: [name])
                try OfficerWrites.keepAnAdmin(db)
                return ((), [name.databaseValue])
            }.auditID
        }
    }
}

/// What `dvk officer` refuses besides the access rules.
public enum OfficerProblem: Error, Equatable, Sendable {
    case nameTaken(String)
    case accountTaken(String, by: String)
    case badText(String)
    case lastAdmin

    public func message(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case let .nameTaken(n): return w.pick("Đã có cán bộ tên “\(n)”: chọn tên khác, hoặc sửa bằng dvk officer set.", "There is already an officer named “\(n)”: choose another name, or change it with dvk officer set.")
        case let .accountTaken(a, by): return w.pick("Tài khoản “\(a)” đã là của cán bộ “\(by)”: mỗi tài khoản là một cán bộ.", "Account “\(a)” already belongs to officer “\(by)”: one officer per account.")
        case let .badText(what): return w.pick("\(what) không được để trống, tối đa 60 ký tự, một dòng.", "\(what) must not be empty: 60 characters at most, one line.")
        case .lastAdmin: return w.pick("Phải còn ít nhất một quản trị viên (admin) phụ trách toàn bộ dữ liệu: không ghi.", "At least one admin in charge of the whole store must remain: nothing written.")
        }
    }
}

enum OfficerWrites {
    static func refuseUnlessAdmin(_ actor: Actor) throws {
        if let r = AccessPolicy.check(actor.officer, .manageOfficers) { throw StoreError.refused(r) }
    }

    static func refuseBad(_ o: Officer, _ db: Database) throws {
        for (text, what) in [(o.name, "Tên cán bộ"), (o.account, "Tài khoản")]
        where text.trimmingCharacters(in: .whitespaces).isEmpty || text.count > 60 || text.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true }) {
            throw StoreError.officer(.badText(what))
        }
        if let scope = o.scope, try OrgUnit.ID.fetchOne(db, sql: "SELECT id FROM unit WHERE id = ?", arguments: [scope]) == nil {
            throw StoreError.notFound(what: "đơn vị #\(scope)")
        }
    }

    static func keepAnAdmin(_ db: Database) throws {
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM officer WHERE role = 'admin' AND scope_unit_id IS NULL") == 0 {
            throw StoreError.officer(.lastAdmin)
        }
    }
}
