/// Text attributes shared by every terminal-like output, so the ANSI
/// renderer and the curses backend agree on what a role looks like.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// The eight basic colours: the only ones every terminal has. The raw values
/// are the ANSI/curses colour numbers; `.default` (-1) keeps the user's own
/// terminal colours, which matters for light and dark themes alike.
public enum TerminalColor: Int, Hashable, Sendable {
    case `default` = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a role looks on a terminal, in colour and in monochrome.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    /// Attributes used together with the colours.
    public var attributes: TextAttributes
    /// Attributes used alone when colour is off (NO_COLOR, --mono, or a
    /// terminal without colours); chosen so the important roles stay
    /// distinguishable without colour.
    public var monoAttributes: TextAttributes

    public init(foreground: TerminalColor, background: TerminalColor,
                attributes: TextAttributes, monoAttributes: TextAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
        self.monoAttributes = monoAttributes
    }
}

extension StyleRole {
    /// The single table from role to terminal look.
    public var style: RoleStyle {
        switch self {
        case .normal:
            RoleStyle(foreground: .default, background: .default, attributes: [], monoAttributes: [])
        case .header:
            RoleStyle(foreground: .white, background: .blue, attributes: [.bold], monoAttributes: [.bold, .underline])
        case .focus:
            RoleStyle(foreground: .black, background: .cyan, attributes: [.bold], monoAttributes: [.reverse, .bold])
        case .selected:
            RoleStyle(foreground: .black, background: .white, attributes: [], monoAttributes: [.reverse])
        case .met:
            RoleStyle(foreground: .green, background: .default, attributes: [], monoAttributes: [.bold])
        case .atRisk:
            RoleStyle(foreground: .yellow, background: .default, attributes: [], monoAttributes: [.underline])
        case .behind:
            RoleStyle(foreground: .red, background: .default, attributes: [.bold], monoAttributes: [.bold, .underline])
        case .noData:
            RoleStyle(foreground: .magenta, background: .default, attributes: [], monoAttributes: [.dim])
        case .error:
            RoleStyle(foreground: .white, background: .red, attributes: [.bold], monoAttributes: [.reverse, .underline])
        case .muted:
            RoleStyle(foreground: .default, background: .default, attributes: [.dim], monoAttributes: [.dim])
        }
    }
}
