import DVKCore
import GRDB

/// Single records an entry form would replace (one per unit and year).
extension AppDatabase {
    public func survey(unit: OrgUnit.ID, year: Int) throws -> SatisfactionSurvey? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM survey WHERE unit_id = ? AND year = ?", arguments: [unit, year]).map {
                SatisfactionSurvey(unitID: $0["unit_id"], year: $0["year"], permille: $0["permille"],
                                   respondents: $0["respondents"], source: $0["source"] ?? "")
            }
        }
    }

    public func plan(unit: OrgUnit.ID, year: Int) throws -> PlanAdoption? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM plan_adoption WHERE unit_id = ? AND year = ?", arguments: [unit, year]).map {
                PlanAdoption(unitID: $0["unit_id"], year: $0["year"], adopted: $0["adopted"], disseminated: $0["disseminated"])
            }
        }
    }
}
