import DVKCore
import TerminalUI

/// Where the officer is: a unit and a year.
public struct Location: Hashable, Sendable {
    public var unitID: OrgUnit.ID
    public var year: Int
}

/// A place to come back to (Backspace): where, on which screen, which row.
public struct Visit: Hashable, Sendable {
    public var location: Location
    public var screen: Screen
    public var selection: Int
}

public enum Mode: Hashable, Sendable {
    case normal
    case help
    /// Editing a search; the draft is in `searchDraft`.
    case search
    /// An entry form is open (`form`).
    case form
    /// The transcription grid is open (`grid`).
    case grid
}

/// Columns the units table can sort by (`s` cycles).
public enum UnitSort: Int, CaseIterable, Sendable {
    case name, effective, pending, satisfaction, status
}

public struct UnitsScreenState: Hashable, Sendable {
    public var selected = 0
    /// First row shown; moves only when the selection leaves the window.
    public var offset = 0
    public var sort = UnitSort.name
    public var descending = false
    /// Show only units with this overall status (`f` cycles; nil = all).
    public var statusFilter: ProgressStatus?
    public var search = ""
}

public struct ModelsScreenState: Hashable, Sendable {
    public var selected = 0
    public var offset = 0
    public var fieldCode: String?
    public var kind: ModelKind?
    public var status: ModelYearStatus?
    public var search = ""
    public var page: ModelPage?
    public var detail: ModelDetail?
}

/// The dashboard's whole state: plain data, no behaviour beyond derived views.
public struct AppState: Sendable {
    public var lang: Language
    public var size: Size
    public var screen: Screen = .overview
    public var mode: Mode = .normal
    public var location: Location
    public var backStack: [Visit] = []
    /// Years `[` and `]` may reach.
    public var years: ClosedRange<Int>
    public var dataAsOf: Day?
    public var officer: String
    /// Today, for defaults and the year range validation allows (the runner's clock, read once).
    public var today: Day
    /// `--read-only` or a file without write permission: entry keys explain instead of editing.
    public var isReadOnly = false
    public var form: FormState?
    public var grid: GridState?
    /// Audit rows of this session's saves, newest last: `u` undoes, Ctrl-R redoes.
    public var undoStack: [Int64] = []
    public var redoStack: [Int64] = []
    public var history: [HistoryEntry] = []
    public var historyQuery = HistoryQuery()
    public var historySelected = 0

    public var overview: Overview?
    public var trend: [Int: Int] = [:]
    public var units = UnitsScreenState()
    public var models = ModelsScreenState()
    public var satisfaction: SatisfactionGrid?

    public var searchDraft = ""
    /// One line for the officer: what just happened or what went wrong.
    public var message: String?
    public var isLoading = false
    /// The database has no units yet: nothing to load, an explanation to show.
    public var isEmptyDatabase = false
    public var isFinished = false

    public init(unitID: OrgUnit.ID, year: Int, years: ClosedRange<Int>, lang: Language, size: Size,
                dataAsOf: Day? = nil, officer: String = "", screen: Screen = .overview, today: Day? = nil) {
        self.today = today ?? dataAsOf ?? Day.lastOf(year: year)
        self.location = Location(unitID: unitID, year: year)
        self.years = years
        self.lang = lang
        self.size = size
        self.dataAsOf = dataAsOf
        self.officer = officer
        self.screen = screen
    }

    /// The phase years shown by the trend and the satisfaction grid.
    public var phaseYears: ClosedRange<Int> {
        if let p = overview?.unit.targets.first?.target.phase, p.contains(location.year) { return p.years }
        let start = max(years.lowerBound, location.year - 4)
        return start...location.year
    }

    /// Children of the current unit after the filter, search and sort.
    public var visibleChildren: [UnitProgress] {
        guard let o = overview else { return [] }
        // `Overview` lists children in `Overview.listOrder` already: their position is
        // the name order, so no collation key is computed here on every frame and key.
        var list = Array(o.children.enumerated())
        if let f = units.statusFilter { list = list.filter { $0.element.overallStatus == f } }
        if !units.search.isEmpty { list = list.filter { VietnameseText.matches(query: units.search, in: $0.element.unit.name) } }
        let key: (UnitProgress) -> Double = {
            switch units.sort {
            case .name: return 0
            case .effective: return Double($0.models.effective)
            case .pending: return Double($0.models.pending)
            case .satisfaction: return $0.progress(for: .satisfaction)?.value ?? -1
            case .status: return Double(ProgressStatus.allCases.firstIndex(of: $0.overallStatus) ?? 0)
            }
        }
        if units.sort == .name { return (units.descending ? list.reversed() : list).map(\.element) }
        return list.map { (rank: $0.offset, unit: $0.element, value: key($0.element)) }.sorted { a, b in
            a.value != b.value ? (a.value < b.value) != units.descending : a.rank < b.rank
        }.map(\.unit)
    }
}
