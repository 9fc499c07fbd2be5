/// The unit hierarchy as it stands at the end of one year.
///
/// Built from every unit ever recorded; units that ended before the year's
/// end are folded into their successor, so their models and surveys count for
/// the unit that carried them on. Children keep the order of the input: the
/// store hands units over in Vietnamese name order (its stored sort key), so
/// the tree does not pay for collation again.
public struct UnitTree: Sendable {
    public let year: Int
    public private(set) var units: [OrgUnit.ID: OrgUnit] = [:]
    /// Children valid at year end, in input order.
    public private(set) var children: [OrgUnit.ID: [OrgUnit.ID]] = [:]
    public private(set) var roots: [OrgUnit.ID] = []

    public init(units all: [OrgUnit], year: Int) {
        self.year = year
        for u in all { units[u.id] = u }
        for u in all where u.isValid(atEndOf: year) {
            let anchor = u.parentID.flatMap { units[$0] == nil ? nil : resolve($0) }
            if let anchor, anchor != u.id {
                children[anchor, default: []].append(u.id)
            } else {
                roots.append(u.id)
            }
        }
    }

    /// The unit that stands for `id` at the end of the year: itself while it
    /// is valid, else its successor by merger (followed through chains).
    /// A unit that simply ended without a successor stands for itself.
    public func resolve(_ id: OrgUnit.ID) -> OrgUnit.ID {
        var current = id
        var seen: Set<OrgUnit.ID> = []
        while let u = units[current], !u.isValid(atEndOf: year), let next = u.mergedIntoID, !seen.contains(next) {
            seen.insert(current)
            current = next
        }
        return current
    }

    public func isActive(_ id: OrgUnit.ID) -> Bool {
        units[resolve(id)]?.isValid(atEndOf: year) ?? false
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
