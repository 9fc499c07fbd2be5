import DVKCore
import TerminalUI

/// An open entry form, drawn over the screen it was opened from.
enum FormView {
    static func frame(_ f: FormState, _ body: Rect) -> Rect {
        // One line a field, one more under each error and under the focused field's hint.
        let extra = f.errors.values.count + (f.focusedField?.hint != nil || f.focusedField.map(isChoice) == true ? 1 : 0) + (f.note == nil ? 0 : 1)
        let height = min(body.height, f.fields.count + extra + 2)
        return body.centered(width: min(body.width - 2, 92), height: height)
    }

    static func form(_ f: FormState, _ s: AppState) -> Form {
        let fields = f.fields.enumerated().map { i, spec -> FormField in
            let focused = i == f.focus
            switch spec.kind {
            case .choice:
                return FormField(label: spec.label, value: f.choice(spec.key)?.label ?? s.texts.pick("— chưa chọn —", "— not chosen —"), kind: .choice, isFocused: focused,
                                 isRequired: spec.required, error: f.errors[spec.key], hint: focused ? s.texts.choiceHint : nil)
            case .toggle:
                let on = f.toggles[spec.key] ?? false
                return FormField(label: spec.label, value: on ? s.texts.words.yes : s.texts.words.no,
                                 kind: .toggle(isOn: on), isFocused: focused, isRequired: spec.required, error: f.errors[spec.key])
            default:
                return FormField(label: spec.label, input: f.inputs[spec.key] ?? TextInput(""), isFocused: focused,
                                 isRequired: spec.required, error: f.errors[spec.key], hint: focused ? spec.hint : nil)
            }
        }
        return Form(fields: fields, maxLabelWidth: 26, maxBoxWidth: 56)
    }

    static func render(_ f: FormState, _ s: AppState, into b: inout Buffer, body: Rect) {
        let t = s.texts
        let area = frame(f, body)
        b.fill(area)
        let panel = Panel(title: f.title, isFocused: true)
        panel.render(into: &b, area: area)
        var inner = panel.inner(of: area).inset(dx: 1, dy: 0)
        if let note = f.note {
            // Saving replaces a stored record: said before any field, never after.
            b.write("⚠ " + note, x: inner.x, y: inner.y, role: .atRisk, maxWidth: inner.width)
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
        }
        form(f, s).render(into: &b, area: inner)
        if let list = f.picking, let spec = f.focusedField {
            let popup = body.centered(width: min(body.width - 8, 60), height: min(body.height - 2, 16))
            list.render(into: &b, area: popup, title: spec.label, filterLabel: t.pick("Lọc: ", "Filter: "), placeholder: t.words.none)
        }
        if let q = f.question {
            let text: String
            switch q {
            case .discard: text = t.pick("Bỏ các thay đổi chưa lưu?", "Discard the unsaved changes?")
            case let .duplicate(title):
                let year = Day(parsing: f.text(.launchedOn)).map { String($0.year) }
                text = year.map { t.pick("Đơn vị này đã có mô hình “\(title)” ra mắt năm \($0). Vẫn thêm?", "This unit already has “\(title)” launched in \($0). Add anyway?") }
                    ?? t.pick("Đơn vị này đã có mô hình “\(title)”. Vẫn thêm?", "This unit already has “\(title)”. Add anyway?")
            case let .consequences(_, lines):
                text = lines.joined(separator: "\n")
            }
            var modal = Modal.confirm(title: t.pick("Xác nhận", "Confirm"), text: text, accept: t.pick("c: Có", "y: Yes"), cancel: t.pick("k: Không", "n: No"))
            // A consequence is a list of figures: wide enough to read a line as one, the question
            // in the title so a list too long for the screen is cut (with "…"), never the question.
            if case .consequences = q {
                modal.maxTextWidth = 72
                modal.title = t.pick("Lưu thay đổi này?", "Save this change?")
            }
            modal.render(into: &b, area: body)
        }
    }

    static func isChoice(_ spec: FieldSpec) -> Bool {
        if case .choice = spec.kind { return true }
        return false
    }

    /// Where the terminal cursor goes: in the focused text field or the pick list's filter.
    static func cursor(_ f: FormState, _ s: AppState, body: Rect) -> Point? {
        guard f.question == nil else { return nil }
        if let list = f.picking {
            let popup = body.centered(width: min(body.width - 8, 60), height: min(body.height - 2, 16))
            return list.cursorPosition(in: popup, filterLabel: s.texts.pick("Lọc: ", "Filter: "))
        }
        var inner = Panel().inner(of: frame(f, body)).inset(dx: 1, dy: 0)
        if f.note != nil { inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1)) }
        return form(f, s).cursorPosition(in: inner)
    }
}
