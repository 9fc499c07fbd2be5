import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI
import Testing

/// Movement keys on a list with no rows: issue 7, 1.1 ("Index out of range"
/// in `Update.move`). Every list of every screen is tried.
@Suite("Movement on empty lists")
struct EmptyListTests {
    // `g` is no movement key: it opens the go-to box (GoToTests).
    static let movement: [Key] = [.down, .up, .home, .end, .character("G"), .pageUp, .pageDown,
                                  .character("j"), .character("k"), .mouse(.wheelDown), .mouse(.click(x: 5, y: 6))]

    /// A database with one province and nothing else: every list is empty.
    static func oneUnit() throws -> AppDatabase {
        let db = try AppDatabase.inMemory(officer: "kiểm thử")
        _ = try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Mới", kind: .province))
        return db
    }

    func expectNothingSelected(_ m: Dashboard) {
        #expect(m.state.selectedRow == 0)
    }

    @Test func modelsSearchThatFindsNothingThenEveryMovementKey() throws {
        var m = try Demo.dashboard(screen: .models)
        Demo.press([.character("/")] + Demo.keys("zzzz") + [.enter], on: &m)
        #expect(m.state.screen.models?.page?.total == 0)
        for key in Self.movement {
            Demo.press([key], on: &m)
            expectNothingSelected(m)
            #expect(m.state.screen.models?.detail == nil)
        }
        #expect(Demo.text(m).contains("Mô hình"))
    }

    @Test(arguments: [Screen.overview, .units, .models, .satisfaction, .history])
    func everyScreenOfADatabaseWithOneUnit(_ screen: Screen) throws {
        let db = try Self.oneUnit()
        var m = try Demo.dashboard(screen: screen, db: db)
        for key in Self.movement {
            Demo.press([key], on: &m, db: db)
            expectNothingSelected(m)
        }
    }

    @Test(arguments: [Screen.overview, .units, .models, .satisfaction, .history])
    func everyScreenOfANewDatabase(_ screen: Screen) throws {
        var m = try Demo.dashboard(screen: screen, db: Demo.empty)
        Demo.press([.character("3")] + Self.movement, on: &m, db: Demo.empty)
        expectNothingSelected(m)
    }

    @Test func unitsSearchAndFilterThatLeaveNothing() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        Demo.press([.character("/")] + Demo.keys("zzzz") + [.enter], on: &m)
        #expect(m.state.visibleChildren.isEmpty)
        for key in Self.movement + [.enter] {
            Demo.press([key], on: &m)
            expectNothingSelected(m)
        }
    }

    /// A pick list narrowed to nothing (a filter no unit matches).
    @Test func pickListFilteredToNothing() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, db: db)
        Demo.press([.character("a"), .tab, .tab, .enter], on: &m, db: db)
        #expect(m.state.form?.picking != nil)
        Demo.type("zzzz", on: &m, db: db)
        Demo.press(Self.movement + [.enter], on: &m, db: db)
        #expect(m.state.form?.picking == nil)
        #expect(m.state.form?.choice(.unit) != nil)
    }
}
