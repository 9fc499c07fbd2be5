/// The unit hierarchy one year is read on.
///
/// Built from every unit ever recorded, on one map day (see `MapView`): the
/// year's last day for the map of that time, today for today's map. Units
/// that ended before that day are folded into their successor, so their
/// models and surveys count for the unit that carried them on. Children keep
/// the order of the input: the store hands units over in Vietnamese name
/// order (its stored sort key), so the tree does not pay for collation again.
public struct UnitTree: Sendable {
    public let year: Int
    public let map: MapView
    /// The day whose units are the tree.
    public let mapDay: Day
    public private(set) var units: [OrgUnit.ID: OrgUnit] = [:]
    /// Children in force on the map day, in input order.
    public private(set) var children: [OrgUnit.ID: [OrgUnit.ID]] = [:]
    public private(set) var roots: [OrgUnit.ID] = []
    /// Units merged straight into each unit (gồm …), in input order.
    public private(set) var predecessors: [OrgUnit.ID: [OrgUnit.ID]] = [:]

    public init(units all: [OrgUnit], year: Int, map: MapView = .then) {
        self.year = year
        self.map = map
        mapDay = map.mapDay(for: year)
        for u in all { units[u.id] = u }
        for u in all {
            if let next = u.mergedIntoID, next != u.id { predecessors[next, default: []].append(u.id) }
            guard u.isValid(on: mapDay) else { continue }
            let anchor = u.parentID.flatMap { units[$0] == nil ? nil : resolve($0) }
            if let anchor, anchor != u.id {
                children[anchor, default: []].append(u.id)
            } else {
                roots.append(u.id)
            }
        }
    }

    /// Whether the unit itself is on this map (in force on the map day).
    public func isInForce(_ id: OrgUnit.ID) -> Bool {
        units[id]?.isValid(on: mapDay) ?? false
    }

    /// The unit that stands for `id` on the map day: itself while it is in
    /// force, else its successor by merger (followed through chains).
    /// A unit that simply ended without a successor stands for itself.
    public func resolve(_ id: OrgUnit.ID) -> OrgUnit.ID {
        var current = id
        var seen: Set<OrgUnit.ID> = []
        while let u = units[current], !u.isValid(on: mapDay), let next = u.mergedIntoID, !seen.contains(next) {
            // A successor not yet formed on the map day does not take the records over.
            if let from = units[next]?.validFrom, from > mapDay { break }
            seen.insert(current)
            current = next
        }
        return current
    }

    public func isActive(_ id: OrgUnit.ID) -> Bool {
        isInForce(resolve(id))
    }

    /// The units on this map that later became `id` (through any chain of
    /// mergers): what a unit not yet formed in this year is made of, on the
    /// map of that time. Empty for a unit on the map.
    public func forerunners(of id: OrgUnit.ID) -> [OrgUnit.ID] {
        guard !isInForce(id) else { return [] }
        var out: [OrgUnit.ID] = []
        var stack = predecessors[id] ?? []
        var seen: Set<OrgUnit.ID> = [id]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            if isInForce(next) { out.append(next) } else { stack.append(contentsOf: predecessors[next] ?? []) }
        }
        // Only the topmost: a district merged into today's province sits in an
        // old province that was merged into it too, and must not count twice.
        let all = Set(out)
        let top = out.filter { f in !ancestors(of: f).contains(where: all.contains) }
        return top.sorted { VietnameseText.precedes(units[$0]?.name ?? "", units[$1]?.name ?? "") }
    }

    /// What stands for a unit not yet formed on this map: its forerunners
    /// and the units already placed under it (today's departments of a
    /// province formed in 2025). Empty for a unit on the map.
    public func standIns(of id: OrgUnit.ID) -> [OrgUnit.ID] {
        guard !isInForce(id) else { return [] }
        return forerunners(of: id) + (children[id] ?? [])
    }

    /// The units above `id` on this map, nearest first.
    func ancestors(of id: OrgUnit.ID) -> [OrgUnit.ID] {
        var out: [OrgUnit.ID] = []
        var current = units[id]?.parentID.map(resolve)
        var seen: Set<OrgUnit.ID> = [id]
        while let c = current, seen.insert(c).inserted {
            out.append(c)
            current = units[c]?.parentID.map(resolve)
        }
        return out
    }

    /// Every valid descendant, depth first, excluding `id` itself.
    public func descendants(of id: OrgUnit.ID) -> [OrgUnit.ID] {
        var out: [OrgUnit.ID] = []
        var stack = (children[id] ?? []).reversed().map { $0 }
        while let next = stack.popLast() {
            out.append(next)
            stack.append(contentsOf: (children[next] ?? []).reversed())
        }
        return out
    }

    /// Root-first path to `id` (the breadcrumb: Tỉnh › Huyện › Xã).
    public func path(to id: OrgUnit.ID) -> [OrgUnit] {
        var out: [OrgUnit] = []
        var current: OrgUnit.ID? = id
        var seen: Set<OrgUnit.ID> = []
        while let c = current, let u = units[c], !seen.contains(c) {
            seen.insert(c)
            out.append(u)
            current = u.parentID.map(resolve)
        }
        return out.reversed()
    }
}
