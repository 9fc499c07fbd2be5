import Foundation
import TerminalUI

/// The only way text leaves the command line: through the one sanitiser, so
/// a unit named with an escape sequence reaches stdout or stderr as visible
/// placeholders, never as a command to the terminal.
enum Output {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((sanitizeLines(text) + terminator).utf8))
    }

    /// One message line on stderr, prefixed with `dvk: ` when it is an error.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((sanitizeLines(text) + "\n").utf8))
    }

    static func error(_ text: String) { note("dvk: " + text) }
}
