import DVKCore
import Foundation
import GRDB
import Testing
@testable import DVKStore

/// The schema's defaults, the named writes with their audit rows, validation
/// that writes nothing, NFC storage, and CHECK constraints as the last guard.
@Suite struct SchemaAndWritesTests {
    static let officer = "Nguyễn Văn Thử"

    /// An in-memory database with a province, a commune and one launched model.
    private struct Setup {
        let db: AppDatabase
        let province: OrgUnit.ID
        let commune: OrgUnit.ID
        let model: Model.ID
    }

    private func setup() throws -> Setup {
        let db = try AppDatabase.inMemory(officer: Self.officer)
        let province = try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Yên Bái", kind: .province)).value
        let commune = try db.addUnit(OrgUnit(id: 0, name: "Xã Nghĩa Tâm", kind: .commune, parentID: province)).value
        let model = try db.addModel(Model(id: 0, unitID: commune, title: "Hiến đất mở đường", fieldCode: "economy",
                                          registeredOn: Fixture.day("01/02/2023"), launchedOn: Fixture.day("15/03/2023"))).value
        return Setup(db: db, province: province, commune: commune, model: model)
    }

    private func auditCount(_ db: AppDatabase) throws -> Int { try db.count(.audit_log) }

    /// The most recent audit row; checks it is the only one added since `before`.
    private func lastAudit(_ db: AppDatabase, after before: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> AuditEntry {
        #expect(try auditCount(db) == before + 1, "a named write must add exactly one audit row", sourceLocation: sourceLocation)
        return try #require(try db.auditLog(limit: 1).first, sourceLocation: sourceLocation)
    }

    /// Row counts of every table, to prove a refused write left nothing behind.
    private func tableCounts(_ db: AppDatabase) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in StoreTable.allCases { out[t.rawValue] = try db.count(t) }
        return out
    }

    // MARK: Defaults

    @Test func newDatabaseHasTheDefaultFieldsAndTargets() throws {
        let db = try AppDatabase.inMemory()
        let fields = try db.fields()
        #expect(fields.map(\.code) == ["economy", "cultureSociety", "defenceSecurity", "politicalSystem"])
        #expect(fields.map(\.nameVI) == Field.standard.map(\.nameVI))
        let targets = try db.targets()
        #expect(targets.count == 4)
        #expect(targets.map(\.code) == ["plan", "models", "agencies", "satisfaction"])
        let models = try #require(targets.first { $0.code == "models" })
        #expect(models.metric == .effectiveModelsPerUnit)
        #expect(models.threshold == 10)
        #expect(models.minPerField == 2)
        #expect(models.unitKinds == [.commune])
        #expect(models.phase == PlanPhase(startYear: 2023, endYear: 2025))
        let satisfaction = try #require(targets.first { $0.code == "satisfaction" })
        #expect(satisfaction.threshold == 90)
        #expect(targets.allSatisfy { $0.directive == "Đề án số 13 ngày 16/3/2023" })
        #expect(try db.count(.unit) == 0)
        #expect(try db.count(.audit_log) == 0)
        #expect(try db.integrityCheck() == "ok")
    }

    // MARK: Named writes and their audit rows

    @Test func addUnitWritesOneAuditRow() throws {
        let db = try AppDatabase.inMemory(officer: Self.officer)
        let before = try auditCount(db)
        let id = try db.addUnit(OrgUnit(id: 0, officialCode: "15", name: "Tỉnh Yên Bái", kind: .province), ref: "YB").value
        let a = try lastAudit(db, after: before)
        #expect(a.officer == Self.officer)
        #expect(a.action == "add")
        #expect(a.entity == "unit")
        #expect(a.entityID == String(id))
        #expect(a.beforeJSON == nil)
        let after = try #require(Fixture.json(a.afterJSON))
        #expect(after["name"] as? String == "Tỉnh Yên Bái")
        #expect(after["kind"] as? String == "province")
        #expect(after["ref"] as? String == "YB")
        #expect((after["id"] as? NSNumber)?.int64Value == id)
        #expect(try db.unit(id: id)?.name == "Tỉnh Yên Bái")
    }

    @Test func addModelWritesOneAuditRow() throws {
        let s = try setup()
        let before = try auditCount(s.db)
        let id = try s.db.addModel(Model(id: 0, unitID: s.commune, kind: .individual, title: "Trưởng thôn tiên phong",
                                         fieldCode: "cultureSociety", fundsVND: 350_000_000, workDays: 120,
                                         launchedOn: Fixture.day("01/06/2023"))).value
        let a = try lastAudit(s.db, after: before)
        #expect(a.officer == Self.officer)
        #expect(a.action == "add")
        #expect(a.entity == "model")
        #expect(a.entityID == String(id))
        #expect(a.beforeJSON == nil)
        let after = try #require(Fixture.json(a.afterJSON))
        #expect(after["title"] as? String == "Trưởng thôn tiên phong")
        #expect(after["kind"] as? String == "individual")
        #expect(after["launched_on"] as? String == "2023-06-01")
        #expect((after["funds_vnd"] as? NSNumber)?.int64Value == 350_000_000)
        #expect((after["unit_id"] as? NSNumber)?.int64Value == s.commune)
        let stored = try #require(try s.db.model(id: id))
        #expect(stored.kind == .individual)
        #expect(stored.workDays == 120)
    }

    @Test func recordEvaluationAddsThenUpdates() throws {
        let s = try setup()
        var before = try auditCount(s.db)
        try s.db.recordEvaluation(Evaluation(modelID: s.model, year: 2023, effective: true, note: "Hoạt động đều"))
        var a = try lastAudit(s.db, after: before)
        #expect(a.officer == Self.officer)
        #expect(a.action == "add")
        #expect(a.entity == "evaluation")
        #expect(a.entityID == "\(s.model)/2023")
        #expect(a.beforeJSON == nil)
        #expect((Fixture.json(a.afterJSON)?["effective"] as? NSNumber)?.intValue == 1)

        before = try auditCount(s.db)
        try s.db.recordEvaluation(Evaluation(modelID: s.model, year: 2023, effective: false, note: "Hình thức"))
        a = try lastAudit(s.db, after: before)
        #expect(a.action == "update")
        #expect(a.entity == "evaluation")
        #expect((Fixture.json(a.beforeJSON)?["effective"] as? NSNumber)?.intValue == 1)
        #expect((Fixture.json(a.afterJSON)?["effective"] as? NSNumber)?.intValue == 0)
        #expect(Fixture.json(a.afterJSON)?["note"] as? String == "Hình thức")
        #expect(try s.db.evaluations(model: s.model) == [Evaluation(modelID: s.model, year: 2023, effective: false, note: "Hình thức")])
    }

    @Test func recordSurveyAddsThenUpdates() throws {
        let s = try setup()
        var before = try auditCount(s.db)
        try s.db.recordSurvey(SatisfactionSurvey(unitID: s.commune, year: 2023, permille: 925, respondents: 400, source: "Khảo sát"))
        var a = try lastAudit(s.db, after: before)
        #expect(a.officer == Self.officer)
        #expect(a.action == "add")
        #expect(a.entity == "survey")
        #expect(a.entityID == "\(s.commune)/2023")
        #expect(a.beforeJSON == nil)
        #expect((Fixture.json(a.afterJSON)?["permille"] as? NSNumber)?.intValue == 925)

        before = try auditCount(s.db)
        try s.db.recordSurvey(SatisfactionSurvey(unitID: s.commune, year: 2023, permille: 881, respondents: nil))
        a = try lastAudit(s.db, after: before)
        #expect(a.action == "update")
        #expect((Fixture.json(a.beforeJSON)?["permille"] as? NSNumber)?.intValue == 925)
        #expect((Fixture.json(a.afterJSON)?["permille"] as? NSNumber)?.intValue == 881)
        #expect(Fixture.json(a.afterJSON)?["respondents"] is NSNull)
        #expect(try s.db.facts(year: 2023)[s.commune]?.survey?.permille == 881)
    }

    @Test func recordPlanAddsThenUpdates() throws {
        let s = try setup()
        var before = try auditCount(s.db)
        try s.db.recordPlan(PlanAdoption(unitID: s.commune, year: 2024, adopted: true, disseminated: false))
        var a = try lastAudit(s.db, after: before)
        #expect(a.officer == Self.officer)
        #expect(a.action == "add")
        #expect(a.entity == "plan_adoption")
        #expect(a.entityID == "\(s.commune)/2024")
        #expect(a.beforeJSON == nil)
        #expect((Fixture.json(a.afterJSON)?["disseminated"] as? NSNumber)?.intValue == 0)

        before = try auditCount(s.db)
        try s.db.recordPlan(PlanAdoption(unitID: s.commune, year: 2024, adopted: true, disseminated: true))
        a = try lastAudit(s.db, after: before)
        #expect(a.action == "update")
        #expect((Fixture.json(a.beforeJSON)?["disseminated"] as? NSNumber)?.intValue == 0)
        #expect((Fixture.json(a.afterJSON)?["disseminated"] as? NSNumber)?.intValue == 1)
        #expect(try s.db.facts(year: 2024)[s.commune]?.plan == PlanAdoption(unitID: s.commune, year: 2024, adopted: true, disseminated: true))
    }

    @Test func removeModelKeepsTheRowWithDateAndReason() throws {
        let s = try setup()
        let before = try auditCount(s.db)
        let models = try s.db.count(.model)
        try s.db.removeModel(s.model, on: Fixture.day("30/06/2024"), reason: "Mô hình hình thức, không duy trì")
        let a = try lastAudit(s.db, after: before)
        #expect(a.officer == Self.officer)
        #expect(a.action == "update")
        #expect(a.entity == "model")
        #expect(a.entityID == String(s.model))
        let b = try #require(Fixture.json(a.beforeJSON))
        #expect(b["removed_on"] is NSNull)
        #expect(b["removal_reason"] is NSNull)
        let after = try #require(Fixture.json(a.afterJSON))
        #expect(after["removed_on"] as? String == "2024-06-30")
        #expect(after["removal_reason"] as? String == "Mô hình hình thức, không duy trì")
        #expect(after["title"] as? String == "Hiến đất mở đường")

        #expect(try s.db.count(.model) == models, "removal must keep the row")
        let m = try #require(try s.db.model(id: s.model))
        #expect(m.removedOn == Fixture.day("30/06/2024"))
        #expect(m.removalReason == "Mô hình hình thức, không duy trì")
        #expect(m.state(recognised: false) == .removed)
    }

    @Test func mergeUnitRecordsSuccessorAndLastDay() throws {
        let s = try setup()
        let successor = try s.db.addUnit(OrgUnit(id: 0, name: "Xã Nghĩa Lộ Mới", kind: .commune, parentID: s.province)).value
        let before = try auditCount(s.db)
        try s.db.mergeUnit(s.commune, into: successor, lastDay: Fixture.day("30/06/2025"))
        let a = try lastAudit(s.db, after: before)
        #expect(a.officer == Self.officer)
        #expect(a.action == "merge")
        #expect(a.entity == "unit")
        #expect(a.entityID == String(s.commune))
        let b = try #require(Fixture.json(a.beforeJSON))
        #expect(b["merged_into_id"] is NSNull)
        #expect(b["valid_to"] is NSNull)
        let after = try #require(Fixture.json(a.afterJSON))
        #expect((after["merged_into_id"] as? NSNumber)?.int64Value == successor)
        #expect(after["valid_to"] as? String == "2025-06-30")
        let u = try #require(try s.db.unit(id: s.commune))
        #expect(u.mergedIntoID == successor)
        #expect(u.validTo == Fixture.day("30/06/2025"))
    }

    @Test func mergeUnitOfAMissingUnitWritesNothing() throws {
        let s = try setup()
        let counts = try tableCounts(s.db)
        let error = #expect(throws: StoreError.self) {
            try s.db.mergeUnit(9_999, into: s.commune, lastDay: Fixture.day("30/06/2025"))
        }
        #expect(error == .notFound(what: "đơn vị #9999"))
        #expect(try tableCounts(s.db) == counts)
    }

    @Test func updateTargetRecordsBeforeAndAfter() throws {
        let db = try AppDatabase.inMemory(officer: Self.officer)
        var target = try #require(try db.targets().first { $0.code == "models" })
        target.threshold = 12
        target.minPerField = 3
        let before = try auditCount(db)
        try db.updateTarget(target)
        let a = try lastAudit(db, after: before)
        #expect(a.officer == Self.officer)
        #expect(a.action == "update")
        #expect(a.entity == "target")
        #expect(a.entityID == "models")
        let b = try #require(Fixture.json(a.beforeJSON))
        #expect((b["threshold"] as? NSNumber)?.doubleValue == 10)
        #expect((b["min_per_field"] as? NSNumber)?.intValue == 2)
        let after = try #require(Fixture.json(a.afterJSON))
        #expect((after["threshold"] as? NSNumber)?.doubleValue == 12)
        #expect((after["min_per_field"] as? NSNumber)?.intValue == 3)
        let stored = try #require(try db.targets().first { $0.code == "models" })
        #expect(stored.threshold == 12)
        #expect(stored.minPerField == 3)
        #expect(try db.targets().count == 4)
    }

    /// Editing a target must not move it: the status table lists targets in
    /// stored order and takes the phase line from the first one.
    @Test func updateTargetKeepsItsIdentityAndOrder() throws {
        let db = try AppDatabase.inMemory()
        let original = try db.targets()
        var plan = try #require(original.first { $0.code == "plan" })
        plan.threshold = 95
        try db.updateTarget(plan)
        let after = try db.targets()
        #expect(after.map(\.code) == original.map(\.code), "updateTarget reordered the targets")
        #expect(after.first { $0.code == "plan" }?.id == plan.id, "updateTarget changed the target's id")
    }

    // MARK: Validation: refused with a Vietnamese message, nothing written

    private func expectInvalid(_ db: AppDatabase, field: String, messageContains text: String,
                               sourceLocation: SourceLocation = #_sourceLocation,
                               _ body: () throws -> Void) throws {
        let counts = try tableCounts(db)
        let error = #expect(throws: StoreError.self, sourceLocation: sourceLocation) { try body() }
        guard case let .invalid(_, issues)? = error else {
            Issue.record("expected StoreError.invalid, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(issues.map(\.field).contains(field), "issues: \(issues)", sourceLocation: sourceLocation)
        let message = error?.message(.vi) ?? ""
        #expect(message.hasPrefix("Dữ liệu không hợp lệ"), "\(message)", sourceLocation: sourceLocation)
        #expect(message.contains(text), "\(message)", sourceLocation: sourceLocation)
        #expect(error?.exitCode == 5, sourceLocation: sourceLocation)
        #expect(try tableCounts(db) == counts, "a refused write left rows behind", sourceLocation: sourceLocation)
    }

    @Test func invalidUnitIsRefused() throws {
        let s = try setup()
        try expectInvalid(s.db, field: "name", messageContains: "bắt buộc") {
            try s.db.addUnit(OrgUnit(id: 0, name: "   ", kind: .commune, parentID: s.province))
        }
        try expectInvalid(s.db, field: "validTo", messageContains: "không được trước ngày bắt đầu hiệu lực") {
            try s.db.addUnit(OrgUnit(id: 0, name: "Xã Cũ", kind: .commune, validFrom: Fixture.day("01/01/2020"),
                                     validTo: Fixture.day("31/12/2019")))
        }
    }

    @Test func invalidModelIsRefused() throws {
        let s = try setup()
        try expectInvalid(s.db, field: "title", messageContains: "Chưa nhập: trường này là bắt buộc.") {
            try s.db.addModel(Model(id: 0, unitID: s.commune, title: "  ", fieldCode: "economy"))
        }
        try expectInvalid(s.db, field: "launchedOn", messageContains: "Ngày này không được trước ngày đăng ký.") {
            try s.db.addModel(Model(id: 0, unitID: s.commune, title: "Tổ tự quản", fieldCode: "defenceSecurity",
                                    registeredOn: Fixture.day("01/05/2023"), launchedOn: Fixture.day("01/04/2023")))
        }
        try expectInvalid(s.db, field: "fundsVND", messageContains: "Không được là số âm.") {
            try s.db.addModel(Model(id: 0, unitID: s.commune, title: "Tổ tự quản", fieldCode: "defenceSecurity", fundsVND: -1))
        }
        try expectInvalid(s.db, field: "removalReason", messageContains: "Loại bỏ mô hình phải ghi rõ lý do.") {
            try s.db.addModel(Model(id: 0, unitID: s.commune, title: "Tổ tự quản", fieldCode: "defenceSecurity",
                                    launchedOn: Fixture.day("01/04/2023"), removedOn: Fixture.day("01/04/2024")))
        }
    }

    @Test func removalWithoutReasonIsRefusedAndTheModelStays() throws {
        let s = try setup()
        try expectInvalid(s.db, field: "removalReason", messageContains: "Loại bỏ mô hình phải ghi rõ lý do.") {
            try s.db.removeModel(s.model, on: Fixture.day("30/06/2024"), reason: "  ")
        }
        let m = try #require(try s.db.model(id: s.model))
        #expect(m.removedOn == nil)
        #expect(m.removalReason == nil)
    }

    @Test func invalidEvaluationSurveyPlanAndTargetAreRefused() throws {
        let s = try setup()
        try expectInvalid(s.db, field: "year", messageContains: "Năm 1999 không hợp lệ") {
            try s.db.recordEvaluation(Evaluation(modelID: s.model, year: 1999, effective: true))
        }
        try expectInvalid(s.db, field: "percent", messageContains: "Tỷ lệ 120 nằm ngoài khoảng 0–100%.") {
            try s.db.recordSurvey(SatisfactionSurvey(unitID: s.commune, year: 2023, permille: 1200))
        }
        try expectInvalid(s.db, field: "respondents", messageContains: "Không được là số âm.") {
            try s.db.recordSurvey(SatisfactionSurvey(unitID: s.commune, year: 2023, permille: 900, respondents: -5))
        }
        try expectInvalid(s.db, field: "year", messageContains: "Năm 2200 không hợp lệ") {
            try s.db.recordPlan(PlanAdoption(unitID: s.commune, year: 2200, adopted: true, disseminated: true))
        }
        var target = try #require(try s.db.targets().first { $0.code == "satisfaction" })
        target.threshold = 120
        try expectInvalid(s.db, field: "threshold", messageContains: "nằm ngoài khoảng 0–100%") {
            try s.db.updateTarget(target)
        }
        #expect(try s.db.targets().first { $0.code == "satisfaction" }?.threshold == 90)
    }

    // MARK: NFC

    @Test func decomposedInputIsStoredComposed() throws {
        let db = try AppDatabase.inMemory(officer: "Ca\u{301}n bo\u{302}\u{323}")
        let nfdName = "Xa\u{303} Suo\u{302}\u{301}i Gia\u{300}ng"
        #expect(Fixture.scalars(nfdName) != Fixture.scalars("Xã Suối Giàng"))
        let unit = try db.addUnit(OrgUnit(id: 0, name: nfdName, kind: .commune)).value
        let stored = try #require(try db.unit(id: unit))
        #expect(Fixture.scalars(stored.name) == Fixture.scalars("Xã Suối Giàng"))
        #expect(Fixture.scalars(try db.allUnits().first?.name) == Fixture.scalars("Xã Suối Giàng"))
        // The audit image is NFC too.
        #expect(Fixture.scalars(Fixture.json(try db.auditLog(limit: 1).first?.afterJSON)?["name"] as? String)
                == Fixture.scalars("Xã Suối Giàng"))
        // Search finds it typed without tone marks, NFC or NFD.
        #expect(try db.findUnits("suoi giang").map(\.id) == [unit])
        #expect(try db.findUnits(nfdName).map(\.id) == [unit])

        let title = "Camera an ninh tho\u{302}n ba\u{309}n"
        let model = try db.addModel(Model(id: 0, unitID: unit, title: title, fieldCode: "defenceSecurity",
                                          description: "Ngu\u{31B}o\u{31B}\u{300}i da\u{302}n go\u{301}p tie\u{302}\u{300}n",
                                          launchedOn: Fixture.day("01/03/2023"))).value
        try db.removeModel(model, on: Fixture.day("01/03/2024"), reason: "Kho\u{302}ng duy tri\u{300}")
        let m = try #require(try db.model(id: model))
        #expect(Fixture.scalars(m.title) == Fixture.scalars("Camera an ninh thôn bản"))
        #expect(Fixture.scalars(m.description) == Fixture.scalars("Người dân góp tiền"))
        #expect(Fixture.scalars(m.removalReason) == Fixture.scalars("Không duy trì"))
        try db.recordEvaluation(Evaluation(modelID: model, year: 2023, effective: true, note: "Hie\u{323}\u{302}u qua\u{309}"))
        #expect(Fixture.scalars(try db.evaluations(model: model).first?.note) == Fixture.scalars("Hiệu quả"))
        try db.recordSurvey(SatisfactionSurvey(unitID: unit, year: 2023, permille: 900, source: "Kha\u{309}o sa\u{301}t"))
        #expect(Fixture.scalars(try db.facts(year: 2023)[unit]?.survey?.source) == Fixture.scalars("Khảo sát"))
    }

    // MARK: CHECK constraints, below the Swift validation

    /// Runs raw SQL through the writer, bypassing the named writes; returns the SQLite error.
    private func rawInsertError(_ db: AppDatabase, _ sql: String, _ arguments: StatementArguments = StatementArguments()) -> DatabaseError? {
        do {
            try db.writer.write { d in try d.execute(sql: sql, arguments: arguments) }
            return nil
        } catch let e as DatabaseError {
            return e
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func checkConstraintsRefuseBadRowsFromRawSQL() throws {
        let s = try setup()
        let counts = try tableCounts(s.db)
        let refused: [(String, String, StatementArguments)] = [
            ("percent 120", "INSERT INTO survey (unit_id, year, permille) VALUES (?, 2023, 1200)", [s.commune]),
            ("negative percent", "INSERT INTO survey (unit_id, year, permille) VALUES (?, 2023, -1)", [s.commune]),
            ("removal without reason", """
                INSERT INTO model (unit_id, kind, title, sort_key, search_key, field_code, launched_on, removed_on)
                VALUES (?, 'collective', 'Tủ sách', 'x', 'tu sach', 'cultureSociety', '2023-01-01', '2024-01-01')
                """, [s.commune]),
            ("removal with a blank reason", """
                UPDATE model SET removed_on = '2024-01-01', removal_reason = '   ' WHERE id = ?
                """, [s.model]),
            ("removed before launched", """
                UPDATE model SET removed_on = '2022-01-01', removal_reason = 'Hình thức' WHERE id = ?
                """, [s.model]),
            ("launched before registered", "UPDATE model SET registered_on = '2024-01-01' WHERE id = ?", [s.model]),
            ("blank title", "UPDATE model SET title = '  ' WHERE id = ?", [s.model]),
            ("unknown model kind", "UPDATE model SET kind = 'group' WHERE id = ?", [s.model]),
            ("negative funds", "UPDATE model SET funds_vnd = -5 WHERE id = ?", [s.model]),
            ("evaluation year 1999", "INSERT INTO evaluation (model_id, year, effective) VALUES (?, 1999, 1)", [s.model]),
            ("effective 2", "INSERT INTO evaluation (model_id, year, effective) VALUES (?, 2023, 2)", [s.model]),
            ("unknown unit kind", "INSERT INTO unit (name, sort_key, search_key, kind) VALUES ('X', 'x', 'x', 'village')", []),
            ("blank unit name", "INSERT INTO unit (name, sort_key, search_key, kind) VALUES (' ', 'x', 'x', 'commune')", []),
            ("valid_to before valid_from", "UPDATE unit SET valid_from = '2020-01-01', valid_to = '2019-01-01' WHERE id = ?", [s.commune]),
            ("merged into itself", "UPDATE unit SET merged_into_id = id WHERE id = ?", [s.commune]),
            ("negative threshold", "UPDATE target SET threshold = -1 WHERE code = 'models'", []),
            ("phase ending before it starts", "UPDATE target SET phase_end = 2020 WHERE code = 'models'", []),
            ("at-risk ratio above 1", "UPDATE target SET at_risk_ratio = 1.5 WHERE code = 'models'", []),
            ("plan adopted = 3", "INSERT INTO plan_adoption (unit_id, year, adopted, disseminated) VALUES (?, 2023, 3, 0)", [s.commune]),
            ("unknown qualifier", "INSERT INTO reported_figure (unit_id, year, scope, count, qualifier) VALUES (?, 2023, 'collective', 5, 'about')", [s.commune]),
            ("negative reported count", "INSERT INTO reported_figure (unit_id, year, scope, count) VALUES (?, 2023, 'collective', -5)", [s.commune]),
            ("unknown field (foreign key)", """
                INSERT INTO model (unit_id, kind, title, sort_key, search_key, field_code) VALUES (?, 'collective', 'T', 't', 't', 'sports')
                """, [s.commune]),
            ("unknown unit (foreign key)", """
                INSERT INTO model (unit_id, kind, title, sort_key, search_key, field_code) VALUES (9999, 'collective', 'T', 't', 't', 'economy')
                """, []),
        ]
        for (label, sql, args) in refused {
            let error = rawInsertError(s.db, sql, args)
            #expect(error?.resultCode == .SQLITE_CONSTRAINT, "\(label): \(String(describing: error))")
        }
        #expect(try tableCounts(s.db) == counts)
        let m = try #require(try s.db.model(id: s.model))
        #expect(m.removedOn == nil && m.registeredOn == Fixture.day("01/02/2023") && m.title == "Hiến đất mở đường")
        // Control: a good raw row goes in.
        #expect(rawInsertError(s.db, "INSERT INTO survey (unit_id, year, permille) VALUES (?, 2023, 1000)", [s.commune]) == nil)
    }
}
