import DVKCore
import Foundation
import TerminalUI

/// One row of the transcription grid.
public struct GridRow: Hashable, Sendable {
    /// Index into the grid's units; nil until chosen (a district's grid has no default commune).
    public var unit: Int?
    public var field = 0
    public var title = TextInput("")
    /// The verdict for the grid's year: nil = not evaluated yet. Never carried to the next row.
    public var effective: Bool?
    public var kind = ModelKind.collective
    public var launched = TextInput("")
    public var error: String?
    /// Set once the row is saved; later saves update that model.
    public var savedModelID: Model.ID?
    public var isDirty = false
    /// The store found a model of the same title in that unit and year; the
    /// next save of this line (F2, or ending it again) adds it anyway.
    public var duplicateOf: String?

    public var isBlank: Bool { title.text.trimmingCharacters(in: .whitespaces).isEmpty && savedModelID == nil }

    /// The next row starts with what a paper report lists once for many
    /// lines: the unit, the field heading, the kind and the launch date.
    func carriedOver() -> GridRow {
        var next = GridRow()
        (next.unit, next.field, next.kind, next.launched) = (unit, field, kind, launched)
        return next
    }
}

/// The grid's columns, left to right: what carries over first (the date,
/// the unit, the field heading), then what every line of a report changes
/// (the title and the verdict), then the kind, rarely changed.
public enum GridColumn: Int, CaseIterable, Sendable {
    /// Ngày ra mắt
    case launched
    /// Đơn vị
    case unit
    /// Lĩnh vực
    case field
    /// Tên mô hình
    case title
    /// Hiệu quả
    case effective
    /// Loại
    case kind
}

/// The spreadsheet-like grid for many models of a unit and the units under it, for one year.
public struct GridState: Hashable, Sendable {
    /// Where the grid was opened; its units are this one and those under it.
    public var unit: OrgUnit
    public var year: Int
    public var fields: [Field]
    /// The units a row may name: the unit itself, then those under it, nearest first.
    public var units: [Choice]
    public var rows: [GridRow] = [GridRow()]
    public var row = 0
    public var column = GridColumn.title.rawValue
    public var telex = false
    /// Letters typed in the unit column: the first unit whose name holds them is chosen.
    public var unitSearch = ""
    /// Esc with rows that would be lost asks this first (only `.discard`).
    public var question: FormQuestion?
    /// Esc saved the row being typed: the grid closes once the store agrees.
    public var isClosing = false

    public static let columns = GridColumn.allCases.count

    public var focusedColumn: GridColumn { GridColumn(rawValue: column) ?? .title }

    /// Rows typed but not stored: Esc would lose them.
    public var unsavedRows: [Int] { rows.indices.filter { rows[$0].isDirty && !rows[$0].isBlank } }

    /// The first unit whose name holds `text`, tone marks and case aside.
    func unitIndex(matching text: String) -> Int? {
        let key = VietnameseText.searchKey(text)
        guard !key.isEmpty else { return nil }
        return units.firstIndex { VietnameseText.searchKey($0.label).contains(key) }
    }

    public func unitID(_ r: GridRow) -> OrgUnit.ID? { r.unit.flatMap { units.indices.contains($0) ? Int64(units[$0].value) : nil } }
}

enum GridUpdate {
    static func open(_ unit: OrgUnit, _ s: inout AppState) -> [Effect] {
        if let why = s.entryRefusal {
            s.notice = .info(why)
            return []
        }
        let fields = (s.overview?.fields ?? Field.standard).sorted { $0.sortOrder < $1.sortOrder }
        let c = FormContext(s)
        // The units under it in the order the units screen lists them (communes first), then the unit itself.
        let below = s.overview?.unit.unit.id == unit.id ? (s.overview?.children ?? []).map { Choice(String($0.unit.id), $0.unit.name) } : []
        var g = GridState(unit: unit, year: s.location.year, fields: fields, units: below + [Choice(String(unit.id), unit.name)])
        // A unit with units under it is where several communes are entered: the first row asks which.
        g.rows[0].unit = below.isEmpty ? 0 : nil
        g.rows[0].launched = TextInput(c.dayOnScreen?.description ?? "")
        // The cursor starts on the first cell that needs typing.
        let first: GridColumn = c.dayOnScreen == nil ? .launched : below.isEmpty ? .title : .unit
        g.column = first.rawValue
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
        case .previousField:
            g.column = max(0, g.column - 1)
            g.unitSearch = ""
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
        // A row the store already turned back (a locked year) is asked about, not sent again and again.
        if unsaved == [g.row], g.rows[g.row].error == nil {
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
        // Single-key cells take their key and move on, so a line of a report is its title, Tab and c.
        var moveOn = false
        switch g.focusedColumn {
        case .title, .launched:
            let isTitle = g.focusedColumn == .title
            var input = isTitle ? r.title : r.launched
            input.limit = TextEntry.limit(for: isTitle ? .text : .date)
            guard TextEntry.apply(key, to: &input, telex: g.telex && isTitle, &s) else { return [] }
            if isTitle { r.title = input } else { r.launched = input }
        case .unit:
            // Unit: ←/→ go through the grid's units; letters find one by name (tone marks optional).
            let n = g.units.count
            guard n > 0 else { return [] }
            if key == .left || key == .right {
                r.unit = r.unit.map { ($0 + (key == .left ? n - 1 : 1)) % n } ?? (key == .left ? n - 1 : 0)
                g.unitSearch = ""
            } else if case let .character(ch) = key {
                g.unitSearch.append(ch)
                guard let i = g.unitIndex(matching: g.unitSearch) else { g.unitSearch.removeLast(); return [] }
                r.unit = i
            } else if key == .backspace, !g.unitSearch.isEmpty {
                g.unitSearch.removeLast()
                if let i = g.unitIndex(matching: g.unitSearch) { r.unit = i }
            } else { return [] }
        case .field where !g.fields.isEmpty:
            // Field: its number 1–4 (and on to the title), or ←/→.
            if case let .character(c) = key, let n = Int(String(c)), (1...g.fields.count).contains(n) { r.field = n - 1; moveOn = true }
            else if key == .left { r.field = (r.field + g.fields.count - 1) % g.fields.count }
            else if key == .right || key == .character(" ") { r.field = (r.field + 1) % g.fields.count }
            else { return [] }
        case .field: return []
        case .kind:
            // Kind: t = tập thể (collective), c = cá nhân (individual); Space switches.
            if key == .character("t") { r.kind = .collective }
            else if key == .character("c") { r.kind = .individual }
            else if key == .character(" ") || key == .left || key == .right { r.kind = r.kind == .collective ? .individual : .collective }
            else { return [] }
        case .effective:
            // Effective: c = có (yes), k = không (no) end the line (saved, next line); Space cycles có → không → chưa đánh giá.
            if key == .character("c") { r.effective = true; moveOn = true }
            else if key == .character("k") { r.effective = false; moveOn = true }
            else if key == .character(" ") { r.effective = r.effective == true ? false : r.effective == false ? nil : true }
            else if key == .backspace || key == .delete { r.effective = nil }
            else { return [] }
        }
        r.isDirty = true
        g.rows[g.row] = r
        guard moveOn else { return [] }
        if g.focusedColumn == .effective { return finishRow(&g, &s) }
        return advance(&g, &s)
    }

    /// Enter and Tab move along the row, then on to a new row (saving this one).
    static func advance(_ g: inout GridState, _ s: inout AppState) -> [Effect] {
        g.unitSearch = ""
        if g.column < GridState.columns - 1 {
            g.column += 1
            return []
        }
        return finishRow(&g, &s)
    }

    /// The line is done: saved, and the next line starts with what carries over.
    static func finishRow(_ g: inout GridState, _ s: inout AppState) -> [Effect] {
        let effects = leaveRow(&g, &s)
        if g.rows[g.row].error == nil {
            if g.row == g.rows.count - 1 { g.rows.append(g.rows[g.row].carriedOver()) }
            g.row += 1
            g.column = GridColumn.title.rawValue
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
        // "15/3" in a 2025 grid is 15/03/2025: the grid's year is the report's.
        let launched = Day(parsing: launchedText) ?? Day(parsing: launchedText + "/\(g.year)")
        if let launched, launched.description != launchedText { r.launched = TextInput(launched.description) }
        var m = Model(id: r.savedModelID ?? 0, unitID: g.unitID(r) ?? g.unit.id, kind: r.kind, title: r.title.text.trimmingCharacters(in: .whitespaces),
                      fieldCode: g.fields.indices.contains(r.field) ? g.fields[r.field].code : "", launchedOn: launched)
        var issues: [ValidationIssue] = []
        if g.unitID(r) == nil { issues.append(ValidationIssue(field: "unit", problem: .required)) }
        issues += Validator(today: s.today).check(m)
        if !launchedText.isEmpty && launched == nil { issues.append(ValidationIssue(field: "launchedOn", problem: .notADate(launchedText))) }
        if r.effective != nil, launched.map({ $0.year > g.year }) ?? true {
            issues.append(ValidationIssue(field: "launchedOn", problem: .notLaunchedBy(year: g.year, launched: launched)))
        } else if let l = launched, l.year > g.year {
            // Not evaluated, but still a model of a later year typed into this year's grid.
            issues.append(ValidationIssue(field: "launchedOn", problem: .launchedAfterGridYear(l, year: g.year)))
        }
        if let first = issues.first {
            s.notice = nil
            r.error = (columnName(first.field, s.texts).map { "\($0): " } ?? "") + first.message(s.lang)
            g.rows[g.row] = r
            return []
        }
        r.error = nil
        g.rows[g.row] = r
        m.registeredOn = nil
        let confirmed = r.duplicateOf.map { VietnameseText.searchKey($0) == VietnameseText.searchKey(m.title) } ?? false
        return [.save(.gridRow(m, year: g.year, effective: r.effective, confirmedDuplicate: confirmed))]
    }

    /// The column a message is about, so a line's error says where to look.
    static func columnName(_ field: String, _ t: Texts) -> String? {
        switch field {
        case "unit": return t.words.unit
        case "title": return t.pick("Tên mô hình", "Title")
        case "launchedOn": return t.pick("Ngày ra mắt", "Launched")
        case "fieldCode": return t.pick("Lĩnh vực", "Field")
        default: return nil
        }
    }

    /// The store answered a grid row.
    static func saved(_ request: SaveRequest, _ outcome: SaveOutcome, _ s: inout AppState) -> [Effect] {
        if case let .saved(change, _, _) = outcome {
            s.undoStack.append(change)
            s.redoStack.removeAll()
        }
        // The grid was closed before the store answered: the figures still changed.
        guard var g = s.grid, case let .gridRow(m, _, _, _) = request else { return Update.reload(&s) }
        let index = g.rows.firstIndex { $0.savedModelID == m.id && m.id != 0 }
            ?? g.rows.lastIndex { $0.title.text.trimmingCharacters(in: .whitespaces) == m.title && $0.savedModelID == nil }
        switch outcome {
        case let .saved(_, modelID, _):
            if let i = index {
                g.rows[i].savedModelID = modelID ?? g.rows[i].savedModelID
                g.rows[i].isDirty = false
                g.rows[i].error = nil
                g.rows[i].duplicateOf = nil
            }
            s.notice = .info(s.texts.saved)
        case let .duplicate(title):
            let year = m.launchedOn?.year ?? g.year
            if let i = index {
                g.rows[i].duplicateOf = m.title
                g.rows[i].error = s.texts.pick("Đã có mô hình “\(title)” ở đơn vị này trong năm \(year): sửa tên, hoặc F2 để vẫn thêm.",
                                               "“\(title)” already exists in this unit in \(year): change the title, or F2 to add it anyway.")
            }
            s.notice = nil
            g.isClosing = false
        case let .refused(text, _):
            if let i = index { g.rows[i].error = text }
            // A stale "Đã lưu" would contradict the line's message.
            s.notice = nil
            // The store said no: the grid stays open on the row, not closed over it.
            g.isClosing = false
        }
        // A line the store turned back: the cursor goes back to it from the blank line it moved on to.
        if case .saved = outcome {} else if let i = index, i != g.row, g.rows[g.row].isBlank, !g.rows[g.row].isDirty {
            g.row = i
            g.column = GridColumn.title.rawValue
        }
        s.grid = g
        return g.isClosing ? close(&s) : []
    }
}
