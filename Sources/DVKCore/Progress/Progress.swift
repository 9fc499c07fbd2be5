/// One target's standing for one unit and year.
public struct TargetProgress: Hashable, Sendable {
    public var target: Target
    /// Count (models per unit) or percent; nil when there is nothing to measure.
    public var value: Double?
    /// What `value` is compared with: the target's threshold for the unit the
    /// target names, 100 (%) for the share of those units in an ancestor.
    public var threshold: Double
    public var status: ProgressStatus
    /// Units of the target's kinds in the subtree (the unit itself included)
    /// that meet it, and how many were judged.
    public var unitsMeeting: Int
    public var unitsJudged: Int
    /// The value is the share of those units (an ancestor's view), not the unit's own figure.
    public var isShare: Bool
    /// False when the target concerns no unit here (an agency target at a
    /// commune): shown as “not applicable”, never as a failure.
    public var applicable: Bool
    /// Fields below the per-field minimum (even-spread rule), in field order.
    public var fieldsShort: [String] = []
    /// Satisfaction rolled up without respondent counts for every unit.
    public var unweighted = false
    public var inPhase: Bool
}

/// The whole picture for one unit and year: its subtree's counts and every target.
public struct UnitProgress: Hashable, Sendable {
    public var unit: OrgUnit
    public var year: Int
    /// Counts over the unit and all its descendants (merged units folded in).
    public var models: ModelCounts
    public var targets: [TargetProgress]
    /// What the unit itself reported this year.
    public var own = OwnReport()
    /// Its subtree's units expected to report, and how many did.
    public var reporting = ReportingCounts()

    public init(unit: OrgUnit, year: Int, models: ModelCounts, targets: [TargetProgress],
                own: OwnReport = OwnReport(), reporting: ReportingCounts = ReportingCounts()) {
        self.unit = unit
        self.year = year
        self.models = models
        self.targets = targets
        self.own = own
        self.reporting = reporting
    }

    public func progress(for metric: TargetMetric) -> TargetProgress? {
        targets.first { $0.target.metric == metric }
    }

    /// The worst status among the applicable targets that have data.
    /// A commune whose model count is not in yet is “not reported”, however its other targets stand.
    public var overallStatus: ProgressStatus {
        if let m = progress(for: .effectiveModelsPerUnit), m.applicable, !m.isShare, m.value == nil { return .noData }
        return targets.filter(\.applicable).map(\.status).filter { $0 != .noData }.min() ?? .noData
    }
}
