/// What the program loop needs from a terminal. The real one is
/// `CursesTerminal`; tests use a fake, so the loop never depends on curses.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }

    /// Waits up to `timeoutMs` milliseconds (negative: no limit) for input.
    /// Returns nil when nothing arrived, e.g. on a timeout or a signal.
    func readKey(timeoutMs: Int) -> Key?

    /// Draws the changed cells of a frame and shows the cursor at `cursor`
    /// (hidden when nil). Continuation cells need no drawing.
    func draw(changes: [CellChange], cursor: Point?)

    /// Forgets what is on screen and draws the whole buffer, e.g. after a
    /// resize or after being resumed.
    func fullRedraw(_ buffer: Buffer)

    /// Gives the terminal back to the shell and stops the process (Ctrl-Z).
    /// Returns once resumed; the caller should then redraw everything.
    func suspend()

    /// Restores the terminal for good. Safe to call more than once.
    func shutdown()

    /// True once no key can ever arrive again (a scripted input ran out).
    /// The program loop then stops instead of waiting forever.
    var isAtEndOfInput: Bool { get }
}

extension Terminal {
    /// A real terminal always may receive another key.
    public var isAtEndOfInput: Bool { false }
}
