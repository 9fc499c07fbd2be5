import DVKCore
import TerminalUI

extension OverviewState: ScreenModel {
    static var screen: Screen { .overview }
    static func title(_ t: Texts) -> String { t.pick("Tổng quan", "Overview") }
    var wrapped: ScreenState { .overview(self) }

    mutating func perform(_ a: Action, _ app: AppState) -> Step {
        guard let o = app.overview else { return Step() }
        switch a {
        case .drillIn:
            let alerts = o.alerts
            guard alerts.indices.contains(selected), let unit = alerts[selected].unit, unit.id != o.unit.unit.id else { return Step() }
            return .request(.drill(unit.id))
        case .addRecord: return .request(.open(FormKind(ModelForm(editing: nil))))
        case .openGrid: return .request(.openGrid(o.unit.unit))
        case .reportSettings: return .request(.open(FormKind(ReportSettingsForm())))
        case .editTarget:
            guard let target = o.unit.targets.first?.target else { return Step() }
            return .request(.open(FormKind(TargetForm(target: target))))
        case .survey, .plan, .renameUnit, .moveUnit, .mergeUnit:
            return Entry.unitRequest(a, o.unit.unit)
        default: return Step()
        }
    }

    func tableArea(_ app: AppState, body: Rect) -> Rect? { OverviewState.alertArea(app, body: body) }
    func rowCount(_ app: AppState) -> Int { app.overview?.alerts.count ?? 0 }
    func selectedRow(_ app: AppState) -> Int { selected }
    func firstShownRow(_ app: AppState) -> Int { offset }

    mutating func select(row: Int, _ app: AppState) -> Step {
        let count = rowCount(app)
        selected = count == 0 ? 0 : min(max(0, row), count - 1)
        let rows = tableArea(app, body: Layouts.body(app.size)).map { Table.visibleRows(in: $0) } ?? 0
        offset = Table.scrollOffset(selected: selected, current: offset, visibleRows: rows, rowCount: count)
        return Step()
    }

    /// An alert is not a row of the units list: the other screens keep their own selection.
    func selectedUnitID(_ app: AppState) -> OrgUnit.ID? { nil }

    func refreshed() -> OverviewState { self }
}
