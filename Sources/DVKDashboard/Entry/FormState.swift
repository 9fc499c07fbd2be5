import DVKCore
import Foundation
import TerminalUI

/// What an open form is entering or changing.
public enum FormKind: Hashable, Sendable {
    case newModel
    case editModel(Model)
    case evaluation(Model)
    case recognition(Model)
    case removal(Model)
    case award(Model)
    case survey(OrgUnit)
    case plan(OrgUnit)
    case newUnit(parent: OrgUnit)
    case renameUnit(OrgUnit)
    case moveUnit(OrgUnit)
    case mergeUnit(OrgUnit)
    case target(Target)
}

/// A question the form asks before going on.
public enum FormQuestion: Hashable, Sendable {
    /// Esc with unsaved changes.
    case discard
    /// A model with the same title already exists in that unit and year.
    case duplicate(String)
}

/// An open entry form: plain values; `Forms` gives them meaning.
public struct FormState: Equatable, Sendable {
    public var kind: FormKind
    public var title: String
    public var fields: [FieldSpec]
    /// Text of each text-like field, edited by grapheme cluster.
    public var inputs: [String: TextInput] = [:]
    /// Index into the choices of each choice field.
    public var picks: [String: Int] = [:]
    public var toggles: [String: Bool] = [:]
    public var focus = 0
    public var errors: [String: String] = [:]
    public var isDirty = false
    public var question: FormQuestion?
    /// The pick list open on a choice field (Enter), with its filter.
    public var picking: PickList?
    /// Built-in Telex typing (F6 / Ctrl-T).
    public var telex = false

    public var focusedField: FieldSpec? { fields.indices.contains(focus) ? fields[focus] : nil }

    public func text(_ key: String) -> String { inputs[key]?.text ?? "" }

    public func choice(_ key: String) -> Choice? {
        guard let spec = fields.first(where: { $0.key == key }), case let .choice(options) = spec.kind,
              let i = picks[key], options.indices.contains(i) else { return nil }
        return options[i]
    }
}
