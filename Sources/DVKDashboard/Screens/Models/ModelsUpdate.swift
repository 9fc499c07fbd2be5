import DVKCore
import TerminalUI

extension ModelsState: ScreenModel {
    static var screen: Screen { .models }
    static func title(_ t: Texts) -> String { t.pick("Mô hình", "Models") }
    var wrapped: ScreenState { .models(self) }

    mutating func perform(_ a: Action, _ app: AppState) -> Step {
        switch a {
        case .cycleSort:
            if sort == ModelSort.allCases.last { descending.toggle() }
            sort = ModelSort(rawValue: (sort.rawValue + 1) % ModelSort.allCases.count)!
        case .cycleFilter: fieldCode = cycle(fieldCode, through: (app.overview?.fields ?? []).map(\.code))
        case .cycleKind: kind = cycle(kind, through: ModelKind.allCases)
        case .cycleStatus: status = cycle(status, through: ModelYearStatus.allCases)
        case .toggleScope: wholeDatabase.toggle()
        case .addRecord:
            return .request(.open(FormKind(ModelForm(editing: nil))))
        case .openGrid:
            guard let unit = app.overview?.unit.unit else { return Step() }
            return .request(.openGrid(unit))
        case .drillIn, .evaluate, .recognise, .removeModel, .award:
            guard let m = selectedModel else { return .request(.notice(.info(app.texts.selectModel))) }
            return .request(.open(Entry.modelForm(a, m)))
        default:
            return Step()
        }
        return Step(reload(app))
    }

    mutating func reload(_ app: AppState) -> [Effect] {
        selected = 0
        offset = 0
        detail = nil
        return [.loadModels(query(app, offset: 0))]
    }

    mutating func load(_ app: AppState) -> [Effect] {
        guard app.overview != nil else { return [] }
        if let page, page.query == query(app, offset: page.query.offset) { return [] }
        // Read again at the same row: the window around it.
        return [.loadModels(query(app, offset: max(0, selected - Self.window / 2)))]
    }

    mutating func receive(_ msg: Msg, _ app: AppState) -> Step {
        switch msg {
        case let .modelsLoaded(p):
            // A window asked for before a filter changed is not this list.
            guard p.query == query(app, offset: p.query.offset) else { return Step() }
            page = p
            selected = min(selected, max(0, p.total - 1))
            if p.rows.isEmpty { detail = nil }
            return Step(detailLoad())
        case let .detailLoaded(d):
            detail = d
        default: break
        }
        return Step()
    }

    func detailLoad() -> [Effect] {
        guard let m = selectedModel, m.id != detail?.model.id else { return [] }
        return [.loadModelDetail(m.id)]
    }

    func tableArea(_ app: AppState, body: Rect) -> Rect? { ModelsState.tableArea(body, app.size) }
    func rowCount(_ app: AppState) -> Int { page?.total ?? 0 }
    func selectedRow(_ app: AppState) -> Int { selected }
    func firstShownRow(_ app: AppState) -> Int { offset }

    mutating func select(row: Int, _ app: AppState) -> Step {
        let count = rowCount(app)
        selected = count == 0 ? 0 : min(max(0, row), count - 1)
        let rows = Table.visibleRows(in: ModelsState.tableArea(Layouts.body(app.size), app.size))
        offset = Table.scrollOffset(selected: selected, current: offset, visibleRows: rows, rowCount: count)
        // An empty list (a search that finds nothing) has no row to show.
        guard let page, count > 0 else { return Step() }
        guard page.rows.indices.contains(selected - page.query.offset) else {
            // Outside the loaded window: fetch the window around the selection.
            return Step([.loadModels(query(app, offset: max(0, selected - Self.window / 2)))])
        }
        return Step(detailLoad())
    }

    func selectedUnitID(_ app: AppState) -> OrgUnit.ID? { nil }

    func relocated() -> ModelsState {
        var s = ModelsState()
        (s.fieldCode, s.kind, s.status, s.sort, s.descending) = (fieldCode, kind, status, sort, descending)
        // The whole database stays the whole database wherever the officer goes.
        s.wholeDatabase = wholeDatabase
        return s
    }

    func refreshed() -> ModelsState {
        var s = self
        s.page = nil
        s.detail = nil
        return s
    }

    var search: String? { searchText }

    mutating func setSearch(_ text: String, _ app: AppState) -> Step {
        guard text != searchText else { return Step() }
        searchText = text
        return Step(reload(app))
    }
}
