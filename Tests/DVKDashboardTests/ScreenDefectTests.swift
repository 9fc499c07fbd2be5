import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import TerminalUI
import Testing

/// The defects of issue 8, one test each: screens stepping on each other's
/// state, keys that did nothing, lists and texts that hid what they meant.
@Suite("Screens own their state (issue 8 defects)")
struct ScreenDefectTests {
    func select(_ name: String, _ m: inout Dashboard, db: AppDatabase = Demo.db) throws {
        let names = m.state.visibleChildren.map(\.unit.name)
        let row = try #require(names.firstIndex(of: name), "\(name) not in \(names)")
        Demo.press([.home] + Array(repeating: .down, count: row), on: &m, db: db)
        #expect(m.state.selectedUnitID == m.state.visibleChildren[row].unit.id)
    }

    // 1. The unit selected on Units is the one selected on Satisfaction, and its survey form.
    @Test func theSelectedUnitFollowsToSatisfactionAndItsSurveyForm() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, db: db)
        try select("Xã Suối Giàng", &m, db: db)
        let id = try #require(m.state.selectedUnitID)
        Demo.press([.character("4")], on: &m, db: db)
        #expect(m.state.currentScreen == .satisfaction)
        #expect(m.state.selectedUnitID == id)
        let rows = try #require(m.state.screen.satisfaction?.rows)
        #expect(rows[m.state.selectedRow].unit.name == "Xã Suối Giàng")
        Demo.press([.character("y")], on: &m, db: db)
        let form = try #require(m.state.form)
        #expect(form.title.hasSuffix("Xã Suối Giàng"))
        // The survey on record opens filled, and the form says saving replaces it.
        let stored = try #require(try db.survey(unit: id, year: 2025))
        #expect(form.text(.percent) == VietnameseNumber.decimal(Double(stored.permille) / 10))
        #expect(form.note?.contains("Lưu sẽ thay thế") == true)
        #expect(Demo.text(m).contains("Lưu sẽ thay thế"))
        // And back on Units the same commune is still the one highlighted.
        Demo.press([.escape, .character("2")], on: &m, db: db)
        #expect(m.state.selectedUnitID == id)
    }

    // 3. Keys that did nothing are not bound, and every list filters itself with `/`.
    @Test(arguments: [Screen.overview, .satisfaction])
    func sortAndFilterKeysAreNotOfferedWhereTheyDoNothing(_ screen: Screen) throws {
        let m = try Demo.dashboard(screen: screen)
        for c in "sf" { #expect(m.message(for: .character(c)) == nil, "\(c) on \(screen)") }
        #expect(!Demo.text(m).contains("s Xếp"))
    }

    @Test func slashOnOverviewIsNotBoundAndOnSatisfactionFiltersThatList() throws {
        let o = try Demo.dashboard(screen: .overview)
        #expect(o.message(for: .character("/")) == nil)
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .satisfaction)
        let all = m.state.rowCount
        Demo.press([.character("/")] + Demo.keys("suoi giang") + [.enter], on: &m)
        #expect(m.state.currentScreen == .satisfaction)
        // The unit itself (overall) and Suối Giàng.
        #expect(m.state.rowCount == 2 && all > 2)
        #expect(m.state.screen.satisfaction?.rows.last?.unit.name == "Xã Suối Giàng")
    }

    @Test func slashOnHistoryFiltersTheHistoryNotTheUnits() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, db: db)
        try select("Xã Suối Giàng", &m, db: db)
        Demo.press([.character("y"), .function(2), .character("5")], on: &m, db: db)
        let all = m.state.rowCount
        Demo.press([.character("/")] + Demo.keys("suoi giang") + [.enter], on: &m, db: db)
        #expect(m.state.currentScreen == .history)
        #expect(m.state.rowCount >= 1 && m.state.rowCount < all)
        Demo.press([.character("2")], on: &m, db: db)
        #expect(m.state.screen.units?.searchText == "")
    }

    @Test func modelsSortByTitleUnitFieldAndStatus() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .models, size: Size(width: 160, height: 30))
        for sort in [ModelSort.unit, .field, .status] {
            Demo.press([.character("s")], on: &m)
            let page = try #require(m.state.screen.models?.page)
            #expect(page.query.sort == sort)
            let rows = page.rows
            switch sort {
            case .unit:
                let names = rows.map(\.unitName)
                #expect(names == names.sorted { VietnameseText.precedes($0, $1) || $0 == $1 })
            case .field:
                let order = Field.standard.sorted { $0.sortOrder < $1.sortOrder }.map(\.code)
                let ranks = rows.map { order.firstIndex(of: $0.model.fieldCode) ?? 99 }
                #expect(ranks == ranks.sorted())
            case .status:
                let ranks = rows.map { ModelYearStatus.allCases.firstIndex(of: $0.status)! }
                #expect(ranks == ranks.sorted())
            case .title: break
            }
        }
        #expect(Demo.text(m).contains("xếp [s]: đánh giá ▲"))
    }

    /// Every key the key bar and the help show does something on that screen.
    @Test(arguments: Screen.allCases)
    func everyAdvertisedKeyDoesSomething(_ screen: Screen) throws {
        let db = Demo.fresh()
        let start = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: screen, size: Size(width: 200, height: 40), db: db)
        for binding in Keys.table(start.state).bindings {
            guard let key = binding.keys.first, binding.action != .quit, binding.action != .show(screen) else { continue }
            var m = start
            // Moving needs a list of two rows; the History of a fresh demo may hold one.
            if [.up, .down, .pageUp, .pageDown, .top, .bottom].contains(binding.action), m.state.rowCount < 2 { continue }
            // Somewhere to move to: not the first row.
            if binding.action == .up || binding.action == .pageUp || binding.action == .top { Demo.press([.end], on: &m, db: db) }
            let before = m.state
            let sent = Keys.message(for: key, in: m.state)
            #expect(sent != nil)
            var effects: [Effect] = []
            if let sent { effects = m.update(sent) }
            let changed = effects.count > 0 || m.state.notice != before.notice || m.state.mode != before.mode
                || m.state.screen != before.screen || m.state.location != before.location || m.state.isFinished
            #expect(changed, "\(binding.keys) (\(binding.help)) does nothing on \(screen)")
        }
    }

    // 4. The date presets coincide on the first of a month: the cycle still returns to “all”.
    @Test func historyDateFilterReturnsToAllOnTheFirstOfAMonth() throws {
        var s = AppState(unitID: 1, year: 2026, years: 2023...2026, lang: .vi, size: Size(width: 100, height: 30),
                         screen: .history, today: Day(year: 2026, month: 12, day: 1)!)
        var seen: [Day?] = []
        for _ in 0..<4 {
            if let msg = Keys.message(for: .character("s"), in: s) { _ = Update.update(&s, msg) }
            seen.append(s.screen.history?.query.since)
        }
        #expect(seen == [Day(year: 2026, month: 1, day: 1), Day(year: 2026, month: 12, day: 1), nil, Day(year: 2026, month: 1, day: 1)])
    }

    // 5. Every unit behind or at risk is listed, with its reason.
    @Test func alertsListEveryUnitBehindOrAtRisk() throws {
        let m = try Demo.dashboard(unit: "Huyện Văn Chấn", size: Size(width: 100, height: 30))
        let o = try #require(m.state.overview)
        let failing = o.children.filter { $0.overallStatus == .behind || $0.overallStatus == .atRisk }.map(\.unit.id)
        let listed = Set(o.alerts.compactMap(\.unit?.id))
        #expect(failing.count >= 7)
        #expect(Set(failing).isSubset(of: listed))
        #expect(Demo.text(m).contains("Cần chú ý (\(o.alerts.count))"))
        // A field below its minimum says which field.
        #expect(o.alerts.contains { $0.text(.vi).contains("lĩnh vực") && $0.text(.vi).contains("tối thiểu") })
        // Scrolling reaches the last alert.
        var n = m
        Demo.press([.end], on: &n)
        #expect(n.state.selectedRow == o.alerts.count - 1)
        #expect(Demo.text(n).contains(String(o.alerts.last!.text(.vi).prefix(20))))
    }

    // 6. The history says names, Vietnamese dates and values, and the unit of every entry.
    @Test func historyIsReadable() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, size: Size(width: 140, height: 40), db: db)
        try select("Xã Suối Giàng", &m, db: db)
        Demo.press([.character("y"), .tab, .ctrl("u")], on: &m, db: db)
        Demo.type("93,5", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        Demo.press([.character("3"), .character("a")], on: &m, db: db)
        Demo.type("Tổ an ninh thôn", on: &m, db: db)
        Demo.press([.function(2), .character("5")], on: &m, db: db)
        let text = Demo.text(m)
        for raw in ["permille", "defenceSecurity", "collective", "Đơn vị: 3", "#1", "‰"] {
            #expect(!text.contains(raw), "history shows \(raw)")
        }
        #expect(text.contains("Khảo sát hài lòng năm 2025"))
        #expect(text.contains("Xã Suối Giàng"))
        // The newest entry (the model) is selected: its fields in Vietnamese.
        #expect(text.contains("Loại: – → tập thể"))
        Demo.press([.down], on: &m, db: db)
        #expect(Demo.text(m).contains("→ 93,5%"))
    }

    // 7. A year change keeps the filter, the search and the selected unit.
    @Test func yearChangeKeepsFilterSearchAndSelectedUnit() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        Demo.press([.character("/")] + Demo.keys("xa") + [.enter], on: &m)
        try select("Xã Suối Giàng", &m)
        let id = m.state.selectedUnitID
        Demo.press([.character("[")], on: &m)
        #expect(m.state.location.year == 2024)
        #expect(m.state.screen.units?.searchText == "xa")
        #expect(m.state.selectedUnitID == id)
        #expect(m.state.visibleChildren[m.state.selectedRow].unit.name == "Xã Suối Giàng")
    }

    // 8. Sorted headers keep their label; the key bar says when it dropped keys.
    @Test func sortedHeaderKeepsItsLabelAndTheKeyBarSaysMore() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        Demo.press(Array(repeating: .character("s"), count: 3), on: &m) // name → effective → pending → satisfaction
        #expect(m.state.screen.units?.sort == .satisfaction)
        let text = Demo.text(m)
        #expect(text.contains("Hài lòng ▲"))
        let bar = text.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        #expect(bar.contains("? thêm"))
    }

    // 9. Enter on a commune opens its overview, with the commune's own shortfalls.
    @Test func enterOnACommuneOpensItsOverviewWithItsOwnAlerts() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        try select("Thị trấn Nông trường Liên Sơn", &m)
        Demo.press([.enter], on: &m)
        #expect(m.state.currentScreen == .overview)
        #expect(m.state.overview?.unit.unit.name == "Thị trấn Nông trường Liên Sơn")
        let o = try #require(m.state.overview)
        #expect(o.unit.overallStatus == .behind)
        #expect(!o.alerts.isEmpty)
        #expect(!Demo.text(m).contains("Cần chú ý (0)"))
        Demo.press([.backspace], on: &m)
        #expect(m.state.currentScreen == .units)
        #expect(m.state.visibleChildren[m.state.selectedRow].unit.name == "Thị trấn Nông trường Liên Sơn")
    }

    @Test func anEmptyDatabaseShowsItsAddForm() throws {
        let db = try AppDatabase.inMemory(officer: "kiểm thử")
        var m = try Demo.dashboard(db: db)
        #expect(m.state.isEmptyDatabase)
        Demo.press([.character("a")], on: &m, db: db)
        #expect(m.state.mode.kind == .form)
        #expect(Demo.text(m).contains("Thêm đơn vị cấp cao nhất"))
        Demo.type("Tỉnh Lào Cai", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(!m.state.isEmptyDatabase)
        #expect(m.state.overview?.unit.unit.name == "Tỉnh Lào Cai")
    }

    @Test func englishUnitsHeaderIsReadable() throws {
        let m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, lang: .en)
        let header = Demo.text(m).split(separator: "\n")[3]
        #expect(header.contains("Ec·CS·DS·PS"))
        #expect(!header.contains("C-·D-"))
    }
}
