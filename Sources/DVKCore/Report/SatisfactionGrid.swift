/// Units × years of satisfaction, with the threshold line (the satisfaction screen).
public struct SatisfactionGrid: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var unit: OrgUnit
        /// Percent per year; nil where nothing was published or rolled up.
        public var values: [Int: Double]
        /// Years whose figure is a roll-up without respondent counts.
        public var unweightedYears: Set<Int>
    }

    /// The unit the grid was asked for: its answer is recognised by this,
    /// not by its first row, which a unit with no figures, or one not yet
    /// formed on the map of that time, does not have.
    public var unitID: OrgUnit.ID
    public var years: [Int]
    public var threshold: Double
    /// The unit itself first (when it has figures), then its children, or
    /// the old units standing for it.
    public var rows: [Row]

    /// One roll-up per year over survey facts only: cheap even for a country.
    public static func build(from source: DashboardSource, unit id: OrgUnit.ID, years: ClosedRange<Int>, map: MapView = .then) throws -> SatisfactionGrid {
        let units = try source.allUnits()
        let targets = try source.targets().filter { $0.metric == .satisfaction }
        let threshold = targets.first?.threshold ?? 90
        var rows: [OrgUnit.ID: Row] = [:]
        var order: [OrgUnit.ID] = []
        for year in years {
            let tree = UnitTree(units: units, year: year, map: map)
            let calc = ProgressCalculator(tree: tree, targets: targets, fields: [], facts: try source.surveyFacts(year: year))
            let me = tree.resolve(id)
            // Not yet formed on the map of that time: the old units in its place.
            let standIns = tree.standIns(of: me)
            var all = calc.computeSubtree(id)
            for s in standIns { all.merge(calc.computeSubtree(s)) { a, _ in a } }
            let list = (standIns.isEmpty ? [me] : []) + (standIns.isEmpty ? tree.children[me] ?? [] : standIns).sorted { a, b in
                guard let ua = tree.units[a], let ub = tree.units[b] else { return false }
                let ka = UnitKind.allCases.firstIndex(of: ua.kind)!, kb = UnitKind.allCases.firstIndex(of: ub.kind)!
                return ka != kb ? ka < kb : VietnameseText.precedes(ua.name, ub.name)
            }
            for uid in list {
                guard let p = all[uid], let t = p.progress(for: .satisfaction) else { continue }
                // Only units that publish or roll up a figure somewhere in the span get a row.
                if rows[uid] == nil {
                    rows[uid] = Row(unit: p.unit, values: [:], unweightedYears: [])
                    order.append(uid)
                }
                if let v = t.value { rows[uid]?.values[year] = v }
                if t.unweighted { rows[uid]?.unweightedYears.insert(year) }
            }
        }
        let kept = order.compactMap { rows[$0] }.filter { !$0.values.isEmpty || $0.unit.id == id }
        return SatisfactionGrid(unitID: id, years: Array(years), threshold: threshold, rows: kept)
    }
}
