import DVKCore
import GRDB

/// The SQL form of `CountingRules` (see there for the rules), and the
/// `unit_year_count` table derived from it.
enum CountQueries {
    /// Models per unit, field and kind for one year: in force, effective,
    /// ineffective (pending = in force − effective − ineffective).
    /// `unitFilter` restricts to a set of units (a write refreshing one unit).
    static func liveSQL(unitFilter: String = "") -> String {
        """
        SELECT m.unit_id, m.field_code, m.kind,
               count(*) AS in_force,
               coalesce(sum(e.effective = 1), 0) AS effective,
               coalesce(sum(e.effective = 0), 0) AS ineffective
        FROM model m
        LEFT JOIN evaluation e ON e.model_id = m.id AND e.year = :year
        WHERE m.launched_on <= :end AND (m.removed_on IS NULL OR m.removed_on > :end) \(unitFilter)
        GROUP BY m.unit_id, m.field_code, m.kind
        """
    }

    static func arguments(year: Int) -> StatementArguments {
        ["year": year, "end": Day.lastOf(year: year).iso]
    }

    /// The years kept in `unit_year_count`; other years are counted live.
    static func storedYears(_ db: Database) throws -> ClosedRange<Int>? {
        guard let from = try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'counts_from'"),
              let to = try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'counts_to'"),
              from <= to else { return nil }
        // A span no board could have (a hand-edited meta row) is treated as
        // "nothing stored": counts are then computed live, never looped over.
        guard from >= 1900, to <= 2200 else { return nil }
        return from...to
    }

    /// The span worth storing: from the first launch to the last year anyone
    /// asks about (evaluations, target phases, and `currentYear` + 1).
    static func wantedYears(_ db: Database, currentYear: Int) throws -> ClosedRange<Int>? {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT min(CAST(substr(launched_on, 1, 4) AS INTEGER)) FROM model) AS first,
                   max(coalesce((SELECT max(year) FROM evaluation), 0),
                       coalesce((SELECT max(phase_end) FROM target), 0)) AS last
            """)
        guard let first: Int = row?["first"] else { return nil }
        let last = max(row?["last"] ?? first, currentYear + 1, first)
        return first...last
    }

    /// Rebuilds every stored year (after an import or generate).
    static func refreshAll(_ db: Database, currentYear: Int) throws {
        try db.execute(sql: "DELETE FROM unit_year_count")
        guard let years = try wantedYears(db, currentYear: currentYear) else {
            try db.execute(sql: "DELETE FROM meta WHERE key IN ('counts_from', 'counts_to')")
            return
        }
        let insert = try db.makeStatement(sql: "INSERT INTO unit_year_count (unit_id, field_code, kind, in_force, effective, ineffective, year) SELECT *, :year FROM (\(liveSQL()))")
        for y in years { try insert.execute(arguments: arguments(year: y)) }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('counts_from', ?), ('counts_to', ?)",
                       arguments: [years.lowerBound, years.upperBound])
    }

    /// Rebuilds one unit's rows after a write that touched its models. Falls
    /// back to a full refresh when the write reaches outside the stored years.
    static func refresh(unit: OrgUnit.ID, touching years: [Int], _ db: Database, currentYear: Int) throws {
        guard let stored = try storedYears(db), years.allSatisfy({ stored.contains($0) }) else {
            try refreshAll(db, currentYear: currentYear)
            return
        }
        // By year and unit, the table's key: `WHERE unit_id = ?` alone scanned the whole table.
        let delete = try db.makeStatement(sql: "DELETE FROM unit_year_count WHERE year = :year AND unit_id = :unit")
        let insert = try db.makeStatement(sql: "INSERT INTO unit_year_count (unit_id, field_code, kind, in_force, effective, ineffective, year) SELECT *, :year FROM (\(liveSQL(unitFilter: "AND m.unit_id = :unit")))")
        for y in stored {
            try delete.execute(arguments: ["year": y, "unit": unit])
            var args = arguments(year: y)
            args += ["unit": unit]
            try insert.execute(arguments: args)
        }
    }

    /// Model counts per unit for a year: from the stored table when the year
    /// is stored, else counted live (same rules, same SQL). `units`: a JSON
    /// array of ids to read, nil for every unit.
    static func counts(year: Int, units: String? = nil, _ db: Database) throws -> [OrgUnit.ID: ModelCounts] {
        let rows: RowCursor
        let only = units == nil ? "" : " AND unit_id IN (SELECT value FROM json_each(:units))"
        if let stored = try storedYears(db), stored.contains(year) {
            rows = try Row.fetchCursor(db, sql: """
                SELECT unit_id, field_code, kind, in_force, effective, ineffective
                FROM unit_year_count WHERE year = :year\(only)
                """, arguments: ["year": year, "units": units])
        } else {
            var args = arguments(year: year)
            if let units { args += ["units": units] }
            rows = try Row.fetchCursor(db, sql: liveSQL(unitFilter: units == nil ? "" : "AND m.unit_id IN (SELECT value FROM json_each(:units))"),
                                       arguments: args)
        }
        var out: [OrgUnit.ID: ModelCounts] = [:]
        while let r = try rows.next() {
            let unit: Int64 = r[0]
            add(r, from: 1, to: &out[unit, default: ModelCounts()])
        }
        return out
    }

    /// Adds one (field, kind, in force, effective, ineffective) row, read from column `i`.
    private static func add(_ r: Row, from i: Int, to c: inout ModelCounts) {
        let field: String = r[i]
        let kind: String = r[i + 1]
        let inForce: Int = r[i + 2], effective: Int = r[i + 3], ineffective: Int = r[i + 4]
        if kind == ModelKind.individual.rawValue {
            c.effectiveIndividuals += effective
        } else {
            c.inForce += inForce
            c.effective += effective
            c.ineffective += ineffective
            c.pending += inForce - effective - ineffective
            if effective > 0 { c.effectiveByField[field, default: 0] += effective }
        }
    }

    /// Models reassigned to a successor other than their unit's default one,
    /// counted for one year like the rest (few rows: the partial index finds
    /// them; left to itself the planner scans every model through `model_counting`).
    static func reassigned(year: Int, _ db: Database) throws -> [OrgUnit.ID: [OrgUnit.ID: ModelCounts]] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT m.unit_id, m.follows_unit_id, m.field_code, m.kind,
                   count(*), coalesce(sum(e.effective = 1), 0), coalesce(sum(e.effective = 0), 0)
            FROM model m INDEXED BY model_follows
            LEFT JOIN evaluation e ON e.model_id = m.id AND e.year = :year
            WHERE m.follows_unit_id IS NOT NULL
              AND m.launched_on <= :end AND (m.removed_on IS NULL OR m.removed_on > :end)
            GROUP BY m.unit_id, m.follows_unit_id, m.field_code, m.kind
            """, arguments: arguments(year: year))
        var out: [OrgUnit.ID: [OrgUnit.ID: ModelCounts]] = [:]
        while let r = try rows.next() {
            let unit: Int64 = r[0], successor: Int64 = r[1]
            add(r, from: 2, to: &out[unit, default: [:]][successor, default: ModelCounts()])
        }
        return out
    }
}
