/// Everything recorded for one unit (its own, not its descendants') in one year:
/// the input of the roll-up. The store fills it with SQL aggregates.
public struct UnitYearFacts: Hashable, Sendable {
    public var models = ModelCounts()
    public var survey: SatisfactionSurvey?
    public var plan: PlanAdoption?

    public init(models: ModelCounts = ModelCounts(), survey: SatisfactionSurvey? = nil, plan: PlanAdoption? = nil) {
        self.models = models
        self.survey = survey
        self.plan = plan
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
}
