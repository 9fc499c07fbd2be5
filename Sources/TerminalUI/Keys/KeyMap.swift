/// One row of a key table: the keys, what the key bar and help say, and
/// the action they trigger.
public struct KeyBinding<Action> {
    public let keys: [Key]
    /// Shown in the key bar; empty keeps the binding out of the bar.
    public let label: String
    /// Shown in the help overlay; empty keeps the binding out of help.
    public let help: String
    public let action: Action

    public init(_ keys: [Key], label: String = "", help: String, action: Action) {
        self.keys = keys
        self.label = label
        self.help = help
        self.action = action
    }

    public init(_ key: Key, label: String = "", help: String, action: Action) {
        self.init([key], label: label, help: help, action: action)
    }
}

extension KeyBinding: Sendable where Action: Sendable {}
extension KeyBinding: Equatable where Action: Equatable {}

/// The key table of one mode. Dispatch, the key bar and the help overlay
/// all read this same table, so what the screen says a key does is what
/// it does. Order matters: it is the order of the bar and of help, and the
/// first binding of a key wins.
public struct KeyMap<Action> {
    public let bindings: [KeyBinding<Action>]
    private let index: [Key: Int]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
        var index: [Key: Int] = [:]
        for (i, binding) in bindings.enumerated() {
            for key in binding.keys where index[key] == nil { index[key] = i }
        }
        self.index = index
    }

    public func action(for key: Key) -> Action? {
        index[key].map { bindings[$0].action }
    }

    /// One hint per labelled binding, named by its first key.
    public var keyBarHints: [KeyHint] {
        bindings.compactMap { binding in
            guard !binding.label.isEmpty, let key = binding.keys.first else { return nil }
            return KeyHint(key: key.displayName, label: binding.label)
        }
    }

    /// One entry per binding with help text, naming all its keys.
    public var helpEntries: [HelpEntry] {
        bindings.compactMap { binding in
            guard !binding.help.isEmpty else { return nil }
            return HelpEntry(keys: binding.keys.map(\.displayName).joined(separator: " "), description: binding.help)
        }
    }
}

extension KeyMap: Sendable where Action: Sendable {}
