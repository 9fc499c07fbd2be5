/// Everything recorded for one unit (its own, not its descendants') in one year:
/// the input of the roll-up. The store fills it with SQL aggregates.
public struct UnitYearFacts: Hashable, Sendable {
    public var models = ModelCounts()
    public var survey: SatisfactionSurvey?
    public var plan: PlanAdoption?
    /// Of `models`, those reassigned to a successor other than the default
    /// one (a commune divided in 2025), by that successor: on today's map
    /// they count there instead.
    public var reassigned: [OrgUnit.ID: ModelCounts] = [:]

    public init(models: ModelCounts = ModelCounts(), survey: SatisfactionSurvey? = nil, plan: PlanAdoption? = nil,
                reassigned: [OrgUnit.ID: ModelCounts] = [:]) {
        self.models = models
        self.survey = survey
        self.plan = plan
        self.reassigned = reassigned
    }
}

/// Read access the domain needs; the store implements it with SQL.
public protocol ProgressSource: Sendable {
    func allUnits() throws -> [OrgUnit]
    func fields() throws -> [Field]
    func targets() throws -> [Target]
    /// Facts keyed by each record's own unit (mergers are applied by the domain).
    func facts(year: Int) throws -> [OrgUnit.ID: UnitYearFacts]
    func reportedFigures(year: Int) throws -> [ReportedFigure]
    /// Facts of these units only: what one subtree's roll-up reads.
    func facts(year: Int, units: Set<OrgUnit.ID>) throws -> [OrgUnit.ID: UnitYearFacts]
    /// The units one overview of `unit` can need on any map: its ancestors,
    /// its successors and their ancestors, and everything that rolls into it
    /// (descendants, predecessors, communes divided onto it), at any depth.
    func units(around unit: OrgUnit.ID) throws -> [OrgUnit]
}

extension ProgressSource {
    public func units(around unit: OrgUnit.ID) throws -> [OrgUnit] { try allUnits() }

    public func facts(year: Int, units: Set<OrgUnit.ID>) throws -> [OrgUnit.ID: UnitYearFacts] {
        try facts(year: year).filter { units.contains($0.key) }
    }
}
