import DVKApp
import DVKCore
import DVKDashboard
import SnapshotTesting
import TerminalUI
import Testing

/// Golden screens on the demo data: the plain text (what is printed) and the
/// style roles (what colours say). A change here is a change officers see.
@Suite("Golden screens")
struct GoldenScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    func golden(_ model: Dashboard, _ name: String, file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        let buffer = View.render(model.state)
        let test = String(testName.prefix { $0 != "(" })
        assertSnapshot(of: PlainTextRenderer.render(buffer) + "\n", as: .lines, named: name, file: file, testName: test, line: line)
        assertSnapshot(of: RoleRenderer.render(buffer) + "\n", as: .lines, named: name + "-roles", file: file, testName: test, line: line)
    }

    @Test(arguments: Screen.allCases)
    func provinceScreens(_ screen: Screen) throws {
        for size in Self.sizes {
            golden(try Demo.dashboard(screen: screen, size: size), "\(screen.slug)-\(size.width)x\(size.height)")
        }
    }

    @Test func drillDownPath() throws {
        // Province › Units › Enter on Huyện Văn Chấn › find Suối Giàng › Enter › Models.
        var model = try Demo.dashboard(screen: .units)
        Demo.press([.enter], on: &model)
        golden(model, "1-van-chan-units")
        Demo.press([.character("/")] + Demo.keys("suoi giang") + [.enter], on: &model)
        golden(model, "2-van-chan-search")
        Demo.press([.enter], on: &model)
        golden(model, "3-suoi-giang-overview")
        Demo.press([.character("3")], on: &model)
        golden(model, "4-suoi-giang-models")
    }

    @Test func emptyDatabase() throws {
        // A new database has the default targets and no units: the officer is told what to do.
        let model = try Demo.dashboard(year: 2025, db: Demo.empty)
        #expect(model.state.isEmptyDatabase)
        golden(model, "empty-80x24")
    }

    @Test func helpOverlay() throws {
        var model = try Demo.dashboard(size: Size(width: 80, height: 24))
        Demo.press([.character("?")], on: &model)
        golden(model, "help-80x24")
    }

    @Test func tooSmallTerminalSaysSo() throws {
        let model = try Demo.dashboard(size: Size(width: 60, height: 20))
        golden(model, "too-small-60x20")
    }

    @Test func englishOverview() throws {
        golden(try Demo.dashboard(size: Size(width: 100, height: 30), lang: .en), "overview-en-100x30")
    }
}
