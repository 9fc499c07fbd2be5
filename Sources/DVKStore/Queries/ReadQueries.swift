import DVKCore
import Foundation
import GRDB

extension AppDatabase: ProgressSource {
    /// Every unit in Vietnamese name order. Read with a cursor and decoded by
    /// position: a country has ~11,000 units and this runs on every overview.
    public func allUnits() throws -> [OrgUnit] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, official_code, name, kind, parent_id, valid_from, valid_to, merged_into_id, is_demo
                FROM unit ORDER BY sort_key
                """)
            var out: [OrgUnit] = []
            while let r = try rows.next() {
                out.append(OrgUnit(id: r[0], officialCode: r[1], name: r[2], kind: UnitKind(rawValue: r[3]) ?? .agency,
                                   parentID: r[4], validFrom: Rows.day(r[5]), validTo: Rows.day(r[6]),
                                   mergedIntoID: r[7], isDemo: r[8]))
            }
            return out
        }
    }

    public func fields() throws -> [Field] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM field ORDER BY sort_order").map {
                Field(code: $0["code"], nameVI: $0["name_vi"], nameEN: $0["name_en"], sortOrder: $0["sort_order"])
            }
        }
    }

    /// The targets; one whose stored threshold no rule allows (a hand-edited
    /// file) is an error the officer can read, never a figure that traps later.
    public func targets() throws -> [Target] {
        // Types first: a hand-edited 'abc' in a REAL column would trap the decoding below.
        if let bad = try read({ db in try Row.fetchOne(db, sql: """
            SELECT code, threshold, phase_start, phase_end FROM target
            WHERE typeof(threshold) NOT IN ('real', 'integer') OR typeof(phase_start) != 'integer' OR typeof(phase_end) != 'integer'
               OR typeof(at_risk_ratio) NOT IN ('real', 'integer') OR (min_per_field IS NOT NULL AND typeof(min_per_field) != 'integer')
               OR phase_start < 2000 OR phase_end > 2100 OR phase_end < phase_start
            LIMIT 1
            """).map { row -> (String, String) in
                let code = String.fromDatabaseValue(row["code"]) ?? "?"
                return (code, "\(row["threshold"] as DatabaseValue), \(row["phase_start"] as DatabaseValue)–\(row["phase_end"] as DatabaseValue)")
            } }) {
            throw StoreError.storedValueInvalid(what: "target.\(bad.0)", value: bad.1)
        }
        let targets = try read { db in try Row.fetchAll(db, sql: "SELECT * FROM target ORDER BY id").map(Rows.target) }
        for t in targets {
            let limit = t.metric == .effectiveModelsPerUnit ? NumberLimits.countThreshold : NumberLimits.percent
            if !t.threshold.isFinite || t.threshold < Double(limit.lowerBound) || t.threshold > Double(limit.upperBound) {
                throw StoreError.storedValueInvalid(what: "target.\(t.code).threshold", value: "\(t.threshold)")
            }
        }
        return targets
    }

    /// "Số liệu đến ngày": a stored date outside the years dvk accepts is an error, not a trap.
    public func dataAsOf() throws -> Day? {
        guard let text = try setting(.dataAsOf) else { return nil }
        guard let day = Day(parsing: text), validator.checkYear(day.year).isEmpty else {
            throw StoreError.storedValueInvalid(what: "data_as_of", value: text)
        }
        return day
    }

    /// Facts per unit for a year: three aggregate reads in one snapshot,
    /// decoded by position through cursors (a country has ~15,000 units).
    public func facts(year: Int) throws -> [OrgUnit.ID: UnitYearFacts] {
        try read { db in try AppDatabase.facts(year: year, units: nil, db) }
    }

    /// One subtree's facts: index look-ups by unit, so a commune reads its own rows only.
    public func facts(year: Int, units: Set<OrgUnit.ID>) throws -> [OrgUnit.ID: UnitYearFacts] {
        // Most of a big tree: the year's rows read in order beat thousands of look-ups.
        if units.count > 2_000 { return try facts(year: year).filter { units.contains($0.key) } }
        return try read { db in try AppDatabase.facts(year: year, units: units, db) }
    }

    /// `units` nil: every unit.
    static func facts(year: Int, units: Set<OrgUnit.ID>?, _ db: Database) throws -> [OrgUnit.ID: UnitYearFacts] {
        let ids = units.map { jsonIDs($0.sorted()) }
        let only = ids == nil ? "" : " AND unit_id IN (SELECT value FROM json_each(:units))"
        let args: StatementArguments = ["year": year, "units": ids]
        let counts = try CountQueries.counts(year: year, units: ids, db)
        var out: [OrgUnit.ID: UnitYearFacts] = [:]
        out.reserveCapacity(counts.count * 2)
        for (unit, c) in counts { out[unit] = UnitYearFacts(models: c) }
        for (unit, moved) in try CountQueries.reassigned(year: year, db) where units?.contains(unit) ?? true {
            out[unit, default: UnitYearFacts()].reassigned = moved
        }
        let surveys = try Row.fetchCursor(db, sql: "SELECT unit_id, permille, respondents, source FROM survey WHERE year = :year\(only)", arguments: args)
        while let r = try surveys.next() {
            let unit: Int64 = r[0]
            out[unit, default: UnitYearFacts()].survey = SatisfactionSurvey(unitID: unit, year: year, permille: r[1], respondents: r[2], source: r[3])
        }
        let plans = try Row.fetchCursor(db, sql: "SELECT unit_id, adopted, disseminated FROM plan_adoption WHERE year = :year\(only)", arguments: args)
        while let r = try plans.next() {
            let unit: Int64 = r[0]
            out[unit, default: UnitYearFacts()].plan = PlanAdoption(unitID: unit, year: year, adopted: r[1], disseminated: r[2])
        }
        return out
    }

    public func reportedFigures(year: Int) throws -> [ReportedFigure] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reported_figure WHERE year = ? ORDER BY unit_id, scope, field_code",
                             arguments: [year]).map(Rows.figure)
        }
    }

    public func setting(_ key: Setting) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key.rawValue]) }
    }

    public func unit(id: OrgUnit.ID) throws -> OrgUnit? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM unit WHERE id = ?", arguments: [id]).map(Rows.unit) }
    }

    /// Finds a unit by import ref, official code, exact name, or a
    /// tone-insensitive name match (`suoi giang`). Ambiguous matches list the
    /// candidates instead of guessing. A ref is unique, so it wins outright:
    /// official codes repeat between the map before 1/7/2025 and today's.
    public func findUnits(_ text: String) throws -> [OrgUnit] {
        let t = VietnameseText.normalized(text.trimmingCharacters(in: .whitespaces))
        let key = VietnameseText.searchKey(t)
        return try read { db in
            if let byRef = try Row.fetchOne(db, sql: "SELECT * FROM unit WHERE ref = ?", arguments: [t]) { return [Rows.unit(byRef)] }
            let exact = try Row.fetchAll(db, sql: """
                SELECT * FROM unit WHERE official_code = ?1 OR name = ?1 OR search_key = ?2 ORDER BY sort_key, id
                """, arguments: [t, key]).map(Rows.unit)
            if !exact.isEmpty { return exact }
            // Typing the bare name finds “Xã Suối Giàng”: match whole words at the end,
            // and prefer a place whose name is just its level plus what was typed
            // (“van chan” → Huyện Văn Chấn, not Huyện ủy Văn Chấn).
            let partial = try Row.fetchAll(db, sql: """
                SELECT * FROM unit WHERE search_key LIKE '%' || ? ESCAPE '\\' ORDER BY sort_key, id
                """, arguments: [" " + AppDatabase.likeEscaped(key)]).map(Rows.unit)
            let places = partial.filter { u in
                AppDatabase.levelPrefixes.contains { VietnameseText.searchKey(u.name) == $0 + " " + key }
            }
            return places.isEmpty ? Array(partial.prefix(50)) : places
        }
    }

    /// `%` and `_` typed by a user are letters, not wildcards.
    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    /// Level words that start place names, folded.
    static let levelPrefixes = ["tinh", "thanh pho", "huyen", "thi xa", "quan", "xa", "phuong", "thi tran", "dac khu"]

    /// What tells apart units that share a name or a code: each one's
    /// parent and successor names, in the order of `units`.
    public func unitCandidates(_ units: [OrgUnit]) throws -> [UnitCandidate] {
        guard !units.isEmpty else { return [] }
        return try read { db in
            var found: [OrgUnit.ID: Row] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT u.id, p.name AS parent_name, s.name AS successor_name FROM unit u
                LEFT JOIN unit p ON p.id = u.parent_id LEFT JOIN unit s ON s.id = u.merged_into_id
                WHERE u.id IN (\(databaseQuestionMarks(count: units.count)))
                """, arguments: StatementArguments(units.map(\.id)))
            for r in rows { found[r["id"]] = r }
            return units.map { u in UnitCandidate(unit: u, parentName: found[u.id]?["parent_name"], successorName: found[u.id]?["successor_name"]) }
        }
    }

    public func model(id: Model.ID) throws -> Model? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM model WHERE id = ?", arguments: [id]).map(Rows.model) }
    }

    public func evaluations(model: Model.ID) throws -> [Evaluation] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM evaluation WHERE model_id = ? ORDER BY year", arguments: [model]).map {
                Evaluation(modelID: $0["model_id"], year: $0["year"], effective: $0["effective"], note: $0["note"])
            }
        }
    }

    public func auditLog(limit: Int = 100, offset: Int = 0) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT a.*, \(Audit.undoneColumn) FROM audit_log a ORDER BY id DESC LIMIT ? OFFSET ?",
                             arguments: [limit, offset]).map(AuditEntry.init(row:))
        }
    }

    public func count(_ table: StoreTable) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.rawValue)") ?? 0 }
    }
}

/// Tables whose sizes are reported (import summaries, benchmarks, tests).
public enum StoreTable: String, CaseIterable, Sendable {
    case unit, model, evaluation, recognition, award, survey, plan_adoption, target, reported_figure, directive, audit_log
}
