import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
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

    // The history screen shows clock times and is checked by content in EntryTests.
    @Test(arguments: [Screen.overview, .units, .models, .satisfaction])
    func provinceScreens(_ screen: Screen) throws {
        for size in Self.sizes {
            golden(try Demo.dashboard(screen: screen, size: size), "\(screen.slug)-\(size.width)x\(size.height)")
        }
    }

    /// Tình hình báo cáo: the province in 2025, then Văn Chấn filtered to the
    /// units still missing a report (Nậm Lành's evaluations, a mass
    /// organisation that sent nothing), in both widths.
    @Test func completeness() throws {
        for size in Self.sizes {
            golden(try Demo.dashboard(screen: .completeness, size: size), "province-\(size.width)x\(size.height)")
            var district = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .completeness, size: size)
            golden(district, "van-chan-\(size.width)x\(size.height)")
            Demo.press([.character("f")], on: &district)
            golden(district, "van-chan-incomplete-\(size.width)x\(size.height)")
        }
        var silent = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .completeness)
        Demo.press([.character("f"), .character("f")], on: &silent)
        golden(silent, "van-chan-silent-80x24")
    }

    @Test func reportSettingsForm() throws {
        let db = Demo.fresh()
        var model = try Demo.dashboard(size: Size(width: 100, height: 30), db: db)
        Demo.press([.character("S")], on: &model, db: db)
        golden(model, "report-settings-100x30")
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

    @Test func unitsHelpIsThatScreensKeys() throws {
        var model = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, size: Size(width: 100, height: 40))
        Demo.press([.character("?")], on: &model)
        golden(model, "units-help-100x40")
    }

    @Test func emptyDatabaseAddForm() throws {
        let db = try AppDatabase.inMemory(officer: "kiểm thử")
        var model = try Demo.dashboard(db: db)
        golden(model, "empty-keys-80x24")
        Demo.press([.character("a")], on: &model, db: db)
        golden(model, "empty-add-unit-80x24")
    }

    @Test func englishUnits() throws {
        golden(try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, lang: .en), "units-en-80x24")
    }

    @Test func alertsScrolled() throws {
        var model = try Demo.dashboard(size: Size(width: 100, height: 30))
        Demo.press([.end], on: &model)
        golden(model, "overview-alerts-end-100x30")
    }

    @Test func tooSmallTerminalSaysSo() throws {
        let model = try Demo.dashboard(size: Size(width: 60, height: 20))
        golden(model, "too-small-60x20")
    }

    @Test func englishOverview() throws {
        golden(try Demo.dashboard(size: Size(width: 100, height: 30), lang: .en), "overview-en-100x30")
    }

    @Test func entryForms() throws {
        let db = Demo.fresh()
        var model = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, db: db)
        Demo.press([.character("a")], on: &model, db: db)
        golden(model, "model-empty-80x24")
        Demo.type("Tổ tự quản đường làng", on: &model, db: db)
        Demo.press([.tab, .tab, .tab, .right, .tab], on: &model, db: db)
        Demo.type("10/01/2025", on: &model, db: db)
        golden(model, "model-filled-80x24")
        Demo.press([.tab, .ctrl("u")], on: &model, db: db)
        Demo.type("01/01/2025", on: &model, db: db)
        Demo.press([.tab, .tab, .tab, .tab], on: &model, db: db)
        Demo.type("nhiều", on: &model, db: db)
        Demo.press([.home, .ctrl("k"), .function(2)], on: &model, db: db)
        golden(model, "model-errors-80x24")
        Demo.press([.escape], on: &model, db: db)
        golden(model, "model-discard-question-80x24")
    }

    @Test func otherForms() throws {
        let db = Demo.fresh()
        var units = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, db: db)
        Demo.press([.character("y")], on: &units, db: db)
        golden(units, "survey-80x24")
        Demo.press([.escape, .character("o")], on: &units, db: db)
        golden(units, "plan-80x24")
        var models = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, db: db)
        Demo.press([.character("v")], on: &models, db: db)
        golden(models, "evaluation-80x24")
        Demo.press([.escape, .character("x"), .function(2)], on: &models, db: db)
        golden(models, "removal-errors-80x24")
    }

    /// The grid on a district: the first line saved in a commune chosen with
    /// →, the second in error (a date that does not exist), said on its line.
    @Test func transcriptionGrid() throws {
        let db = Demo.fresh()
        var model = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .overview, db: db)
        Demo.press([.character("b"), .right, .tab, .character("4")], on: &model, db: db)
        Demo.type("Tổ hòa giải thôn Pang Cáng", on: &model, db: db)
        Demo.press([.tab, .character("c")], on: &model, db: db)
        Demo.type("Đội văn nghệ bản Giàng A", on: &model, db: db)
        Demo.press([.backTab, .backTab, .backTab, .ctrl("u")], on: &model, db: db)
        Demo.type("31/13/2025", on: &model, db: db)
        Demo.press([.function(2)], on: &model, db: db)
        golden(model, "grid-80x24")
    }

    /// A move asks first, with what follows the unit and the parents' figures before → after.
    @Test func moveConfirmation() throws {
        let db = Demo.fresh()
        var units = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, size: Size(width: 100, height: 30), db: db)
        Demo.press([.character("/")], on: &units, db: db)
        Demo.type("lien son", on: &units, db: db)
        Demo.press([.enter, .character("m")], on: &units, db: db)
        golden(units, "move-form-100x30")
        Demo.press([.enter, .enter, .function(2)], on: &units, db: db)
        golden(units, "move-confirm-100x30")
    }
}
