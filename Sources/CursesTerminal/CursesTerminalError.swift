/// Why a curses session could not start. The caller can then fall back to
/// plain-text output instead of drawing garbage.
public enum CursesTerminalError: Error, Equatable, Sendable {
    /// stdin or stdout is not a terminal (e.g. output is redirected).
    case notATerminal
    /// Neither the environment's locale nor C.UTF-8 is UTF-8, so
    /// Vietnamese text would come out garbled.
    case noUTF8Locale
    /// ncurses could not set up the terminal (unknown TERM, ...).
    case setupFailed
}
