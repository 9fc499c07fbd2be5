import DVKCore
import TerminalUI

/// Nhật ký: the audit log as loaded, its filters, search and selection.
public struct HistoryState: Hashable, Sendable {
    public var entries: [HistoryEntry] = []
    public var query = HistoryQuery()
    public var selected = 0
    public var searchText = ""
    public var isLoaded = false

    public init(focus: OrgUnit.ID? = nil) {}

    /// The loaded entries after the unit filter and the search.
    func visible(_ app: AppState) -> [HistoryEntry] {
        var list = entries
        if query.underCurrentUnit, let ids = app.overview.map({ Set($0.subtreeUnitIDs) }) {
            // Entries carry their unit, read once when the log was loaded.
            list = list.filter { $0.unitID.map(ids.contains) ?? false }
        }
        if !searchText.isEmpty {
            list = list.filter { e in
                VietnameseText.matches(query: searchText, in: [e.what, e.unitName ?? "", e.officer].joined(separator: " "))
            }
        }
        return list
    }

    /// The `s` presets: this year, this month, today. On the first of a month
    /// two of them are the same day, and the cycle must still come back to “all”.
    static func sincePresets(_ today: Day) -> [Day] {
        var out: [Day] = []
        for d in [Day.firstOf(year: today.year), Day(year: today.year, month: today.month, day: 1)!, today] where !out.contains(d) {
            out.append(d)
        }
        return out
    }
}

/// Where this screen's parts are: read by its update (paging, clicks) and its view alike.
extension HistoryState {
    static func split(_ body: Rect) -> (table: Rect, detail: Rect) {
        let list = Rect(x: body.x, y: body.y + 1, width: body.width, height: max(0, body.height - 1))
        let parts = Layout.vertical(list, [.fill(1), .fixed(min(10, max(4, list.height / 2)))])
        return (parts[0], parts[1])
    }
    static func tableArea(_ body: Rect) -> Rect { split(body).table }
}
