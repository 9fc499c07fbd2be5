import DVKCore
import TerminalUI

extension UnitsState: UnitListScreen {
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
        case .submitYear, .approveYear, .unlockYear:
            guard let u = selected(o)?.unit else { return .request(.notice(.info(app.texts.selectUnit))) }
            return Entry.approvalRequest(a, u, year: app.location.year)
        case .survey, .plan, .renameUnit, .moveUnit, .mergeUnit, .openGrid:
            guard let u = selected(o)?.unit else { return .request(.notice(.info(app.texts.selectUnit))) }
            return Entry.unitRequest(a, u)
        default:
            return Step()
        }
        reveal(app)
        return Step()
    }

    func relocated() -> UnitsState {
        var s = UnitsState()
        s.sort = sort
        s.descending = descending
        return s
    }

    var search: String? { searchText }

    mutating func setSearch(_ text: String, _ app: AppState) -> Step {
        searchText = text
        reveal(app)
        return Step()
    }

}
