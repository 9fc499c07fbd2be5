import DVKDashboard
import DVKStore
import Foundation
import TerminalUI

/// Live updates: another officer's save shows in this dashboard within a
/// second. SQLite's `data_version` on this process's writer connection moves
/// only when another connection commits; when it does, the rolled-up years
/// are dropped and the dashboard reads its screen again, in place.
public final class ChangeWatch: @unchecked Sendable {
    /// How often the store is asked: four times a second keeps a save's
    /// way to another screen well under a second, for one cheap pragma.
    public static let interval: TimeInterval = 0.25

    private let runner: EffectRunner
    private let inbox: Inbox<Msg>
    private let lock = NSLock()
    private var stopped = false

    public init(runner: EffectRunner, inbox: Inbox<Msg>) {
        self.runner = runner
        self.inbox = inbox
    }

    /// Starts watching on a thread of its own, until `stop`.
    public func start() {
        Thread.detachNewThread { [self] in
            var seen = try? runner.db.dataVersion()
            while !isStopped {
                Thread.sleep(forTimeInterval: Self.interval)
                guard let now = try? runner.db.dataVersion() else { continue }
                if now != seen {
                    seen = now
                    runner.cache.clear()
                    inbox.post(.storeChanged)
                }
            }
        }
    }

    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}
