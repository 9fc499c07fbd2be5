import DVKDashboard
import Foundation
import TerminalUI

/// The live dashboard's loads run off the key loop: while a year rolls up
/// the keys still work, the status line says “đang tải”, and of several
/// loads of one kind asked in a row only the latest runs to the screen: one
/// still queued is skipped, an answer that was overtaken is dropped.
/// Everything else (saves, undo, printing) stays in order on the loop.
/// `dvk snapshot`, the tests and the benchmark use the runner directly.
public final class BackgroundLoads: @unchecked Sendable {
    public let runner: EffectRunner
    /// Where answers go; the program drains it between keys.
    public let inbox: Inbox<Msg>
    private let queue = DispatchQueue(label: "dvk.loads", qos: .userInitiated)
    private let lock = NSLock()
    private var latest: [Kind: Int] = [:]

    enum Kind: Hashable { case overview, trend, satisfaction }

    public init(runner: EffectRunner, inbox: Inbox<Msg> = Inbox()) {
        self.runner = runner
        self.inbox = inbox
    }

    public func perform(_ effect: Effect) -> [Msg] {
        guard let kind = Self.kind(of: effect) else { return runner.perform(effect) }
        let ticket = issue(kind)
        queue.async { [self] in
            guard isLatest(ticket, kind) else { return }
            let answers = runner.perform(effect)
            guard isLatest(ticket, kind) else { return }
            for a in answers { inbox.post(a) }
        }
        return []
    }

    static func kind(of effect: Effect) -> Kind? {
        switch effect {
        case .loadOverview: return .overview
        case .loadTrend: return .trend
        case .loadSatisfaction: return .satisfaction
        default: return nil
        }
    }

    private func issue(_ kind: Kind) -> Int {
        lock.lock()
        defer { lock.unlock() }
        latest[kind, default: 0] += 1
        return latest[kind]!
    }

    private func isLatest(_ ticket: Int, _ kind: Kind) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return latest[kind] == ticket
    }
}
