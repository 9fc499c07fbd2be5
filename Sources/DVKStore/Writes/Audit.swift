import Foundation
import GRDB

/// The id of an audit log row: what a save hands back, and what undo and redo name.
public typealias AuditID = Int64

/// What a named write made (a new record's id) and the audit row it wrote.
public struct Audited<Value: Sendable>: Sendable {
    public let value: Value
    public let auditID: AuditID
}

/// The audit log: one row per named write, inside that write's transaction,
/// so a change and its record of who made it commit or vanish together.
enum Audit {
    /// How each audited entity is keyed in its table (the table is named as the entity).
    static let keys: [String: [String]] = [
        "unit": ["id"], "model": ["id"], "evaluation": ["model_id", "year"], "survey": ["unit_id", "year"],
        "plan_adoption": ["unit_id", "year"], "recognition": ["id"], "award": ["id"], "target": ["code"], "meta": ["key"],
        // Written by a re-import (ImportWrites.swift), and so undone with it.
        "field": ["code"], "reported_figure": ["id"], "directive": ["id"],
        // Imaged for the log; never undone (an approval is unlocked with a reason instead).
        "approval": ["unit_id", "year"], "officer": ["name"],
    ]
    /// Logged with their images but not put back by undo.
    static let notRevertible: Set<String> = ["approval", "officer"]

    /// The one audited write, inside the caller's transaction: the row of
    /// `entity` at `key` is imaged, `change` runs (given that image), the row
    /// is imaged again, and both images go into one audit row whose id comes
    /// back. `key` nil: the change adds the row and returns its key. Whatever
    /// `change` throws rolls the change and the audit row back together.
    static func write<T>(_ db: Database, actor: Actor, _ entity: String, key: [DatabaseValue]?, action: String?,
                         _ change: (Database, _ before: String?) throws -> (T, key: [DatabaseValue])) throws -> Audited<T> {
        if let key { try ChangeBasis.refuseIfChanged(entity, entityID(key), db) }
        let before = try key.flatMap { try snapshot(db, entity, $0) }
        let (value, key) = try change(db, before)
        let id = try record(db, actor: actor, action: action ?? (before == nil ? "add" : "update"), entity: entity,
                            entityID: entityID(key), before: before, after: snapshot(db, entity, key))
        return Audited(value: value, auditID: id)
    }

    @discardableResult
    static func record(_ db: Database, actor: Actor, action: String, entity: String, entityID: String?,
                       before: String?, after: String?, at: Date = Date()) throws -> AuditID {
        try AccessGuard.check(db, actor, entity: entity, before: before, after: after)
        try db.execute(sql: """
            INSERT INTO audit_log (at, officer, account, action, entity, entity_id, before_json, after_json, change_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [timestamp(at), actor.officer.name, actor.account, action, entity, entityID, before, after, ChangeGroups.current(db)])
        let id = db.lastInsertedRowID
        if ChangeGroups.current(db) == nil {
            ChangeGroups.open(id, db)
            try db.execute(sql: "UPDATE audit_log SET change_id = ? WHERE id = ?", arguments: [id, id])
        }
        return id
    }

    /// The key columns of `entity` as a WHERE clause.
    static func clause(_ entity: String) -> String {
        (keys[entity] ?? ["id"]).map { "\($0) = ?" }.joined(separator: " AND ")
    }

    /// The key as the log shows it: "12", "12/2024", "models".
    static func entityID(_ key: [DatabaseValue]) -> String {
        key.map { v in
            switch v.storage {
            case .int64(let i): String(i)
            case .string(let s): s
            default: v.description
            }
        }.joined(separator: "/")
    }

    /// The whole row as sorted-key JSON: before/after images for the history screen and undo.
    static func snapshot(_ db: Database, _ entity: String, _ key: [DatabaseValue]) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(entity) WHERE \(clause(entity))",
                                         arguments: StatementArguments(key)) else { return nil }
        var dict: [String: Any] = [:]
        for (column, value) in row {
            switch value.storage {
            case .null: dict[column] = NSNull()
            case .int64(let i): dict[column] = i
            case .double(let d): dict[column] = d
            case .string(let s): dict[column] = s
            case .blob(let b): dict[column] = b.base64EncodedString()
            }
        }
        let data = try JSONSerialization.data(withJSONObject: dict, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func timestamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}

extension AppDatabase {
    /// A named write of the row of `entity` with this key, audited. Without
    /// an `action` it is an upsert (logged "add" or "update" by what was
    /// there); with one ("update", "merge") the row must exist.
    func audited<T: Sendable>(_ entity: String, _ key: any DatabaseValueConvertible..., action: String? = nil,
                              change: @Sendable (Database) throws -> T) throws -> Audited<T> {
        let key = key.map(\.databaseValue)
        return try write { db in
            try Audit.write(db, actor: actor, entity, key: key, action: action) { db, before in
                if action != nil, before == nil {
                    throw StoreError.notFound(what: "\(AppDatabase.nouns[entity] ?? entity) #\(Audit.entityID(key))")
                }
                return (try change(db), key)
            }
        }
    }

    /// A named write adding a row of `entity`, audited; `change` inserts it and returns its new id.
    func audited(adding entity: String, change: @Sendable (Database) throws -> Int64) throws -> Audited<Int64> {
        try write { db in
            try Audit.write(db, actor: actor, entity, key: nil, action: "add") { db, _ in
                let id = try change(db)
                return (id, [id.databaseValue])
            }
        }
    }

    /// What a refusal calls a record that must exist.
    static let nouns = ["unit": "đơn vị", "model": "mô hình"]
}

/// The id of one change: what one transaction did, however many audit rows
/// it wrote (a grid row's model and verdict, a whole import). It is the id of
/// the change's first audit row; undo and redo take a change, never a row.
public typealias ChangeID = Int64

/// The change each open transaction is writing, by connection: the first
/// audit row of a transaction opens it, the transaction's end closes it.
enum ChangeGroups {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var open: [ObjectIdentifier: ChangeID] = [:]

    static func current(_ db: Database) -> ChangeID? {
        lock.lock()
        defer { lock.unlock() }
        return open[ObjectIdentifier(db)]
    }

    static func open(_ id: ChangeID, _ db: Database) {
        let key = ObjectIdentifier(db)
        lock.lock()
        open[key] = id
        lock.unlock()
        let close: @Sendable (Database) -> Void = { _ in
            lock.lock()
            open[key] = nil
            lock.unlock()
        }
        db.afterNextTransaction(onCommit: close, onRollback: close)
    }
}

/// One audit log entry as read back.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: String
    public var officer: String
    public var action: String
    public var entity: String
    public var entityID: String?
    public var beforeJSON: String?
    public var afterJSON: String?
    /// The change this row belongs to (its own id for a one-row change).
    public var changeID: ChangeID?
    /// Taken back by an undo that no redo has put back since.
    public var isUndone = false

    /// The columns of `audit_log`, plus `undone` when the query selects it.
    init(row: Row) {
        (id, at, officer, action, entity) = (row["id"], row["at"], row["officer"], row["action"], row["entity"])
        (entityID, beforeJSON, afterJSON) = (row["entity_id"], row["before_json"], row["after_json"])
        changeID = row.hasColumn("change_id") ? row["change_id"] : nil
        isUndone = row.hasColumn("undone") ? (row["undone"] as Bool?) ?? false : false
    }
}

extension Audit {
    /// Selects `undone` for each audit row `a`: whether the newest undo or
    /// redo naming it is an undo (the action index finds them).
    static let undoneColumn = """
        (SELECT r.action FROM audit_log r WHERE r.action IN ('undo:' || a.id, 'redo:' || a.id) ORDER BY r.id DESC LIMIT 1) LIKE 'undo:%' AS undone
        """
}
