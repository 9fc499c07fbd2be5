import CNcursesw
import Glibc
import Synchronization
import TerminalUI

/// Signal handling for the curses session.
///
/// Handlers must be async-signal-safe, and ncurses (endwin included) is
/// not. So the handlers only record what happened in lock-free atomics and
/// return; `CursesTerminal.readKey` notices at once (handlers are installed
/// without SA_RESTART, so a blocked `get_wch` returns) and, on the main
/// thread, calls `endwin` properly and exits with 128 + signal number, or
/// suspends for Ctrl-Z.
///
/// If the program is busy and a second SIGINT/SIGTERM/SIGHUP arrives before
/// the loop has acted on the first, the handler gives up on an orderly exit:
/// it restores the saved termios with `tcsetattr` and writes a fixed
/// xterm-family reset (leave the alternate screen, show the cursor, reset
/// colours, stop mouse reporting) with `write`, both async-signal-safe, and
/// calls `_exit(128 + signo)`. So a second Ctrl-C always gets the user out.
///
/// A crash (SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE) or SIGQUIT
/// cannot wait for the loop: its handler (`shim_crash_handle`, in C because
/// the Swift runtime may be what broke) restores the terminal the same
/// async-signal-safe way, writes a report (see `CrashReporting`), prints
/// one line and lets the signal kill the process. It replaces the Swift
/// runtime's backtracer, which would draw over the dashboard and, on a
/// terminal, wait 30 s for a key; its settings (`SWIFT_BACKTRACE`) are read
/// once at process start, so they can't be changed from here. When
/// `SWIFT_BACKTRACE` is set, the backtracer still runs, after ours, with
/// the terminal already restored.
///
/// This is the only mutable global state of the toolkit: signal
/// dispositions are per process, so their bookkeeping has to be too.
public enum SignalGuard {
    static let terminationSignal = Atomic<Int32>(0)
    static let suspendRequested = Atomic<Bool>(false)
    static let continued = Atomic<Bool>(false)
    static let cursesActive = Atomic<Bool>(false)
    static let atExitRegistered = Atomic<Bool>(false)

    /// The modes to fall back to, written before curses starts. Kept
    /// behind a pointer so the handler reads it without Swift's exclusivity
    /// bookkeeping on a global variable.
    nonisolated(unsafe) static let savedTermios: UnsafeMutablePointer<termios> = {
        let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        pointer.initialize(to: termios())
        return pointer
    }()
    static let haveSavedTermios = Atomic<Bool>(false)

    /// A StaticString so the handler reads it without any allocation or
    /// reference counting.
    static let resetSequence: StaticString =
        "\u{1B}[0m\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l\r\n"

    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    static let crashSignals: [Int32] = [SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGQUIT]

    /// Everything the crash handler needs, prepared in advance. Allocated
    /// once and never freed: a late signal may still read it.
    nonisolated(unsafe) static let crashState: UnsafeMutablePointer<shim_crash_state> = {
        let pointer = UnsafeMutablePointer<shim_crash_state>.allocate(capacity: 1)
        pointer.initialize(to: shim_crash_state())
        pointer.pointee.capture_fd = -1
        pointer.pointee.notice_fd = STDERR_FILENO
        return pointer
    }()

    /// The termination signal received and not yet acted on, if any.
    public static var pendingTerminationSignal: Int32? {
        let signo = terminationSignal.load(ordering: .acquiring)
        return signo == 0 ? nil : signo
    }

    /// Remembers the terminal modes to fall back to in an emergency.
    /// Call before the terminal is put into curses mode.
    static func saveTerminalModes() {
        var modes = termios()
        if tcgetattr(STDIN_FILENO, &modes) == 0 {
            savedTermios.pointee = modes
            haveSavedTermios.store(true, ordering: .releasing)
        }
    }

    /// Installs handlers for SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGCONT.
    /// Must run before `newterm`, so that ncurses leaves these signals to us
    /// instead of installing its own (non-async-signal-safe) handlers.
    static func install(crashReports: CrashReporting? = nil) {
        // Touch every global the handlers use, so their lazy initialisation
        // (a lock) happens here and never inside a handler.
        _ = crashState
        _ = resetSequence.utf8CodeUnitCount
        _ = terminationSignal.load(ordering: .relaxed)
        _ = suspendRequested.load(ordering: .relaxed)
        _ = continued.load(ordering: .relaxed)
        _ = cursesActive.load(ordering: .relaxed)
        _ = haveSavedTermios.load(ordering: .relaxed)
        _ = savedTermios

        for signo in terminationSignals {
            _ = shim_install_signal_handler(signo, onTermination)
        }
        _ = shim_install_signal_handler(SIGTSTP, onStop)
        _ = shim_install_signal_handler(SIGCONT, onContinue)
        installCrashHandlers(crashReports)

        // A plain exit() elsewhere in the program must not leave the
        // terminal in curses mode either.
        if atExitRegistered.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged {
            atexit(restoreAtExit)
        }
    }

    /// Gives the signals back their default actions, once the terminal is
    /// restored and nobody is left to poll the flags.
    static func uninstall() {
        for signo in terminationSignals + [SIGTSTP, SIGCONT] {
            _ = shim_default_signal_handler(signo)
        }
        crashState.pointee.ready = 0
        for signo in crashSignals {
            shim_crash_uninstall(crashState, signo)
        }
        releaseStderr()
    }

    /// Gives fd 2 back and replays what the session wrote to it. Idempotent.
    static func releaseStderr() {
        shim_crash_release_stderr(crashState)
    }

    /// Fills the crash state, then installs the handlers. A folder that
    /// can't be made or written still gets the terminal restored and a line.
    private static func installCrashHandlers(_ reports: CrashReporting?) {
        let state = crashState
        shim_crash_prepare(state)
        state.pointee.terminal_fd = STDOUT_FILENO
        state.pointee.input_fd = STDIN_FILENO
        if haveSavedTermios.load(ordering: .acquiring) {
            state.pointee.modes = savedTermios.pointee
            state.pointee.have_modes = 1
        }
        let resetLength = withUnsafeMutableBytes(of: &state.pointee.reset) { field in
            let count = min(resetSequence.utf8CodeUnitCount, field.count - 1)
            field.copyMemory(from: UnsafeRawBufferPointer(start: resetSequence.utf8Start, count: count))
            field[count] = 0
            return count
        }
        state.pointee.reset_len = resetLength
        let language = reports?.language ?? .vietnamese
        var folderText = ""
        var notice = CrashReporting.noticeWithoutFolder(language)
        var unwritten = notice
        if let reports, let folder = absolute(reports.folder) {
            makeFolder(folder)
            folderText = folder
            notice = reports.notice(folder: sanitize(folder))
            unwritten = reports.noticeUnwritten(folder: sanitize(folder))
            if state.pointee.capture_fd < 0 {
                _ = shim_crash_capture_stderr(state, folder)
            }
        }
        setText(&state.pointee.folder, folderText)
        setText(&state.pointee.notice, notice)
        setText(&state.pointee.notice_unwritten, unwritten)
        state.pointee.chain = getenv("SWIFT_BACKTRACE") != nil ? 1 : 0
        state.pointee.entered = 0
        for signo in crashSignals {
            _ = shim_crash_install(state, signo, onCrash)
        }
        state.pointee.ready = 1
    }

    private static func setText<Field>(_ field: inout Field, _ text: String) {
        withUnsafeMutableBytes(of: &field) { bytes in
            text.withCString { shim_crash_set_text(bytes.baseAddress!.assumingMemoryBound(to: CChar.self), $0) }
        }
    }

    private static func absolute(_ path: String) -> String? {
        guard !path.isEmpty else { return nil }
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.hasPrefix("/") { return trimmed }
        guard let cwd = getcwd(nil, 0) else { return nil }
        defer { free(cwd) }
        let base = String(cString: cwd)
        return trimmed == "." ? base : (base == "/" ? "" : base) + "/" + trimmed
    }

    /// `mkdir -p`, private to the user like the rest of the data folder.
    private static func makeFolder(_ path: String) {
        var partial = ""
        for component in path.split(separator: "/") {
            partial += "/" + component
            _ = mkdir(partial, 0o700)
        }
    }

    static func takeSuspendRequest() -> Bool {
        suspendRequested.exchange(false, ordering: .acquiringAndReleasing)
    }

    static func takeContinued() -> Bool {
        continued.exchange(false, ordering: .acquiringAndReleasing)
    }

    /// Stops the process the way Ctrl-Z would, returning once it is resumed.
    /// The curses session must already be ended (`endwin`).
    static func stopProcess() {
        _ = shim_default_signal_handler(SIGTSTP)
        // SIGTSTP rather than SIGSTOP: in an orphaned process group (no
        // shell to resume us) the kernel discards it instead of hanging.
        raise(SIGTSTP)
        _ = shim_install_signal_handler(SIGTSTP, onStop)
        _ = takeContinued()
        _ = takeSuspendRequest()
    }

    /// Async-signal-safe best-effort restore: only `write` and `tcsetattr`.
    static func emergencyRestore() {
        guard cursesActive.load(ordering: .acquiring) else { return }
        _ = write(STDOUT_FILENO, resetSequence.utf8Start, resetSequence.utf8CodeUnitCount)
        if haveSavedTermios.load(ordering: .acquiring) {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, savedTermios)
        }
    }
}

private let onTermination: @convention(c) (Int32) -> Void = { signo in
    let first = SignalGuard.terminationSignal
        .compareExchange(expected: 0, desired: signo, ordering: .acquiringAndReleasing).exchanged
    if !first {
        SignalGuard.emergencyRestore()
        _exit(128 + signo)
    }
}

private let onCrash: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
    signo, info, context in
    shim_crash_handle(SignalGuard.crashState, signo, info, context)
}

private let onStop: @convention(c) (Int32) -> Void = { _ in
    SignalGuard.suspendRequested.store(true, ordering: .releasing)
}

private let onContinue: @convention(c) (Int32) -> Void = { _ in
    SignalGuard.continued.store(true, ordering: .releasing)
}

/// Not in a signal handler here, so a proper `endwin` is allowed.
private let restoreAtExit: @convention(c) () -> Void = {
    if SignalGuard.cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
        endwin()
    }
    // Whatever was written to stderr during the session (the reason for
    // this exit, perhaps) is shown, not left in the unlinked capture file.
    SignalGuard.releaseStderr()
}
