import DVKCore
import TerminalUI

/// The one dispatch point: every key and every result comes through here.
/// Pure: it changes `state` and returns the effects to run.
public enum Update {
    /// What to load when the dashboard opens.
    public static func start(_ state: inout AppState) -> [Effect] {
        guard !state.isEmptyDatabase else { return [] }
        state.isLoading = true
        return [.loadOverview(state.location.unitID, year: state.location.year)]
    }

    public static func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        let effects = handle(&state, msg)
        if !state.isLoading { keepSelectionInList(&state) }
        return effects
    }

    /// A list can shrink under its selection (the satisfaction grid shares the
    /// units' row, a late result replaces a longer list): keep it on a row.
    static func keepSelectionInList(_ s: inout AppState) {
        let i = selection(s), count = rowCount(s)
        let kept = count == 0 ? 0 : min(max(0, i), count - 1)
        guard kept != i else { return }
        switch s.screen {
        case .overview: break
        case .units, .satisfaction: s.units.selected = kept
        case .models: s.models.selected = kept
        case .history: s.historySelected = kept
        }
    }

    static func handle(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        switch msg {
        case let .action(a): return perform(a, &state)
        case let .typed(c):
            guard state.mode == .search else { return [] }
            state.searchDraft.append(c)
            return liveSearch(&state)
        case let .pasted(text):
            guard state.mode == .search else { return [] }
            // One search for the whole paste, on one line, cut at the prompt's
            // limit. No message: the prompt takes the status line's place.
            var draft = TextInput(state.searchDraft, limit: TextEntry.searchLimit)
            draft.insert(text)
            guard draft.text != state.searchDraft else { return [] }
            state.searchDraft = draft.text
            return liveSearch(&state)
        case let .resized(size):
            state.size = size
            // Keep the selection on screen in the new size.
            return move(to: selection(state), &state)
        case let .clicked(x, y): return click(x: x, y: y, &state)
        case let .scrolled(down): return perform(down ? .down : .up, &state)
        case let .overviewLoaded(o): return overviewLoaded(o, &state)
        case let .trendLoaded(unit, trend):
            if unit == state.overview?.unit.unit.id { state.trend = trend }
            return []
        case let .modelsLoaded(page):
            state.isLoading = false
            state.models.page = page
            let local = state.models.selected - page.query.offset
            if let row = page.rows.indices.contains(local) ? page.rows[local] : nil, row.model.id != state.models.detail?.model.id {
                return [.loadModelDetail(row.model.id)]
            }
            if page.rows.isEmpty { state.models.detail = nil }
            return []
        case let .detailLoaded(d):
            state.models.detail = d
            return []
        case let .satisfactionLoaded(grid):
            state.isLoading = false
            state.satisfaction = grid
            return []
        case let .printed(paths):
            state.message = (state.lang == .vi ? "Đã in: " : "Printed: ") + paths.joined(separator: ", ")
            return []
        case let .failed(text):
            state.isLoading = false
            state.message = "⚠ " + text
            return []
        case let .saved(request, outcome):
            return FormUpdate.saved(request, outcome, &state)
        case let .reverted(id, undo, result):
            return reverted(id, undo: undo, result, &state)
        case let .historyLoaded(entries):
            state.isLoading = false
            state.history = entries
            state.historySelected = min(state.historySelected, max(0, entries.count - 1))
            return []
        case let .formKey(key):
            return state.mode == .grid ? GridUpdate.key(key, &state) : FormUpdate.key(key, &state)
        }
    }

    /// Everything on screen read again (after a save, undo or redo).
    static func reload(_ s: inout AppState) -> [Effect] {
        // The list stays as the officer had it: same search, same row.
        let search = s.models.search
        var effects = relocate(selection: selection(s), &s)
        s.models.search = search
        if s.screen == .history { effects.append(.loadHistory(s.historyQuery)) }
        return effects
    }

    static func reverted(_ id: Int64, undo: Bool, _ result: Result<Int64, RevertFailure>, _ s: inout AppState) -> [Effect] {
        let t = Texts(s.lang)
        switch result {
        case .success:
            if undo {
                s.undoStack.removeAll { $0 == id }
                s.redoStack.append(id)
                s.message = t.undone
            } else {
                s.redoStack.removeAll { $0 == id }
                s.undoStack.append(id)
                s.message = t.redone
            }
            return reload(&s)
        case let .failure(f):
            s.message = "⚠ " + f.message
            return []
        }
    }

    // MARK: - Actions

    static func perform(_ a: Action, _ s: inout AppState) -> [Effect] {
        if s.mode == .normal { s.message = nil }
        switch a {
        case let .show(screen): return show(screen, &s)
        case .nextScreen: return show(s.screen.next, &s)
        case .previousScreen: return show(s.screen.previous, &s)
        case .up: return move(by: -1, &s)
        case .down: return move(by: 1, &s)
        case .pageUp: return move(by: -max(1, s.size.height - 8), &s)
        case .pageDown: return move(by: max(1, s.size.height - 8), &s)
        case .top: return move(to: 0, &s)
        case .bottom: return move(to: Int.max, &s)
        case .drillIn: return drillIn(&s)
        case .back: return back(&s)
        case .previousYear: return changeYear(by: -1, &s)
        case .nextYear: return changeYear(by: 1, &s)
        case .startSearch:
            if s.screen == .overview || s.screen == .satisfaction { _ = show(.units, &s) }
            s.mode = .search
            s.searchDraft = s.screen == .models ? s.models.search : s.units.search
            return []
        case .commitSearch:
            s.mode = .normal
            return liveSearch(&s)
        case .cancelSearch:
            s.mode = .normal
            s.searchDraft = ""
            return liveSearch(&s)
        case .deleteBackward:
            guard s.mode == .search, !s.searchDraft.isEmpty else { return [] }
            s.searchDraft.removeLast()
            return liveSearch(&s)
        case .cycleSort:
            if s.screen == .history {
                // Time window: all → this year → this month → today → all.
                let t = s.today
                let windows: [Day] = [Day.firstOf(year: t.year), Day(year: t.year, month: t.month, day: 1)!, t]
                s.historyQuery.since = cycle(s.historyQuery.since, through: windows)
                s.historySelected = 0
                return [.loadHistory(s.historyQuery)]
            }
            guard s.screen == .units else { return [] }
            if s.units.sort == UnitSort.allCases.last { s.units.descending.toggle() }
            s.units.sort = UnitSort(rawValue: (s.units.sort.rawValue + 1) % UnitSort.allCases.count)!
            s.units.selected = 0
            return []
        case .cycleFilter:
            switch s.screen {
            case .units:
                s.units.statusFilter = cycle(s.units.statusFilter, through: ProgressStatus.allCases)
                s.units.selected = 0
                return []
            case .models:
                s.models.fieldCode = cycle(s.models.fieldCode, through: (s.overview?.fields ?? []).map(\.code))
                return reloadModels(&s)
            case .history:
                s.historyQuery.entity = cycle(s.historyQuery.entity, through: HistoryView.entities)
                s.historySelected = 0
                return [.loadHistory(s.historyQuery)]
            default: return []
            }
        case .cycleKind:
            if s.screen == .history {
                s.historyQuery.underCurrentUnit.toggle()
                s.historySelected = 0
                return []
            }
            guard s.screen == .models else { return [] }
            s.models.kind = cycle(s.models.kind, through: ModelKind.allCases)
            return reloadModels(&s)
        case .cycleStatus:
            if s.screen == .history {
                let officers = Array(Set(s.history.map(\.officer) + [s.officer])).sorted()
                s.historyQuery.officer = cycle(s.historyQuery.officer, through: officers)
                s.historySelected = 0
                return [.loadHistory(s.historyQuery)]
            }
            guard s.screen == .models else { return [] }
            s.models.status = cycle(s.models.status, through: ModelYearStatus.allCases)
            return reloadModels(&s)
        case .print:
            return [.print(printJob(s))]
        case .help:
            s.mode = s.mode == .help ? .normal : .help
            return []
        case .closeOverlay:
            s.mode = .normal
            return []
        case .quit:
            s.isFinished = true
            return [.quit]
        case .addRecord, .editModel, .evaluate, .recognise, .removeModel, .award, .survey, .plan,
             .renameUnit, .moveUnit, .mergeUnit, .editTarget, .openGrid:
            return Entry.open(a, &s)
        case .undo:
            guard let id = s.undoStack.last else { s.message = Texts(s.lang).nothingToUndo; return [] }
            guard !s.isReadOnly else { s.message = Texts(s.lang).readOnly; return [] }
            return [.revert(auditID: id, undo: true)]
        case .redo:
            guard let id = s.redoStack.last else { s.message = Texts(s.lang).nothingToRedo; return [] }
            return [.revert(auditID: id, undo: false)]
        case .nextField, .previousField, .save, .toggleTelex, .cancelForm, .confirmYes, .confirmNo:
            if s.mode == .grid { return GridUpdate.perform(a, &s) }
            return FormUpdate.perform(a, &s)
        }
    }

    /// nil → first → … → last → nil.
    static func cycle<T: Equatable>(_ value: T?, through all: [T]) -> T? {
        guard let v = value, let i = all.firstIndex(of: v) else { return all.first }
        return i + 1 < all.count ? all[i + 1] : nil
    }

    static func show(_ screen: Screen, _ s: inout AppState) -> [Effect] {
        guard screen != s.screen else { return [] }
        s.screen = screen
        return loadScreen(&s)
    }

    /// What the current screen needs beyond the overview, once the overview is in.
    static func loadScreen(_ s: inout AppState) -> [Effect] {
        guard let o = s.overview, o.unit.unit.id == s.overview?.unit.unit.id else { return [] }
        switch s.screen {
        case .overview, .units: return []
        case .models:
            if s.models.page?.query != modelQuery(s, offset: s.models.page?.query.offset ?? 0) { return reloadModels(&s) }
            return []
        case .history:
            s.isLoading = true
            return [.loadHistory(s.historyQuery)]
        case .satisfaction:
            if s.satisfaction?.rows.first?.unit.id != o.unit.unit.id || s.satisfaction?.years.last != s.location.year {
                s.isLoading = true
                return [.loadSatisfaction(o.unit.unit.id, years: s.phaseYears)]
            }
            return []
        }
    }

    static func modelQuery(_ s: AppState, offset: Int) -> ModelQuery {
        ModelQuery(unitIDs: s.overview?.subtreeUnitIDs ?? [s.location.unitID], year: s.location.year,
                   fieldCode: s.models.fieldCode, kind: s.models.kind, status: s.models.status,
                   search: s.models.search, offset: offset, limit: Update.modelWindow)
    }

    /// Rows per models window: the table reads a window at a time.
    static let modelWindow = 200

    static func reloadModels(_ s: inout AppState) -> [Effect] {
        s.models.selected = 0
        s.models.detail = nil
        s.isLoading = true
        return [.loadModels(modelQuery(s, offset: 0))]
    }

    static func liveSearch(_ s: inout AppState) -> [Effect] {
        switch s.screen {
        case .models:
            guard s.models.search != s.searchDraft else { return [] }
            s.models.search = s.searchDraft
            return reloadModels(&s)
        default:
            s.units.search = s.searchDraft
            s.units.selected = 0
            return []
        }
    }

    // MARK: - Moving

    static func rowCount(_ s: AppState) -> Int {
        switch s.screen {
        case .overview: return 0
        case .units: return s.visibleChildren.count
        case .models: return s.models.page?.total ?? 0
        case .satisfaction: return s.satisfaction?.rows.count ?? 0
        case .history: return HistoryView.visible(s).count
        }
    }

    static func selection(_ s: AppState) -> Int {
        switch s.screen {
        case .overview: return 0
        case .units: return s.units.selected
        case .models: return s.models.selected
        case .satisfaction: return s.units.selected
        case .history: return s.historySelected
        }
    }

    static func move(by delta: Int, _ s: inout AppState) -> [Effect] {
        move(to: selection(s) + delta, &s)
    }

    static func move(to index: Int, _ s: inout AppState) -> [Effect] {
        let count = rowCount(s)
        let target = count == 0 ? 0 : min(max(0, index), count - 1)
        let rows = Layouts.visibleRows(s)
        switch s.screen {
        case .overview: return []
        case .units, .satisfaction:
            s.units.selected = target
            s.units.offset = Table.scrollOffset(selected: target, current: s.units.offset, visibleRows: rows, rowCount: count)
            return []
        case .history:
            s.historySelected = target
            return []
        case .models:
            s.models.selected = target
            s.models.offset = Table.scrollOffset(selected: target, current: s.models.offset, visibleRows: rows, rowCount: count)
            // An empty list (a search that finds nothing) has no row to show.
            guard let page = s.models.page, count > 0 else { return [] }
            let local = target - page.query.offset
            guard page.rows.indices.contains(local) else {
                // Outside the loaded window: fetch the window around the selection.
                let offset = max(0, target - Update.modelWindow / 2)
                return [.loadModels(modelQuery(s, offset: offset))]
            }
            let id = page.rows[local].model.id
            return id == s.models.detail?.model.id ? [] : [.loadModelDetail(id)]
        }
    }

    // MARK: - Drilling

    static func drillIn(_ s: inout AppState) -> [Effect] {
        let target: OrgUnit.ID?
        switch s.screen {
        case .overview: return show(.units, &s)
        case .units:
            let kids = s.visibleChildren
            target = kids.indices.contains(s.units.selected) ? kids[s.units.selected].unit.id : nil
        case .satisfaction:
            let rows = s.satisfaction?.rows ?? []
            let row = rows.indices.contains(s.units.selected) ? rows[s.units.selected] : nil
            target = row?.unit.id == s.location.unitID ? nil : row?.unit.id
        case .models: return Entry.open(.editModel, &s)
        case .history: return []
        }
        guard let id = target else { return [] }
        s.backStack.append(Visit(location: s.location, screen: s.screen, selection: selection(s)))
        s.location.unitID = id
        return relocate(selection: 0, &s)
    }

    static func back(_ s: inout AppState) -> [Effect] {
        guard let frame = s.backStack.popLast() else {
            s.message = s.lang == .vi ? "Đang ở cấp cao nhất." : "Already at the top."
            return []
        }
        s.location = frame.location
        s.screen = frame.screen
        return relocate(selection: frame.selection, &s)
    }

    static func changeYear(by delta: Int, _ s: inout AppState) -> [Effect] {
        let year = s.location.year + delta
        guard s.years.contains(year) else {
            s.message = s.lang == .vi ? "Không có năm \(year)." : "No year \(year)."
            return []
        }
        s.location.year = year
        return relocate(selection: selection(s), &s)
    }

    /// A new unit or year: everything on screen is reloaded, the selection kept where it makes sense.
    static func relocate(selection: Int, _ s: inout AppState) -> [Effect] {
        guard !s.isEmptyDatabase else { return [] }
        s.units = UnitsScreenState(selected: selection, sort: s.units.sort, descending: s.units.descending)
        s.units.offset = max(0, selection - Layouts.visibleRows(s) + 1)
        s.models = ModelsScreenState(selected: 0, fieldCode: s.models.fieldCode, kind: s.models.kind, status: s.models.status)
        if s.screen == .models { s.models.selected = selection }
        s.satisfaction = nil
        s.trend = [:]
        s.isLoading = true
        return [.loadOverview(s.location.unitID, year: s.location.year)]
    }

    static func overviewLoaded(_ o: Overview, _ s: inout AppState) -> [Effect] {
        s.isLoading = false
        s.overview = o
        // A merged unit opens as its successor: follow it so Back returns sensibly.
        s.location.unitID = o.unit.unit.id
        // A unit with nothing below it (a commune) opens on its own overview.
        if s.screen == .units, o.children.isEmpty, !s.backStack.isEmpty { s.screen = .overview }
        var effects: [Effect] = [.loadTrend(unitIDs: o.subtreeUnitIDs, years: s.phaseYears, unit: o.unit.unit.id)]
        effects += loadScreen(&s)
        return effects
    }

    // MARK: - Mouse

    static func click(x: Int, y: Int, _ s: inout AppState) -> [Effect] {
        // Row 0 holds the screen tabs.
        if y == 0, let screen = Chrome.tab(at: x, s) { return show(screen, &s) }
        guard let row = Layouts.row(at: y, s) else { return [] }
        return move(to: row, &s)
    }

    // MARK: - Printing

    public static func printJob(_ s: AppState) -> PrintJob {
        let w = Words(s.lang)
        let unitName = s.overview?.unit.unit.name ?? ""
        var header = [
            "\(w.title) — \(s.screen.title(s.lang))",
            "\(w.unit): \((s.overview?.path.map(\.name) ?? [unitName]).joined(separator: " › "))",
            "\(w.year.capitalized): \(s.location.year)",
        ]
        if let d = s.dataAsOf { header.append("\(w.dataAsOf): \(d)") }
        if !s.officer.isEmpty { header.append((s.lang == .vi ? "Cán bộ: " : "Officer: ") + s.officer) }
        return PrintJob(screen: s.screen, unitName: unitName, year: s.location.year, buffer: View.render(s), header: header)
    }
}
