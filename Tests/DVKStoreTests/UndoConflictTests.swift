import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// Issue 7, 4.4: undo in one dashboard must not revert another dashboard's
/// later edit of the same record.
@Suite struct UndoConflictTests {
    /// Two connections to one file, as two officers' dashboards.
    /// The model is added by A; `added` is the audit row of that addition.
    private func twoOfficers() throws -> (AppDatabase, AppDatabase, Model, URL, added: AuditID) {
        let dir = try Fixture.tempDir()
        let path = dir.appendingPathComponent("shared.sqlite").path
        let a = try AppDatabase.open(path: path, officer: "Cán bộ A", create: true)
        try a.addOfficer(Officer(name: "Cán bộ B", account: "Cán bộ B", role: .editor))
        let b = try AppDatabase.open(path: path, officer: "Cán bộ B")
        let p = try a.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province)).value
        let c = try a.addUnit(OrgUnit(id: 0, name: "Xã Thử", kind: .commune, parentID: p)).value
        let added = try a.addModel(Model(id: 0, unitID: c, kind: .collective, title: "Tên cũ", fieldCode: "economy",
                                         description: "Mô tả cũ", launchedOn: Fixture.day("01/03/2025")))
        return (a, b, try #require(try a.model(id: added.value)), dir, added.auditID)
    }

    @Test func undoRestoresOnlyTheFieldsItsOwnChangeTouched() throws {
        let (a, b, model, dir, _) = try twoOfficers()
        defer { Fixture.removeTree(dir) }
        var byA = model
        byA.title = "Tên mới của A"
        let aChange = try a.updateModel(byA)
        var byB = try #require(try b.model(id: model.id))
        byB.description = "Mô tả mới của B"
        try b.updateModel(byB)

        try a.revert(auditID: aChange, .undo)
        let now = try #require(try a.model(id: model.id))
        #expect(now.title == "Tên cũ")
        #expect(now.description == "Mô tả mới của B", "A's undo threw away B's later edit")
    }

    @Test func undoIsRefusedWhenSomeoneChangedTheSameFieldSince() throws {
        let (a, b, model, dir, _) = try twoOfficers()
        defer { Fixture.removeTree(dir) }
        var byA = model
        byA.title = "Tên mới của A"
        let aChange = try a.updateModel(byA)
        var byB = try #require(try b.model(id: model.id))
        byB.title = "Tên mới của B"
        try b.updateModel(byB)

        let error = #expect(throws: StoreError.self) { try a.revert(auditID: aChange, .undo) }
        let message = error?.message(.vi) ?? ""
        #expect(message.contains("Không hoàn tác được"), "\(message)")
        #expect(message.contains("tên mô hình"), "\(message)")
        #expect(message.contains("Cán bộ B"), "\(message)")
        #expect(try a.model(id: model.id)?.title == "Tên mới của B")
    }

    @Test func undoingAnAdditionIsRefusedOnceSomeoneEditedIt() throws {
        let (a, b, model, dir, added) = try twoOfficers()
        defer { Fixture.removeTree(dir) }
        var byB = try #require(try b.model(id: model.id))
        byB.goals = "Mục tiêu của B"
        try b.updateModel(byB)
        #expect(throws: StoreError.self) { try a.revert(auditID: added, .undo) }
        #expect(try a.model(id: model.id) != nil)
    }
}
