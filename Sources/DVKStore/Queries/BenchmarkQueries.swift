import Foundation
import DVKCore
import GRDB

/// What the benchmark needs from the store: the SQL the overview runs (so
/// the `sqlite3` tool can run exactly the same as the floor) and the live
/// aggregate behind `unit_year_count`.
extension AppDatabase {
    /// The statements `Overview.build` causes, for one year, in order.
    public static func overviewStatements(year: Int) -> [String] {
        [
            "SELECT id, official_code, name, kind, parent_id, valid_from, valid_to, merged_into_id, is_demo FROM unit ORDER BY sort_key",
            "SELECT * FROM field ORDER BY sort_order",
            "SELECT * FROM target ORDER BY id",
            "SELECT value FROM meta WHERE key = 'counts_from'",
            "SELECT value FROM meta WHERE key = 'counts_to'",
            "SELECT unit_id, field_code, kind, in_force, effective, ineffective FROM unit_year_count WHERE year = \(year)",
            "SELECT unit_id, permille, respondents, source FROM survey WHERE year = \(year)",
            "SELECT unit_id, adopted, disseminated FROM plan_adoption WHERE year = \(year)",
            "SELECT * FROM reported_figure WHERE year = \(year) ORDER BY unit_id, scope, field_code",
        ]
    }

    /// The live count query for one year, with its arguments inlined.
    public static func liveCountStatement(year: Int) -> String {
        CountQueries.liveSQL()
            .replacingOccurrences(of: ":year", with: String(year))
            .replacingOccurrences(of: ":end", with: "'\(Day.lastOf(year: year).iso)'")
    }

    /// Counts one year live, bypassing `unit_year_count`.
    public func liveModelCounts(year: Int) throws -> Int {
        try read { db in
            var n = 0
            let rows = try Row.fetchCursor(db, sql: CountQueries.liveSQL(), arguments: CountQueries.arguments(year: year))
            while try rows.next() != nil { n += 1 }
            return n
        }
    }

    /// The first commune in name order, for the single-commune benchmark.
    public func firstUnit(of kind: UnitKind) throws -> OrgUnit.ID? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = ? ORDER BY sort_key LIMIT 1", arguments: [kind.rawValue]) }
    }
}
