import DVKCore
import Foundation
import TerminalUI

/// The message under each field in error.
struct FieldErrors: Error {
    var messages: [FieldKey: String]
}

/// Keys and results while a form is open.
enum FormUpdate {
    static func open(_ kind: FormKind, _ s: inout AppState) -> [Effect] {
        let c = FormContext(s)
        let form = kind.form
        var f = FormState(kind: kind, title: form.title(c.t), note: form.replaceNote(c), fields: form.fields(c))
        for spec in f.fields {
            switch spec.kind {
            case .toggle: f.toggles[spec.key] = false
            case .choice: if !spec.startsUnset { f.picks[spec.key] = 0 }
            default: f.inputs[spec.key] = TextInput("")
            }
        }
        form.fill(&f, c)
        f.isDirty = false
        f.basis = s.dataMark
        s.mode = .form(f)
        return []
    }

    static func close(_ s: inout AppState) {
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
            s.notice = .info(f.telex ? s.texts.telexOn : s.texts.telexOff)
        case .cancelForm:
            if f.picking != nil {
                f.picking = nil
            } else if f.question != nil {
                f.question = nil
            } else if f.isDirty {
                f.question = .discard
            } else {
                close(&s)
                s.notice = nil
            }
        case .confirmYes:
            switch f.question {
            case .discard?:
                close(&s)
                s.notice = nil
            case .duplicate?:
                f.question = nil
                if case let .success(.addModel(m, _)) = request(f, s) { return [.save(.addModel(m, confirmedDuplicate: true), basis: f.basis)] }
            case let .consequences(request, _)?:
                f.question = nil
                return [.save(request, basis: f.basis)]
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
        defer { if s.form != nil { s.form = f } }
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
                f.picks[spec.key] = f.picks[spec.key].map { ($0 + (key == .left ? n - 1 : 1)) % n } ?? (key == .left ? n - 1 : 0)
                changed(&f, spec, s)
            default: break
            }
        case .toggle:
            if key == .character(" ") || key == .enter || key == .left || key == .right {
                f.toggles[spec.key] = !(f.toggles[spec.key] ?? false)
                changed(&f, spec, s)
            }
        default:
            if key == .enter { move(&f, by: 1, s.lang); return [] }
            var input = f.inputs[spec.key] ?? TextInput("")
            input.limit = TextEntry.limit(for: spec.kind)
            guard TextEntry.apply(key, to: &input, telex: f.telex, &s) else { return [] }
            f.inputs[spec.key] = input
            f.isDirty = true
            f.errors[spec.key] = nil
            // Some forms follow a typed value (the evaluation form, its year).
            f.kind.form.changed(spec.key, &f, FormContext(s))
        }
        return []
    }

    static func changed(_ f: inout FormState, _ spec: FieldSpec, _ s: AppState) {
        f.isDirty = true
        f.errors[spec.key] = nil
        f.kind.form.changed(spec.key, &f, FormContext(s))
    }

    /// Leaving a field checks it, so the message appears under it at once.
    static func move(_ f: inout FormState, by delta: Int, _ lang: Language) {
        if let spec = f.focusedField { f.errors[spec.key] = fieldError(f, spec, lang) }
        f.focus = (f.focus + delta + f.fields.count) % max(1, f.fields.count)
        f.picking = nil
    }

    /// The message for one field as typed.
    static func fieldError(_ f: FormState, _ spec: FieldSpec, _ lang: Language) -> String? {
        let issue: ValidationProblem?
        switch spec.kind {
        case .choice: issue = spec.required && f.choice(spec.key) == nil ? .notChosen : nil
        case .toggle: issue = nil
        default: issue = FieldParse.problem(spec, f.text(spec.key))
        }
        return issue.map { ValidationIssue(field: spec.key.rawValue, problem: $0).message(lang) }
    }

    /// Every field read and every rule checked: a request, or a message per field
    /// (a field's own message wins over a rule's).
    static func request(_ f: FormState, _ s: AppState) -> Result<SaveRequest, FieldErrors> {
        var errors: [FieldKey: String] = [:]
        for spec in f.fields { if let e = fieldError(f, spec, s.lang) { errors[spec.key] = e } }
        switch f.kind.form.read(FormReader(form: f, context: FormContext(s))) {
        case let .success(request) where errors.isEmpty: return .success(request)
        case .success: return .failure(FieldErrors(messages: errors))
        case let .failure(issues):
            return .failure(FieldErrors(messages: issues.byField.mapValues { $0.message(s.lang) }.merging(errors) { _, field in field }))
        }
    }

    static func save(_ f: inout FormState, _ s: inout AppState) -> [Effect] {
        switch request(f, s) {
        case let .success(request):
            // The figures that change: the current year's, where a move or merger is felt, and the year on screen.
            let years = Array(Set([s.today.year, s.location.year])).sorted()
            return [f.kind.confirmsConsequences ? .preview(request, years: years) : .save(request, basis: f.basis)]
        case let .failure(failure):
            let errors = failure.messages
            f.errors = errors
            // The cursor goes to the first field in error.
            if let first = f.fields.firstIndex(where: { errors[$0.key] != nil }) { f.focus = first }
            s.notice = .error(s.texts.fixErrors(errors.count))
            return []
        }
    }

    /// The store answered a save.
    static func saved(_ request: SaveRequest, _ outcome: SaveOutcome, _ s: inout AppState) -> [Effect] {
        switch outcome {
        case let .saved(change, _, unitID):
            if case let .approval(step, _, year, _) = request {
                // Not undone: an approval is unlocked, with a reason, by an approver.
                s.notice = .info(s.texts.approvalTaken(step, year: year))
            } else {
                s.undoStack.append(change)
                s.redoStack.removeAll()
                s.notice = .info(s.texts.saved)
            }
            if s.mode.kind == .form { close(&s) }
            if s.isEmptyDatabase, let unitID {
                // The first unit: the dashboard now has somewhere to be.
                s.isEmptyDatabase = false
                s.location.unitID = unitID
            }
            return Update.reload(&s)
        case let .duplicate(title):
            s.form?.question = .duplicate(title)
            return []
        case let .refused(text, field):
            if let key = field.flatMap(FieldKey.init(validatorField:)), let i = s.form?.fields.firstIndex(where: { $0.key == key }) {
                s.form?.errors[key] = text
                s.form?.focus = i
            }
            s.notice = .error(text)
            return []
        }
    }
}
