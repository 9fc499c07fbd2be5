import DVKCore
import Foundation
import GRDB
import Testing
@testable import DVKStore

/// Issue 8: every named write goes through one audited helper and hands back
/// the id of the audit row it wrote, so undo never asks "what was the last
/// write?" of a connection another dashboard may share.
@Suite struct AuditedWriteTests {
    /// A province, a commune and one launched model.
    private struct Setup {
        let db: AppDatabase
        let province: OrgUnit.ID
        let commune: OrgUnit.ID
        let model: Model.ID
    }

    private func setup(_ db: AppDatabase? = nil) throws -> Setup {
        let db = try db ?? AppDatabase.inMemory(officer: "Cán bộ Thử")
        let province = try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province)).value
        let commune = try db.addUnit(OrgUnit(id: 0, name: "Xã Thử", kind: .commune, parentID: province)).value
        let model = try db.addModel(Model(id: 0, unitID: commune, title: "Tổ tự quản", fieldCode: "economy",
                                          registeredOn: Fixture.day("01/02/2023"), launchedOn: Fixture.day("15/03/2023"))).value
        return Setup(db: db, province: province, commune: commune, model: model)
    }

    /// One field of an audit image as text (nil: no image, or the field is null).
    private func field(_ json: String?, _ name: String) -> String? {
        switch Fixture.json(json)?[name] {
        case let n as NSNumber: n.stringValue
        case let s as String: s
        default: nil
        }
    }

    /// Runs `write` and checks it added exactly one audit row, that the id it
    /// returned is that row's, and what the row says about `name`.
    @discardableResult
    private func expectAudited(_ db: AppDatabase, entity: String, entityID: String? = nil, action: String,
                               _ name: String, from old: String?, to new: String?,
                               sourceLocation: SourceLocation = #_sourceLocation,
                               _ write: () throws -> AuditID) throws -> AuditEntry {
        let count = try db.count(.audit_log)
        let id = try write()
        #expect(try db.count(.audit_log) == count + 1, "one audit row per write", sourceLocation: sourceLocation)
        let row = try #require(try db.auditLog(limit: 1).first, sourceLocation: sourceLocation)
        #expect(row.id == id, "the write returned another row's id", sourceLocation: sourceLocation)
        #expect(row.entity == entity && row.action == action, "\(row.entity) \(row.action)", sourceLocation: sourceLocation)
        if let entityID { #expect(row.entityID == entityID, sourceLocation: sourceLocation) }
        #expect(row.officer == db.officer, sourceLocation: sourceLocation)
        #expect(field(row.beforeJSON, name) == old, "before", sourceLocation: sourceLocation)
        #expect(field(row.afterJSON, name) == new, "after", sourceLocation: sourceLocation)
        return row
    }

    /// Every row of every table, to prove a refused write changed nothing.
    private func everything(_ db: AppDatabase) throws -> [String: [String]] {
        try db.read { d in
            var out: [String: [String]] = [:]
            for t in StoreTable.allCases.map(\.rawValue) + ["meta", "unit_year_count"] {
                out[t] = try Row.fetchAll(d, sql: "SELECT * FROM \(t)").map(\.description).sorted()
            }
            return out
        }
    }

    @Test func everyNamedWriteReturnsTheIdOfTheAuditRowItWrote() throws {
        let s = try setup()
        let db = s.db
        var unit: OrgUnit.ID = 0
        try expectAudited(db, entity: "unit", action: "add", "name", from: nil, to: "Xã Mới") {
            let added = try db.addUnit(OrgUnit(id: 0, name: "Xã Mới", kind: .commune, parentID: s.province))
            unit = added.value
            return added.auditID
        }
        try expectAudited(db, entity: "unit", entityID: "\(unit)", action: "update", "name", from: "Xã Mới", to: "Xã Mới Đổi") {
            try db.renameUnit(unit, to: "Xã Mới Đổi")
        }
        try expectAudited(db, entity: "unit", entityID: "\(unit)", action: "move", "parent_id", from: "\(s.province)", to: nil) {
            try db.moveUnit(unit, under: nil)
        }
        try expectAudited(db, entity: "unit", entityID: "\(unit)", action: "merge", "merged_into_id", from: nil, to: "\(s.commune)") {
            try db.mergeUnit(unit, into: s.commune, lastDay: Fixture.day("30/06/2025"))
        }
        var model: Model.ID = 0
        try expectAudited(db, entity: "model", action: "add", "title", from: nil, to: "Mô hình mới") {
            let added = try db.addModel(Model(id: 0, unitID: s.commune, title: "Mô hình mới", fieldCode: "cultureSociety"))
            model = added.value
            return added.auditID
        }
        var m = try #require(try db.model(id: model))
        m.title = "Mô hình đã sửa"
        try expectAudited(db, entity: "model", entityID: "\(model)", action: "update", "title", from: "Mô hình mới", to: "Mô hình đã sửa") {
            try db.updateModel(m)
        }
        try expectAudited(db, entity: "model", entityID: "\(model)", action: "update", "removed_on", from: nil, to: "2024-06-30") {
            try db.removeModel(model, on: Fixture.day("30/06/2024"), reason: "Không duy trì")
        }
        try expectAudited(db, entity: "evaluation", entityID: "\(s.model)/2023", action: "add", "effective", from: nil, to: "1") {
            try db.recordEvaluation(Evaluation(modelID: s.model, year: 2023, effective: true))
        }
        try expectAudited(db, entity: "evaluation", entityID: "\(s.model)/2023", action: "update", "effective", from: "1", to: "0") {
            try db.recordEvaluation(Evaluation(modelID: s.model, year: 2023, effective: false))
        }
        try expectAudited(db, entity: "survey", entityID: "\(s.commune)/2023", action: "add", "permille", from: nil, to: "925") {
            try db.recordSurvey(SatisfactionSurvey(unitID: s.commune, year: 2023, permille: 925))
        }
        try expectAudited(db, entity: "plan_adoption", entityID: "\(s.commune)/2024", action: "add", "adopted", from: nil, to: "1") {
            try db.recordPlan(PlanAdoption(unitID: s.commune, year: 2024, adopted: true, disseminated: false))
        }
        try expectAudited(db, entity: "recognition", action: "add", "decision_number", from: nil, to: "12/QĐ") {
            let added = try db.addRecognition(Recognition(modelID: s.model, level: .commune, decisionNumber: "12/QĐ",
                                                          decidedOn: Fixture.day("01/12/2023")))
            #expect(try db.auditLog(limit: 1).first?.entityID == "\(added.value)")
            return added.auditID
        }
        try expectAudited(db, entity: "award", action: "add", "recipient", from: nil, to: "Tổ tự quản") {
            try db.addAward(Award(kind: .commendation, issuer: "UBND xã", decisionNumber: "5/QĐ",
                                  decidedOn: Fixture.day("01/12/2023"), recipient: "Tổ tự quản", modelID: s.model)).auditID
        }
        var target = try #require(try db.targets().first { $0.code == "models" })
        target.threshold = 12
        try expectAudited(db, entity: "target", entityID: "models", action: "update", "threshold", from: "10", to: "12") {
            try db.updateTarget(target)
        }
        try expectAudited(db, entity: "meta", entityID: "home_unit", action: "add", "value", from: nil, to: "\(s.commune)") {
            try db.setSetting(.homeUnit, "\(s.commune)")
        }
        try expectAudited(db, entity: "meta", entityID: "home_unit", action: "update", "value", from: "\(s.commune)", to: "\(s.province)") {
            try db.setSetting(.homeUnit, "\(s.province)")
        }
    }

    /// The placement rules hold in the store, whatever path asks (issue 9, section 1).
    @Test func theStoreRefusesACommuneUnderAHospitalAndAMergerAcrossLevels() throws {
        let s = try setup()
        let agency = try s.db.addUnit(OrgUnit(id: 0, name: "Sở Y tế", kind: .agency, parentID: s.province)).value
        let hospital = try s.db.addUnit(OrgUnit(id: 0, name: "Bệnh viện Đa khoa tỉnh", kind: .publicService, parentID: agency)).value
        let audits = try s.db.count(.audit_log)
        let underHospital = #expect(throws: StoreError.self) { try s.db.moveUnit(s.commune, under: hospital) }
        #expect(underHospital?.message(.vi).contains("Không thể đặt xã dưới “Bệnh viện Đa khoa tỉnh”") == true)
        let intoProvince = #expect(throws: StoreError.self) {
            try s.db.mergeUnit(s.commune, into: s.province, lastDay: Fixture.day("30/06/2025"))
        }
        #expect(intoProvince?.message(.vi).contains("Chỉ sáp nhập vào đơn vị cùng cấp") == true)
        let added = #expect(throws: StoreError.self) {
            try s.db.addUnit(OrgUnit(id: 0, name: "Xã Dưới Bệnh Viện", kind: .commune, parentID: hospital))
        }
        #expect(added?.message(.vi).contains("Không thể đặt xã dưới") == true)
        #expect(try s.db.count(.audit_log) == audits)
        #expect(try s.db.allUnits().first { $0.id == s.commune }?.parentID != hospital)
    }

    /// An undone addition still has its name in the history: read from the log's image.
    @Test func anUndoneModelKeepsItsTitleInTheHistory() throws {
        let s = try setup()
        let added = try s.db.addModel(Model(id: 0, unitID: s.commune, title: "Mô hình sẽ hoàn tác", fieldCode: "economy"))
        try s.db.revert(auditID: added.auditID, .undo)
        #expect(try s.db.model(id: added.value) == nil)
        #expect(try s.db.modelTitles(ids: [added.value])[added.value]?.title == "Mô hình sẽ hoàn tác")
        #expect(try s.db.auditLog(limit: 5).first { $0.id == added.auditID }?.isUndone == true)
    }

    @Test func refusedWritesLeaveNoAuditRowAndNoChange() throws {
        let s = try setup()
        let district = try s.db.addUnit(OrgUnit(id: 0, name: "Huyện Thử", kind: .district, parentID: s.province)).value
        let commune = try s.db.addUnit(OrgUnit(id: 0, name: "Xã Con", kind: .commune, parentID: district)).value
        let state = try everything(s.db)
        // Refused after the change ran: the UPDATE rolls back with its audit row.
        #expect(throws: StoreError.self) { try s.db.mergeUnit(district, into: commune, lastDay: Fixture.day("30/06/2025")) }
        #expect(throws: StoreError.self) { try s.db.moveUnit(district, under: commune) }
        // Refused because the record is not there.
        let missing = #expect(throws: StoreError.self) { try s.db.renameUnit(9_999, to: "Không có") }
        #expect(missing == .notFound(what: "đơn vị #9999"))
        var ghost = try #require(try s.db.model(id: s.model))
        ghost.id = 9_999
        let noModel = #expect(throws: StoreError.self) { try s.db.updateModel(ghost) }
        #expect(noModel == .notFound(what: "mô hình #9999"))
        #expect(throws: StoreError.self) { try s.db.recordEvaluation(Evaluation(modelID: 9_999, year: 2023, effective: true)) }
        #expect(throws: StoreError.self) {
            try s.db.addRecognition(Recognition(modelID: 9_999, level: .commune, decisionNumber: "1", decidedOn: nil))
        }
        // Refused by validation before the transaction.
        #expect(throws: StoreError.self) { try s.db.recordSurvey(SatisfactionSurvey(unitID: s.commune, year: 2023, permille: 1200)) }
        #expect(try everything(s.db) == state)
    }

    @Test func twoWritesReturnTwoDistinctIncreasingIds() throws {
        let s = try setup()
        let first = try s.db.recordSurvey(SatisfactionSurvey(unitID: s.commune, year: 2023, permille: 900))
        let second = try s.db.recordSurvey(SatisfactionSurvey(unitID: s.commune, year: 2023, permille: 950))
        #expect(first < second)
        let log = try s.db.auditLog(limit: 2)
        #expect(log.map(\.id) == [second, first])
        #expect(log[0].beforeJSON == log[1].afterJSON, "the second write's before is the first one's after")
    }

    /// The id comes from the write itself, so two dashboards on one file each
    /// get their own change back however their writes interleave.
    @Test func eachConnectionGetsItsOwnChangeBack() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("shared.sqlite").path
        let a = try AppDatabase.open(path: path, officer: "Cán bộ A", create: true)
        try a.addOfficer(Officer(name: "Cán bộ B", account: "Cán bộ B", role: .editor))
        let b = try AppDatabase.open(path: path, officer: "Cán bộ B")
        let s = try setup(a)
        let byA = try a.renameUnit(s.commune, to: "Xã của A")
        let byB = try b.renameUnit(s.province, to: "Tỉnh của B")
        let log = try a.auditLog(limit: 2)
        #expect(log.map(\.id) == [byB, byA])
        #expect(log.map(\.officer) == ["Cán bộ B", "Cán bộ A"])
        try a.revert(auditID: byA, .undo)
        #expect(try a.unit(id: s.commune)?.name == "Xã Thử")
        #expect(try a.unit(id: s.province)?.name == "Tỉnh của B")
    }

    @Test func undoAndRedoReturnTheirOwnAuditRows() throws {
        let s = try setup()
        let change = try s.db.renameUnit(s.commune, to: "Xã Đổi Tên")
        let undo = try s.db.revert(auditID: change, .undo)
        #expect(undo > change)
        let undoRow = try #require(try s.db.auditLog(limit: 1).first)
        #expect(undoRow.id == undo && undoRow.action == "undo:\(change)" && undoRow.entityID == "\(s.commune)")
        #expect(field(undoRow.beforeJSON, "name") == "Xã Đổi Tên" && field(undoRow.afterJSON, "name") == "Xã Thử")
        let redo = try s.db.revert(auditID: change, .redo)
        #expect(redo > undo)
        #expect(try s.db.unit(id: s.commune)?.name == "Xã Đổi Tên")
        // Undoing an addition deletes the row; its after image stays in the log.
        let added = try s.db.addUnit(OrgUnit(id: 0, name: "Xã Tạm", kind: .commune, parentID: s.province))
        let removed = try s.db.revert(auditID: added.auditID, .undo)
        #expect(try s.db.unit(id: added.value) == nil)
        let row = try #require(try s.db.auditLog(limit: 1).first)
        #expect(row.id == removed && row.afterJSON == nil && field(row.beforeJSON, "name") == "Xã Tạm")
    }
}
