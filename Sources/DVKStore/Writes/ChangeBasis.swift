import Foundation
import GRDB

/// What a form was opened on: the newest audit row then. A save made from
/// it names that basis; a record someone else changed after it is refused
/// rather than overwritten (a form open in one dashboard, a save in another).
enum ChangeBasis {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var bases: [ObjectIdentifier: AuditID] = [:]

    static func set(_ basis: AuditID, _ db: Database) {
        let key = ObjectIdentifier(db)
        lock.lock()
        bases[key] = basis
        lock.unlock()
        let clear: @Sendable (Database) -> Void = { _ in
            lock.lock()
            bases[key] = nil
            lock.unlock()
        }
        db.afterNextTransaction(onCommit: clear, onRollback: clear)
    }

    static func current(_ db: Database) -> AuditID? {
        lock.lock()
        defer { lock.unlock() }
        return bases[ObjectIdentifier(db)]
    }

    static let nouns = ["model": "Mô hình", "evaluation": "Đánh giá", "survey": "Khảo sát hài lòng", "plan_adoption": "Kế hoạch",
                        "unit": "Đơn vị", "target": "Chỉ tiêu", "meta": "Thiết lập", "recognition": "Công nhận", "award": "Khen thưởng"]

    /// Inside a write of the record `entity`/`entityID`: refuses when
    /// another change wrote it after the basis.
    static func refuseIfChanged(_ entity: String, _ entityID: String, _ db: Database) throws {
        guard let basis = current(db) else { return }
        let row = try Row.fetchOne(db, sql: """
            SELECT officer, at FROM audit_log
            WHERE entity = ? AND entity_id = ? AND id > ? AND COALESCE(change_id, id) IS NOT ?
            ORDER BY id DESC LIMIT 1
            """, arguments: [entity, entityID, basis, ChangeGroups.current(db)])
        guard let row else { return }
        let at: String = row["at"]
        let local = ISO8601DateFormatter().date(from: at).map { d -> String in
            let f = DateFormatter()
            f.dateFormat = "HH:mm:ss dd/MM/yyyy"
            return f.string(from: d)
        } ?? at
        throw StoreError.changedMeanwhile(what: nouns[entity] ?? entity, by: row["officer"], at: local)
    }
}

extension AppDatabase {
    /// The newest audit row: what a form opened now is based on.
    public func latestAuditID() throws -> AuditID {
        try read { db in try AuditID.fetchOne(db, sql: "SELECT COALESCE(max(id), 0) FROM audit_log") ?? 0 }
    }

    /// `inOneChange` for a save made from a form opened at `basis`: a record
    /// it writes that another change wrote since is refused (`changedMeanwhile`).
    public func inOneChange<T: Sendable>(since basis: AuditID?, _ body: @Sendable (AppDatabase) throws -> T) throws -> T {
        guard let basis else { return try inOneChange(body) }
        return try inOneChange { db in
            try db.write { tx in ChangeBasis.set(basis, tx) }
            return try body(db)
        }
    }
}
