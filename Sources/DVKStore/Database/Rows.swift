import DVKCore
import GRDB

/// Row ↔ domain mapping. Dates are stored as yyyy-MM-dd text so they sort
/// and compare in SQL; text is stored NFC with its sort and search keys.
enum Rows {
    static func day(_ v: String?) -> Day? { v.flatMap(Day.init(parsing:)) }

    static func unit(_ r: Row) -> OrgUnit {
        OrgUnit(id: r["id"], officialCode: r["official_code"], name: r["name"],
             kind: UnitKind(rawValue: r["kind"]) ?? .agency, parentID: r["parent_id"],
             validFrom: day(r["valid_from"]), validTo: day(r["valid_to"]),
             mergedIntoID: r["merged_into_id"], isDemo: r["is_demo"])
    }

    static func model(_ r: Row) -> Model {
        Model(id: r["id"], unitID: r["unit_id"], kind: ModelKind(rawValue: r["kind"]) ?? .collective,
              title: r["title"], fieldCode: r["field_code"], description: r["description"], goals: r["goals"],
              expectedOutputs: r["expected_outputs"], fundsVND: r["funds_vnd"], workDays: r["work_days"],
              registeredOn: day(r["registered_on"]), launchedOn: day(r["launched_on"]),
              removedOn: day(r["removed_on"]), removalReason: r["removal_reason"], isDemo: r["is_demo"])
    }

    static func target(_ r: Row) -> Target {
        Target(id: r["id"], code: r["code"], metric: TargetMetric(rawValue: r["metric"]) ?? .satisfaction,
               threshold: r["threshold"], unitKinds: UnitKindList.parse(r["unit_kinds"]) ?? [],
               phase: PlanPhase(startYear: r["phase_start"], endYear: r["phase_end"]),
               minPerField: r["min_per_field"], atRiskRatio: r["at_risk_ratio"], directive: r["directive"])
    }

    static func survey(_ r: Row) -> SatisfactionSurvey {
        SatisfactionSurvey(unitID: r["unit_id"], year: r["year"], permille: r["permille"],
                           respondents: r["respondents"], source: r["source"])
    }

    static func plan(_ r: Row) -> PlanAdoption {
        PlanAdoption(unitID: r["unit_id"], year: r["year"], adopted: r["adopted"], disseminated: r["disseminated"])
    }

    static func figure(_ r: Row) -> ReportedFigure {
        ReportedFigure(unitID: r["unit_id"], year: r["year"], scope: FigureScope(rawValue: r["scope"]) ?? .collective,
                       fieldCode: r["field_code"], count: r["count"],
                       qualifier: FigureQualifier(rawValue: r["qualifier"]) ?? .exact, source: r["source"])
    }
}

enum TargetRow {
    /// Inserts, or updates in place so the target keeps its id and its place in lists.
    static func insert(_ t: Target, _ db: Database) throws { try upsert(t, db) }

    static func upsert(_ t: Target, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO target (code, metric, threshold, unit_kinds, phase_start, phase_end, min_per_field, at_risk_ratio, directive)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET metric = excluded.metric, threshold = excluded.threshold,
              unit_kinds = excluded.unit_kinds, phase_start = excluded.phase_start, phase_end = excluded.phase_end,
              min_per_field = excluded.min_per_field, at_risk_ratio = excluded.at_risk_ratio, directive = excluded.directive
            """, arguments: [t.code, t.metric.rawValue, t.threshold, UnitKindList.format(t.unitKinds),
                             t.phase.startYear, t.phase.endYear, t.minPerField, t.atRiskRatio,
                             VietnameseText.normalized(t.directive)])
    }
}
