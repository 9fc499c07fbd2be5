import DVKCore
import TerminalUI

extension HistoryState: ScreenModel {
    static var screen: Screen { .history }
    static func title(_ t: Texts) -> String { t.pick("Nhật ký", "History") }
    var wrapped: ScreenState { .history(self) }

    /// Kinds of record `f` steps through.
    static let entities = ["model", "evaluation", "recognition", "award", "survey", "plan_adoption", "unit", "target"]

    mutating func perform(_ a: Action, _ app: AppState) -> Step {
        switch a {
        case .cycleSort: query.since = cycle(query.since, through: Self.sincePresets(app.today))
        case .cycleFilter: query.entity = cycle(query.entity, through: Self.entities)
        case .cycleStatus:
            let officers = Array(Set(entries.map(\.officer) + [app.officer])).sorted()
            query.officer = cycle(query.officer, through: officers)
        case .cycleKind:
            // Filtered here, on what is loaded: nothing to read.
            query.underCurrentUnit.toggle()
            selected = 0
            return Step()
        default: return Step()
        }
        selected = 0
        return Step([.loadHistory(query)])
    }

    mutating func load(_ app: AppState) -> [Effect] { isLoaded ? [] : [.loadHistory(query)] }

    mutating func receive(_ msg: Msg, _ app: AppState) -> Step {
        guard case let .historyLoaded(list) = msg else { return Step() }
        entries = list
        isLoaded = true
        selected = min(selected, max(0, visible(app).count - 1))
        return Step()
    }

    func tableArea(_ app: AppState, body: Rect) -> Rect? { HistoryState.tableArea(body) }
    func rowCount(_ app: AppState) -> Int { visible(app).count }
    func selectedRow(_ app: AppState) -> Int { selected }
    func firstShownRow(_ app: AppState) -> Int {
        max(0, selected - Table.visibleRows(in: HistoryState.tableArea(Layouts.body(app.size))) + 1)
    }

    mutating func select(row: Int, _ app: AppState) -> Step {
        let count = rowCount(app)
        selected = count == 0 ? 0 : min(max(0, row), count - 1)
        return Step()
    }

    func relocated() -> HistoryState {
        var s = HistoryState()
        s.query = query
        return s
    }

    func refreshed() -> HistoryState {
        var s = self
        s.isLoaded = false
        return s
    }

    var search: String? { searchText }

    mutating func setSearch(_ text: String, _ app: AppState) -> Step {
        searchText = text
        selected = 0
        return Step()
    }
}
