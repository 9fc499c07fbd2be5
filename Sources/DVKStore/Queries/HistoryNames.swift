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

    /// Title and unit of the models that still exist.
    public func modelTitles(ids: Set<Model.ID>) throws -> [Model.ID: (title: String, unitID: OrgUnit.ID)] {
        guard !ids.isEmpty else { return [:] }
        let list = AppDatabase.jsonArray(ids)
        return try read { db in
            var out: [Model.ID: (title: String, unitID: OrgUnit.ID)] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, title, unit_id FROM model WHERE id IN (SELECT value FROM json_each(?))", arguments: [list])
            while let r = try rows.next() { out[r[0]] = (r[1], r[2]) }
            return out
        }
    }

    private static func jsonArray(_ ids: Set<Int64>) -> String {
        "[" + ids.sorted().map(String.init).joined(separator: ",") + "]"
    }
}
