import DVKCore
import TerminalUI

/// A question the form asks before going on.
public enum FormQuestion: Hashable, Sendable {
    /// Esc with unsaved changes.
    case discard
    /// A model with the same title already exists in that unit and year.
    case duplicate(String)
    /// What saving would change (a move, a merge), asked before it is stored.
    case consequences(SaveRequest, [String])
}

/// An open entry form: which form, and what is typed in it.
public struct FormState: Equatable, Sendable {
    public var kind: FormKind
    public var title: String
    /// Said above the fields: for a record that exists, that saving replaces it.
    public var note: String?
    public var fields: [FieldSpec]
    /// Text of each text-like field, edited by grapheme cluster.
    public var inputs: [FieldKey: TextInput] = [:]
    /// Index into the choices of each choice field.
    public var picks: [FieldKey: Int] = [:]
    public var toggles: [FieldKey: Bool] = [:]
    public var focus = 0
    public var errors: [FieldKey: String] = [:]
    public var isDirty = false
    /// The newest audit row when the form opened (see `Effect.save`).
    public var basis: Int64?
    public var question: FormQuestion?
    /// The pick list open on a choice field (Enter), with its filter.
    public var picking: PickList?
    /// Built-in Telex typing (F6 / Ctrl-T).
    public var telex = false

    public var focusedField: FieldSpec? { fields.indices.contains(focus) ? fields[focus] : nil }

    public func text(_ key: FieldKey) -> String { inputs[key]?.text ?? "" }

    public func choice(_ key: FieldKey) -> Choice? {
        guard let spec = spec(key), case let .choice(options) = spec.kind,
              let i = picks[key], options.indices.contains(i) else { return nil }
        return options[i]
    }

    func spec(_ key: FieldKey) -> FieldSpec? { fields.first { $0.key == key } }

    mutating func set(_ key: FieldKey, _ value: String?) {
        if let value { inputs[key] = TextInput(value) }
    }

    mutating func pick(_ key: FieldKey, _ value: String?) {
        guard let value, let spec = spec(key), case let .choice(options) = spec.kind,
              let i = options.firstIndex(where: { $0.value == value }) else { return }
        picks[key] = i
    }
}
