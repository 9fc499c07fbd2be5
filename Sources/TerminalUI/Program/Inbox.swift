import Foundation

/// Messages that arrive from outside the key loop (a background check, a
/// change made by another process), handed to the program between keys.
///
/// The loop wakes at least every `readTimeoutMs`, so a posted message is
/// shown within that time without the loop ever blocking on it.
public final class Inbox<Msg>: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Msg] = []

    public init() {}

    public func post(_ msg: Msg) {
        lock.lock()
        pending.append(msg)
        lock.unlock()
    }

    /// Everything posted since the last call, oldest first.
    public func drain() -> [Msg] {
        lock.lock()
        defer { lock.unlock() }
        let out = pending
        pending = []
        return out
    }
}
