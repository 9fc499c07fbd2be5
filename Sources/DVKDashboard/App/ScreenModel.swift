import DVKCore
import TerminalUI

/// What a screen gives back from a key or a result: work for the runner,
/// and requests only the app can carry out (they change more than the screen).
struct Step {
    var effects: [Effect] = []
    var requests: [Request] = []

    init(_ effects: [Effect] = [], _ requests: [Request] = []) {
        self.effects = effects
        self.requests = requests
    }

    static func request(_ r: Request) -> Step { Step([], [r]) }
}

enum Request: Equatable {
    /// Open this unit (push the current place on the back stack).
    case drill(OrgUnit.ID)
    /// Open an entry form; the app reads the record it would replace first.
    case open(FormKind)
    case openGrid(OrgUnit)
    case notice(Notice)
    /// Save at once, with no form (nộp, duyệt).
    case save(SaveRequest)
    /// Show another screen.
    case show(Screen)
}

/// One screen: its state is the value conforming, its keys a table, its
/// update and view functions of that value and the global `AppState`
/// (read-only: a screen changes only itself and asks for the rest).
protocol ScreenModel: Equatable, Sendable {
    static var screen: Screen { get }
    /// The tab's name, and the printout's title.
    static func title(_ t: Texts) -> String
    /// The tab's label; the title unless that is too long for the tab bar.
    static func tabTitle(_ t: Texts) -> String
    /// Back into the enum the app stores.
    var wrapped: ScreenState { get }
    /// A new screen, its selection on `focus` when the unit is in its list.
    init(focus: OrgUnit.ID?)
    /// This screen's keys (the global ones are added by `Keys`).
    static func keys(_ t: Texts, readOnly: Bool) -> [KeyBinding<Action>]

    mutating func perform(_ a: Action, _ app: AppState) -> Step
    /// A loaded result; screens ignore what is not theirs.
    mutating func receive(_ msg: Msg, _ app: AppState) -> Step
    /// What to read when shown, once the overview of the location is in.
    mutating func load(_ app: AppState) -> [Effect]
    func render(_ app: AppState, into b: inout Buffer, area: Rect)

    /// The list's place in the body, for clicks and paging (nil: no list).
    func tableArea(_ app: AppState, body: Rect) -> Rect?
    func rowCount(_ app: AppState) -> Int
    func selectedRow(_ app: AppState) -> Int
    func firstShownRow(_ app: AppState) -> Int
    mutating func select(row: Int, _ app: AppState) -> Step
    /// The unit the officer has selected here, carried to the next screen.
    func selectedUnitID(_ app: AppState) -> OrgUnit.ID?
    mutating func focus(unit: OrgUnit.ID?)

    /// The same screen for another unit: preferences kept, selection and rows dropped.
    func relocated() -> Self
    /// The same screen, same place, rows to be read again (a year change, a save, Back).
    func refreshed() -> Self

    /// The list's search; nil when the screen has none.
    var search: String? { get }
    mutating func setSearch(_ text: String, _ app: AppState) -> Step

    /// The screen's whole list as values, in its order and with its filter:
    /// what `P` prints and `e` exports (nil: nothing to list).
    func table(_ app: AppState) -> DataTable?
    /// What the list on screen is filtered, searched and sorted by: printed and exported above it.
    func listNotes(_ app: AppState) -> [String]
}

extension ScreenModel {
    static func tabTitle(_ t: Texts) -> String { title(t) }
    func table(_ app: AppState) -> DataTable? { nil }
    func listNotes(_ app: AppState) -> [String] { [] }
    mutating func receive(_ msg: Msg, _ app: AppState) -> Step { Step() }
    mutating func load(_ app: AppState) -> [Effect] { [] }
    func tableArea(_ app: AppState, body: Rect) -> Rect? { nil }
    func rowCount(_ app: AppState) -> Int { 0 }
    func selectedRow(_ app: AppState) -> Int { 0 }
    func firstShownRow(_ app: AppState) -> Int { 0 }
    mutating func select(row: Int, _ app: AppState) -> Step { Step() }
    func selectedUnitID(_ app: AppState) -> OrgUnit.ID? { nil }
    mutating func focus(unit: OrgUnit.ID?) {}
    func relocated() -> Self { Self(focus: nil) }
    func refreshed() -> Self { self }
    var search: String? { nil }
    mutating func setSearch(_ text: String, _ app: AppState) -> Step { Step() }
}
