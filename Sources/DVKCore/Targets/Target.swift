/// What a target measures.
public enum TargetMetric: String, CaseIterable, Sendable, Codable {
    /// % of organisations of the listed kinds with a plan adopted for the year.
    case planCoverage
    /// Effective models per unit of the listed kinds (≥ threshold, and ≥ minPerField in every field).
    case effectiveModelsPerUnit
    /// % of units of the listed kinds with at least one model in force that was not judged ineffective.
    case modelCoverage
    /// Satisfaction index (%) of the unit.
    case satisfaction
}

/// A giai đoạn such as 2023–2025.
public struct PlanPhase: Hashable, Sendable, CustomStringConvertible {
    public var startYear: Int
    public var endYear: Int
    public init(startYear: Int, endYear: Int) {
        self.startYear = startYear
        self.endYear = endYear
    }
    public func contains(_ year: Int) -> Bool { (startYear...endYear).contains(year) }
    public var years: ClosedRange<Int> { startYear...endYear }
    public var description: String { "\(startYear)–\(endYear)" }
}

/// A target (chỉ tiêu) as data: another province sets other numbers.
public struct Target: Hashable, Sendable, Identifiable {
    public var id: Int64
    /// Short stable code, e.g. `models`.
    public var code: String
    public var metric: TargetMetric
    /// At least this value (count or percent).
    public var threshold: Double
    public var unitKinds: [UnitKind]
    public var phase: PlanPhase
    /// For even spread across fields: effective models required in each field.
    public var minPerField: Int?
    /// Share of the threshold from which a shortfall is “at risk” rather than “behind”.
    public var atRiskRatio: Double
    /// The document that sets it.
    public var directive: String

    public init(id: Int64 = 0, code: String, metric: TargetMetric, threshold: Double, unitKinds: [UnitKind],
                phase: PlanPhase, minPerField: Int? = nil, atRiskRatio: Double = 0.8, directive: String = "") {
        self.id = id
        self.code = code
        self.metric = metric
        self.threshold = threshold
        self.unitKinds = unitKinds
        self.phase = phase
        self.minPerField = minPerField
        self.atRiskRatio = atRiskRatio
        self.directive = directive
    }

    /// The four targets of Đề án 13 (Yên Bái, 16/3/2023), the defaults of a new database.
    public static let defaults: [Target] = {
        let phase = PlanPhase(startYear: 2023, endYear: 2025)
        let doc = "Đề án số 13 ngày 16/3/2023"
        return [
            Target(code: "plan", metric: .planCoverage, threshold: 100,
                   unitKinds: [.district, .commune, .agency, .publicService, .partyCommittee, .partyOrg, .massOrg],
                   phase: phase, directive: doc),
            Target(code: "models", metric: .effectiveModelsPerUnit, threshold: 10, unitKinds: [.commune],
                   phase: phase, minPerField: 2, directive: doc),
            Target(code: "agencies", metric: .modelCoverage, threshold: 100, unitKinds: [.agency, .publicService],
                   phase: phase, directive: doc),
            Target(code: "satisfaction", metric: .satisfaction, threshold: 90, unitKinds: [.province, .district, .commune],
                   phase: phase, directive: doc),
        ]
    }()
}
