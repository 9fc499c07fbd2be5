import DVKCore
import Foundation
import GRDB

/// The names the history screen shows in place of ids, read once per load.
/// The ids go in as one JSON array, so a long history is one statement and
/// no limit on bound variables applies.
extension AppDatabase {
    /// Unit names as they are now, for the units that still exist.
    public func unitNames(ids: Set<OrgUnit.ID>) throws -> [OrgUnit.ID: String] {
        guard !ids.isEmpty else { return [:] }
        let list = AppDatabase.jsonArray(ids)
        return try read { db in
            var out: [OrgUnit.ID: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM unit WHERE id IN (SELECT value FROM json_each(?))", arguments: [list])
            while let r = try rows.next() { out[r[0]] = r[1] }
            return out
        }
    }

    /// Title and unit of the models: as they are now, or, for a model no
    /// longer stored (its addition undone), as the log last imaged it, so
    /// the history still names what an undone entry was about.
    public func modelTitles(ids: Set<Model.ID>) throws -> [Model.ID: (title: String, unitID: OrgUnit.ID)] {
        guard !ids.isEmpty else { return [:] }
        let list = AppDatabase.jsonArray(ids)
        return try read { db in
            var out: [Model.ID: (title: String, unitID: OrgUnit.ID)] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, title, unit_id FROM model WHERE id IN (SELECT value FROM json_each(?))", arguments: [list])
            while let r = try rows.next() { out[r[0]] = (r[1], r[2]) }
            let gone = ids.filter { out[$0] == nil }
            guard !gone.isEmpty else { return out }
            let images = try Row.fetchCursor(db, sql: """
                SELECT CAST(entity_id AS INTEGER), json_extract(coalesce(after_json, before_json), '$.title'),
                       json_extract(coalesce(after_json, before_json), '$.unit_id')
                FROM audit_log WHERE entity = 'model' AND entity_id IN (SELECT CAST(value AS TEXT) FROM json_each(?))
                ORDER BY id
                """, arguments: [AppDatabase.jsonArray(gone)])
            while let r = try images.next() {
                if let title: String = r[1], let unit: Int64 = r[2] { out[r[0]] = (title, unit) }
            }
            return out
        }
    }

    private static func jsonArray(_ ids: Set<Int64>) -> String {
        "[" + ids.sorted().map(String.init).joined(separator: ",") + "]"
    }
}
