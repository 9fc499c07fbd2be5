import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import SnapshotTesting
import TerminalUI
import Testing

/// The go-to box (`g`, `:`): any unit of the database by name, and the
/// Models screen's search widened to the whole database (`d`). Driven by
/// keys against the demo, as an officer would.
@Suite("Go to a unit")
struct GoToTests {
    func candidates(_ m: Dashboard) -> [String] { m.state.goTo?.candidates?.map(\.unit.name) ?? [] }

    @Test func gOpensTheBoxOnTheTopUnitsOfEveryRoot() throws {
        var m = try Demo.dashboard()
        Demo.press([.character("g")], on: &m)
        #expect(m.state.mode.kind == .goTo)
        // The home province is not the only root: Hà Nam and Bình Thuận are a key away.
        #expect(candidates(m) == ["Tỉnh Bình Thuận", "Tỉnh Hà Nam", "Tỉnh Yên Bái"])
        #expect(Demo.text(m).contains("Đi đến đơn vị"))
        #expect(m.cursor != nil)
    }

    @Test func colonOpensItTooAndEscClosesWithoutMoving() throws {
        var m = try Demo.dashboard(screen: .units)
        let before = m.state.location
        Demo.press([.character(":")] + Demo.keys("suoi") + [.escape], on: &m)
        #expect(m.state.mode == .normal)
        #expect(m.state.location == before)
        #expect(m.state.backStack.isEmpty)
        #expect(m.state.currentScreen == .units)
    }

    @Test func typingWithoutToneMarksFindsAndEnterGoesThereAndBackReturns() throws {
        var m = try Demo.dashboard()
        let home = m.state.location
        Demo.press([.character("g")] + Demo.keys("suoi giang"), on: &m)
        #expect(candidates(m).first == "Xã Suối Giàng")
        #expect(m.state.goTo?.candidates?.first?.parentName == "Huyện Văn Chấn")
        Demo.press([.enter], on: &m)
        #expect(m.state.mode == .normal)
        #expect(m.state.overview?.unit.unit.name == "Xã Suối Giàng")
        #expect(m.state.backStack.count == 1)
        Demo.press([.backspace], on: &m)
        #expect(m.state.location == home)
        #expect(m.state.overview?.unit.unit.name == "Tỉnh Yên Bái")
    }

    @Test func anotherRootIsReachable() throws {
        var m = try Demo.dashboard()
        Demo.press([.character("g")] + Demo.keys("ha nam") + [.enter], on: &m)
        #expect(m.state.overview?.unit.unit.name == "Tỉnh Hà Nam")
        #expect(Demo.text(m).contains("Tỉnh Hà Nam"))
    }

    @Test func arrowsChooseBackspaceEditsAndLettersDoNotLeakToTheScreen() throws {
        var m = try Demo.dashboard(screen: .units)
        // `q` and `2` are letters of a name here, not Quit and a screen.
        Demo.press([.character("g")] + Demo.keys("q2"), on: &m)
        #expect(!m.state.isFinished)
        #expect(m.state.goTo?.text == "q2")
        #expect(candidates(m).isEmpty)
        #expect(Demo.text(m).contains("Không có đơn vị nào có tên như vậy."))
        Demo.press([.backspace, .backspace], on: &m)
        #expect(m.state.goTo?.text == "")
        #expect(candidates(m).count == 3)
        Demo.press([.down, .down, .down], on: &m)
        #expect(m.state.goTo?.selected == 2)
        Demo.press([.up], on: &m)
        #expect(m.state.goTo?.chosen?.unit.name == "Tỉnh Hà Nam")
        // The screen under the box kept its own selection.
        #expect(m.state.selectedRow == 0)
    }

    @Test func anAnswerForOlderTypingIsDropped() throws {
        var m = try Demo.dashboard()
        Demo.press([.character("g")] + Demo.keys("van chan"), on: &m)
        let shown = candidates(m)
        _ = m.update(.unitsFound(text: "van", []))
        #expect(candidates(m) == shown)
        #expect(shown.first == "Huyện Văn Chấn")
    }

    @Test func aMergedUnitSaysWhatItBecameAndOpensAsIt() throws {
        var m = try Demo.dashboard()
        Demo.press([.character("g")] + Demo.keys("nam muoi"), on: &m)
        #expect(candidates(m) == ["Xã Nậm Mười"])
        #expect(Demo.text(m).contains("→ Xã Sùng Đô"))
        Demo.press([.enter], on: &m)
        // Merged at the end of 2023: in 2025 its successor carries it on.
        #expect(m.state.overview?.unit.unit.name == "Xã Sùng Đô")
        #expect(m.state.backStack.count == 1)
    }

    @Test func theKeyTablesSayWhatTheKeysDo() throws {
        var m = try Demo.dashboard(screen: .units)
        let normal = Keys.table(m.state)
        #expect(normal.action(for: .character("g")) == .openGoTo)
        #expect(normal.action(for: .character(":")) == .openGoTo)
        #expect(normal.action(for: .home) == .top)
        #expect(normal.helpEntries.contains { $0.keys == "g :" })
        Demo.press([.character("g")], on: &m)
        let box = Keys.table(m.state)
        #expect(box.action(for: .enter) == .chooseUnit)
        #expect(box.action(for: .escape) == .closeOverlay)
        #expect(box.action(for: .character("g")) == nil)
        #expect(box.keyBarHints.map(\.label).contains("Đi đến"))
    }

    @Test func modelsSearchTheWholeDatabaseWithD() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .models)
        let here = try #require(m.state.screen.models?.page?.total)
        #expect(Keys.table(m.state).action(for: .character("d")) == .toggleScope)
        #expect(Keys.table(m.state).keyBarHints.contains { $0.key == "d" })
        #expect(Demo.text(m).contains("trong [d]: Huyện Văn Chấn"))
        Demo.press([.character("d")], on: &m)
        let everywhere = try #require(m.state.screen.models?.page?.total)
        #expect(everywhere > here)
        #expect(Demo.text(m).contains("trong [d]: cả cơ sở dữ liệu"))
        // Still the whole database after going elsewhere; `d` again narrows back.
        Demo.press([.character("g")] + Demo.keys("suoi giang") + [.enter], on: &m)
        #expect(m.state.screen.models?.wholeDatabase == true)
        #expect(m.state.screen.models?.page?.total == everywhere)
        Demo.press([.character("d")], on: &m)
        #expect(try #require(m.state.screen.models?.page?.total) < here)
    }

    @Test func goldenBox() throws {
        var m = try Demo.dashboard(screen: .units)
        Demo.press([.character("g")] + Demo.keys("nam"), on: &m)
        let buffer = View.render(m.state)
        assertSnapshot(of: PlainTextRenderer.render(buffer) + "\n", as: .lines, named: "go-to-nam-80x24")
        assertSnapshot(of: RoleRenderer.render(buffer) + "\n", as: .lines, named: "go-to-nam-80x24-roles")
        var wide = try Demo.dashboard(screen: .units, size: Size(width: 120, height: 30))
        Demo.press([.character(":")] + Demo.keys("van chan"), on: &wide)
        assertSnapshot(of: PlainTextRenderer.render(View.render(wide.state)) + "\n", as: .lines, named: "go-to-van-chan-120x30")
    }
}
