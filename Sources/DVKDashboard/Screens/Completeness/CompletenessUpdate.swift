import DVKCore
import TerminalUI

extension CompletenessState: ScreenModel {
    static var screen: Screen { .completeness }
    static func title(_ t: Texts) -> String { t.pick("Tình hình báo cáo", "Reporting") }
    static func tabTitle(_ t: Texts) -> String { t.pick("Báo cáo", "Reports") }
    var wrapped: ScreenState { .completeness(self) }

    mutating func perform(_ a: Action, _ app: AppState) -> Step {
        let o = app.overview
        switch a {
        case .drillIn:
            guard let u = selected(o) else { return Step() }
            return .request(.drill(u.unit.id))
        case .cycleSort:
            if sort == ReportingSort.allCases.last { descending.toggle() }
            sort = ReportingSort(rawValue: (sort.rawValue + 1) % ReportingSort.allCases.count)!
        case .cycleFilter:
            filter = cycle(filter, through: ReportingFilter.allCases)
        case .survey, .plan:
            guard let u = selected(o)?.unit else { return .request(.notice(.info(app.texts.selectUnit))) }
            return Entry.unitRequest(a, u)
        default:
            return Step()
        }
        cursor.reveal(in: ids(o), visibleRows: visibleRows(app))
        return Step()
    }

    func tableArea(_ app: AppState, body: Rect) -> Rect? { CompletenessState.tableArea(body) }
    func rowCount(_ app: AppState) -> Int { visible(app.overview).count }
    func selectedRow(_ app: AppState) -> Int { cursor.index(in: ids(app.overview)) }
    func firstShownRow(_ app: AppState) -> Int { cursor.offset }

    mutating func select(row: Int, _ app: AppState) -> Step {
        cursor.select(row, in: ids(app.overview), visibleRows: visibleRows(app))
        return Step()
    }

    func selectedUnitID(_ app: AppState) -> OrgUnit.ID? { selected(app.overview)?.unit.id }
    mutating func focus(unit: OrgUnit.ID?) { if let unit { cursor.id = unit } }

    func relocated() -> CompletenessState {
        var s = CompletenessState()
        s.sort = sort
        s.descending = descending
        s.filter = filter
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

    func table(_ app: AppState) -> DataTable? { CompletenessRows.table(visible(app.overview), app.lang) }

    func visibleRows(_ app: AppState) -> Int { Table.visibleRows(in: CompletenessState.tableArea(Layouts.body(app.size))) }
}
