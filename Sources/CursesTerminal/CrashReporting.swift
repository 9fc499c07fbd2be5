/// Where the dashboard writes a crash report, and in which language it
/// tells the user so.
///
/// On SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE (a Swift runtime
/// trap is one of these) and SIGQUIT the terminal is restored first, then a
/// report `crash-<local time>.txt` is written into `folder` (signal,
/// time, a backtrace, and what the program wrote to stderr during the
/// session, which includes the runtime's "Fatal error: ..." line), and one
/// line on stderr says where. The process then dies of the signal as it
/// would have (exit status, core dump).
public struct CrashReporting: Sendable, Equatable {
    public enum Language: Sendable, Equatable { case vietnamese, english }

    /// The data folder (the database's folder, or `$XDG_DATA_HOME/dvk`, or
    /// `~/.local/share/dvk`). Created (0700) if missing; a relative path is
    /// taken from the current directory.
    public var folder: String
    public var language: Language

    public init(folder: String, language: Language = .vietnamese) {
        self.folder = folder
        self.language = language
    }

    /// Printed before the report's file name.
    func notice(folder shown: String) -> String {
        switch language {
        case .vietnamese: "dvk gặp lỗi nghiêm trọng và đã dừng; màn hình đã được khôi phục. Báo cáo lỗi: \(shown)/"
        case .english: "dvk hit a fatal error and stopped; the terminal has been restored. Crash report: \(shown)/"
        }
    }

    /// Printed when the report could not be written.
    func noticeUnwritten(folder shown: String) -> String {
        switch language {
        case .vietnamese:
            "dvk gặp lỗi nghiêm trọng và đã dừng; màn hình đã được khôi phục. Không ghi được báo cáo lỗi vào \(shown)."
        case .english:
            "dvk hit a fatal error and stopped; the terminal has been restored. Could not write a crash report in \(shown)."
        }
    }

    static func noticeWithoutFolder(_ language: Language) -> String {
        switch language {
        case .vietnamese: "dvk gặp lỗi nghiêm trọng và đã dừng; màn hình đã được khôi phục."
        case .english: "dvk hit a fatal error and stopped; the terminal has been restored."
        }
    }
}
