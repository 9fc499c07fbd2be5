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
    /// When the asked unit had merged by the year's end: the unit asked for.
    public var mergedFrom: OrgUnit?
    /// What needs attention in the subtree, worst first.
    public var alerts: [Alert]
    /// Every unit whose records roll into this unit's subtree (merged ones
    /// included): what a per-year query over the subtree must cover.
    public var subtreeUnitIDs: [OrgUnit.ID]

    /// Places before organisations (districts, communes first), then by kind, then Vietnamese name order.
    public static func listOrder(_ a: UnitProgress, _ b: UnitProgress) -> Bool {
        let ka = UnitKind.allCases.firstIndex(of: a.unit.kind)!, kb = UnitKind.allCases.firstIndex(of: b.unit.kind)!
        if ka != kb { return ka < kb }
        return VietnameseText.precedes(a.unit.name, b.unit.name)
    }

    /// Reads through the domain's protocol and rolls up in memory.
    public static func build(from source: ProgressSource, unit id: OrgUnit.ID, year: Int) throws -> Overview? {
        make(from: try ProgressSnapshot.build(from: source, year: year), unit: id)
    }

    /// The overview of one unit, cut from a year's snapshot: no further reads,
    /// so moving around within a year costs no roll-up.
    public static func make(from snap: ProgressSnapshot, unit id: OrgUnit.ID) -> Overview? {
        let tree = snap.tree
        let top = tree.resolve(id)
        guard let me = snap.progress[top] else { return nil }
        let kids = (tree.children[top] ?? []).compactMap { snap.progress[$0] }
        let inSubtree = Set([top] + tree.descendants(of: top))
        // The only root's subtree is everything: no copies to filter.
        let everything = inSubtree.count == snap.progress.count
        let figures = snap.figures.filter { inSubtree.contains(tree.resolve($0.unitID)) }
        let mismatches = FigureCheck.mismatches(figures, fields: snap.fields)
        let subtree = everything ? snap.progress : snap.progress.filter { inSubtree.contains($0.key) }
        let asked = tree.units[id]
        return Overview(year: snap.year, unit: me, path: tree.path(to: top), children: kids.sorted(by: Overview.listOrder),
                        mismatches: mismatches, fields: snap.fields, unitNames: snap.names, unitKinds: snap.kinds,
                        mergedFrom: asked.flatMap { $0.id == top ? nil : $0 },
                        // Above communes the unit's own line is the panel above; a commune's alerts are its own.
                        alerts: AlertList.build(subtree, excluding: kids.isEmpty ? nil : top, mismatches: mismatches, names: snap.names, fields: snap.fields),
                        subtreeUnitIDs: everything ? snap.allUnitIDs : tree.units.keys.filter { inSubtree.contains(tree.resolve($0)) }.sorted())
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

    public static func build(from source: ProgressSource, year: Int) throws -> ProgressSnapshot {
        let tree = UnitTree(units: try source.allUnits(), year: year)
        let fields = try source.fields()
        let calc = ProgressCalculator(tree: tree, targets: try source.targets(), fields: fields, facts: try source.facts(year: year))
        return ProgressSnapshot(year: year, tree: tree, fields: fields, progress: calc.computeAll(),
                                figures: try source.reportedFigures(year: year), names: tree.units.mapValues(\.name),
                                kinds: tree.units.mapValues(\.kind), allUnitIDs: tree.units.keys.sorted())
    }
}
