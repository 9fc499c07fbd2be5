import DVKCore
import GRDB

/// Who a store is being used by: the officer whose rights every write is
/// checked against, and the OS account that signed in (not the same when an
/// admin acts for someone); both go into each audit row.
public struct Actor: Hashable, Sendable {
    public let officer: Officer
    public let account: String
}

enum OfficerQueries {
    /// The officer an OS account signs in as. The first account to open a
    /// store that has no officers becomes its admin (a new database makes
    /// its creator admin; so does a store from before officers existed).
    static func signIn(account: String, actingFor: String?, registerFounder: Bool, _ db: Database) throws -> Actor {
        guard try db.tableExists("officer") else {
            // A read-only look at a file from before officers: nothing to check against.
            return Actor(officer: .founder(account: account), account: account)
        }
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM officer") == 0 {
            let founder = Officer.founder(account: account)
            if registerFounder { try insert(founder, db) }
            return try actingFor.map { try impersonate($0, by: founder, account: account, db) } ?? Actor(officer: founder, account: account)
        }
        guard let me = try officer(account: account, db) else { throw StoreError.refused(.unknownAccount(account: account)) }
        guard let actingFor, actingFor != me.name else { return Actor(officer: me, account: account) }
        return try impersonate(actingFor, by: me, account: account, db)
    }

    private static func impersonate(_ name: String, by me: Officer, account: String, _ db: Database) throws -> Actor {
        if let refusal = AccessPolicy.check(me, .actForOthers) { throw StoreError.refused(refusal) }
        guard let other = try officer(named: name, db) else { throw StoreError.refused(.unknownOfficer(name: name)) }
        return Actor(officer: other, account: account)
    }

    static func insert(_ o: Officer, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO officer (name, account, role, scope_unit_id) VALUES (?, ?, ?, ?)",
                       arguments: [o.name, o.account, o.role.rawValue, o.scope])
    }

    static func officer(account: String, _ db: Database) throws -> Officer? {
        try Row.fetchOne(db, sql: "SELECT * FROM officer WHERE account = ?", arguments: [account]).map(decode)
    }

    static func officer(named name: String, _ db: Database) throws -> Officer? {
        try Row.fetchOne(db, sql: "SELECT * FROM officer WHERE name = ?", arguments: [name]).map(decode)
    }

    static func decode(_ row: Row) -> Officer {
        Officer(name: row["name"], account: row["account"], role: OfficerRole(rawValue: row["role"]) ?? .viewer, scope: row["scope_unit_id"])
    }

    /// The unit, then every unit it sits in or was merged into, to the top:
    /// an officer of a new ward also answers for the communes merged into it.
    static func chain(of unit: OrgUnit.ID, _ db: Database) throws -> [OrgUnit.ID] {
        try OrgUnit.ID.fetchAll(db, sql: """
            WITH RECURSIVE up(id, depth) AS (
              SELECT ?, 0
              UNION
              SELECT u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL AND up.depth < 64
              UNION
              SELECT u.merged_into_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.id WHERE u.merged_into_id IS NOT NULL AND up.depth < 64
            )
            SELECT DISTINCT id FROM up
            """, arguments: [unit])
    }

    static func unitName(_ id: OrgUnit.ID?, _ db: Database) throws -> String {
        guard let id else { return "" }
        return try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [id]) ?? "#\(id)"
    }
}

extension AppDatabase {
    /// Every officer, by name.
    public func officers() throws -> [Officer] {
        try read { db in
            guard try db.tableExists("officer") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM officer ORDER BY name COLLATE NOCASE").map(OfficerQueries.decode)
        }
    }

    /// Whether the signed-in officer may take `action` on `unit` (nil: a
    /// record of no unit); the refusal names the rule. The dashboard asks
    /// before offering a key, the store again before every write.
    public func refusal(_ action: AccessAction, unit: OrgUnit.ID?) throws -> AccessRefusal? {
        try read { db in try AccessGuard.refusal(actor.officer, action, unit: unit, db) }
    }
}
