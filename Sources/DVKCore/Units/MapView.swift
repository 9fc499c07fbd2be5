/// Which map a year is read on. Since 1 July 2025 the communes of 2023–2025
/// are not the communes of today, so a past year can be read two ways, and
/// every path (screen, print, `dvk status`, `dvk snapshot`) takes the same one.
public enum MapView: Hashable, Sendable {
    /// Theo địa giới hiện nay: today's units, each carrying its predecessors'
    /// records for earlier years (year-on-year comparison after a merger).
    case today(Day)
    /// Theo địa giới thời đó: the units as they stood at the year's end.
    case then

    /// The day whose units make up the tree for `year`: the year's last day
    /// for the map of that time; for today's map, today (or the year's end
    /// for a year still to come, so planned changes show in their year).
    public func mapDay(for year: Int) -> Day {
        switch self {
        case .then: return Day.lastOf(year: year)
        case let .today(day): return max(day, Day.lastOf(year: year))
        }
    }

    public var isToday: Bool {
        if case .today = self { return true }
        return false
    }

    /// The other view, as `M` switches it.
    public func toggled(today day: Day) -> MapView {
        isToday ? .then : .today(day)
    }
}
