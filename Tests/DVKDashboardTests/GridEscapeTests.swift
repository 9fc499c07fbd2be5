import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI
import Testing

/// Esc always leaves the fast-entry grid: issue 7, section 4. A row in error
/// used to keep the grid open for good (Esc re-saved it and failed again).
@Suite("Leaving the grid")
struct GridEscapeTests {
    func openGrid(_ db: AppDatabase) throws -> Dashboard {
        var m = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, db: db)
        Demo.press([.character("b")], on: &m, db: db)
        #expect(m.state.mode.kind == .grid)
        return m
    }

    /// A title and an impossible launch date, then on to the end of the row: the save fails on the row.
    func typeRowInError(_ title: String, _ m: inout Dashboard, _ db: AppDatabase) {
        Demo.type(title, on: &m, db: db)
        // Back over the field and the unit to the launch date, then Tab to the end of the line.
        Demo.press([.backTab, .backTab, .backTab, .ctrl("u")], on: &m, db: db)
        Demo.type("31/02/2025", on: &m, db: db)
        Demo.press(Array(repeating: .tab, count: GridState.columns), on: &m, db: db)
    }

    @Test func aRowInErrorAsksThenLeaves() throws {
        let db = Demo.fresh()
        var m = try openGrid(db)
        let models = try db.count(.model)
        typeRowInError("Mô hình ngày sai", &m, db)
        #expect(m.state.grid?.rows[0].error?.contains("31/02/2025") == true)
        Demo.press([.escape], on: &m, db: db)
        #expect(m.state.mode.kind == .grid)
        #expect(m.state.grid?.question == .discard)
        #expect(Demo.text(m).contains("Đóng bảng và bỏ 1 dòng chưa lưu?"))
        // While asked, other keys are not typed into the cell.
        Demo.press([.character("q"), .function(10), .tab], on: &m, db: db)
        #expect(m.state.grid?.rows[0].title.text == "Mô hình ngày sai")
        #expect(m.state.grid?.question == .discard)
        // k: back to the grid, the row as it was.
        Demo.press([.character("k")], on: &m, db: db)
        #expect(m.state.grid?.question == nil)
        #expect(m.state.grid?.rows[0].title.text == "Mô hình ngày sai")
        // Esc on the question only closes the question; Esc then c leaves.
        Demo.press([.escape, .escape], on: &m, db: db)
        #expect(m.state.grid?.question == nil && m.state.mode.kind == .grid)
        Demo.press([.escape, .character("c")], on: &m, db: db)
        #expect(m.state.mode == .normal)
        #expect(m.state.grid == nil)
        #expect(try db.count(.model) == models)
        #expect(!Demo.text(m).contains("Nhập nhanh: Xã Suối Giàng"))
    }

    @Test func aValidRowIsSavedAndTheGridClosesWithOneEsc() throws {
        let db = Demo.fresh()
        var m = try openGrid(db)
        let models = try db.count(.model)
        Demo.type("Mô hình lưu khi đóng", on: &m, db: db)
        Demo.press([.escape], on: &m, db: db)
        #expect(m.state.mode == .normal)
        #expect(m.state.grid == nil)
        #expect(try db.count(.model) == models + 1)
        #expect(m.state.notice?.text == "Đã lưu. (u: hoàn tác)")
        #expect(!m.state.undoStack.isEmpty)
    }

    @Test func anUntouchedGridClosesAtOnce() throws {
        let db = Demo.fresh()
        var m = try openGrid(db)
        Demo.press([.escape], on: &m, db: db)
        #expect(m.state.mode == .normal && m.state.grid == nil)
    }

    /// A row left in error above counts too, while the row being typed is blank.
    @Test func anEarlierRowInErrorIsNotDroppedSilently() throws {
        let db = Demo.fresh()
        var m = try openGrid(db)
        Demo.type("Dòng một", on: &m, db: db)
        Demo.press([.tab, .tab, .tab], on: &m, db: db)
        #expect(m.state.grid?.row == 1)
        Demo.press([.up, .backTab, .backTab, .backTab, .ctrl("u")], on: &m, db: db)
        Demo.type("31/02/2025", on: &m, db: db)
        Demo.press([.down], on: &m, db: db)
        #expect(m.state.grid?.row == 1)
        #expect(m.state.grid?.rows[0].error != nil)
        Demo.press([.escape], on: &m, db: db)
        #expect(m.state.grid?.question == .discard)
        Demo.press([.character("c")], on: &m, db: db)
        #expect(m.state.mode == .normal)
    }

    @Test func theQuestionIsInEnglishToo() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, lang: .en, db: db)
        Demo.press([.character("b")], on: &m, db: db)
        typeRowInError("Bad date", &m, db)
        Demo.press([.escape], on: &m, db: db)
        #expect(Demo.text(m).contains("Close and discard 1 unsaved row?"))
    }
}
