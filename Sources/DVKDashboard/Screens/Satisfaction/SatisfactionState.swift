import DVKCore
import TerminalUI

/// Hài lòng: the units × years grid of the unit on screen, its selection
/// (by unit, shared with the Units screen) and its search.
public struct SatisfactionState: Hashable, Sendable {
    public var grid: SatisfactionGrid?
    var cursor = UnitCursor()
    public var searchText = ""

    public init(focus: OrgUnit.ID? = nil) { cursor.id = focus }

    /// The rows after the search; the first row (the unit itself, overall) always stays.
    public var rows: [SatisfactionGrid.Row] {
        guard let g = grid else { return [] }
        guard !searchText.isEmpty else { return g.rows }
        return g.rows.enumerated().filter { $0.offset == 0 || VietnameseText.matches(query: searchText, in: $0.element.unit.name) }.map(\.element)
    }

    var ids: [OrgUnit.ID] { rows.map(\.unit.id) }

    var selected: SatisfactionGrid.Row? {
        let r = rows
        return r.isEmpty ? nil : r[cursor.index(in: r.map(\.unit.id))]
    }
}

/// Where this screen's parts are: read by its update (paging, clicks) and its view alike.
extension SatisfactionState {
    static func tableArea(_ body: Rect) -> Rect {
        Rect(x: body.x, y: body.y + 1, width: body.width, height: max(0, body.height - 2))
    }
}
