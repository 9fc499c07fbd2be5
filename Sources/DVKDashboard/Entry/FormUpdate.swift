import DVKCore
import Foundation
import TerminalUI

/// Keys and results while a form is open.
enum FormUpdate {
    static func open(_ kind: FormKind, _ s: inout AppState) -> [Effect] {
        guard !s.isReadOnly else {
            s.message = Texts(s.lang).readOnly
            return []
        }
        s.form = Forms.open(kind, s)
        s.mode = .form
        return []
    }

    static func close(_ s: inout AppState) {
        s.form = nil
        s.mode = .normal
    }

    /// A form action from the key table.
    static func perform(_ a: Action, _ s: inout AppState) -> [Effect] {
        guard var f = s.form else { return [] }
        defer { if s.form != nil { s.form = f } }
        switch a {
        case .nextField: move(&f, by: 1, s.lang)
        case .previousField: move(&f, by: -1, s.lang)
        case .save: return save(&f, &s)
        case .toggleTelex:
            f.telex.toggle()
            s.message = f.telex ? Texts(s.lang).telexOn : Texts(s.lang).telexOff
        case .cancelForm:
            if f.picking != nil {
                f.picking = nil
            } else if f.question != nil {
                f.question = nil
            } else if f.isDirty {
                f.question = .discard
            } else {
                close(&s)
                s.message = nil
            }
        case .confirmYes:
            switch f.question {
            case .discard?:
                close(&s)
                s.message = nil
            case let .duplicate(title)?:
                f.question = nil
                let (request, _) = Forms.request(f, s)
                if case let .addModel(m, _)? = request {
                    _ = title
                    return [.save(.addModel(m, confirmedDuplicate: true))]
                }
            case nil: break
            }
        case .confirmNo:
            f.question = nil
        default: break
        }
        return []
    }

    /// Editing keys: text, choices, toggles, the pick list.
    static func key(_ key: Key, _ s: inout AppState) -> [Effect] {
        // A question takes c/y (yes) or k/n (no) and nothing else.
        if s.form?.question != nil {
            guard case let .character(c) = key else { return [] }
            if "cCyY".contains(c) { return perform(.confirmYes, &s) }
            if "kKnN".contains(c) { return perform(.confirmNo, &s) }
            return []
        }
        guard var f = s.form, let spec = f.focusedField else { return [] }
        defer { s.form = f }
        if f.picking == nil, key == .up || key == .down {
            move(&f, by: key == .up ? -1 : 1, s.lang)
            return []
        }
        if var list = f.picking {
            if key == .enter {
                if let i = list.selectedItem { f.picks[spec.key] = i; changed(&f, spec, s) }
                f.picking = nil
            } else {
                _ = list.handle(key)
                f.picking = list
            }
            return []
        }
        switch spec.kind {
        case let .choice(options):
            switch key {
            case .enter, .character(" "):
                var list = PickList(items: options.map(\.label), fold: { VietnameseText.searchKey($0) })
                list.select(f.picks[spec.key] ?? 0)
                f.picking = list
            case .left, .right:
                let n = options.count
                guard n > 0 else { return [] }
                f.picks[spec.key] = ((f.picks[spec.key] ?? 0) + (key == .left ? n - 1 : 1)) % n
                changed(&f, spec, s)
            default: break
            }
        case .toggle:
            if key == .character(" ") || key == .enter || key == .left || key == .right {
                f.toggles[spec.key] = !(f.toggles[spec.key] ?? false)
                f.isDirty = true
            }
        default:
            if key == .enter { move(&f, by: 1, s.lang); return [] }
            var input = f.inputs[spec.key] ?? TextInput("")
            input.limit = TextEntry.limit(for: spec.kind)
            guard TextEntry.apply(key, to: &input, telex: f.telex, &s) else { return [] }
            f.inputs[spec.key] = input
            f.isDirty = true
            f.errors[spec.key] = nil
        }
        return []
    }

    /// A choice changed: some forms fill other fields from it.
    static func changed(_ f: inout FormState, _ spec: FieldSpec, _ s: AppState) {
        f.isDirty = true
        f.errors[spec.key] = nil
        if case .target = f.kind, spec.key == "code",
           let t = s.overview?.unit.targets.map(\.target).first(where: { $0.code == f.choice("code")?.value }) {
            Forms.loadTarget(&f, t, s.lang)
        }
    }

    /// Leaving a field checks it, so the message appears under it at once.
    static func move(_ f: inout FormState, by delta: Int, _ lang: Language) {
        if let spec = f.focusedField { f.errors[spec.key] = Forms.fieldError(f, spec, lang) }
        f.focus = (f.focus + delta + f.fields.count) % max(1, f.fields.count)
        f.picking = nil
    }

    static func save(_ f: inout FormState, _ s: inout AppState) -> [Effect] {
        let (request, errors) = Forms.request(f, s)
        f.errors = errors
        guard let request else {
            // The cursor goes to the first field in error.
            if let first = f.fields.firstIndex(where: { errors[$0.key] != nil }) { f.focus = first }
            s.message = Texts(s.lang).fixErrors(errors.count)
            return []
        }
        s.isLoading = true
        return [.save(request)]
    }

    /// The store answered a save.
    static func saved(_ request: SaveRequest, _ outcome: SaveOutcome, _ s: inout AppState) -> [Effect] {
        if case .gridRow = request { return GridUpdate.saved(request, outcome, &s) }
        s.isLoading = false
        let t = Texts(s.lang)
        switch outcome {
        case let .saved(auditIDs, _):
            s.undoStack += auditIDs
            s.redoStack.removeAll()
            s.message = t.saved
            if s.mode == .form { close(&s) }
            return Update.reload(&s)
        case let .duplicate(title):
            s.form?.question = .duplicate(title)
            return []
        case let .refused(text, field):
            if let field, let i = s.form?.fields.firstIndex(where: { $0.key == Forms.fieldKey(field) }) {
                s.form?.errors[Forms.fieldKey(field)] = text
                s.form?.focus = i
            }
            s.message = "⚠ " + text
            return []
        }
    }
}
