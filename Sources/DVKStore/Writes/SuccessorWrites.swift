import Foundation
import DVKCore
import GRDB

extension AppDatabase {
    /// The units a unit's records may follow once it ended: the default
    /// successor first, then the others of a commune divided in 2025.
    public func successors(of unit: OrgUnit.ID) throws -> [OrgUnit] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.* FROM unit u JOIN unit s ON s.id = u.merged_into_id WHERE u.id = ?1
                UNION ALL
                SELECT s.* FROM (SELECT * FROM unit_successor WHERE unit_id = ?1) x JOIN unit s ON s.id = x.successor_id
                """, arguments: [unit]).map(Rows.unit)
        }
    }

    /// Makes a model of a divided commune count, on today's map, for another
    /// of the commune's successors (nil: the default one again). Audited and
    /// undoable; the model stays the old commune's on the map of that time.
    @discardableResult
    public func reassignModel(_ id: Model.ID, to successor: OrgUnit.ID?) throws -> AuditID {
        guard let model = try model(id: id) else { throw StoreError.notFound(what: "mô hình #\(id)") }
        let allowed = try successors(of: model.unitID)
        if let successor, !allowed.dropFirst().contains(where: { $0.id == successor }) {
            let unit = try self.unit(id: model.unitID)?.name ?? "#\(model.unitID)"
            throw StoreError.notASuccessor(unit: unit, successors: allowed.map(\.name))
        }
        let current = try read { db in try OrgUnit.ID.fetchOne(db, sql: "SELECT follows_unit_id FROM model WHERE id = ?", arguments: [id]) }
        if current == successor {
            let name = try (successor ?? allowed.first?.id).flatMap { try unit(id: $0)?.name } ?? "–"
            throw StoreError.unchanged(what: "mô hình “\(model.title)” đã tính cho \(name)")
        }
        return try audited("model", id, action: "reassign") { db in
            try db.execute(sql: "UPDATE model SET follows_unit_id = ? WHERE id = ?", arguments: [successor, id])
        }.auditID
    }
}

extension AppDatabase {
    /// A model by its import ref, or by its number ("1234" or "#1234").
    public func modelID(matching text: String) throws -> Model.ID? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return try read { db in
            if let byRef = try Model.ID.fetchOne(db, sql: "SELECT id FROM model WHERE ref = ?", arguments: [t]) { return byRef }
            guard let n = Model.ID(t.hasPrefix("#") ? String(t.dropFirst()) : t) else { return nil }
            return try Model.ID.fetchOne(db, sql: "SELECT id FROM model WHERE id = ?", arguments: [n])
        }
    }
}
