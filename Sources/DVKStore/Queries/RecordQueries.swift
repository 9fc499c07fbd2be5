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

    /// What follows a unit when it moves or merges: the models, surveys and
    /// plans of the unit and of every unit under it.
    public func recordsFollowing(unit: OrgUnit.ID) throws -> (models: Int, surveys: Int, plans: Int) {
        try read { db in
            let tree = "WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)"
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "\(tree) SELECT count(*) FROM \(table) WHERE unit_id IN (SELECT id FROM sub)", arguments: [unit]) ?? 0
            }
            return (try count("model"), try count("survey"), try count("plan_adoption"))
        }
    }
}
