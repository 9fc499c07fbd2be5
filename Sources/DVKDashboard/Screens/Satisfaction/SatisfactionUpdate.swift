import DVKCore
import TerminalUI

extension SatisfactionState: ScreenModel {
    static var screen: Screen { .satisfaction }
    static func title(_ t: Texts) -> String { t.pick("Hài lòng", "Satisfaction") }
    var wrapped: ScreenState { .satisfaction(self) }

    mutating func perform(_ a: Action, _ app: AppState) -> Step {
        switch a {
        case .drillIn:
            guard let row = selected else { return Step() }
            // The first row is the unit on screen itself: its overview is where it opens.
            if row.unit.id == app.location.unitID { return .request(.show(.overview)) }
            return .request(.drill(row.unit.id))
        case .survey:
            guard let unit = selected?.unit ?? app.overview?.unit.unit else { return .request(.notice(.info(app.texts.selectUnit))) }
            return Entry.unitRequest(a, unit)
        default:
            return Step()
        }
    }

    mutating func load(_ app: AppState) -> [Effect] {
        guard grid == nil, let o = app.overview else { return [] }
        return [.loadSatisfaction(o.unit.unit.id, years: app.phaseYears, map: app.map)]
    }

    mutating func receive(_ msg: Msg, _ app: AppState) -> Step {
        guard case let .satisfactionLoaded(g) = msg, g.unitID == app.location.unitID else { return Step() }
        grid = g
        cursor.reveal(in: ids, visibleRows: visibleRows(app))
        return Step()
    }

    func tableArea(_ app: AppState, body: Rect) -> Rect? { SatisfactionState.tableArea(body) }
    func rowCount(_ app: AppState) -> Int { rows.count }
    func selectedRow(_ app: AppState) -> Int { cursor.index(in: ids) }
    func firstShownRow(_ app: AppState) -> Int { cursor.offset }

    mutating func select(row: Int, _ app: AppState) -> Step {
        cursor.select(row, in: ids, visibleRows: visibleRows(app))
        return Step()
    }

    func selectedUnitID(_ app: AppState) -> OrgUnit.ID? {
        // The overall row stands for no unit below: nothing to carry.
        selected.map(\.unit.id).flatMap { $0 == app.location.unitID ? nil : $0 }
    }

    mutating func focus(unit: OrgUnit.ID?) { if let unit { cursor.id = unit } }

    func refreshed() -> SatisfactionState {
        var s = self
        s.grid = nil
        return s
    }

    var search: String? { searchText }

    mutating func setSearch(_ text: String, _ app: AppState) -> Step {
        searchText = text
        cursor.reveal(in: ids, visibleRows: visibleRows(app))
        return Step()
    }

    func visibleRows(_ app: AppState) -> Int { Table.visibleRows(in: SatisfactionState.tableArea(Layouts.body(app.size))) }
}
