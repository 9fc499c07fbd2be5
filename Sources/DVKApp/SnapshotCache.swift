import DVKCore
import Foundation

/// The rolled-up years the dashboard has seen, newest use kept. Whoever
/// writes to the store must call `clear()` so no stale figure is shown.
public final class SnapshotCache: @unchecked Sendable {
    private let lock = NSLock()
    private var years: [Int: ProgressSnapshot] = [:]
    private var order: [Int] = []
    /// A country-size year is ~20 MB of progress; a few years is plenty.
    private let capacity = 3
    private struct GridKey: Hashable {
        var unit: OrgUnit.ID
        var years: ClosedRange<Int>
    }
    private var grids: [GridKey: SatisfactionGrid] = [:]
    private var trends: [GridKey: [Int: Int]] = [:]
    private var pages: [ModelQuery: ModelPage] = [:]

    public init() {}

    public func snapshot(year: Int, from source: ProgressSource) throws -> ProgressSnapshot {
        lock.lock()
        if let hit = years[year] {
            order.removeAll { $0 == year }
            order.append(year)
            lock.unlock()
            return hit
        }
        lock.unlock()
        let built = try ProgressSnapshot.build(from: source, year: year)
        lock.lock()
        defer { lock.unlock() }
        years[year] = built
        order.append(year)
        while order.count > capacity { years[order.removeFirst()] = nil }
        return built
    }

    /// A unit's satisfaction grid over some years: three survey roll-ups, the
    /// slowest screen to open, kept until the next write like the years are.
    public func grid(unit: OrgUnit.ID, years span: ClosedRange<Int>, build: () throws -> SatisfactionGrid) throws -> SatisfactionGrid {
        try remembered(\.grids, GridKey(unit: unit, years: span), build)
    }

    /// The effective models per year of a unit's subtree (the overview's trend).
    public func trend(unit: OrgUnit.ID, years span: ClosedRange<Int>, build: () throws -> [Int: Int]) throws -> [Int: Int] {
        try remembered(\.trends, GridKey(unit: unit, years: span), build)
    }

    /// A window of the models list: flipping a filter back reads nothing again.
    public func models(_ query: ModelQuery, build: () throws -> ModelPage) throws -> ModelPage {
        try remembered(\.pages, query, build)
    }

    /// Looks up under the lock, builds outside it (a store read), keeps at most 16.
    private func remembered<K: Hashable, V>(_ store: ReferenceWritableKeyPath<SnapshotCache, [K: V]>, _ key: K,
                                             _ build: () throws -> V) throws -> V {
        lock.lock()
        if let hit = self[keyPath: store][key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let built = try build()
        lock.lock()
        defer { lock.unlock() }
        if self[keyPath: store].count >= 16 { self[keyPath: store] = [:] }
        self[keyPath: store][key] = built
        return built
    }

    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        years = [:]
        order = []
        grids = [:]
        trends = [:]
        pages = [:]
    }
}
