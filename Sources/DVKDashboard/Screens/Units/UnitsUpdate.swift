import DVKCore
import TerminalUI

extension UnitsState: ScreenModel {
    static var screen: Screen { .units }
    static func title(_ t: Texts) -> String { t.pick("Đơn vị", "Units") }
    var wrapped: ScreenState { .units(self) }

    mutating func perform(_ a: Action, _ app: AppState) -> Step {
        let o = app.overview
        switch a {
        case .drillIn:
            guard let u = selected(o) else { return Step() }
            return .request(.drill(u.unit.id))
        case .cycleSort:
            if sort == UnitSort.allCases.last { descending.toggle() }
            sort = UnitSort(rawValue: (sort.rawValue + 1) % UnitSort.allCases.count)!
        case .cycleFilter:
            statusFilter = cycle(statusFilter, through: ProgressStatus.allCases)
        case .addRecord:
            guard let parent = o?.unit.unit else { return Step() }
            return .request(.open(FormKind(NewUnitForm(parent: parent))))
        case .survey, .plan, .renameUnit, .moveUnit, .mergeUnit, .openGrid:
            guard let u = selected(o)?.unit else { return .request(.notice(.info(app.texts.selectUnit))) }
            return Entry.unitRequest(a, u)
        default:
            return Step()
        }
        cursor.reveal(in: ids(o), visibleRows: visibleRows(app))
        return Step()
    }

    func tableArea(_ app: AppState, body: Rect) -> Rect? { UnitsState.tableArea(body) }
    func rowCount(_ app: AppState) -> Int { visible(app.overview).count }
    func selectedRow(_ app: AppState) -> Int { cursor.index(in: ids(app.overview)) }
    func firstShownRow(_ app: AppState) -> Int { cursor.offset }

    mutating func select(row: Int, _ app: AppState) -> Step {
        cursor.select(row, in: ids(app.overview), visibleRows: visibleRows(app))
        return Step()
    }

    func selectedUnitID(_ app: AppState) -> OrgUnit.ID? { selected(app.overview)?.unit.id }
    mutating func focus(unit: OrgUnit.ID?) { if let unit { cursor.id = unit } }

    func relocated() -> UnitsState {
        var s = UnitsState()
        s.sort = sort
        s.descending = descending
        return s
    }

    var search: String? { searchText }

    mutating func setSearch(_ text: String, _ app: AppState) -> Step {
        searchText = text
        cursor.reveal(in: ids(app.overview), visibleRows: visibleRows(app))
        return Step()
    }

    mutating func receive(_ msg: Msg, _ app: AppState) -> Step {
        if case .overviewLoaded = msg { cursor.reveal(in: ids(app.overview), visibleRows: visibleRows(app)) }
        return Step()
    }

    func visibleRows(_ app: AppState) -> Int { Table.visibleRows(in: UnitsState.tableArea(Layouts.body(app.size))) }
}
