import DVKCore
import TerminalUI

/// Tổng quan: the overview itself is global (every screen needs it); this
/// screen owns only its place in the alert list.
public struct OverviewState: Hashable, Sendable {
    /// The highlighted alert, and the first one shown.
    public var selected = 0
    public var offset = 0

    public init(focus: OrgUnit.ID? = nil) {}
}

/// Where this screen's parts are: read by its update (paging, clicks) and its view alike.
extension OverviewState {
    static func rows(_ o: Overview, _ area: Rect) -> [Rect] {
        Layout.vertical(area, [.fixed(o.unit.targets.count + 3 + lineageLines(o).count), .fixed(7), .fill(1)])
    }

    /// “Gồm …”, “Sáp nhập vào …”: under the targets, so the figures are read with where they come from.
    static func lineageLines(_ o: Overview, _ lang: Language = .vi) -> [String] {
        Words(lang).lineage(o.lineage, of: o.unit.unit, year: o.year)
    }
    /// The alert list's rows, with the panel's top border standing for a table header.
    static func alertArea(_ s: AppState, body: Rect) -> Rect? {
        guard let o = s.overview else { return nil }
        let panel = rows(o, body)[2]
        return Rect(x: panel.x + 1, y: panel.y, width: max(0, panel.width - 2), height: max(0, panel.height - 1))
    }
}
