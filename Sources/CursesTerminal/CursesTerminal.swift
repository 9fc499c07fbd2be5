import CNcursesw
import Glibc
import TerminalUI

/// The real terminal, through ncursesw's wide-character API.
///
/// Only changed cells are blitted (the diff is computed from `Buffer`s
/// upstream); ncurses then sends the minimal update. The session is always
/// restored: by `shutdown()`, by `deinit`, at `exit`, or on a termination
/// signal (see `SignalGuard`).
public final class CursesTerminal: Terminal {
    private var active = false
    private var screen: OpaquePointer?
    private var palette: CursesPalette
    private var cursorVisible = false

    /// Whether colour is in use (false with `useColor: false` or on a
    /// terminal without colours).
    public var usesColor: Bool { palette.usesColor }

    /// Starts a curses session on stdin/stdout.
    /// - Parameters:
    ///   - useColor: false for NO_COLOR / --mono; roles then map to bold,
    ///     reverse, underline and dim.
    ///   - mouse: report clicks and the wheel. Terminals then stop selecting
    ///     text on plain drags (Shift-drag still selects).
    ///   - crashReports: where a crash writes its report and how the user
    ///     is told (see `CrashReporting`). Without it a crash still restores
    ///     the terminal and prints one line, but writes no report.
    public init(useColor: Bool = true, mouse: Bool = true, crashReports: CrashReporting? = nil) throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw CursesTerminalError.notATerminal
        }
        // Must precede newterm: ncurses picks its character handling from the
        // locale, and without UTF-8 Vietnamese comes out garbled.
        _ = setlocale(LC_ALL, "")
        if !Self.localeIsUTF8() {
            // Only the character type is needed; leave collation etc. alone.
            _ = setlocale(LC_CTYPE, "C.UTF-8")
            guard Self.localeIsUTF8() else { throw CursesTerminalError.noUTF8Locale }
        }

        SignalGuard.saveTerminalModes()
        SignalGuard.install(crashReports: crashReports)
        guard let screen = shim_newterm() else {
            SignalGuard.uninstall()
            throw CursesTerminalError.setupFailed
        }
        self.screen = screen
        SignalGuard.cursesActive.store(true, ordering: .releasing)
        active = true

        let window = shim_stdscr()
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = intrflush(window, false)
        _ = keypad(window, true)
        _ = curs_set(0)
        // A lone Esc is a key here (close, back); don't wait 1 s to be sure
        // it isn't the start of an escape sequence.
        _ = set_escdelay(25)
        Self.disableFlowControl()
        Self.defineFallbackKeys()
        Self.setBracketedPaste(true)
        palette = CursesPalette(useColor: useColor)
        if mouse {
            let mask = shim_BUTTON1_PRESSED() | shim_BUTTON1_CLICKED() | shim_BUTTON4_PRESSED() | shim_BUTTON5_PRESSED()
            _ = mousemask(mask, nil)
            // Report presses at once instead of waiting to tell clicks from drags.
            _ = mouseinterval(0)
        }
    }

    deinit { shutdown() }

    public var size: Size {
        guard active else { return Size(width: 0, height: 0) }
        var rows: Int32 = 0, columns: Int32 = 0
        shim_getmaxyx(shim_stdscr(), &rows, &columns)
        return Size(width: Int(columns), height: Int(rows))
    }

    public func readKey(timeoutMs: Int) -> Key? {
        guard active else { return nil }
        if let key = handleSignals() { return key }
        let window = shim_stdscr()
        wtimeout(window, timeoutMs < 0 ? -1 : Int32(clamping: timeoutMs))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        switch status {
        case OK:
            return CursesKeyDecoder.character(UInt32(code))
        case KEY_CODE_YES:
            return decodeKeyCode(Int32(bitPattern: UInt32(code)))
        default:
            // ERR: a timeout, or a signal interrupted the read.
            return handleSignals()
        }
    }

    public func draw(changes: [CellChange], cursor: Point?) {
        guard active else { return }
        let window = shim_stdscr()
        for change in changes {
            blit(change.cell, x: change.x, y: change.y, window: window)
        }
        placeCursor(cursor, window: window)
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    public func fullRedraw(_ buffer: Buffer) {
        guard active else { return }
        let window = shim_stdscr()
        _ = werase(window)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                blit(buffer[x, y], x: x, y: y, window: window)
            }
        }
        // Repaint every physical cell: after a resize or a resume the real
        // screen may hold anything.
        _ = clearok(window, true)
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    public func suspend() {
        guard active else { return }
        Self.setBracketedPaste(false)
        _ = endwin()
        SignalGuard.stopProcess()
        // Back in the foreground: refresh re-enters curses mode; clearok makes
        // it repaint everything the shell may have drawn over.
        let window = shim_stdscr()
        Self.setBracketedPaste(true)
        _ = clearok(window, true)
        _ = wrefresh(window)
    }

    /// Ends the session (`endwin`) and gives the signals back their default
    /// actions. Idempotent. If a SIGTERM/SIGHUP/SIGINT arrived and has not
    /// been acted on yet, the process then exits with 128 + its number.
    public func shutdown() {
        guard active else { return }
        active = false
        SignalGuard.cursesActive.store(false, ordering: .releasing)
        Self.setBracketedPaste(false)
        _ = endwin()
        if let screen { delscreen(screen) }
        screen = nil
        SignalGuard.uninstall()
        if let signo = SignalGuard.pendingTerminationSignal {
            exit(128 + signo)
        }
    }

    /// Home and End have several encodings, and a TERM that doesn't match the
    /// emulator (xterm-256color inside tmux, say) leaves some undecoded.
    /// Sequences the terminfo entry doesn't claim are added here.
    private static func defineFallbackKeys() {
        let fallbacks: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ]
        for (sequence, code) in fallbacks where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
        _ = define_key(CursesKeyDecoder.pasteStartSequence, CursesKeyDecoder.pasteStart)
        _ = define_key(CursesKeyDecoder.pasteEndSequence, CursesKeyDecoder.pasteEnd)
    }

    /// XON/XOFF flow control would make Ctrl-S freeze the display (and
    /// Ctrl-Q resume it) instead of reaching the program, where Ctrl-S
    /// saves. cbreak() leaves it on; raw() would turn it off but also take
    /// Ctrl-C and Ctrl-Z away from the signals. ncurses keeps its own copy
    /// of the program's modes, so it is told (def_prog_mode) to keep this
    /// one across endwin/refresh; endwin still restores the shell's modes.
    ///
    /// Ctrl-C is taken off SIGINT the same way (VINTR disabled, ISIG kept
    /// for Ctrl-Z): it arrives as a key, so in a form with typed text it
    /// asks like Esc instead of ending the program, and elsewhere it quits
    /// as `q` does. A SIGINT sent by `kill` still restores the terminal.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        // 0 is _POSIX_VDISABLE on Linux: no character sends SIGINT.
        withUnsafeMutableBytes(of: &modes.c_cc) { cc in cc[Int(VINTR)] = 0 }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        _ = def_prog_mode()
    }

    /// Bracketed paste: the terminal wraps a paste in ESC[200~ ... ESC[201~,
    /// so it arrives as one `.paste` instead of thousands of keys (which
    /// could also be taken as commands). Terminals that don't know the mode
    /// ignore it. Sent through ncurses' output so it stays in order with
    /// entering and leaving the alternate screen.
    private static func setBracketedPaste(_ on: Bool) {
        _ = putp(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l")
        _ = fflush(shim_stdout())
    }

    private static func localeIsUTF8() -> Bool {
        guard let codeset = shim_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    // MARK: - Input

    /// Acts on signals recorded by the handlers. Termination never returns;
    /// suspend and continue return a resize so the caller redraws everything.
    private func handleSignals() -> Key? {
        if SignalGuard.pendingTerminationSignal != nil {
            shutdown()  // exits with 128 + signo
        }
        if SignalGuard.takeSuspendRequest() {
            suspend()
            return resizeKey()
        }
        if SignalGuard.takeContinued() {
            // Stopped and resumed from outside (SIGSTOP/SIGCONT): the shell
            // may have changed the terminal modes and drawn over the screen.
            _ = reset_prog_mode()
            _ = clearok(shim_stdscr(), true)
            return resizeKey()
        }
        return nil
    }

    private func decodeKeyCode(_ code: Int32) -> Key {
        switch code {
        case KEY_RESIZE:
            return resizeKey()
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .unknown }
            return CursesKeyDecoder.mouse(event)
        case CursesKeyDecoder.pasteStart:
            return readPaste()
        default:
            return CursesKeyDecoder.keyCode(code)
        }
    }

    /// Reads up to the end of a bracketed paste, from the terminal itself
    /// (see `BracketedPaste`); ncurses has read exactly the start
    /// marker, nothing beyond it. Keys that arrived after the end marker
    /// go back to ncurses (ungetch), which decodes them as usual; its queue
    /// holds about a hundred bytes, more than anyone types in one read.
    /// A terminal that never sends the end, or a termination signal, ends
    /// the paste with what has arrived; the loop then sees the signal.
    private func readPaste() -> Key {
        var paste = BracketedPaste()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !paste.isComplete {
            var wait = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&wait, 1, Self.pasteGapMs)
            if ready < 0, errno == EINTR, SignalGuard.pendingTerminationSignal == nil { continue }
            guard ready > 0 else { break }
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR, SignalGuard.pendingTerminationSignal == nil { continue }
            guard count > 0 else { break }
            paste.add(chunk[0..<count])
        }
        for byte in paste.leftover.reversed() {
            _ = ungetch(Int32(byte))
        }
        return paste.key
    }

    /// Longest pause inside a paste before it is taken as ended.
    private static let pasteGapMs: Int32 = 500

    private func resizeKey() -> Key {
        let current = size
        return .resize(width: current.width, height: current.height)
    }

    // MARK: - Output

    private func blit(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
        guard !cell.isContinuation else { return }
        let current = size
        guard x >= 0, y >= 0, x + cell.width <= current.width, y < current.height else { return }
        let attrs = palette.attributes(for: cell.role)
        let pair = palette.pair(for: cell.role)

        // Our width and the C library's must agree or the rest of the row
        // shifts. Where they don't (emoji newer than glibc's tables, flags),
        // draw something of the width the buffer expects.
        let scalars = Array(cell.text.unicodeScalars)
        let libcWidth = scalars.first.map { Int(shim_wcwidth(wchar_t(bitPattern: $0.value))) } ?? -1
        if libcWidth == cell.width, put(scalars, x: x, y: y, attrs: attrs, pair: pair, window: window) {
            return
        }
        if libcWidth == 1, cell.width == 2, put(scalars, x: x, y: y, attrs: attrs, pair: pair, window: window) {
            _ = put([" "], x: x + 1, y: y, attrs: attrs, pair: pair, window: window)
            return
        }
        _ = put(["?"], x: x, y: y, attrs: attrs, pair: pair, window: window)
        if cell.width == 2 {
            _ = put([" "], x: x + 1, y: y, attrs: attrs, pair: pair, window: window)
        }
    }

    /// Draws one cluster: a spacing character plus combining characters
    /// (setcchar keeps at most CCHARW_MAX, stopping at another spacing one).
    private func put(_ scalars: [Unicode.Scalar], x: Int, y: Int, attrs: attr_t, pair: Int16, window: UnsafeMutablePointer<WINDOW>?) -> Bool {
        var wide: [wchar_t] = scalars.prefix(Int(shim_CCHARW_MAX())).map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        var character = cchar_t()
        guard shim_setcchar(&character, wide, attrs, pair) != ERR else { return false }
        // Writing the bottom-right cell reports ERR (the cursor can't move
        // past it) although the cell is drawn, so the result is ignored.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
        return true
    }

    private func placeCursor(_ cursor: Point?, window: UnsafeMutablePointer<WINDOW>?) {
        let current = size
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < current.width, cursor.y < current.height {
            if !cursorVisible { _ = curs_set(1); cursorVisible = true }
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            _ = leaveok(window, false)
        } else {
            if cursorVisible { _ = curs_set(0); cursorVisible = false }
            _ = leaveok(window, true)
        }
    }
}
