import DVKCore
import Foundation
import GRDB

extension AppDatabase: DashboardSource {
    public func effectiveByYear(unitIDs: [OrgUnit.ID], years: ClosedRange<Int>) throws -> [Int: Int] {
        let ids = AppDatabase.jsonIDs(unitIDs)
        return try read { db in
            // The whole database (a country's root): no id list to match.
            let everyone = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") == unitIDs.count
            let filter = everyone ? "" : "AND unit_id IN (SELECT value FROM json_each(:ids))"
            var out: [Int: Int] = [:]
            let stored = try CountQueries.storedYears(db)
            let inTable = years.filter { stored?.contains($0) ?? false }
            if let first = inTable.first, let last = inTable.last {
                // One statement, so the id list is materialised once.
                let rows = try Row.fetchAll(db, sql: """
                    SELECT year, coalesce(sum(effective), 0) FROM unit_year_count
                    WHERE year BETWEEN :first AND :last AND kind = 'collective' \(filter)
                    GROUP BY year
                    """, arguments: everyone ? ["first": first, "last": last] : ["first": first, "last": last, "ids": ids])
                for y in inTable { out[y] = 0 }
                for r in rows { out[r[0]] = r[1] }
            }
            let wanted = Set(unitIDs)
            for y in years where out[y] == nil {
                out[y] = try CountQueries.counts(year: y, db).filter { wanted.contains($0.key) }.values.reduce(0) { $0 + $1.effective }
            }
            return out
        }
    }

    /// The status of a model in the query's year, in SQL (the same rules as `CountingRules`).
    static let statusSQL = """
        CASE
          WHEN m.removed_on IS NOT NULL AND m.removed_on <= :end THEN 'removed'
          WHEN m.launched_on IS NULL OR m.launched_on > :end THEN 'registered'
          WHEN e.effective = 1 THEN 'effective'
          WHEN e.effective = 0 THEN 'ineffective'
          ELSE 'pending'
        END
        """

    public func models(_ q: ModelQuery) throws -> ModelPage {
        // The whole database (a country's root) needs no id list: the title index then serves the window.
        let everyone = try q.everywhere || read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") } == q.unitIDs.count
        var filters = everyone ? ["1"] : ["m.unit_id IN (SELECT value FROM json_each(:ids))"]
        var args: StatementArguments = ["year": q.year, "end": Day.lastOf(year: q.year).iso]
        if !everyone { args += ["ids": AppDatabase.jsonIDs(q.unitIDs)] }
        if let f = q.fieldCode { filters.append("m.field_code = :field"); args += ["field": f] }
        if let k = q.kind { filters.append("m.kind = :kind"); args += ["kind": k.rawValue] }
        if let s = q.status { filters.append("(\(AppDatabase.statusSQL)) = :status"); args += ["status": s.rawValue] }
        let key = VietnameseText.searchKey(q.search)
        if !key.isEmpty {
            filters.append("m.search_key LIKE '%' || :search || '%' ESCAPE '\\'")
            args += ["search": AppDatabase.likeEscaped(key)]
        }
        let from = """
            FROM model m LEFT JOIN evaluation e ON e.model_id = m.id AND e.year = :year
            WHERE \(filters.joined(separator: " AND "))
            """
        // Without a status filter the count needs no evaluation join (a million look-ups for a country).
        let countSQL = q.status == nil
            ? "SELECT count(*) FROM model m WHERE \(filters.joined(separator: " AND "))"
            : "SELECT count(*) \(from)"
        var window = args
        window += ["limit": q.limit, "offset": q.offset]
        let (countArgs, pageArgs) = (args, window)
        return try read { db in
            let total = try Int.fetchOne(db, sql: countSQL, arguments: countArgs) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.*, u.name AS unit_name, \(AppDatabase.statusSQL) AS year_status,
                       (SELECT max(CASE level WHEN 'province' THEN 3 WHEN 'district' THEN 2 ELSE 1 END)
                          FROM recognition r WHERE r.model_id = m.id) AS recognition_rank
                \(from.replacingOccurrences(of: "LEFT JOIN evaluation", with: "JOIN unit u ON u.id = m.unit_id LEFT JOIN evaluation"))
                ORDER BY \(AppDatabase.modelOrder(q)) LIMIT :limit OFFSET :offset
                """, arguments: pageArgs).map { r -> ModelRow in
                let rank: Int? = r["recognition_rank"]
                let level: RecognitionLevel? = rank.map { [.commune, .district, .province][$0 - 1] }
                return ModelRow(model: Rows.model(r), unitName: r["unit_name"],
                                status: ModelYearStatus(rawValue: r["year_status"]) ?? .pending, recognition: level)
            }
            return ModelPage(query: q, rows: rows, total: total)
        }
    }

    /// The ORDER BY of a models window; the title breaks ties, then the id, so a window never shifts.
    static func modelOrder(_ q: ModelQuery) -> String {
        let dir = q.descending ? "DESC" : "ASC"
        switch q.sort {
        case .title: return "m.sort_key \(dir), m.id \(dir)"
        case .unit: return "u.sort_key \(dir), m.sort_key, m.id"
        case .field: return "(SELECT sort_order FROM field f WHERE f.code = m.field_code) \(dir), m.sort_key, m.id"
        case .status:
            let rank = ModelYearStatus.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
            return "CASE \(statusSQL) \(rank) END \(dir), m.sort_key, m.id"
        }
    }

    public func modelDetail(_ id: Model.ID) throws -> ModelDetail? {
        try read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT m.*, u.name AS unit_name FROM model m JOIN unit u ON u.id = m.unit_id WHERE m.id = ?",
                                           arguments: [id]) else { return nil }
            let evaluations = try Row.fetchAll(db, sql: "SELECT * FROM evaluation WHERE model_id = ? ORDER BY year", arguments: [id]).map {
                Evaluation(modelID: $0["model_id"], year: $0["year"], effective: $0["effective"], note: $0["note"])
            }
            let recognitions = try Row.fetchAll(db, sql: "SELECT * FROM recognition WHERE model_id = ? ORDER BY decided_on", arguments: [id]).map {
                Recognition(modelID: $0["model_id"], level: RecognitionLevel(rawValue: $0["level"]) ?? .commune,
                            decisionNumber: $0["decision_number"], decidedOn: Rows.day($0["decided_on"]), issuer: $0["issuer"])
            }
            let awards = try Row.fetchAll(db, sql: "SELECT * FROM award WHERE model_id = ? ORDER BY decided_on", arguments: [id]).map {
                Award(kind: AwardKind(rawValue: $0["kind"]) ?? .commendation, issuer: $0["issuer"], decisionNumber: $0["decision_number"],
                      decidedOn: Rows.day($0["decided_on"]), recipient: $0["recipient"], modelID: $0["model_id"], unitID: $0["unit_id"])
            }
            return ModelDetail(model: Rows.model(r), unitName: r["unit_name"], evaluations: evaluations,
                               recognitions: recognitions, awards: awards)
        }
    }

    public func surveyFacts(year: Int) throws -> [OrgUnit.ID: UnitYearFacts] {
        try read { db in
            var out: [OrgUnit.ID: UnitYearFacts] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM survey WHERE year = ?", arguments: [year]) {
                out[r["unit_id"], default: UnitYearFacts()].survey = Rows.survey(r)
            }
            return out
        }
    }

    static func jsonIDs(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }
}

extension AppDatabase {
    /// The years the data covers (what `[` and `]` may reach), nil for an empty database.
    public func dataYears() throws -> ClosedRange<Int>? {
        try read { db in
            // Index look-ups only: a country has millions of evaluations, and the
            // stored count years already span the first launch to the last evaluation.
            var bounds: [Int] = []
            if let stored = try CountQueries.storedYears(db) { bounds += [stored.lowerBound, stored.upperBound] }
            for table in ["survey", "plan_adoption", "reported_figure"] {
                let row = try Row.fetchOne(db, sql: "SELECT min(year) AS a, max(year) AS b FROM \(table)")
                if let a: Int = row?["a"], let b: Int = row?["b"] { bounds += [a, b] }
            }
            guard let first = bounds.min(), let last = bounds.max() else { return nil }
            return first...last
        }
    }
}
