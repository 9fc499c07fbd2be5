import DVKApp
import DVKCore
import DVKDashboard
import Foundation
import TerminalUI
import Testing

/// `update` driven by keys. The pure tests check the effects asked for; the
/// others run them against the in-memory demo database.
@Suite("Update: keys, navigation, effects")
struct UpdateTests {
    func state(screen: Screen = .overview) -> AppState {
        AppState(unitID: 1, year: 2024, years: 2021...2025, lang: .vi, size: Size(width: 80, height: 24), screen: screen)
    }

    func send(_ key: Key, _ s: inout AppState) -> [Effect] {
        guard let msg = Keys.message(for: key, in: s) else { return [] }
        return Update.update(&s, msg)
    }

    @Test func startLoadsTheOverviewOfTheStartingUnitAndYear() {
        var s = state()
        #expect(Update.start(&s) == [.loadOverview(1, year: 2024, map: s.map)])
        #expect(s.isLoading)
    }

    @Test func yearKeysReloadAndStopAtTheEdges() {
        var s = state()
        #expect(send(.character("]"), &s) == [.loadOverview(1, year: 2025, map: s.map)])
        #expect(send(.character("]"), &s).isEmpty)
        #expect(s.location.year == 2025)
        #expect(s.notice?.text == "Không có năm 2026.")
        #expect(send(.character("["), &s) == [.loadOverview(1, year: 2024, map: s.map)])
    }

    @Test func mapKeySwitchesBetweenTodaysMapAndTheMapOfThatTime() {
        var s = state()
        #expect(s.map.isToday)
        #expect(send(.character("M"), &s) == [.loadOverview(1, year: 2024, map: .then)])
        #expect(s.notice?.text == "Địa giới thời đó")
        #expect(send(.character("M"), &s) == [.loadOverview(1, year: 2024, map: .today(s.today))])
    }

    @Test func numberKeysAndTabSwitchScreens() {
        var s = state()
        _ = send(.character("2"), &s)
        #expect(s.currentScreen == .units)
        _ = send(.tab, &s)
        #expect(s.currentScreen == .models)
        _ = send(.backTab, &s)
        _ = send(.backTab, &s)
        #expect(s.currentScreen == .overview)
        // Shift-Tab from the first screen wraps to the last, the reporting screen.
        _ = send(.backTab, &s)
        #expect(s.currentScreen == .completeness)
        _ = send(.character("6"), &s)
        #expect(s.currentScreen == .completeness)
        _ = send(.character("4"), &s)
        #expect(s.currentScreen == .satisfaction)
    }

    @Test func backAtTheTopSaysSoAndChangesNothing() {
        var s = state()
        #expect(send(.backspace, &s).isEmpty)
        #expect(s.notice?.text == "Đang ở cấp cao nhất.")
        #expect(s.location.unitID == 1)
    }

    @Test func quitFinishesWithQOrF10() {
        var s = state()
        #expect(send(.character("q"), &s) == [.quit])
        #expect(s.isFinished)
        var t = state()
        _ = send(.function(10), &t)
        #expect(t.isFinished)
    }

    @Test func helpOpensAndEscCloses() {
        var s = state()
        _ = send(.character("?"), &s)
        #expect(s.mode == .help)
        // In help, q closes help rather than quitting.
        _ = send(.escape, &s)
        #expect(s.mode == .normal)
        #expect(!s.isFinished)
    }

    @Test func searchModeTakesLettersThatAreKeysElsewhere() {
        var s = state(screen: .units)
        _ = send(.character("/"), &s)
        #expect(s.mode.kind == .search)
        for c in "qsp" { _ = send(.character(c), &s) }
        #expect(s.searchDraft == "qsp")
        #expect(!s.isFinished)
        _ = send(.backspace, &s)
        #expect(s.screen.units?.searchText == "qs")
        _ = send(.escape, &s)
        #expect(s.mode == .normal)
        #expect(s.screen.units?.searchText == "")
    }

    @Test func resizeIsAMessageNotAKeyAction() {
        var s = state()
        _ = send(.resize(width: 120, height: 40), &s)
        #expect(s.size == Size(width: 120, height: 40))
    }

    // MARK: - Against the demo data

    @Test func drillDownAndBackKeepThePath() throws {
        var m = try Demo.dashboard(screen: .units)
        #expect(m.state.overview?.unit.unit.name == "Tỉnh Yên Bái")
        let first = m.state.visibleChildren[0].unit.name
        #expect(first == "Huyện Văn Chấn")
        Demo.press([.enter], on: &m)
        #expect(m.state.overview?.path.map(\.name) == ["Tỉnh Yên Bái", "Huyện Văn Chấn"])
        #expect(m.state.backStack.count == 1)
        Demo.press([.down, .down, .enter], on: &m)
        #expect(m.state.overview?.path.count == 3)
        // A commune has nothing below it: it opens on its own overview.
        #expect(m.state.currentScreen == .overview)
        Demo.press([.backspace], on: &m)
        #expect(m.state.overview?.unit.unit.name == "Huyện Văn Chấn")
        #expect(m.state.currentScreen == .units)
        #expect(m.state.selectedRow == 2)
        Demo.press([.left], on: &m)
        #expect(m.state.overview?.unit.unit.name == "Tỉnh Yên Bái")
        #expect(m.state.selectedRow == 0)
    }

    @Test func searchIgnoresToneMarksAndCase() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        Demo.press([.character("/")] + Demo.keys("SUOI GIANG") + [.enter], on: &m)
        #expect(m.state.visibleChildren.map(\.unit.name) == ["Xã Suối Giàng"])
        Demo.press([.character("/"), .escape], on: &m)
        #expect(m.state.visibleChildren.count == m.state.overview?.children.count)
    }

    @Test func sortCyclesColumnsAndOrdersRows() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        Demo.press([.character("s")], on: &m)
        #expect(m.state.screen.units?.sort == .effective)
        let counts = m.state.visibleChildren.map(\.models.effective)
        #expect(counts == counts.sorted())
        // After the last column the order flips.
        Demo.press(Array(repeating: .character("s"), count: UnitSort.allCases.count - 1), on: &m)
        #expect(m.state.screen.units?.sort == .name)
        #expect(m.state.screen.units?.descending == true)
    }

    @Test func statusFilterShowsOnlyThatStatus() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        Demo.press([.character("f")], on: &m)
        let filter = try #require(m.state.screen.units?.statusFilter)
        #expect(!m.state.visibleChildren.isEmpty)
        #expect(m.state.visibleChildren.allSatisfy { $0.overallStatus == filter })
    }

    @Test func yearChangeReloadsTheNumbers() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn")
        let met2025 = try #require(m.state.overview?.unit.progress(for: .effectiveModelsPerUnit)?.unitsMeeting)
        Demo.press([.character("["), .character("[")], on: &m)
        #expect(m.state.location.year == 2023)
        let met2023 = try #require(m.state.overview?.unit.progress(for: .effectiveModelsPerUnit)?.unitsMeeting)
        #expect(met2023 < met2025)
        // At 80 columns the six tabs leave room for the year without its word.
        #expect(Demo.text(m).contains("◂[ 2023 ]▸"))
    }

    @Test func modelsScreenSearchesTitlesWithoutToneMarks() throws {
        var m = try Demo.dashboard(screen: .models)
        let all = try #require(m.state.screen.models?.page?.total)
        Demo.press([.character("/")] + Demo.keys("shan tuyet") + [.enter], on: &m)
        let page = try #require(m.state.screen.models?.page)
        #expect(page.total >= 1 && page.total < all)
        #expect(page.rows.allSatisfy { VietnameseText.matches(query: "shan tuyet", in: $0.model.title) })
        #expect(m.state.screen.models?.detail?.model.title.contains("Shan tuyết") == true)
    }

    @Test func movingPastTheLoadedWindowLoadsTheNextOne() throws {
        var m = try Demo.dashboard(screen: .models)
        let total = try #require(m.state.screen.models?.page?.total)
        #expect(total > 200) // more than one window of 200
        Demo.press([.end], on: &m)
        #expect(m.state.selectedRow == total - 1)
        let page = try #require(m.state.screen.models?.page)
        #expect(page.query.offset > 0)
        #expect(page.query.offset + page.rows.count == total)
        #expect(m.state.screen.models?.detail?.model.id == page.rows.last?.model.id)
    }

    @Test func mouseClickSelectsARowAndWheelScrolls() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        // Row 4 of the screen is the table's first data row (tabs, breadcrumb, summary, header above).
        Demo.press([.mouse(.click(x: 5, y: 6))], on: &m)
        #expect(m.state.selectedRow == 2)
        Demo.press([.mouse(.wheelDown)], on: &m)
        #expect(m.state.selectedRow == 3)
        Demo.press([.mouse(.click(x: 16, y: 0))], on: &m)
        #expect(m.state.currentScreen == .units || m.state.currentScreen == .overview)
    }

    @Test func printWritesExactlyTheScreen() throws {
        let folder = NSTemporaryDirectory() + "dvk-print-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, size: Size(width: 100, height: 30))
        let onScreen = Demo.text(m)
        let runner = Demo.runner(snapshots: folder)
        Program<Dashboard>.dispatch(.character("p"), to: &m, perform: runner.perform)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 2)
        #expect(files.allSatisfy { $0.hasPrefix("units_huyen-van-chan_2025_") })
        let txt = try String(contentsOfFile: folder + "/" + files.first { $0.hasSuffix(".txt") }!, encoding: .utf8)
        let body = txt.components(separatedBy: String(repeating: "─", count: 100) + "\n")[1]
        #expect(body == onScreen + "\n")
        #expect(txt.contains("Cán bộ: kiểm thử"))
        #expect(txt.contains("Đơn vị: Tỉnh Yên Bái › Huyện Văn Chấn"))
        #expect(Demo.text(m).contains("Đã in:"))
        // `dvk snapshot` renders through the same path: same state, same text.
        let headless = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, size: Size(width: 100, height: 30))
        #expect(PlainTextRenderer.render(View.printJob(headless.state).buffer) == onScreen)
        let html = try String(contentsOfFile: folder + "/" + files.first { $0.hasSuffix(".html") }!, encoding: .utf8)
        #expect(html.contains("@media print"))
        #expect(html.contains("Huyện Văn Chấn"))
    }

    @Test func aDatabaseErrorShowsInTheStatusLine() throws {
        var m = try Demo.dashboard()
        _ = m.update(.failed("Cơ sở dữ liệu đang bị khóa"))
        #expect(Demo.text(m).contains("⚠ Cơ sở dữ liệu đang bị khóa"))
    }
}
