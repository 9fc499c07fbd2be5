import DVKCore
import TerminalUI

/// The app's own update: results, the keys every screen shares, and the
/// requests screens make (drill, open a form, show a notice). A screen's own
/// keys go to the screen through `ScreenDispatch`. Pure: it changes `state`
/// and returns the effects to run.
public enum Update {
    /// What to load when the dashboard opens.
    public static func start(_ state: inout AppState) -> [Effect] {
        guard !state.isEmptyDatabase else { return [] }
        state.isLoading = true
        return [.loadOverview(state.location.unitID, year: state.location.year, map: state.map)]
    }

    public static func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        var effects = handle(&state, msg)
        if !state.isLoading { effects += keepSelectionInList(&state) }
        if effects.contains(where: \.showsLoading) { state.isLoading = true }
        return effects
    }

    /// A list can shrink under its selection (a late result replaces a longer
    /// list, an undo removes a row): keep it on a row.
    static func keepSelectionInList(_ s: inout AppState) -> [Effect] {
        ScreenDispatch.update(&s) { m, app in
            let i = m.selectedRow(app), count = m.rowCount(app)
            let kept = count == 0 ? 0 : min(max(0, i), count - 1)
            return kept == i ? [] : m.select(row: kept, app).effects
        }
    }

    static func handle(_ s: inout AppState, _ msg: Msg) -> [Effect] {
        switch msg {
        case let .action(a): return perform(a, &s)
        case let .typed(c):
            guard let draft = s.searchDraft else { return [] }
            return search(draft + String(c), &s)
        case let .pasted(text):
            guard let draft = s.searchDraft else { return [] }
            // One search for the whole paste, on one line, cut at the prompt's limit.
            var input = TextInput(draft, limit: TextEntry.searchLimit)
            input.insert(text)
            return input.text == draft ? [] : search(input.text, &s)
        case let .resized(size):
            s.size = size
            // Keep the selection on screen in the new size.
            return screenStep(&s) { m, app in m.select(row: m.selectedRow(app), app) }
        case let .clicked(x, y): return click(x: x, y: y, &s)
        case let .scrolled(down): return perform(down ? .down : .up, &s)
        case let .overviewLoaded(o): return overviewLoaded(o, &s)
        case let .trendLoaded(unit, trend):
            if unit == s.overview?.unit.unit.id { s.trend = trend }
            return []
        case .modelsLoaded, .detailLoaded, .satisfactionLoaded, .historyLoaded:
            s.isLoading = false
            return screenStep(&s) { m, app in m.receive(msg, app) }
        case let .printed(paths):
            s.notice = .info(s.texts.pick("Đã in: ", "Printed: ") + paths.joined(separator: ", "))
            return []
        case let .filesWritten(what, paths):
            s.isLoading = false
            // One name and its other extensions: both fit the status line (“….xlsx, .csv”).
            let others = paths.dropFirst().map { p in p.split(separator: ".").last.map { ", ." + $0 } ?? ", " + p }
            s.notice = .info(what + ": " + (paths.first ?? "") + others.joined())
            return []
        case let .failed(text):
            s.isLoading = false
            s.notice = .error(text)
            return []
        case let .storeMark(mark):
            s.dataMark = max(mark, s.dataMark ?? 0)
            return []
        case .storeChanged:
            return reload(&s)
        case let .formRebased(mark):
            s.form?.basis = mark
            return []
        case let .formReady(kind):
            s.isLoading = false
            return FormUpdate.open(kind, &s)
        case let .consequences(request, lines):
            s.isLoading = false
            s.form?.question = .consequences(request, lines)
            return []
        case let .saved(request, outcome):
            s.isLoading = false
            if case .gridRow = request { return GridUpdate.saved(request, outcome, &s) }
            return FormUpdate.saved(request, outcome, &s)
        case let .reverted(id, undo, result):
            s.isLoading = false
            return reverted(id, undo: undo, result, &s)
        case let .formKey(key):
            return s.mode.kind == .grid ? GridUpdate.key(key, &s) : FormUpdate.key(key, &s)
        case let .goToKey(key): return GoToUpdate.key(key, &s)
        case let .unitsFound(text, found): return GoToUpdate.found(text, found, &s)
        }
    }

    /// Runs a screen function and carries out what it asks of the app.
    static func screenStep(_ s: inout AppState, _ body: (inout any ScreenModel, AppState) -> Step) -> [Effect] {
        let step = ScreenDispatch.update(&s, body)
        var effects = step.effects
        for r in step.requests { effects += carry(r, &s) }
        return effects
    }

    static func carry(_ r: Request, _ s: inout AppState) -> [Effect] {
        switch r {
        case let .drill(id): return drill(into: id, &s)
        case let .open(kind): return Entry.prepare(kind, &s)
        case let .openGrid(unit): return GridUpdate.open(unit, &s)
        case let .notice(n):
            s.notice = n
            return []
        case let .show(screen): return show(screen, &s)
        case let .save(request):
            if let why = s.refusal(for: request) { s.notice = .info(why); return [] }
            return [.save(request)]
        }
    }

    /// Everything on screen read again (after a save, undo or redo): the
    /// screen as the officer had it, same row, same filter, same search.
    static func reload(_ s: inout AppState) -> [Effect] {
        guard !s.isEmptyDatabase else { return [] }
        s.screen = s.screen.model.refreshed().wrapped
        s.otherScreens = s.otherScreens.mapValues { $0.model.refreshed().wrapped }
        s.trend = [:]
        return [.loadOverview(s.location.unitID, year: s.location.year, map: s.map)]
    }

    static func reverted(_ id: Int64, undo: Bool, _ result: Result<String, RevertFailure>, _ s: inout AppState) -> [Effect] {
        let t = s.texts
        switch result {
        case let .success(what):
            if undo {
                s.undoStack.removeAll { $0 == id }
                s.redoStack.append(id)
                s.notice = .info(t.undone(what))
            } else {
                s.redoStack.removeAll { $0 == id }
                s.undoStack.append(id)
                s.notice = .info(t.redone(what))
            }
            return reload(&s)
        case let .failure(f):
            s.notice = .error(f.message)
            return []
        }
    }

    // MARK: - Keys every screen shares

    static func perform(_ a: Action, _ s: inout AppState) -> [Effect] {
        // The go-to box takes its own keys (↑ ↓ move in its list, not the screen's).
        if s.mode.kind == .goTo, a != .quit { return GoToUpdate.perform(a, &s) }
        if s.mode == .normal { s.notice = nil }
        let t = s.texts
        switch a {
        case .openGoTo: return GoToUpdate.open(&s)
        case let .show(screen): return show(screen, &s)
        case .nextScreen: return show(s.screen.id.next, &s)
        case .previousScreen: return show(s.screen.id.previous, &s)
        case .up: return move(by: -1, &s)
        case .down: return move(by: 1, &s)
        case .pageUp: return move(by: -max(1, s.size.height - 8), &s)
        case .pageDown: return move(by: max(1, s.size.height - 8), &s)
        case .top: return move(to: 0, &s)
        case .bottom: return move(to: Int.max, &s)
        case .back: return back(&s)
        case .previousYear: return changeYear(by: -1, &s)
        case .nextYear: return changeYear(by: 1, &s)
        case .toggleMap:
            s.map = s.map.toggled(today: s.today)
            s.notice = .info(s.texts.words.mapView(s.map))
            return reload(&s)
        case .startSearch:
            s.mode = .search(draft: s.screen.model.search ?? "")
            return []
        case .commitSearch:
            s.mode = .normal
            return []
        case .cancelSearch:
            let effects = search("", &s)
            s.mode = .normal
            return effects
        case .deleteBackward:
            guard let draft = s.searchDraft, !draft.isEmpty else { return [] }
            return search(String(draft.dropLast()), &s)
        // Printing needs the frame on screen, which only the view has: `Dashboard.update` answers it.
        case .print: return []
        case .printList, .export:
            guard let job = View.listJob(s) else {
                s.notice = .info(s.texts.pick("Màn hình này không có danh sách để in hay xuất.", "This screen has no list to print or export."))
                return []
            }
            s.isLoading = true
            return [a == .printList ? .printList(job) : .export(job)]
        case .report:
            guard let o = s.overview else { return [] }
            s.isLoading = true
            return [.writeReport(ReportJob(unitID: s.location.unitID, unitName: o.unit.unit.name, year: s.location.year, map: s.map))]
        case .help:
            s.mode = s.mode == .help ? .normal : .help
            return []
        case .closeOverlay:
            s.mode = .normal
            return []
        case .quit:
            s.isFinished = true
            return [.quit]
        case .undo:
            if let why = s.entryRefusal { s.notice = .info(why); return [] }
            guard let id = s.undoStack.last else { s.notice = .info(t.nothingToUndo); return [] }
            return [.revert(auditID: id, undo: true)]
        case .redo:
            if let why = s.entryRefusal { s.notice = .info(why); return [] }
            guard let id = s.redoStack.last else { s.notice = .info(t.nothingToRedo); return [] }
            return [.revert(auditID: id, undo: false)]
        case .nextField, .previousField, .save, .toggleTelex, .cancelForm, .confirmYes, .confirmNo:
            return s.mode.kind == .grid ? GridUpdate.perform(a, &s) : FormUpdate.perform(a, &s)
        case .addRecord where s.isEmptyDatabase:
            return Entry.prepare(FormKind(NewUnitForm(parent: nil)), &s)
        default:
            // Entry keys are refused before any screen sees them when nothing may be written.
            if let why = s.refusal(for: a) { s.notice = .info(why); return [] }
            return screenStep(&s) { m, app in m.perform(a, app) }
        }
    }

    static func search(_ text: String, _ s: inout AppState) -> [Effect] {
        if s.searchDraft != nil { s.mode = .search(draft: text) }
        return screenStep(&s) { m, app in m.setSearch(text, app) }
    }

    static func move(by delta: Int, _ s: inout AppState) -> [Effect] {
        screenStep(&s) { m, app in m.select(row: m.selectedRow(app) + delta, app) }
    }

    static func move(to row: Int, _ s: inout AppState) -> [Effect] {
        screenStep(&s) { m, app in m.select(row: row, app) }
    }

    // MARK: - Going places

    /// Another screen, same place: the unit selected here stays selected there.
    static func show(_ screen: Screen, _ s: inout AppState) -> [Effect] {
        guard screen != s.screen.id, !s.isEmptyDatabase else { return [] }
        let carried = s.screen.model.selectedUnitID(s)
        s.otherScreens[s.screen.id] = s.screen
        var next = s.otherScreens.removeValue(forKey: screen)?.model ?? ScreenDispatch.fresh(screen).model
        next.focus(unit: carried)
        s.screen = next.wrapped
        return screenStep(&s) { m, app in
            var step = Step(m.load(app))
            // Selection revealed in this screen's own geometry.
            step.effects += m.select(row: m.selectedRow(app), app).effects
            return step
        }
    }

    /// `year`: the go-to box opens a unit that counts in no overview of this year in one where it does.
    static func drill(into id: OrgUnit.ID, year: Int? = nil, _ s: inout AppState) -> [Effect] {
        s.backStack.append(Visit(location: s.location, screen: s.screen))
        s.location.unitID = id
        if let year { s.location.year = year }
        s.screen = s.screen.model.relocated().wrapped
        s.otherScreens = [:]
        return loadLocation(&s)
    }

    static func back(_ s: inout AppState) -> [Effect] {
        guard let visit = s.backStack.popLast() else {
            s.notice = .info(s.texts.pick("Đang ở cấp cao nhất.", "Already at the top."))
            return []
        }
        s.location = visit.location
        // Exactly as it was (row, filter, search, scroll); its rows read again.
        s.screen = visit.screen.model.refreshed().wrapped
        s.otherScreens = [:]
        return loadLocation(&s)
    }

    /// Another year, same unit: every screen keeps its filter, search and selected unit.
    static func changeYear(by delta: Int, _ s: inout AppState) -> [Effect] {
        let year = s.location.year + delta
        guard s.years.contains(year) else {
            s.notice = .info(s.texts.pick("Không có năm \(year).", "No year \(year)."))
            return []
        }
        s.location.year = year
        return reload(&s)
    }

    static func loadLocation(_ s: inout AppState) -> [Effect] {
        guard !s.isEmptyDatabase else { return [] }
        s.trend = [:]
        return [.loadOverview(s.location.unitID, year: s.location.year, map: s.map)]
    }

    static func overviewLoaded(_ o: Overview, _ s: inout AppState) -> [Effect] {
        s.isLoading = false
        s.overview = o
        // A merged unit opens as its successor: follow it so Back returns sensibly.
        s.location.unitID = o.unit.unit.id
        // A unit with nothing below it (a commune) has no list to show: its own overview does.
        if s.screen.id == .units, o.children.isEmpty, !s.backStack.isEmpty {
            s.screen = ScreenDispatch.fresh(.overview)
        }
        var effects: [Effect] = [.loadTrend(unitIDs: o.subtreeUnitIDs, years: s.phaseYears, unit: o.unit.unit.id)]
        effects += screenStep(&s) { m, app in
            var step = m.receive(.overviewLoaded(o), app)
            step.effects += m.load(app)
            return step
        }
        return effects
    }

    // MARK: - Mouse

    static func click(x: Int, y: Int, _ s: inout AppState) -> [Effect] {
        // Row 0 holds the screen tabs.
        if y == 0, let screen = Chrome.tab(at: x, s) { return show(screen, &s) }
        guard let row = Layouts.row(at: y, s) else { return [] }
        return move(to: row, &s)
    }
}
