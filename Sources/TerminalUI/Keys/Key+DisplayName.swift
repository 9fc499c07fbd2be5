extension Key {
    /// The short name shown in key bars and help: "↑", "Enter", "Esc",
    /// "PgDn", "F1", "^S", "Tab", "⇧Tab", "q", "Space". Names stay short
    /// because the key bar has one row for everything.
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): sanitize(String(c))
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "⇧Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "^" + String(c).uppercased()
        case .resize: "Resize"
        case .mouse(.click): "Click"
        case .mouse(.wheelUp): "Wheel↑"
        case .mouse(.wheelDown): "Wheel↓"
        case .paste: "Paste"
        case .unknown: "?"
        }
    }
}
