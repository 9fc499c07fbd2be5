/// Where a unit may go: which kinds may sit directly under which, and what a
/// move or a merge must respect. The rules are data, so the form's pick
/// list, the store's refusal and the tests read the same table.
public enum UnitPlacement {
    /// The kinds a unit of each kind may sit directly under.
    ///
    /// Since 1 July 2025 there is no district level, so a commune and the
    /// organisations of a commune may sit under the province itself; the
    /// district entries stay for the 2023–2025 history. Commune-level
    /// agencies (the offices of a commune's People's Committee) sit under the
    /// commune. Nothing sits under a hospital's kind except nothing: a public
    /// service unit, a Party cell, an enterprise or a mass organisation is
    /// never the parent of a place.
    public static let parentKinds: [UnitKind: Set<UnitKind>] = [
        .country: [],
        .province: [.country],
        .district: [.province],
        .commune: [.province, .district],
        .partyCommittee: [.country, .province, .district, .commune],
        .agency: [.province, .district, .commune],
        .publicService: [.province, .district, .commune, .agency],
        .massOrg: [.province, .district, .commune],
        .partyOrg: [.partyCommittee, .province, .district, .commune],
        .enterprise: [.province, .district, .commune],
    ]

    public static func mayParent(_ parent: UnitKind, _ child: UnitKind) -> Bool {
        parentKinds[child]?.contains(parent) ?? false
    }

    /// Why `unit` may not move under `parent` on `day` (nil: it may).
    /// `acrossProvinces`: the officer asked to move it into another province.
    public static func moveProblem(_ unit: OrgUnit, under parent: OrgUnit, units: [OrgUnit.ID: OrgUnit], on day: Day,
                                   acrossProvinces: Bool = false) -> ValidationProblem? {
        if parent.id == unit.id || ancestors(of: parent.id, units).contains(unit.id) { return .parentCycle }
        if !mayParent(parent.kind, unit.kind) {
            return .parentKindNotAllowed(child: unit.kind, parent: parent.kind, parentName: parent.name,
                                         allowed: allowedOrder.filter { mayParent($0, unit.kind) })
        }
        if !isValid(parent, on: day) { return .unitNotInForce(name: parent.name, from: parent.validFrom, to: parent.validTo) }
        if !acrossProvinces, let mine = province(of: unit.id, units), let theirs = province(of: parent.id, units), mine != theirs {
            return .otherProvince(name: parent.name, province: units[theirs]?.name ?? "")
        }
        return nil
    }

    /// Why `unit` may not merge into `target` with `lastDay` its last day in force (nil: it may).
    public static func mergeProblem(_ unit: OrgUnit, into target: OrgUnit, lastDay: Day, units: [OrgUnit.ID: OrgUnit],
                                    acrossProvinces: Bool = false) -> ValidationProblem? {
        // The structural refusals first: they say more than "another level" or "not in force" would.
        if target.id == unit.id || successors(of: target.id, units).contains(unit.id) { return .mergerCycle }
        if ancestors(of: target.id, units).contains(unit.id) { return .mergeIntoOwnSubunit }
        if target.kind != unit.kind { return .mergeLevelMismatch(kind: unit.kind, targetKind: target.kind) }
        // The last day lies inside the unit's own time in force: a unit merged (or ended) already cannot end again later.
        if (unit.validFrom.map { lastDay < $0 } ?? false) || (unit.validTo.map { lastDay > $0 } ?? false) {
            return .unitNotInForce(name: unit.name, from: unit.validFrom, to: unit.validTo)
        }
        // The target takes over the next day, so it must be in force then.
        if !isValid(target, on: lastDay.next) {
            return .unitNotInForce(name: target.name, from: target.validFrom, to: target.validTo)
        }
        if !acrossProvinces, let mine = province(of: unit.id, units), let theirs = province(of: target.id, units), mine != theirs {
            return .otherProvince(name: target.name, province: units[theirs]?.name ?? "")
        }
        return nil
    }

    /// Every unit `unit` may move under, nearest in the tree first, then by name.
    public static func moveTargets(for unit: OrgUnit, units: [OrgUnit.ID: OrgUnit], on day: Day,
                                   acrossProvinces: Bool = false) -> [OrgUnit] {
        nearestFirst(units.values.filter { moveProblem(unit, under: $0, units: units, on: day, acrossProvinces: acrossProvinces) == nil },
                     from: unit, units)
    }

    /// Every unit `unit` may merge into with that last day, nearest first.
    public static func mergeTargets(for unit: OrgUnit, lastDay: Day, units: [OrgUnit.ID: OrgUnit],
                                    acrossProvinces: Bool = false) -> [OrgUnit] {
        nearestFirst(units.values.filter { mergeProblem(unit, into: $0, lastDay: lastDay, units: units, acrossProvinces: acrossProvinces) == nil },
                     from: unit, units)
    }

    /// Steps through the tree between two units (via their nearest common
    /// ancestor): a sibling is 2 away, the current parent 1.
    public static func distance(_ a: OrgUnit.ID, _ b: OrgUnit.ID, _ units: [OrgUnit.ID: OrgUnit]) -> Int {
        let up = [a] + ancestors(of: a, units)
        let other = [b] + ancestors(of: b, units)
        for (i, x) in up.enumerated() {
            if let j = other.firstIndex(of: x) { return i + j }
        }
        return up.count + other.count
    }

    /// The province (or the root, above provinces) a unit lies in.
    public static func province(of id: OrgUnit.ID, _ units: [OrgUnit.ID: OrgUnit]) -> OrgUnit.ID? {
        ([id] + ancestors(of: id, units)).first { units[$0]?.kind == .province }
    }

    /// Parents upward, nearest first; stops at a loop rather than hang.
    public static func ancestors(of id: OrgUnit.ID, _ units: [OrgUnit.ID: OrgUnit]) -> [OrgUnit.ID] {
        var out: [OrgUnit.ID] = []
        var seen: Set<OrgUnit.ID> = [id]
        var current = units[id]?.parentID
        while let c = current, seen.insert(c).inserted {
            out.append(c)
            current = units[c]?.parentID
        }
        return out
    }

    /// Successors onward (what a unit merged into, and so on); stops at a loop.
    public static func successors(of id: OrgUnit.ID, _ units: [OrgUnit.ID: OrgUnit]) -> [OrgUnit.ID] {
        var out: [OrgUnit.ID] = []
        var seen: Set<OrgUnit.ID> = [id]
        var current = units[id]?.mergedIntoID
        while let c = current, seen.insert(c).inserted {
            out.append(c)
            current = units[c]?.mergedIntoID
        }
        return out
    }

    public static func isValid(_ u: OrgUnit, on day: Day) -> Bool {
        (u.validFrom.map { $0 <= day } ?? true) && (u.validTo.map { day <= $0 } ?? true)
    }

    private static let allowedOrder: [UnitKind] = UnitKind.allCases

    private static func nearestFirst(_ list: [OrgUnit], from unit: OrgUnit, _ units: [OrgUnit.ID: OrgUnit]) -> [OrgUnit] {
        list.map { ($0, distance(unit.id, $0.id, units), VietnameseText.sortKey($0.name)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.2 < $1.2 }
            .map(\.0)
    }
}
