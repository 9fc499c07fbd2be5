import DVKCore
import TerminalUI

/// Where the officer is: a unit and a year.
public struct Location: Hashable, Sendable {
    public var unitID: OrgUnit.ID
    public var year: Int
}

/// A place to come back to (Backspace): where, and the screen exactly as it was.
public struct Visit: Equatable, Sendable {
    public var location: Location
    public var screen: ScreenState
}

/// What takes the keys: the screen, or something over it.
public enum Mode: Equatable, Sendable {
    case normal
    case help
    /// Editing the current list's search.
    case search(draft: String)
    case form(FormState)
    case grid(GridState)
    /// The go-to box: any unit of the database, found by name.
    case goTo(GoToState)

    /// The mode without its data: which key table applies.
    public var kind: ModeKind {
        switch self {
        case .normal: .normal
        case .help: .help
        case .search: .search
        case .form: .form
        case .grid: .grid
        case .goTo: .goTo
        }
    }
}

public enum ModeKind: Hashable, Sendable { case normal, help, search, form, grid, goTo }

/// One line for the officer: what just happened, or what went wrong.
public struct Notice: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, error }
    public var kind: Kind
    public var text: String

    public static func info(_ text: String) -> Notice { Notice(kind: .info, text: text) }
    public static func error(_ text: String) -> Notice { Notice(kind: .error, text: text) }
}

/// What is global to the dashboard. Each screen's own state (its row,
/// filter, search, scroll and loaded rows) lives in `screen`.
public struct AppState: Sendable {
    public var lang: Language
    public var size: Size
    public var mode: Mode = .normal
    public var location: Location
    public var screen: ScreenState
    /// Screens left with 1–5 or Tab keep their state until the unit changes.
    public var otherScreens: [Screen: ScreenState] = [:]
    public var backStack: [Visit] = []
    /// Years `[` and `]` may reach.
    public var years: ClosedRange<Int>
    public var dataAsOf: Day?
    public var officer: String
    /// Today, read once by whoever starts the dashboard; nothing below reads a clock.
    public var today: Day
    /// Which map past years are read on (`M` switches, `--map` chooses).
    public var map: MapView
    /// `--read-only` or a file without write permission: entry keys explain instead of editing.
    public var isReadOnly = false
    /// The signed-in officer's role: which keys are offered (the store checks scope and locks).
    public var officerRole: OfficerRole = .admin
    /// Audit rows of this session's saves, newest last: `u` undoes, Ctrl-R redoes.
    /// The newest audit row when the figures on screen were read.
    public var dataMark: Int64?
    public var undoStack: [Int64] = []
    public var redoStack: [Int64] = []
    public var overview: Overview?
    public var trend: [Int: Int] = [:]
    public var notice: Notice?
    public var isLoading = false
    /// The database has no units yet: nothing to load, an explanation to show.
    public var isEmptyDatabase = false
    public var isFinished = false

    public init(unitID: OrgUnit.ID, year: Int, years: ClosedRange<Int>, lang: Language, size: Size,
                dataAsOf: Day? = nil, officer: String = "", screen: Screen = .overview, today: Day? = nil, map: MapView? = nil) {
        self.today = today ?? dataAsOf ?? Day.lastOf(year: year)
        self.map = map ?? .today(self.today)
        self.location = Location(unitID: unitID, year: year)
        self.years = years
        self.lang = lang
        self.size = size
        self.dataAsOf = dataAsOf
        self.officer = officer
        self.screen = ScreenDispatch.fresh(screen)
    }

    var texts: Texts { Texts(lang) }

    /// The phase years shown by the trend and the satisfaction grid.
    public var phaseYears: ClosedRange<Int> {
        if let p = overview?.unit.targets.first?.target.phase, p.contains(location.year) { return p.years }
        let start = max(years.lowerBound, location.year - 4)
        return start...location.year
    }

    /// The open form, if any (a form is a mode, so there is never a stale one).
    public var form: FormState? {
        get { if case let .form(f) = mode { f } else { nil } }
        set { if let f = newValue { mode = .form(f) } else if case .form = mode { mode = .normal } }
    }

    public var grid: GridState? {
        get { if case let .grid(g) = mode { g } else { nil } }
        set { if let g = newValue { mode = .grid(g) } else if case .grid = mode { mode = .normal } }
    }

    public var searchDraft: String? {
        if case let .search(d) = mode { d } else { nil }
    }

    /// The open go-to box, if any.
    public var goTo: GoToState? {
        get { if case let .goTo(g) = mode { g } else { nil } }
        set { if let g = newValue { mode = .goTo(g) } else if case .goTo = mode { mode = .normal } }
    }
}
