/// One field of a `Form`, as plain values to draw: the form doesn't edit
/// anything, the caller's state (e.g. a `TextInput`) does.
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Free text; the focused one shows the terminal cursor.
        case text
        /// One of a list, picked elsewhere (e.g. a `PickList`); shows "▾".
        case choice
        /// On/off, shown "☑ value" or "☐ value".
        case toggle(isOn: Bool)
    }

    public var label: String
    public var value: String
    public var kind: Kind
    public var isFocused: Bool
    /// Adds " *" to the label.
    public var isRequired: Bool
    /// Shown under the field in `.error`, prefixed "⚠ ".
    public var error: String?
    /// Shown under the field in `.muted` when there is no error, e.g. a format.
    public var hint: String?
    /// For `.text`: the cursor in Characters of `value`; nil is the end.
    public var cursor: Int?

    public init(label: String, value: String = "", kind: Kind = .text, isFocused: Bool = false,
                isRequired: Bool = false, error: String? = nil, hint: String? = nil, cursor: Int? = nil) {
        self.label = label
        self.value = value
        self.kind = kind
        self.isFocused = isFocused
        self.isRequired = isRequired
        self.error = error
        self.hint = hint
        self.cursor = cursor
    }

    /// A text field showing `input` with its cursor.
    public init(label: String, input: TextInput, isFocused: Bool = false, isRequired: Bool = false,
                error: String? = nil, hint: String? = nil) {
        self.init(label: label, value: input.text, kind: .text, isFocused: isFocused,
                  isRequired: isRequired, error: error, hint: hint, cursor: input.cursor)
    }

    /// The label as drawn in `width` columns; the required mark survives truncation.
    func labelText(width: Int) -> String {
        guard isRequired else { return Truncation.end(label, width: width) }
        // Too narrow for a letter and " *": "…*" still says both are there.
        if width == 2, !label.isEmpty { return Truncation.ellipsis + "*" }
        return Truncation.end(label, width: max(0, width - 2)) + " *"
    }

    /// The rows under the field: the wrapped error, else the hint.
    func notes(width: Int) -> [(text: String, role: StyleRole)] {
        if let error, !error.isEmpty {
            // "⚠ " on the first line; later lines indent under the text.
            return TextWrap.lines(error, width: max(1, width - 2)).enumerated().map { i, line in
                ((i == 0 ? "⚠ " : "  ") + line, .error)
            }
        }
        if let hint, !hint.isEmpty { return [(Truncation.end(hint, width: width), .muted)] }
        return []
    }
}
