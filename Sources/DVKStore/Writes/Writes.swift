import DVKCore
import Foundation
import GRDB

/// Named writes. Each validates with the domain's rules, stores text NFC
/// with its sort and search keys, refreshes derived counts, and goes through
/// `audited`: the change and its audit row in one transaction, the audit id
/// handed back for undo.
extension AppDatabase {
    var validator: Validator { Validator(today: AppDatabase.today()) }

    static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year ?? 2025, month: c.month ?? 1, day: c.day ?? 1) ?? Day.firstOf(year: 2025)
    }

    private func ensureValid(_ issues: [ValidationIssue], _ what: String) throws {
        if !issues.isEmpty { throw StoreError.invalid(record: what, issues: issues) }
    }

    @discardableResult
    public func addUnit(_ unit: OrgUnit, ref: String? = nil, source: String = "") throws -> Audited<OrgUnit.ID> {
        try ensureValid(validator.check(unit), unit.name)
        return try audited(adding: "unit") { db in
            let id = try UnitWrites.insert(unit, ref: ref, source: source, db)
            try UnitRules.refusePlacement(id, under: unit.parentID, db)
            return id
        }
    }

    /// Sáp nhập: `unit` ends on `lastDay` and its history rolls into `successor`.
    @discardableResult
    public func mergeUnit(_ unit: OrgUnit.ID, into successor: OrgUnit.ID, lastDay: Day) throws -> AuditID {
        try audited("unit", unit, action: "merge") { db in
            try UnitRules.refuseMerge(unit, into: successor, lastDay: lastDay, db)
            try db.execute(sql: "UPDATE unit SET valid_to = ?, merged_into_id = ? WHERE id = ?",
                           arguments: [lastDay.iso, successor, unit])
            try UnitRules.refuseCycles(db)
            try UnitRules.refuseMergeIntoOwnSubunit(unit, successor, db)
        }.auditID
    }

    @discardableResult
    public func addModel(_ model: Model, ref: String? = nil, source: String = "") throws -> Audited<Model.ID> {
        try ensureValid(validator.check(model), model.title)
        return try audited(adding: "model") { db in
            let id = try ModelWrites.insert(model, ref: ref, source: source, db)
            try CountQueries.refresh(unit: model.unitID, touching: ModelWrites.years(model), db, currentYear: AppDatabase.today().year)
            return id
        }
    }

    @discardableResult
    public func updateModel(_ model: Model) throws -> AuditID {
        try ensureValid(validator.check(model), model.title)
        return try audited("model", model.id, action: "update") { db in
            let oldUnit = try Int64.fetchOne(db, sql: "SELECT unit_id FROM model WHERE id = ?", arguments: [model.id])
            try ModelWrites.update(model, db)
            let year = AppDatabase.today().year
            try CountQueries.refresh(unit: model.unitID, touching: ModelWrites.years(model), db, currentYear: year)
            if let oldUnit, oldUnit != model.unitID {
                try CountQueries.refresh(unit: oldUnit, touching: [], db, currentYear: year)
            }
        }.auditID
    }

    /// Loại bỏ: a status with a date and a reason; the model and its history stay.
    @discardableResult
    public func removeModel(_ id: Model.ID, on day: Day, reason: String) throws -> AuditID {
        guard var m = try model(id: id) else { throw StoreError.notFound(what: "mô hình #\(id)") }
        m.removedOn = day
        m.removalReason = reason
        return try updateModel(m)
    }

    @discardableResult
    public func recordEvaluation(_ e: Evaluation) throws -> AuditID {
        try ensureValid(validator.check(e), "đánh giá \(e.year)")
        return try audited("evaluation", e.modelID, e.year) { db in
            guard let unit = try Int64.fetchOne(db, sql: "SELECT unit_id FROM model WHERE id = ?", arguments: [e.modelID]) else {
                throw StoreError.notFound(what: "mô hình #\(e.modelID)")
            }
            try db.execute(sql: """
                INSERT INTO evaluation (model_id, year, effective, note) VALUES (?, ?, ?, ?)
                ON CONFLICT (model_id, year) DO UPDATE SET effective = excluded.effective, note = excluded.note
                """, arguments: [e.modelID, e.year, e.effective, VietnameseText.normalized(e.note)])
            try CountQueries.refresh(unit: unit, touching: [e.year], db, currentYear: AppDatabase.today().year)
        }.auditID
    }

    @discardableResult
    public func recordSurvey(_ s: SatisfactionSurvey, isDemo: Bool = false) throws -> AuditID {
        try ensureValid(validator.check(s), "khảo sát \(s.year)")
        return try audited("survey", s.unitID, s.year) { db in try SurveyWrites.upsert(s, isDemo: isDemo, db) }.auditID
    }

    @discardableResult
    public func recordPlan(_ p: PlanAdoption, isDemo: Bool = false) throws -> AuditID {
        try ensureValid(validator.check(p), "kế hoạch \(p.year)")
        return try audited("plan_adoption", p.unitID, p.year) { db in try SurveyWrites.upsert(p, isDemo: isDemo, db) }.auditID
    }

    @discardableResult
    public func addRecognition(_ r: Recognition) throws -> Audited<Int64> {
        let validator = validator
        return try audited(adding: "recognition") { db in
            guard let m = try Row.fetchOne(db, sql: "SELECT * FROM model WHERE id = ?", arguments: [r.modelID]).map(Rows.model) else {
                throw StoreError.notFound(what: "mô hình #\(r.modelID)")
            }
            let issues = validator.check(r, of: m)
            if !issues.isEmpty { throw StoreError.invalid(record: m.title, issues: issues) }
            try db.execute(sql: "INSERT INTO recognition (model_id, level, decision_number, decided_on, issuer) VALUES (?, ?, ?, ?, ?)",
                           arguments: [r.modelID, r.level.rawValue, VietnameseText.normalized(r.decisionNumber), r.decidedOn?.iso,
                                       VietnameseText.normalized(r.issuer)])
            return db.lastInsertedRowID
        }
    }

    @discardableResult
    public func updateTarget(_ t: Target) throws -> AuditID {
        try ensureValid(validator.check(t), t.code)
        return try audited("target", t.code) { db in try TargetRow.upsert(t, db) }.auditID
    }

    /// Back to the default: the row goes (audited, so undo brings it back).
    @discardableResult
    public func clearSetting(_ key: Setting) throws -> AuditID {
        try audited("meta", key.rawValue) { db in
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key.rawValue])
        }.auditID
    }

    @discardableResult
    public func setSetting(_ key: Setting, _ value: String) throws -> AuditID {
        try audited("meta", key.rawValue) { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key.rawValue, value])
        }.auditID
    }
}

/// Statement-level helpers shared by the named writes, the importer and the generator.
enum UnitWrites {
    static func insert(_ u: OrgUnit, ref: String?, source: String, _ db: Database) throws -> OrgUnit.ID {
        let name = VietnameseText.normalized(u.name)
        try db.execute(sql: """
            INSERT INTO unit (ref, official_code, name, sort_key, search_key, kind, parent_id, valid_from, valid_to, merged_into_id, is_demo, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [ref, u.officialCode, name, VietnameseText.sortKey(name), VietnameseText.searchKey(name),
                             u.kind.rawValue, u.parentID, u.validFrom?.iso, u.validTo?.iso, u.mergedIntoID, u.isDemo,
                             VietnameseText.normalized(source)])
        return db.lastInsertedRowID
    }
}

enum ModelWrites {
    static let columns = "unit_id, kind, title, sort_key, search_key, field_code, description, goals, expected_outputs, funds_vnd, work_days, registered_on, launched_on, removed_on, removal_reason, is_demo"

    static func values(_ m: Model) -> [(any DatabaseValueConvertible)?] {
        let title = VietnameseText.normalized(m.title)
        return [m.unitID, m.kind.rawValue, title, VietnameseText.sortKey(title), VietnameseText.searchKey(title), m.fieldCode,
                VietnameseText.normalized(m.description), VietnameseText.normalized(m.goals),
                VietnameseText.normalized(m.expectedOutputs), m.fundsVND, m.workDays, m.registeredOn?.iso,
                m.launchedOn?.iso, m.removedOn?.iso, m.removalReason.map(VietnameseText.normalized), m.isDemo]
    }

    static func insert(_ m: Model, ref: String?, source: String, _ db: Database) throws -> Model.ID {
        try db.execute(sql: "INSERT INTO model (ref, source, \(columns)) VALUES (?, ?, \(Array(repeating: "?", count: 16).joined(separator: ", ")))",
                       arguments: StatementArguments([ref, VietnameseText.normalized(source)] + values(m)))
        return db.lastInsertedRowID
    }

    static func update(_ m: Model, _ db: Database) throws {
        let sets = columns.split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespaces)) = ?" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE model SET \(sets) WHERE id = ?", arguments: StatementArguments(values(m) + [m.id]))
    }

    /// Years whose counts a change to `m` can move.
    static func years(_ m: Model) -> [Int] {
        [m.launchedOn?.year, m.removedOn?.year].compactMap { $0 }
    }
}

enum SurveyWrites {
    static func upsert(_ s: SatisfactionSurvey, isDemo: Bool, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO survey (unit_id, year, permille, respondents, source, is_demo) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (unit_id, year) DO UPDATE SET permille = excluded.permille, respondents = excluded.respondents,
              source = excluded.source, is_demo = excluded.is_demo
            """, arguments: [s.unitID, s.year, s.permille, s.respondents, VietnameseText.normalized(s.source), isDemo])
    }

    static func upsert(_ p: PlanAdoption, isDemo: Bool, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO plan_adoption (unit_id, year, adopted, disseminated, is_demo) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (unit_id, year) DO UPDATE SET adopted = excluded.adopted, disseminated = excluded.disseminated,
              is_demo = excluded.is_demo
            """, arguments: [p.unitID, p.year, p.adopted, p.disseminated, isDemo])
    }
}
