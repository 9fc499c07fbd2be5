/// A mouse event, in cell coordinates of the terminal.
public enum MouseEvent: Equatable, Hashable, Sendable {
    case click(x: Int, y: Int)
    case wheelUp
    case wheelDown
}

/// One input event, decoded by the terminal backend. Plain data, so key
/// binding tables can use it as a dictionary key and tests can script input.
public enum Key: Equatable, Hashable, Sendable {
    /// A printable character, including Vietnamese letters from an IME.
    case character(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace, delete
    case home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter, lowercased ("a"..."z"). Ctrl-I, Ctrl-M and Ctrl-J
    /// are indistinguishable from tab and enter, so they arrive as those.
    case ctrl(Character)
    /// The terminal now has this size; redraw everything.
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// Text pasted while the terminal was in bracketed-paste mode, whole
    /// and as sent (line breaks and controls included), so a field can
    /// insert it in one edit and no pasted character is taken for a command.
    case paste(String)
    case unknown
}
