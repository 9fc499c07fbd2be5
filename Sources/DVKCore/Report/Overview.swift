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
        let units = try source.allUnits()
        let tree = UnitTree(units: units, year: year)
        let fields = try source.fields()
        let calc = ProgressCalculator(tree: tree, targets: try source.targets(), fields: fields, facts: try source.facts(year: year))
        let all = calc.computeSubtree(id)
        guard let me = all[tree.resolve(id)] else { return nil }
        let kids = (tree.children[me.unit.id] ?? []).compactMap { all[$0] }
        let inSubtree = Set(all.keys)
        let figures = try source.reportedFigures(year: year).filter { inSubtree.contains(tree.resolve($0.unitID)) }
        let mismatches = FigureCheck.mismatches(figures, fields: fields)
        let names = tree.units.mapValues(\.name)
        let asked = tree.units[id]
        return Overview(year: year, unit: me, path: tree.path(to: me.unit.id), children: kids.sorted(by: Overview.listOrder),
                        mismatches: mismatches, fields: fields, unitNames: names,
                        mergedFrom: asked.flatMap { $0.id == me.unit.id ? nil : $0 },
                        alerts: AlertList.build(all.filter { $0.key != me.unit.id }, mismatches: mismatches, names: names),
                        subtreeUnitIDs: tree.units.keys.filter { inSubtree.contains(tree.resolve($0)) }.sorted())
    }
}
