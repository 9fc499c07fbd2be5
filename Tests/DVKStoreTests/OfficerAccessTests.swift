import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// Issue 12: officers, roles and scopes, and the lock of an approved year,
/// held by the store itself whatever asks it to write.
@Suite struct OfficerAccessTests {
    struct Setup {
        let admin: AppDatabase, dir: URL, path: String
        let province: OrgUnit.ID, district: OrgUnit.ID, ward: OrgUnit.ID, other: OrgUnit.ID, model: Model.ID
        func open(_ account: String) throws -> AppDatabase { try AppDatabase.open(path: path, officer: account) }
    }

    /// A province, a district with a ward, another commune; an editor of the
    /// ward, an approver of the district, a viewer; the ward's 2025 complete.
    func setup() throws -> Setup {
        let dir = try Fixture.tempDir("dvk-officers")
        let path = dir.appendingPathComponent("shared.sqlite").path
        let admin = try AppDatabase.open(path: path, officer: "quantri", create: true)
        let p = try admin.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province)).value
        let d = try admin.addUnit(OrgUnit(id: 0, name: "Huyện Thử", kind: .district, parentID: p)).value
        let w = try admin.addUnit(OrgUnit(id: 0, name: "Xã Một", kind: .commune, parentID: d)).value
        let o = try admin.addUnit(OrgUnit(id: 0, name: "Xã Hai", kind: .commune, parentID: p)).value
        let m = try admin.addModel(Model(id: 0, unitID: w, title: "Mô hình Xã Một", fieldCode: "economy", launchedOn: Fixture.day("01/03/2025"))).value
        try admin.addOfficer(Officer(name: "Lê Nhập", account: "nhap", role: .editor, scope: w))
        try admin.addOfficer(Officer(name: "Trần Duyệt", account: "duyet", role: .approver, scope: d))
        try admin.addOfficer(Officer(name: "Phạm Xem", account: "xem", role: .viewer))
        return Setup(admin: admin, dir: dir, path: path, province: p, district: d, ward: w, other: o, model: m)
    }

    @Test func theCreatorOfANewDatabaseIsItsAdmin() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        #expect(s.admin.actor.officer == Officer(name: "quantri", account: "quantri", role: .admin))
        #expect(try s.admin.officers().map(\.name) == ["Lê Nhập", "Phạm Xem", "quantri", "Trần Duyệt"])
    }

    @Test func anUnknownAccountIsRefusedAndTold() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let error = #expect(throws: StoreError.self) { try s.open("khach") }
        #expect(error == .refused(.unknownAccount(account: "khach")))
        #expect(error?.message(.vi).contains("dvk officer add") == true)
    }

    @Test func aViewerEntersNothingAndTheMessageNamesTheRole() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let viewer = try s.open("xem")
        let before = try s.admin.count(.model)
        let error = #expect(throws: StoreError.self) {
            try viewer.addModel(Model(id: 0, unitID: s.ward, title: "Không được", fieldCode: "economy"))
        }
        #expect(error?.message(.vi).contains("chỉ xem (viewer)") == true, "\(String(describing: error))")
        #expect(try s.admin.count(.model) == before)
    }

    @Test func anEditorEntersWithinTheirSubtreeOnly() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let editor = try s.open("nhap")
        try editor.recordEvaluation(Evaluation(modelID: s.model, year: 2025, effective: true))
        let error = #expect(throws: StoreError.self) {
            try editor.recordSurvey(SatisfactionSurvey(unitID: s.other, year: 2025, permille: 950))
        }
        #expect(error == .refused(.outsideScope(officer: "Lê Nhập", scope: "Xã Một", unit: "Xã Hai")))
        #expect(#expect(throws: StoreError.self) { try editor.updateTarget(Target.defaults[0]) }
            == .refused(.outsideScope(officer: "Lê Nhập", scope: "Xã Một", unit: nil)))
        #expect(try s.admin.survey(unit: s.other, year: 2025) == nil)
    }

    @Test func onlyAnAdminActsForAnotherOfficer() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let asEditor = try s.admin.acting(for: "Lê Nhập")
        #expect(asEditor.actor.officer.name == "Lê Nhập")
        #expect(asEditor.actor.account == "quantri")
        let error = #expect(throws: StoreError.self) { try AppDatabase.open(path: s.path, officer: "nhap", actingFor: "quantri") }
        #expect(error?.message(.vi).contains("quản trị (admin)") == true)
    }

    @Test func everyAuditRowRecordsTheOfficerAndTheAccount() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        try s.admin.acting(for: "Lê Nhập").recordEvaluation(Evaluation(modelID: s.model, year: 2025, effective: true))
        let row = try #require(try Fixture.sqlite3(s.path, "SELECT officer || '|' || account FROM audit_log ORDER BY id DESC LIMIT 1"))
        #expect(row == "Lê Nhập|quantri")
    }

    @Test func anApprovedYearIsLockedInTheStoreUntilUnlockedWithAReason() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let editor = try s.open("nhap"), approver = try s.open("duyet")
        try editor.recordEvaluation(Evaluation(modelID: s.model, year: 2025, effective: true))
        try editor.takeApprovalStep(.submit, unit: s.ward, year: 2025)
        // The ward's officer cannot approve its own year; the district's can.
        #expect(#expect(throws: StoreError.self) { try editor.takeApprovalStep(.approve, unit: s.ward, year: 2025) }
            == .refused(.roleTooLow(officer: "Lê Nhập", role: .editor, needs: .approver, action: .approve)))
        try approver.takeApprovalStep(.approve, unit: s.ward, year: 2025)
        #expect(try s.admin.approval(unit: s.ward, year: 2025)?.state == .approved)

        // Locked for everyone, the admin included, through any named write.
        for db in [editor, s.admin] {
            let e = #expect(throws: StoreError.self) { try db.recordEvaluation(Evaluation(modelID: s.model, year: 2025, effective: false)) }
            #expect(e == .approval(.locked(unit: "Xã Một", year: 2025)))
        }
        #expect(throws: StoreError.self) { try editor.recordSurvey(SatisfactionSurvey(unitID: s.ward, year: 2025, permille: 900)) }
        // Another year is not locked.
        try editor.recordSurvey(SatisfactionSurvey(unitID: s.ward, year: 2024, permille: 900))

        #expect(#expect(throws: StoreError.self) { try approver.takeApprovalStep(.unlock, unit: s.ward, year: 2025, reason: "  ") }
            == .approval(.reasonMissing))
        try approver.takeApprovalStep(.unlock, unit: s.ward, year: 2025, reason: "Sai số liệu đánh giá")
        let a = try #require(try s.admin.approval(unit: s.ward, year: 2025))
        #expect(a.state == .returned && a.reason == "Sai số liệu đánh giá" && a.decidedBy == "Trần Duyệt")
        try editor.recordEvaluation(Evaluation(modelID: s.model, year: 2025, effective: false))
        #expect(try Fixture.sqlite3(s.path, "SELECT group_concat(action, ',') FROM audit_log WHERE entity = 'approval'") == "submit,approve,unlock")
    }

    @Test func anApprovalIsNeverUndone() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let submitted = try s.admin.takeApprovalStep(.submit, unit: s.ward, year: 2025)
        #expect(throws: StoreError.self) { try s.admin.revert(auditID: submitted, .undo) }
        #expect(try s.admin.approval(unit: s.ward, year: 2025)?.state == .submitted)
    }

    @Test func officersAreManagedByAdminsAndOneAdminAlwaysRemains() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let approver = try s.open("duyet")
        #expect(throws: StoreError.self) { try approver.addOfficer(Officer(name: "X", account: "x", role: .admin)) }
        #expect(#expect(throws: StoreError.self) { try s.admin.removeOfficer(named: "quantri") } == .officer(.lastAdmin))
        #expect(#expect(throws: StoreError.self) { try s.admin.addOfficer(Officer(name: "Y", account: "nhap", role: .viewer)) }
            == .officer(.accountTaken("nhap", by: "Lê Nhập")))
        try s.admin.updateOfficer(Officer(name: "Phạm Xem", account: "xem", role: .editor, scope: s.other))
        try s.open("xem").recordSurvey(SatisfactionSurvey(unitID: s.other, year: 2025, permille: 910))
        try s.admin.removeOfficer(named: "Phạm Xem")
        #expect(throws: StoreError.self) { try s.open("xem") }
    }
}
