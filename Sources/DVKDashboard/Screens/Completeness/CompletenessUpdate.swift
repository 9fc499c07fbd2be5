import DVKCore
import TerminalUI

extension CompletenessState: UnitListScreen {
    static var screen: Screen { .completeness }
    static func title(_ t: Texts) -> String { t.pick("Tình hình báo cáo", "Reporting") }
    static func tabTitle(_ t: Texts) -> String { t.pick("Báo cáo", "Reports") }
    var wrapped: ScreenState { .completeness(self) }

    mutating func perform(_ a: Action, _ app: AppState) -> Step {
        let o = app.overview
        switch a {
        case .drillIn:
            guard let u = selected(o) else { return Step() }
            // The unit's own row is the place already on screen: said, rather than nothing happening.
            if u.unit.id == o?.unit.unit.id {
                return .request(.notice(.info(app.texts.pick("Dòng này là báo cáo của chính \(u.unit.name), đơn vị đang xem.",
                                                             "This row is \(u.unit.name)'s own reports: the unit on screen."))))
            }
            return .request(.drill(u.unit.id))
        case .cycleSort:
            if sort == ReportingSort.allCases.last { descending.toggle() }
            sort = ReportingSort(rawValue: (sort.rawValue + 1) % ReportingSort.allCases.count)!
        case .cycleFilter:
            filter = cycle(filter, through: ReportingFilter.allCases)
        case .submitYear, .approveYear, .unlockYear:
            guard let u = selected(o)?.unit else { return .request(.notice(.info(app.texts.selectUnit))) }
            return Entry.approvalRequest(a, u, year: app.location.year)
        case .survey, .plan:
            guard let u = selected(o)?.unit else { return .request(.notice(.info(app.texts.selectUnit))) }
            return Entry.unitRequest(a, u)
        default:
            return Step()
        }
        reveal(app)
        return Step()
    }

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
        reveal(app)
        return Step()
    }

    func listNotes(_ app: AppState) -> [String] {
        let kids = visible(app.overview)
        return [CompletenessView.headline(app), CompletenessView.summary(self, app, selected: cursor.index(in: kids.map(\.unit.id)), shown: kids.count)]
    }

    func table(_ app: AppState) -> DataTable? { CompletenessRows.table(visible(app.overview), own: app.overview?.unit.unit.id, approvals: app.overview?.approvals ?? [:], app.lang) }

}
