import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// A commune divided in 2025: Phường Cống Vị (Hà Nội) went to Phường Ngọc
/// Hà (its default successor) and Phường Giảng Võ. Its records follow the
/// default one on today's map; a model can be moved to the other, audited
/// and undoable, and stays the old ward's on the map of that time.
@Suite struct DividedCommuneTests {
    static let today = MapView.today(Day(year: 2026, month: 12, day: 2)!)

    struct Fixture {
        let db: AppDatabase
        let old: OrgUnit.ID, ngocHa: OrgUnit.ID, giangVo: OrgUnit.ID
        let model: Model.ID
    }

    static func fixture() throws -> Fixture {
        let db = try AppDatabase.inMemory(officer: "kiểm thử")
        _ = try db.loadOfficialMap(try OfficialMap.bundled(), province: "01", path: ":memory:")
        let id = { (ref: String) throws -> OrgUnit.ID in try #require(try db.findUnits(ref).first).id }
        let old = try id("old:00007")
        let m = try db.addModel(Model(id: 0, unitID: old, title: "Tổ dân phố tự quản", fieldCode: "defenceSecurity",
                                      launchedOn: Day(year: 2024, month: 3, day: 1))).value
        try db.recordEvaluation(Evaluation(modelID: m, year: 2024, effective: true))
        return Fixture(db: db, old: old, ngocHa: try id("new:00008"), giangVo: try id("new:00025"), model: m)
    }

    static func effective(_ db: AppDatabase, _ unit: OrgUnit.ID, _ map: MapView) throws -> Int {
        try #require(try Overview.build(from: db, unit: unit, year: 2024, map: map)).unit.models.effective
    }

    @Test func theDefaultSuccessorComesFirst() throws {
        let f = try Self.fixture()
        #expect(try f.db.successors(of: f.old).map(\.name) == ["Phường Ngọc Hà", "Phường Giảng Võ"])
    }

    @Test func aReassignedModelCountsForItsNewSuccessorOnTodaysMapOnly() throws {
        let f = try Self.fixture()
        #expect(try Self.effective(f.db, f.ngocHa, Self.today) == 1)
        #expect(try Self.effective(f.db, f.giangVo, Self.today) == 0)

        let audit = try f.db.reassignModel(f.model, to: f.giangVo)
        #expect(try Self.effective(f.db, f.ngocHa, Self.today) == 0)
        #expect(try Self.effective(f.db, f.giangVo, Self.today) == 1)
        // The map of that time: still the old ward's own.
        #expect(try Self.effective(f.db, f.old, .then) == 1)

        // Audited, and undone as any change is.
        let entry = try #require(try f.db.changeEntries(audit).first)
        #expect(entry.action == "reassign" && entry.entity == "model")
        try f.db.revert(auditID: audit, .undo)
        #expect(try Self.effective(f.db, f.ngocHa, Self.today) == 1)
        #expect(try Self.effective(f.db, f.giangVo, Self.today) == 0)
    }

    @Test func onlyAnotherSuccessorOfItsOwnCommuneIsAccepted() throws {
        let f = try Self.fixture()
        let elsewhere = try #require(try f.db.findUnits("new:00004").first).id
        let error = #expect(throws: StoreError.self) { try f.db.reassignModel(f.model, to: elsewhere) }
        #expect(error?.message(.vi).contains("Phường Giảng Võ") == true)
        // The default successor is not a reassignment: `to: nil` says "back to it",
        // and a change that changes nothing is refused rather than logged.
        #expect(throws: StoreError.self) { try f.db.reassignModel(f.model, to: f.ngocHa) }
        #expect(throws: StoreError.unchanged(what: "mô hình “Tổ dân phố tự quản” đã tính cho Phường Ngọc Hà")) {
            try f.db.reassignModel(f.model, to: nil)
        }
        try f.db.reassignModel(f.model, to: f.giangVo)
        #expect(throws: StoreError.self) { try f.db.reassignModel(f.model, to: f.giangVo) }
        try f.db.reassignModel(f.model, to: nil)
    }
}
