import DVKCore
import TerminalUI

/// The dashboard screens arrive with the dashboard issue; until then `dvk`
/// prints the status table. This marker keeps the target (and the package
/// graph that forbids it SQL and curses) real.
public enum Dashboard {
    public static let isAvailable = false
}
