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
        guard let (me, kids) = calc.compute(id) else { return nil }
        let inSubtree = Set([me.unit.id] + tree.descendants(of: me.unit.id))
        let figures = try source.reportedFigures(year: year).filter { inSubtree.contains(tree.resolve($0.unitID)) }
        let asked = tree.units[id]
        return Overview(year: year, unit: me, path: tree.path(to: me.unit.id), children: kids.sorted(by: Overview.listOrder),
                        mismatches: FigureCheck.mismatches(figures, fields: fields), fields: fields,
                        unitNames: tree.units.mapValues(\.name),
                        mergedFrom: asked.flatMap { $0.id == me.unit.id ? nil : $0 })
    }
}
