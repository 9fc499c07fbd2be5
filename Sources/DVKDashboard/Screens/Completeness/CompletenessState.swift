import DVKCore
import TerminalUI

/// Which units `f` keeps on the completeness screen.
public enum ReportingFilter: Int, CaseIterable, Sendable {
    /// Some report missing or models still to evaluate.
    case incomplete
    /// Nothing at all for the year.
    case silent
}

/// Columns the completeness list sorts by (`s` cycles).
public enum ReportingSort: Int, CaseIterable, Sendable {
    case name, complete, silent
}

/// Tình hình báo cáo: for the year, which units below the one on screen have
/// sent in their evaluations, survey and plan, as the officer filters and sorts them.
public struct CompletenessState: Hashable, Sendable {
    var cursor = UnitCursor()
    public var sort = ReportingSort.name
    public var descending = false
    public var filter: ReportingFilter?
    public var searchText = ""

    public init(focus: OrgUnit.ID? = nil) { cursor.id = focus }

    /// Children expected to report, after the filter, search and sort.
    public func visible(_ o: Overview?) -> [UnitProgress] {
        guard let o else { return [] }
        // The unit itself comes first when it reports too: the list then adds up to the line above it.
        let own = o.unit.own.expectsAny ? [o.unit.ownReportRow] : []
        var list = Array((own + o.children).enumerated()).filter { $0.element.reporting.expected > 0 }
        switch filter {
        case .incomplete: list = list.filter { $0.element.reporting.complete < $0.element.reporting.expected }
        case .silent: list = list.filter { $0.element.reporting.silent > 0 }
        case nil: break
        }
        if !searchText.isEmpty { list = list.filter { VietnameseText.matches(query: searchText, in: $0.element.unit.name) } }
        return UnitListOrder.sorted(list, byName: sort == .name, descending: descending) {
            switch sort {
            case .name: return 0
            case .complete: return CompletenessState.share($0.reporting.complete, of: $0.reporting.expected)
            case .silent: return Double($0.reporting.silent)
            }
        }
    }

    static func share(_ n: Int, of total: Int) -> Double { total > 0 ? Double(n) * 100 / Double(total) : 0 }

    static func tableArea(_ body: Rect) -> Rect {
        Rect(x: body.x, y: body.y + 2, width: body.width, height: max(0, body.height - 2))
    }
}
