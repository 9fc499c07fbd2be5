import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI
import Testing

/// Issue 12 in the dashboard: keys offered by role, another officer's save
/// shown in place, and a form that will not overwrite a record changed
/// since it opened.
@Suite("Officers in the dashboard")
struct OfficerDashboardTests {
    func dashboard(_ db: AppDatabase, role: OfficerRole, screen: Screen = .units, unit: String = "Huyện Văn Chấn") throws -> Dashboard {
        var m = try Demo.dashboard(unit: unit, screen: screen, size: Size(width: 120, height: 32), db: db)
        m.state.officerRole = role
        return m
    }

    func keyBar(_ m: Dashboard) -> String { Demo.text(m).split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? "" }

    @Test func aViewerIsOfferedNoEntryKeyAndTheKeySaysWhy() throws {
        let db = Demo.fresh()
        var m = try dashboard(db, role: .viewer)
        let bar = keyBar(m)
        #expect(bar.contains("Thoát") && !bar.contains("a Thêm") && !bar.contains("N Nộp") && !bar.contains("D Duyệt"), "\(bar)")
        let before = try db.count(.unit)
        Demo.press([.character("a")], on: &m, db: db)
        #expect(m.state.form == nil)
        #expect(m.state.notice?.text.contains("chỉ xem (viewer)") == true, "\(String(describing: m.state.notice))")
        #expect(try db.count(.unit) == before)
        Demo.press([.character("?")], on: &m, db: db)
        #expect(Demo.text(m).contains("(vai trò chỉ xem)"))
    }

    @Test func anEditorSubmitsButIsNotOfferedApproval() throws {
        let db = Demo.fresh()
        var m = try dashboard(db, role: .editor)
        let bar = keyBar(m)
        #expect(bar.contains("N Nộp") && !bar.contains("D Duyệt"), "\(bar)")
        Demo.press([.character("D")], on: &m, db: db)
        #expect(m.state.notice?.text.contains("duyệt (approver)") == true, "\(String(describing: m.state.notice))")
        #expect(try db.approvals(year: 2025).isEmpty)
    }

    @Test func anotherOfficersSaveShowsInPlaceOnTheSameRow() throws {
        let db = Demo.fresh()
        var m = try dashboard(db, role: .viewer)
        Demo.press([.down, .down, .down], on: &m, db: db)
        let row = m.state.screen
        let unit = try #require(m.state.overview?.children.first { $0.unit.name == "Thị trấn Sơn Thịnh" }?.unit.id)
        // Another officer's dashboard: the same store, another connection in real life.
        try db.takeApprovalStep(.submit, unit: unit, year: 2025)
        #expect(!Demo.text(m).contains("… đã nộp"))
        Program<Dashboard>.send(.storeChanged, to: &m, perform: Demo.runner(db).perform)
        #expect(Demo.text(m).split(separator: "\n").contains { $0.hasPrefix("Thị trấn Sơn Thịnh") && $0.contains("… đã nộp") })
        #expect(m.state.screen == row, "the screen, row and sort are kept")
    }

    @Test func aFormOpenedBeforeAnotherOfficersSaveDoesNotOverwriteIt() throws {
        let db = Demo.fresh()
        var m = try dashboard(db, role: .admin, screen: .units, unit: "Huyện Văn Chấn")
        // The survey form of the selected unit (Thị trấn Nông trường Liên Sơn), opened now.
        Demo.press([.character("y")], on: &m, db: db)
        let form = try #require(m.state.form)
        let unit = try #require(m.state.overview?.children.first?.unit.id)
        // Meanwhile another officer records the same survey.
        let other = try db.acting(for: db.officer)
        try other.recordSurvey(SatisfactionSurvey(unitID: unit, year: 2025, permille: 880))
        #expect(form.basis != nil)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.form != nil, "the form stays open, with what was typed")
        #expect(m.state.notice?.text.contains("sau khi bạn mở biểu mẫu") == true, "\(String(describing: m.state.notice))")
        #expect(try db.survey(unit: unit, year: 2025)?.permille == 880, "the other officer's figure was overwritten")
        // F2 again overwrites, on purpose.
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.form == nil)
        #expect(try db.survey(unit: unit, year: 2025)?.permille != 880)
    }
}
