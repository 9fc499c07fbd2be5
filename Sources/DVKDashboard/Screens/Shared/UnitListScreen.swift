import DVKCore
import TerminalUI

/// A screen listing the units below the one on screen (Đơn vị, Tình hình
/// báo cáo): the selection kept by identity, paging, clicks and the search
/// work the same way on each.
protocol UnitListScreen: ScreenModel {
    var cursor: UnitCursor { get set }
    /// The list as shown: filtered, searched, sorted.
    func visible(_ o: Overview?) -> [UnitProgress]
    static func tableArea(_ body: Rect) -> Rect
}

extension UnitListScreen {
    func ids(_ o: Overview?) -> [OrgUnit.ID] { visible(o).map(\.unit.id) }

    func selected(_ o: Overview?) -> UnitProgress? {
        let list = visible(o)
        return list.isEmpty ? nil : list[cursor.index(in: list.map(\.unit.id))]
    }

    func tableArea(_ app: AppState, body: Rect) -> Rect? { Self.tableArea(body) }
    func rowCount(_ app: AppState) -> Int { visible(app.overview).count }
    func selectedRow(_ app: AppState) -> Int { cursor.index(in: ids(app.overview)) }
    func firstShownRow(_ app: AppState) -> Int { cursor.offset }

    mutating func select(row: Int, _ app: AppState) -> Step {
        cursor.select(row, in: ids(app.overview), visibleRows: visibleRows(app))
        return Step()
    }

    func selectedUnitID(_ app: AppState) -> OrgUnit.ID? { selected(app.overview)?.unit.id }
    mutating func focus(unit: OrgUnit.ID?) { if let unit { cursor.id = unit } }

    mutating func receive(_ msg: Msg, _ app: AppState) -> Step {
        if case .overviewLoaded = msg { reveal(app) }
        return Step()
    }

    /// After the list changed: keep the selected unit in view.
    mutating func reveal(_ app: AppState) { cursor.reveal(in: ids(app.overview), visibleRows: visibleRows(app)) }

    func visibleRows(_ app: AppState) -> Int { Table.visibleRows(in: Self.tableArea(Layouts.body(app.size))) }
}

enum UnitListOrder {
    /// `list` (in name order, with each unit's place in it) by name or by
    /// `key`, ties kept in name order.
    static func sorted(_ list: [(offset: Int, element: UnitProgress)], byName: Bool, descending: Bool,
                       key: (UnitProgress) -> Double) -> [UnitProgress] {
        if byName { return (descending ? list.reversed() : list).map(\.element) }
        return list.map { (rank: $0.offset, unit: $0.element, value: key($0.element)) }.sorted { a, b in
            a.value != b.value ? (a.value < b.value) != descending : a.rank < b.rank
        }.map(\.unit)
    }
}
