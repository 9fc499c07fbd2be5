import DVKCore
import GRDB

extension AppDatabase {
    /// The units one overview of `unit` can need, on either map (see
    /// `ProgressSource.units(around:)`), found by following `parent_id`,
    /// `merged_into_id` and `unit_successor` through their indexes: a
    /// commune reads a few dozen rows, not the country's ~15,000.
    public func units(around unit: OrgUnit.ID) throws -> [OrgUnit] {
        // A top unit's overview needs its whole tree: the plain list is read faster than walked.
        let isTop = try read { db in
            try Bool.fetchOne(db, sql: "SELECT parent_id IS NULL AND merged_into_id IS NULL FROM unit WHERE id = ?", arguments: [unit])
        }
        if isTop == true { return try allUnits() }
        return try read { db in
            try Row.fetchAll(db, sql: """
                WITH RECURSIVE
                  -- the unit and what it became, through any chain of mergers
                  ahead(id) AS (
                    SELECT ?1
                    UNION SELECT u.merged_into_id FROM unit u JOIN ahead a ON u.id = a.id WHERE u.merged_into_id IS NOT NULL),
                  -- everything that rolls into those: children, predecessors, communes divided onto them
                  below(id) AS (
                    SELECT id FROM ahead
                    UNION SELECT u.id FROM unit u JOIN below b ON u.parent_id = b.id
                    UNION SELECT u.id FROM unit u JOIN below b ON u.merged_into_id = b.id
                    UNION SELECT s.unit_id FROM unit_successor s JOIN below b ON s.successor_id = b.id),
                  -- and the ancestors of the unit and of its successors, for the breadcrumb
                  above(id) AS (
                    SELECT id FROM ahead
                    UNION SELECT u.parent_id FROM unit u JOIN above a ON u.id = a.id WHERE u.parent_id IS NOT NULL)
                SELECT * FROM unit WHERE id IN (SELECT id FROM below UNION SELECT id FROM above)
                ORDER BY sort_key
                """, arguments: [unit]).map(Rows.unit)
        }
    }
}
