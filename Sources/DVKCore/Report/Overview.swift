/// Everything the status command and the dashboard's overview show for one
/// unit and year: one value, so the screen, the printout and the CLI agree.
public struct Overview: Sendable {
    public var year: Int
    public var unit: UnitProgress
    /// Root-first path (breadcrumb).
    public var path: [OrgUnit]
    public var children: [UnitProgress]
    /// Published totals that do not add up, in the unit's subtree.
    public var mismatches: [FigureMismatch]
    public var fields: [Field]
    public var unitNames: [OrgUnit.ID: String]
    public var unitKinds: [OrgUnit.ID: UnitKind]
    /// Nộp, duyệt: where each unit's year stands (absent: not submitted), as the store holds it.
    public var approvals: [OrgUnit.ID: ApprovalState] = [:]
    /// When the asked unit had merged by the year's end: the unit asked for.
    public var mergedFrom: OrgUnit?
    /// What needs attention in the subtree, worst first.
    public var alerts: [Alert]
    /// Every unit whose records roll into this unit's subtree (merged ones
    /// included): what a per-year query over the subtree must cover.
    public var subtreeUnitIDs: [OrgUnit.ID]
    /// The map the year is read on (shown in every header).
    public var map: MapView = .then
    /// Predecessors and successor of the unit shown.
    public var lineage = Lineage()

    /// Places before organisations (districts, communes first), then by kind, then Vietnamese name order.
    public static func listOrder(_ a: UnitProgress, _ b: UnitProgress) -> Bool {
        let ka = UnitKind.allCases.firstIndex(of: a.unit.kind)!, kb = UnitKind.allCases.firstIndex(of: b.unit.kind)!
        if ka != kb { return ka < kb }
        return VietnameseText.precedes(a.unit.name, b.unit.name)
    }

    /// Reads through the domain's protocol and rolls up in memory.
    /// Reads only what this overview shows (`ProgressSnapshot.build(…, scope:)`).
    public static func build(from source: ProgressSource, unit id: OrgUnit.ID, year: Int, map: MapView = .then) throws -> Overview? {
        make(from: try ProgressSnapshot.build(from: source, year: year, map: map, scope: id), unit: id)
    }

    /// The overview of one unit, cut from a year's snapshot: no further reads,
    /// so moving around within a year costs no roll-up.
    public static func make(from snap: ProgressSnapshot, unit id: OrgUnit.ID) -> Overview? {
        let tree = snap.tree
        let top = tree.resolve(id)
        let lineage = Lineage.of(top, in: tree)
        if lineage.notYetFormed { return forerunners(snap, unit: top, lineage: lineage) }
        guard let me = snap.progress[top] else { return nil }
        let kids = (tree.children[top] ?? []).compactMap { snap.progress[$0] }
        var o = cut(snap, me: me, kids: kids, roots: [top])
        o.mergedFrom = tree.units[id].flatMap { $0.id == top ? nil : $0 }
        o.lineage = lineage
        return o
    }

    /// A unit not yet formed in the year, on the map of that time: the units
    /// that later became it, each with its own figures, and their sum.
    static func forerunners(_ snap: ProgressSnapshot, unit id: OrgUnit.ID, lineage: Lineage) -> Overview? {
        let tree = snap.tree
        guard let unit = tree.units[id] else { return nil }
        let parts = tree.standIns(of: id).compactMap { snap.progress[$0] }
        guard !parts.isEmpty else { return nil }
        let me = UnitProgress.combining(parts, as: unit, year: snap.year)
        var o = cut(snap, me: me, kids: parts, roots: parts.map(\.unit.id))
        o.path = tree.path(to: id)
        o.lineage = lineage
        return o
    }

    /// The overview of `me` over the subtrees of `roots`.
    static func cut(_ snap: ProgressSnapshot, me: UnitProgress, kids: [UnitProgress], roots: [OrgUnit.ID]) -> Overview {
        let tree = snap.tree
        let top = me.unit.id
        let inSubtree = Set(roots + roots.flatMap { tree.descendants(of: $0) })
        // The only root's subtree is everything: no copies to filter.
        let everything = snap.isWhole && inSubtree.count == snap.progress.count
        let figures = snap.figures.filter { inSubtree.contains(tree.resolve($0.unitID)) }
        let mismatches = FigureCheck.mismatches(figures, fields: snap.fields)
        let subtree = everything ? snap.progress : snap.progress.filter { inSubtree.contains($0.key) }
        return Overview(year: snap.year, unit: me, path: tree.path(to: top), children: kids.sorted(by: Overview.listOrder),
                        mismatches: mismatches, fields: snap.fields, unitNames: snap.names, unitKinds: snap.kinds,
                        mergedFrom: nil,
                        // Above communes the unit's own line is the panel above; a commune's alerts are its own.
                        alerts: AlertList.build(subtree, excluding: kids.isEmpty ? nil : top, mismatches: mismatches, names: snap.names, fields: snap.fields),
                        subtreeUnitIDs: everything ? snap.allUnitIDs : tree.units.keys.filter { inSubtree.contains(tree.resolve($0)) }.sorted(),
                        map: tree.map)
    }
}

/// A year rolled up once for every unit: what every overview of that year is cut from.
public struct ProgressSnapshot: Sendable {
    public let year: Int
    public let tree: UnitTree
    public let fields: [Field]
    public let progress: [OrgUnit.ID: UnitProgress]
    public let figures: [ReportedFigure]
    /// Every unit ever recorded: names, kinds and ids, kept once per year rather than per overview.
    public let names: [OrgUnit.ID: String]
    public let kinds: [OrgUnit.ID: UnitKind]
    public let allUnitIDs: [OrgUnit.ID]
    /// Every unit of the year rolled up, not one subtree.
    public var isWhole = true

    /// Only what `unit`'s overview shows: the units around it (see
    /// `ProgressSource.units(around:)`) and the facts of its subtree on this
    /// map (its forerunners' for a unit not yet formed). A commune reads its
    /// own few rows, not the country's; the country reads everything.
    public static func build(from source: ProgressSource, year: Int, map: MapView = .then, scope unit: OrgUnit.ID) throws -> ProgressSnapshot {
        let tree = UnitTree(units: try source.units(around: unit), year: year, map: map)
        let top = tree.resolve(unit)
        let roots = tree.isInForce(top) ? [top] : tree.standIns(of: top)
        let inSubtree = Set(roots + roots.flatMap { tree.descendants(of: $0) })
        // Every unit read is one whose records can roll into the subtree, but
        // for the few ancestors (their facts fold into themselves, never visited).
        let owners = Set(tree.units.keys)
        let fields = try source.fields()
        let calc = ProgressCalculator(tree: tree, targets: try source.targets(), fields: fields,
                                      facts: try source.facts(year: year, units: owners))
        var progress: [OrgUnit.ID: UnitProgress] = [:]
        for r in roots { progress.merge(calc.computeSubtree(r)) { a, _ in a } }
        return ProgressSnapshot(year: year, tree: tree, fields: fields, progress: progress,
                                figures: try source.reportedFigures(year: year).filter { inSubtree.contains(tree.resolve($0.unitID)) },
                                names: tree.units.mapValues(\.name), kinds: tree.units.mapValues(\.kind),
                                allUnitIDs: tree.units.keys.sorted(), isWhole: false)
    }

    /// Whether `unit`'s overview can be cut from this snapshot: the whole
    /// year, or a subtree that holds `unit` and all below it.
    public func covers(_ unit: OrgUnit.ID) -> Bool {
        let top = tree.resolve(unit)
        let standIns = tree.standIns(of: top)
        return progress[top] != nil || (!standIns.isEmpty && standIns.allSatisfy { progress[$0] != nil })
    }

    public static func build(from source: ProgressSource, year: Int, map: MapView = .then) throws -> ProgressSnapshot {
        try build(UnitTree(units: try source.allUnits(), year: year, map: map), source)
    }

    static func build(_ tree: UnitTree, _ source: ProgressSource) throws -> ProgressSnapshot {
        let year = tree.year
        let fields = try source.fields()
        let calc = ProgressCalculator(tree: tree, targets: try source.targets(), fields: fields, facts: try source.facts(year: year))
        return ProgressSnapshot(year: year, tree: tree, fields: fields, progress: calc.computeAll(),
                                figures: try source.reportedFigures(year: year), names: tree.units.mapValues(\.name),
                                kinds: tree.units.mapValues(\.kind), allUnitIDs: tree.units.keys.sorted())
    }
}
