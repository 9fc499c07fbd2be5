import DVKCore
import Foundation

/// The rolled-up years the dashboard has seen, newest use kept. Whoever
/// writes to the store must call `clear()` so no stale figure is shown.
public final class SnapshotCache: @unchecked Sendable {
    private let lock = NSLock()
    private struct YearKey: Hashable {
        var year: Int
        var map: MapView
    }
    private var years: [YearKey: ProgressSnapshot] = [:]
    private var order: [YearKey] = []
    /// A country-size year is ~20 MB of progress; a few years is plenty.
    private let capacity = 3
    private struct GridKey: Hashable {
        var unit: OrgUnit.ID
        var years: ClosedRange<Int>
        var map: MapView = .then
    }
    private var grids: [GridKey: SatisfactionGrid] = [:]
    private struct TrendKey: Hashable {
        var unit: OrgUnit.ID
        var years: ClosedRange<Int>
        var ids: [OrgUnit.ID]
    }
    private var trends: [TrendKey: [Int: Int]] = [:]
    private var pages: [ModelQuery: ModelPage] = [:]
    private struct ScopeKey: Hashable {
        var year: Int
        var map: MapView
        var unit: OrgUnit.ID
    }
    private var scoped: [ScopeKey: ProgressSnapshot] = [:]
    /// Bumped by every `clear()`: a build that started before it is not kept.
    private var generation = 0
    /// Every unit, read once for all years and both maps until the next write.
    private var units: [OrgUnit]?

    public init() {}

    /// The year rolled up for `unit`'s overview: the whole year when it is
    /// kept, or a kept subtree that holds `unit` (drilling down reads
    /// nothing again), else only what `unit`'s overview shows (a commune's
    /// few rows, not the country's), kept for the next time.
    public func snapshot(year: Int, map: MapView, unit: OrgUnit.ID, from source: ProgressSource) throws -> ProgressSnapshot {
        lock.lock()
        let whole = years[YearKey(year: year, map: map)]
        let around = scoped.first { $0.key.year == year && $0.key.map == map && $0.value.covers(unit) }?.value
        lock.unlock()
        if let whole { return try snapshot(year: year, map: map, from: source, hit: whole) }
        if let around { return around }
        return try remembered(\.scoped, ScopeKey(year: year, map: map, unit: unit)) {
            try ProgressSnapshot.build(from: UnitsOnce(source, cache: self), year: year, map: map, scope: unit)
        }
    }

    public func snapshot(year: Int, map: MapView, from source: ProgressSource) throws -> ProgressSnapshot {
        try snapshot(year: year, map: map, from: source, hit: nil)
    }

    private func snapshot(year: Int, map: MapView, from source: ProgressSource, hit known: ProgressSnapshot?) throws -> ProgressSnapshot {
        let key = YearKey(year: year, map: map)
        lock.lock()
        if let hit = known ?? years[key] {
            order.removeAll { $0 == key }
            order.append(key)
            lock.unlock()
            return hit
        }
        let started = generation
        lock.unlock()
        let built = try ProgressSnapshot.build(from: UnitsOnce(source, cache: self), year: year, map: map)
        lock.lock()
        defer { lock.unlock() }
        // Built from data a write has since changed (a load in the background): shown once, not kept.
        guard started == generation else { return built }
        years[key] = built
        order.append(key)
        while order.count > capacity { years[order.removeFirst()] = nil }
        return built
    }

    /// A unit's satisfaction grid over some years: three survey roll-ups, the
    /// slowest screen to open, kept until the next write like the years are.
    public func grid(unit: OrgUnit.ID, years span: ClosedRange<Int>, map: MapView, build: () throws -> SatisfactionGrid) throws -> SatisfactionGrid {
        try remembered(\.grids, GridKey(unit: unit, years: span, map: map), build)
    }

    /// The effective models per year of a unit's subtree (the overview's trend).
    /// Keyed by the units summed too: the two maps give one unit different subtrees.
    public func trend(unit: OrgUnit.ID, years span: ClosedRange<Int>, ids: [OrgUnit.ID], build: () throws -> [Int: Int]) throws -> [Int: Int] {
        try remembered(\.trends, TrendKey(unit: unit, years: span, ids: ids), build)
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
        let started = generation
        lock.unlock()
        let built = try build()
        lock.lock()
        defer { lock.unlock() }
        guard started == generation else { return built }
        if self[keyPath: store].count >= 16 { self[keyPath: store] = [:] }
        self[keyPath: store][key] = built
        return built
    }

    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        generation += 1
        units = nil
        scoped = [:]
        years = [:]
        order = []
        grids = [:]
        trends = [:]
        pages = [:]
    }
}

extension SnapshotCache {
    func knownUnits() -> [OrgUnit]? {
        lock.lock()
        defer { lock.unlock() }
        return units
    }

    func cachedUnits(_ read: () throws -> [OrgUnit]) throws -> [OrgUnit] {
        lock.lock()
        if let units { lock.unlock(); return units }
        let started = generation
        lock.unlock()
        let all = try read()
        lock.lock()
        defer { lock.unlock() }
        if started == generation { units = all }
        return all
    }
}

/// A source whose unit list comes from the cache: a country's units are
/// read once, not once per year and map.
private struct UnitsOnce: ProgressSource {
    let source: ProgressSource
    let cache: SnapshotCache

    init(_ source: ProgressSource, cache: SnapshotCache) {
        self.source = source
        self.cache = cache
    }

    func allUnits() throws -> [OrgUnit] { try cache.cachedUnits(source.allUnits) }
    func fields() throws -> [Field] { try source.fields() }
    func targets() throws -> [Target] { try source.targets() }
    func facts(year: Int) throws -> [OrgUnit.ID: UnitYearFacts] { try source.facts(year: year) }
    func facts(year: Int, units: Set<OrgUnit.ID>) throws -> [OrgUnit.ID: UnitYearFacts] { try source.facts(year: year, units: units) }
    /// A top unit needs every unit: the list read once serves it. Below
    /// the top only the few units around are read, cached or not.
    func units(around unit: OrgUnit.ID) throws -> [OrgUnit] {
        let isTop = { (all: [OrgUnit]) in all.contains { $0.id == unit && $0.parentID == nil && $0.mergedIntoID == nil } }
        if let all = cache.knownUnits(), isTop(all) { return all }
        let around = try source.units(around: unit)
        return isTop(around) ? try cache.cachedUnits { around } : around
    }
    func reportedFigures(year: Int) throws -> [ReportedFigure] { try source.reportedFigures(year: year) }
}
