import DVKCore
import TerminalUI

/// Columns the units table can sort by (`s` cycles).
public enum UnitSort: Int, CaseIterable, Sendable {
    case name, effective, pending, satisfaction, status
}

/// Đơn vị: the units below the one on screen, as the officer has them
/// filtered, searched, sorted and scrolled.
public struct UnitsState: Hashable, Sendable {
    var cursor = UnitCursor()
    public var sort = UnitSort.name
    public var descending = false
    /// Show only units with this overall status (`f` cycles; nil = all).
    public var statusFilter: ProgressStatus?
    public var searchText = ""

    public init(focus: OrgUnit.ID? = nil) { cursor.id = focus }

    public var selectedID: OrgUnit.ID? { cursor.id }

    /// Children of the unit on screen after the filter, search and sort.
    public func visible(_ o: Overview?) -> [UnitProgress] {
        guard let o else { return [] }
        // `Overview` lists children in name order already: their position is the
        // name order, so no collation key is computed on every frame and key.
        var list = Array(o.children.enumerated())
        if let f = statusFilter { list = list.filter { $0.element.overallStatus == f } }
        if !searchText.isEmpty { list = list.filter { VietnameseText.matches(query: searchText, in: $0.element.unit.name) } }
        return UnitListOrder.sorted(list, byName: sort == .name, descending: descending) {
            switch sort {
            case .name: return 0
            case .effective: return Double($0.models.effective)
            case .pending: return Double($0.models.pending)
            case .satisfaction: return $0.progress(for: .satisfaction)?.value ?? -1
            case .status: return Double(ProgressStatus.allCases.firstIndex(of: $0.overallStatus) ?? 0)
            }
        }
    }

}

/// Where this screen's parts are: read by its update (paging, clicks) and its view alike.
extension UnitsState {
    static func tableArea(_ body: Rect) -> Rect {
        Rect(x: body.x, y: body.y + 1, width: body.width, height: max(0, body.height - 1))
    }
}
