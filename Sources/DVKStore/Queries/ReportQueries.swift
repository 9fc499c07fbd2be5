import DVKCore
import Foundation
import GRDB

/// What a meeting report reads beyond the roll-up: decisions of the period,
/// the directives it cites and the board's report settings.
extension AppDatabase {
    /// Recognitions of models and awards decided in `days` whose model or unit is one of `units`.
    public func honours(units: [OrgUnit.ID], days: ClosedRange<Day>) throws -> [Honour] {
        let ids = AppDatabase.jsonIDs(units)
        return try read { db in
            let recognitions = try Row.fetchAll(db, sql: """
                SELECT r.level, r.decision_number, r.decided_on, r.issuer, m.title, u.name AS unit_name, m.is_demo
                FROM recognition r JOIN model m ON m.id = r.model_id JOIN unit u ON u.id = m.unit_id
                WHERE r.decided_on BETWEEN ?1 AND ?2 AND m.unit_id IN (SELECT value FROM json_each(?3))
                ORDER BY r.decided_on, r.decision_number, m.sort_key
                """, arguments: [days.lowerBound.iso, days.upperBound.iso, ids]).map { r in
                Honour(kind: .recognition(RecognitionLevel(rawValue: r["level"]) ?? .commune), decisionNumber: r["decision_number"],
                       decidedOn: Rows.day(r["decided_on"]), issuer: r["issuer"], recipient: r["title"], unitName: r["unit_name"],
                       isDemo: r["is_demo"])
            }
            let awards = try Row.fetchAll(db, sql: """
                SELECT a.kind, a.decision_number, a.decided_on, a.issuer, a.recipient, m.title,
                       COALESCE(u.name, mu.name, '') AS unit_name, COALESCE(m.is_demo, u.is_demo, 0) AS is_demo
                FROM award a LEFT JOIN model m ON m.id = a.model_id LEFT JOIN unit mu ON mu.id = m.unit_id
                LEFT JOIN unit u ON u.id = a.unit_id
                WHERE a.decided_on BETWEEN ?1 AND ?2
                  AND (a.unit_id IN (SELECT value FROM json_each(?3)) OR m.unit_id IN (SELECT value FROM json_each(?3)))
                ORDER BY a.decided_on, a.decision_number
                """, arguments: [days.lowerBound.iso, days.upperBound.iso, ids]).map { r in
                let recipient: String = r["recipient"]
                let title: String = r["title"] ?? ""
                // Two awards to one commune for two models are two lines: the model says which.
                let who = recipient.isEmpty ? title : title.isEmpty || recipient.contains(title) ? recipient : "\(recipient) (mô hình “\(title)”)"
                return Honour(kind: .award(AwardKind(rawValue: r["kind"]) ?? .commendation), decisionNumber: r["decision_number"],
                              decidedOn: Rows.day(r["decided_on"]), issuer: r["issuer"],
                              recipient: who, unitName: r["unit_name"],
                              isDemo: r["is_demo"])
            }
            return (recognitions + awards).sorted { ($0.decidedOn ?? .firstOf(year: 1900)) < ($1.decidedOn ?? .firstOf(year: 1900)) }
        }
    }

    public func directives() throws -> [Directive] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM directive ORDER BY issued_on, id").map { r in
                Directive(kind: r["kind"], number: r["number"], issuedOn: Rows.day(r["issued_on"]), issuer: r["issuer"], title: r["title"])
            }
        }
    }

    /// The report settings the board has set (keys not set are absent).
    public func reportSettings() throws -> [Setting: String] {
        var out: [Setting: String] = [:]
        for key in Setting.report { if let v = try setting(key) { out[key] = v } }
        return out
    }

    /// Whether any of these units, or their records, belong to the demo data set.
    public func holdsDemoData(units: [OrgUnit.ID]) throws -> Bool {
        let ids = AppDatabase.jsonIDs(units)
        return try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM unit WHERE is_demo = 1 AND id IN (SELECT value FROM json_each(?1)))
                    OR EXISTS (SELECT 1 FROM model WHERE is_demo = 1 AND unit_id IN (SELECT value FROM json_each(?1)))
                """, arguments: [ids]) ?? false
        }
    }
}
