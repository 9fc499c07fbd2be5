import Foundation

/// Where dvk keeps its files, from the environment first: Foundation's
/// `NSHomeDirectory()` on Linux returns root's passwd home even when `$HOME`
/// says otherwise, so it is only the last resort.
public struct DataFolders: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    private func nonEmpty(_ key: String) -> String? {
        environment[key].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var home: String { nonEmpty("HOME") ?? NSHomeDirectory() }

    /// `$XDG_DATA_HOME/dvk`, else `$HOME/.local/share/dvk`.
    public var data: String {
        let base = nonEmpty("XDG_DATA_HOME") ?? (home as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("dvk")
    }

    /// `$HOME/dvk-snapshots`: printed screens are for the officer to find and carry.
    public var snapshots: String { (home as NSString).appendingPathComponent("dvk-snapshots") }
}
