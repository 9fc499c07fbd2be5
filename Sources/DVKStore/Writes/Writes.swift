import DVKCore
import Foundation
import GRDB

/// Named writes. Each validates with the domain's rules, stores text NFC
/// with its sort and search keys, refreshes derived counts, and writes its
/// audit row — all in one transaction.
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
    public func addUnit(_ unit: OrgUnit, ref: String? = nil, source: String = "") throws -> OrgUnit.ID {
        try ensureValid(validator.check(unit), unit.name)
        let officer = officer
        return try write { db in
            let id = try UnitWrites.insert(unit, ref: ref, source: source, db)
            try Audit.record(db, officer: officer, action: "add", entity: "unit", entityID: String(id), before: nil,
                             after: Audit.snapshot(db, table: "unit", where: "id = ?", [id]))
            return id
        }
    }

    /// Sáp nhập: `unit` ends on `lastDay` and its history rolls into `successor`.
    public func mergeUnit(_ unit: OrgUnit.ID, into successor: OrgUnit.ID, lastDay: Day) throws {
        let officer = officer
        try write { db in
            let before = try Audit.snapshot(db, table: "unit", where: "id = ?", [unit])
            guard before != nil else { throw StoreError.notFound(what: "đơn vị #\(unit)") }
            try db.execute(sql: "UPDATE unit SET valid_to = ?, merged_into_id = ? WHERE id = ?",
                           arguments: [lastDay.iso, successor, unit])
            try UnitRules.refuseCycles(db)
            try UnitRules.refuseMergeIntoOwnSubunit(unit, successor, db)
            try Audit.record(db, officer: officer, action: "merge", entity: "unit", entityID: String(unit), before: before,
                             after: Audit.snapshot(db, table: "unit", where: "id = ?", [unit]))
        }
    }

    @discardableResult
    public func addModel(_ model: Model, ref: String? = nil, source: String = "") throws -> Model.ID {
        try ensureValid(validator.check(model), model.title)
        let officer = officer
        return try write { db in
            let id = try ModelWrites.insert(model, ref: ref, source: source, db)
            try CountQueries.refresh(unit: model.unitID, touching: ModelWrites.years(model), db, currentYear: AppDatabase.today().year)
            try Audit.record(db, officer: officer, action: "add", entity: "model", entityID: String(id), before: nil,
                             after: Audit.snapshot(db, table: "model", where: "id = ?", [id]))
            return id
        }
    }

    public func updateModel(_ model: Model) throws {
        try ensureValid(validator.check(model), model.title)
        let officer = officer
        try write { db in
            guard let old = try Row.fetchOne(db, sql: "SELECT * FROM model WHERE id = ?", arguments: [model.id]).map(Rows.model) else {
                throw StoreError.notFound(what: "mô hình #\(model.id)")
            }
            let before = try Audit.snapshot(db, table: "model", where: "id = ?", [model.id])
            try ModelWrites.update(model, db)
            let year = AppDatabase.today().year
            try CountQueries.refresh(unit: model.unitID, touching: ModelWrites.years(model), db, currentYear: year)
            if old.unitID != model.unitID {
                try CountQueries.refresh(unit: old.unitID, touching: [], db, currentYear: year)
            }
            try Audit.record(db, officer: officer, action: "update", entity: "model", entityID: String(model.id), before: before,
                             after: Audit.snapshot(db, table: "model", where: "id = ?", [model.id]))
        }
    }

    /// Loại bỏ: a status with a date and a reason; the model and its history stay.
    public func removeModel(_ id: Model.ID, on day: Day, reason: String) throws {
        guard var m = try model(id: id) else { throw StoreError.notFound(what: "mô hình #\(id)") }
        m.removedOn = day
        m.removalReason = reason
        try updateModel(m)
    }

    public func recordEvaluation(_ e: Evaluation) throws {
        try ensureValid(validator.check(e), "đánh giá \(e.year)")
        let officer = officer
        try write { db in
            guard let unit = try Int64.fetchOne(db, sql: "SELECT unit_id FROM model WHERE id = ?", arguments: [e.modelID]) else {
                throw StoreError.notFound(what: "mô hình #\(e.modelID)")
            }
            let key = "model_id = ? AND year = ?"
            let before = try Audit.snapshot(db, table: "evaluation", where: key, [e.modelID, e.year])
            try db.execute(sql: """
                INSERT INTO evaluation (model_id, year, effective, note) VALUES (?, ?, ?, ?)
                ON CONFLICT (model_id, year) DO UPDATE SET effective = excluded.effective, note = excluded.note
                """, arguments: [e.modelID, e.year, e.effective, VietnameseText.normalized(e.note)])
            try CountQueries.refresh(unit: unit, touching: [e.year], db, currentYear: AppDatabase.today().year)
            try Audit.record(db, officer: officer, action: before == nil ? "add" : "update", entity: "evaluation",
                             entityID: "\(e.modelID)/\(e.year)", before: before,
                             after: Audit.snapshot(db, table: "evaluation", where: key, [e.modelID, e.year]))
        }
    }

    public func recordSurvey(_ s: SatisfactionSurvey, isDemo: Bool = false) throws {
        try ensureValid(validator.check(s), "khảo sát \(s.year)")
        let officer = officer
        try write { db in
            let key = "unit_id = ? AND year = ?"
            let before = try Audit.snapshot(db, table: "survey", where: key, [s.unitID, s.year])
            try SurveyWrites.upsert(s, isDemo: isDemo, db)
            try Audit.record(db, officer: officer, action: before == nil ? "add" : "update", entity: "survey",
                             entityID: "\(s.unitID)/\(s.year)", before: before,
                             after: Audit.snapshot(db, table: "survey", where: key, [s.unitID, s.year]))
        }
    }

    public func recordPlan(_ p: PlanAdoption, isDemo: Bool = false) throws {
        try ensureValid(validator.check(p), "kế hoạch \(p.year)")
        let officer = officer
        try write { db in
            let key = "unit_id = ? AND year = ?"
            let before = try Audit.snapshot(db, table: "plan_adoption", where: key, [p.unitID, p.year])
            try SurveyWrites.upsert(p, isDemo: isDemo, db)
            try Audit.record(db, officer: officer, action: before == nil ? "add" : "update", entity: "plan_adoption",
                             entityID: "\(p.unitID)/\(p.year)", before: before,
                             after: Audit.snapshot(db, table: "plan_adoption", where: key, [p.unitID, p.year]))
        }
    }

    public func addRecognition(_ r: Recognition) throws {
        let officer = officer
        let validator = validator
        try write { db in
            guard let m = try Row.fetchOne(db, sql: "SELECT * FROM model WHERE id = ?", arguments: [r.modelID]).map(Rows.model) else {
                throw StoreError.notFound(what: "mô hình #\(r.modelID)")
            }
            let issues = validator.check(r, of: m)
            if !issues.isEmpty { throw StoreError.invalid(record: m.title, issues: issues) }
            try db.execute(sql: "INSERT INTO recognition (model_id, level, decision_number, decided_on, issuer) VALUES (?, ?, ?, ?, ?)",
                           arguments: [r.modelID, r.level.rawValue, VietnameseText.normalized(r.decisionNumber), r.decidedOn?.iso,
                                       VietnameseText.normalized(r.issuer)])
            let id = db.lastInsertedRowID
            try Audit.record(db, officer: officer, action: "add", entity: "recognition", entityID: String(id), before: nil,
                             after: Audit.snapshot(db, table: "recognition", where: "id = ?", [id]))
        }
    }

    public func updateTarget(_ t: Target) throws {
        try ensureValid(validator.check(t), t.code)
        let officer = officer
        try write { db in
            let before = try Audit.snapshot(db, table: "target", where: "code = ?", [t.code])
            try TargetRow.upsert(t, db)
            try Audit.record(db, officer: officer, action: before == nil ? "add" : "update", entity: "target", entityID: t.code,
                             before: before, after: Audit.snapshot(db, table: "target", where: "code = ?", [t.code]))
        }
    }

    public func setSetting(_ key: Setting, _ value: String) throws {
        let officer = officer
        try write { db in
            let before = try Audit.snapshot(db, table: "meta", where: "key = ?", [key.rawValue])
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key.rawValue, value])
            try Audit.record(db, officer: officer, action: "update", entity: "meta", entityID: key.rawValue, before: before,
                             after: Audit.snapshot(db, table: "meta", where: "key = ?", [key.rawValue]))
        }
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
