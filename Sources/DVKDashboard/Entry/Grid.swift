import DVKCore
import Foundation
import TerminalUI

/// One row of the transcription grid.
public struct GridRow: Hashable, Sendable {
    public var title = TextInput("")
    public var field = 0
    public var kind = ModelKind.collective
    public var launched = TextInput("")
    /// The verdict for the grid's year: nil = not evaluated yet.
    public var effective: Bool?
    public var error: String?
    /// Set once the row is saved; later saves update that model.
    public var savedModelID: Model.ID?
    public var isDirty = false

    public var isBlank: Bool { title.text.trimmingCharacters(in: .whitespaces).isEmpty && savedModelID == nil }
}

/// The spreadsheet-like grid for many models of one unit and year.
public struct GridState: Hashable, Sendable {
    public var unit: OrgUnit
    public var year: Int
    public var fields: [Field]
    public var rows: [GridRow] = [GridRow()]
    public var row = 0
    public var column = 0
    public var telex = false
    /// Esc with rows that would be lost asks this first (only `.discard`).
    public var question: FormQuestion?
    /// Esc saved the row being typed: the grid closes once the store agrees.
    public var isClosing = false

    public static let columns = 5

    /// Rows typed but not stored: Esc would lose them.
    public var unsavedRows: [Int] { rows.indices.filter { rows[$0].isDirty && !rows[$0].isBlank } }
}

enum GridUpdate {
    static func open(_ unit: OrgUnit, _ s: inout AppState) -> [Effect] {
        guard !s.isReadOnly else {
            s.notice = .info(s.texts.readOnly)
            return []
        }
        let fields = (s.overview?.fields ?? Field.standard).sorted { $0.sortOrder < $1.sortOrder }
        var g = GridState(unit: unit, year: s.location.year, fields: fields)
        g.rows[0].launched = TextInput(s.today.description)
        s.mode = .grid(g)
        return []
    }

    static func perform(_ a: Action, _ s: inout AppState) -> [Effect] {
        guard var g = s.grid else { return [] }
        defer { if s.grid != nil { s.grid = g } }
        // While the question is open only its answers and Esc count.
        if g.question != nil, a != .cancelForm, a != .confirmYes, a != .confirmNo { return [] }
        switch a {
        case .nextField: return advance(&g, &s)
        case .previousField: g.column = max(0, g.column - 1)
        case .toggleTelex:
            g.telex.toggle()
            s.notice = .info(g.telex ? s.texts.telexOn : s.texts.telexOff)
        case .save: return saveRow(&g, &s)
        case .cancelForm: return escape(&g, &s)
        case .confirmYes where g.question != nil: return close(&s)
        case .confirmNo: g.question = nil
        default: break
        }
        return []
    }

    /// Esc always leaves: at once when nothing would be lost, saving the row
    /// being typed when it is the only one and valid, else after a question.
    static func escape(_ g: inout GridState, _ s: inout AppState) -> [Effect] {
        if g.question != nil {
            g.question = nil
            return []
        }
        let unsaved = g.unsavedRows
        if unsaved.isEmpty { return close(&s) }
        if unsaved == [g.row] {
            let effects = saveRow(&g, &s)
            if !effects.isEmpty {
                g.isClosing = true
                return effects
            }
        }
        g.question = .discard
        return []
    }

    /// The grid closes; rows not stored are dropped.
    static func close(_ s: inout AppState) -> [Effect] {
        s.mode = .normal
        return Update.reload(&s)
    }

    static func key(_ key: Key, _ s: inout AppState) -> [Effect] {
        // A question takes c/y (yes) or k/n (no) and nothing else, as in forms.
        if s.grid?.question != nil {
            guard case let .character(c) = key else { return [] }
            if "cCyY".contains(c) { return perform(.confirmYes, &s) }
            if "kKnN".contains(c) { return perform(.confirmNo, &s) }
            return []
        }
        guard var g = s.grid else { return [] }
        defer { if s.grid != nil { s.grid = g } }
        switch key {
        case .enter: return advance(&g, &s)
        case .up, .down:
            let effects = leaveRow(&g, &s)
            let target = g.row + (key == .up ? -1 : 1)
            if target >= 0 && target < g.rows.count { g.row = target }
            return effects
        default: break
        }
        var r = g.rows[g.row]
        switch g.column {
        case 0, 3:
            var input = g.column == 0 ? r.title : r.launched
            input.limit = TextEntry.limit(for: g.column == 0 ? .text : .date)
            guard TextEntry.apply(key, to: &input, telex: g.telex && g.column == 0, &s) else { return [] }
            if g.column == 0 { r.title = input } else { r.launched = input }
        case 1 where !g.fields.isEmpty:
            // Field: ←/→, or its number 1–4.
            if case let .character(c) = key, let n = Int(String(c)), (1...g.fields.count).contains(n) { r.field = n - 1 }
            else if key == .left { r.field = (r.field + g.fields.count - 1) % g.fields.count }
            else if key == .right || key == .character(" ") { r.field = (r.field + 1) % g.fields.count }
            else { return [] }
        case 1: return []
        case 2:
            // Kind: t = tập thể (collective), c = cá nhân (individual); Space switches.
            if key == .character("t") { r.kind = .collective }
            else if key == .character("c") { r.kind = .individual }
            else if key == .character(" ") || key == .left || key == .right { r.kind = r.kind == .collective ? .individual : .collective }
            else { return [] }
        default:
            // Effective: c = có (yes), k = không (no), Space cycles có → không → chưa đánh giá.
            if key == .character("c") { r.effective = true }
            else if key == .character("k") { r.effective = false }
            else if key == .character(" ") { r.effective = r.effective == true ? false : r.effective == false ? nil : true }
            else if key == .backspace || key == .delete { r.effective = nil }
            else { return [] }
        }
        r.isDirty = true
        g.rows[g.row] = r
        return []
    }

    /// Enter and Tab move along the row, then on to a new row (saving this one).
    static func advance(_ g: inout GridState, _ s: inout AppState) -> [Effect] {
        if g.column < GridState.columns - 1 {
            g.column += 1
            return []
        }
        let effects = leaveRow(&g, &s)
        if g.rows[g.row].error == nil {
            if g.row == g.rows.count - 1 {
                // The new row starts with the launch date of the row above.
                var next = GridRow()
                next.launched = g.rows[g.row].launched
                next.field = g.rows[g.row].field
                g.rows.append(next)
            }
            g.row += 1
            g.column = 0
        }
        return effects
    }

    static func leaveRow(_ g: inout GridState, _ s: inout AppState) -> [Effect] {
        let r = g.rows[g.row]
        guard r.isDirty, !r.isBlank else { return [] }
        return saveRow(&g, &s)
    }

    /// Validates the row and asks the store to save it; errors stay on the row.
    static func saveRow(_ g: inout GridState, _ s: inout AppState) -> [Effect] {
        var r = g.rows[g.row]
        let launchedText = r.launched.text.trimmingCharacters(in: .whitespaces)
        let launched = Day(parsing: launchedText)
        var m = Model(id: r.savedModelID ?? 0, unitID: g.unit.id, kind: r.kind, title: r.title.text.trimmingCharacters(in: .whitespaces),
                      fieldCode: g.fields.indices.contains(r.field) ? g.fields[r.field].code : "", launchedOn: launched)
        var issues = Validator(today: s.today).check(m)
        if !launchedText.isEmpty && launched == nil { issues.append(ValidationIssue(field: "launchedOn", problem: .notADate(launchedText))) }
        if r.effective != nil, launched.map({ $0.year > g.year }) ?? true {
            issues.append(ValidationIssue(field: "launchedOn", problem: .notLaunched))
        }
        if let first = issues.first {
            r.error = first.message(s.lang)
            g.rows[g.row] = r
            return []
        }
        r.error = nil
        g.rows[g.row] = r
        m.registeredOn = nil
        return [.save(.gridRow(m, year: g.year, effective: r.effective))]
    }

    /// The store answered a grid row.
    static func saved(_ request: SaveRequest, _ outcome: SaveOutcome, _ s: inout AppState) -> [Effect] {
        if case let .saved(auditIDs, _, _) = outcome {
            s.undoStack += auditIDs
            s.redoStack.removeAll()
        }
        // The grid was closed before the store answered: the figures still changed.
        guard var g = s.grid, case let .gridRow(m, _, _) = request else { return Update.reload(&s) }
        let index = g.rows.firstIndex { $0.savedModelID == m.id && m.id != 0 }
            ?? g.rows.lastIndex { $0.title.text.trimmingCharacters(in: .whitespaces) == m.title && $0.savedModelID == nil }
        switch outcome {
        case let .saved(_, modelID, _):
            if let i = index {
                g.rows[i].savedModelID = modelID ?? g.rows[i].savedModelID
                g.rows[i].isDirty = false
                g.rows[i].error = nil
            }
            s.notice = .info(s.texts.saved)
        case let .refused(text, _), let .duplicate(text):
            if let i = index { g.rows[i].error = text }
            // The store said no: the grid stays open on the row, not closed over it.
            g.isClosing = false
        }
        s.grid = g
        return g.isClosing ? close(&s) : []
    }
}
