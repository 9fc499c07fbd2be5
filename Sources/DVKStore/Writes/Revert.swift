import DVKCore
import Foundation
import GRDB

/// Undo and redo as writes of their own: the row is put back to the image
/// the audit log kept (before for undo, after for redo), and that is audited
/// too. Nothing is lost: every image stays in the log.
public enum RevertDirection: String, Sendable {
    case undo, redo
}

extension AppDatabase {
    /// How each audited entity is keyed in its table.
    static let entityKeys: [String: (table: String, keys: [String])] = [
        "unit": ("unit", ["id"]),
        "model": ("model", ["id"]),
        "evaluation": ("evaluation", ["model_id", "year"]),
        "survey": ("survey", ["unit_id", "year"]),
        "plan_adoption": ("plan_adoption", ["unit_id", "year"]),
        "recognition": ("recognition", ["id"]),
        "award": ("award", ["id"]),
        "target": ("target", ["code"]),
        "meta": ("meta", ["key"]),
    ]

    /// The audit row of this connection's latest named write: what the last
    /// save was. Every named write ends with its audit insert.
    public func lastAuditID() throws -> Int64? { latestAudit.get() }

    /// Puts the entity of audit row `id` back as it was before (undo) or after
    /// (redo) that change. Returns the new audit row's id.
    @discardableResult
    public func revert(auditID id: Int64, _ direction: RevertDirection) throws -> Int64 {
        let officer = officer
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM audit_log WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: "nhật ký #\(id)")
            }
            let entity: String = row["entity"]
            guard let (table, keys) = AppDatabase.entityKeys[entity] else {
                throw StoreError.cannotRevert(reason: "loại thay đổi “\(entity)” không hoàn tác được")
            }
            let beforeJSON: String? = row["before_json"], afterJSON: String? = row["after_json"]
            let target = try (direction == .undo ? beforeJSON : afterJSON).map(AppDatabase.decodeImage)
            let other = try (direction == .undo ? afterJSON : beforeJSON).map(AppDatabase.decodeImage)
            guard let keyImage = target ?? other else { throw StoreError.cannotRevert(reason: "nhật ký #\(id) không có ảnh dữ liệu") }
            let keyValues = keys.map { keyImage[$0] ?? .null }
            let clause = keys.map { "\($0) = ?" }.joined(separator: " AND ")
            let current = try Audit.snapshot(db, table: table, where: clause, StatementArguments(keyValues))
            if let image = target {
                let columns = image.keys.sorted()
                if current == nil {
                    try db.execute(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                                   arguments: StatementArguments(columns.map { image[$0]! }))
                } else {
                    let sets = columns.filter { !keys.contains($0) }
                    try db.execute(sql: "UPDATE \(table) SET \(sets.map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(clause)",
                                   arguments: StatementArguments(sets.map { image[$0]! } + keyValues))
                }
            } else {
                // Undoing an addition: the row goes, its images stay in the log.
                do {
                    try db.execute(sql: "DELETE FROM \(table) WHERE \(clause)", arguments: StatementArguments(keyValues))
                } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                    throw StoreError.cannotRevert(reason: "đã có dữ liệu khác gắn với bản ghi này; hãy hoàn tác các thay đổi sau trước")
                }
            }
            try AppDatabase.refreshCounts(afterChangeTo: entity, images: [target, other].compactMap { $0 }, db)
            let after = try Audit.snapshot(db, table: table, where: clause, StatementArguments(keyValues))
            try Audit.record(db, officer: officer, action: "\(direction.rawValue):\(id)", entity: entity,
                             entityID: row["entity_id"], before: current, after: after)
            return db.lastInsertedRowID
        }
    }

    static func decodeImage(_ json: String) throws -> [String: DatabaseValue] {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        var out: [String: DatabaseValue] = [:]
        for (k, v) in object {
            switch v {
            case is NSNull: out[k] = .null
            case let n as NSNumber:
                // JSON has one number type; whole values go back as integers
                // (a REAL column's affinity turns them back into reals).
                let d = n.doubleValue
                out[k] = d == d.rounded() && abs(d) < 9e15 ? n.int64Value.databaseValue : d.databaseValue
            case let s as String: out[k] = s.databaseValue
            default: out[k] = .null
            }
        }
        return out
    }

    /// Model and evaluation changes move the derived counts of their unit.
    static func refreshCounts(afterChangeTo entity: String, images: [[String: DatabaseValue]], _ db: Database) throws {
        var units: Set<Int64> = []
        switch entity {
        case "model":
            for image in images { if let u = Int64.fromDatabaseValue(image["unit_id"] ?? .null) { units.insert(u) } }
        case "evaluation":
            for image in images {
                if let m = Int64.fromDatabaseValue(image["model_id"] ?? .null),
                   let u = try Int64.fetchOne(db, sql: "SELECT unit_id FROM model WHERE id = ?", arguments: [m]) { units.insert(u) }
            }
        default: return
        }
        for u in units { try CountQueries.refresh(unit: u, touching: [], db, currentYear: AppDatabase.today().year) }
    }
}
