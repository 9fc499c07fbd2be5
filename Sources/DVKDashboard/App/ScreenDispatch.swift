import DVKCore
import TerminalUI

/// The screens, in the order of their number keys: which one, without its state.
public enum Screen: Int, CaseIterable, Sendable {
    case overview = 1, units, models, satisfaction, history, completeness

    public func title(_ lang: Language) -> String { ScreenDispatch.type(self).title(Texts(lang)) }
    /// The tab's label (a long title has a short tab).
    public func tabTitle(_ lang: Language) -> String { ScreenDispatch.type(self).tabTitle(Texts(lang)) }

    /// The name used on the command line (`dvk snapshot units`) and in file names.
    public var slug: String { String(describing: self) }

    public init?(slug: String) {
        guard let s = Screen.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = s
    }

    var next: Screen { Screen(rawValue: rawValue % Screen.allCases.count + 1)! }
    var previous: Screen { Screen(rawValue: (rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1)! }
}

/// The state of the screen on show: each case is one screen's own slice.
public enum ScreenState: Equatable, Sendable {
    case overview(OverviewState)
    case units(UnitsState)
    case models(ModelsState)
    case satisfaction(SatisfactionState)
    case history(HistoryState)
    case completeness(CompletenessState)
}

/// The one place that switches over the screens. Everything else reaches a
/// screen through `ScreenModel`, forwarded from here.
enum ScreenDispatch {
    static func model(_ s: ScreenState) -> any ScreenModel {
        switch s {
        case let .overview(x): x
        case let .units(x): x
        case let .models(x): x
        case let .satisfaction(x): x
        case let .history(x): x
        case let .completeness(x): x
        }
    }

    static func type(_ screen: Screen) -> any ScreenModel.Type {
        switch screen {
        case .overview: OverviewState.self
        case .units: UnitsState.self
        case .models: ModelsState.self
        case .satisfaction: SatisfactionState.self
        case .history: HistoryState.self
        case .completeness: CompletenessState.self
        }
    }

    static func fresh(_ screen: Screen, focus: OrgUnit.ID? = nil) -> ScreenState {
        type(screen).init(focus: focus).wrapped
    }

    static func keys(_ screen: Screen, _ t: Texts, readOnly: Bool) -> [KeyBinding<Action>] {
        type(screen).keys(t, readOnly: readOnly)
    }

    /// Runs `body` on the current screen's model and stores it back.
    static func update<R>(_ app: inout AppState, _ body: (inout any ScreenModel, AppState) -> R) -> R {
        var m = model(app.screen)
        let result = body(&m, app)
        app.screen = m.wrapped
        return result
    }
}

extension ScreenState {
    var id: Screen { type(of: ScreenDispatch.model(self)).screen }
    var model: any ScreenModel { ScreenDispatch.model(self) }
}

/// What the current screen shows, for the runner, the benchmarks and tests.
extension AppState {
    public var selectedRow: Int { screen.model.selectedRow(self) }
    public var rowCount: Int { screen.model.rowCount(self) }
    public var selectedUnitID: OrgUnit.ID? { screen.model.selectedUnitID(self) }
    public var currentScreen: Screen { screen.id }
    /// The Units screen's list as shown (empty on other screens).
    public var visibleChildren: [UnitProgress] { screen.units?.visible(overview) ?? [] }
}

extension ScreenState {
    public var units: UnitsState? { if case let .units(x) = self { x } else { nil } }
    public var models: ModelsState? { if case let .models(x) = self { x } else { nil } }
    public var satisfaction: SatisfactionState? { if case let .satisfaction(x) = self { x } else { nil } }
    public var history: HistoryState? { if case let .history(x) = self { x } else { nil } }
    public var overview: OverviewState? { if case let .overview(x) = self { x } else { nil } }
    public var completeness: CompletenessState? { if case let .completeness(x) = self { x } else { nil } }
}
