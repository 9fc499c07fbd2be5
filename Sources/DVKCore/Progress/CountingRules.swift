/// The counting rules for one unit's own models in one year.
///
/// The store computes the same numbers in SQL (it must: the country has about
/// a million models); this type is the written-down rule and the reference
/// the store's tests compare against.
///
/// For year Y, a **collective** model (individual exemplars are counted apart):
/// - is *in force* when it was launched on or before 31/12/Y and was not
///   removed on or before 31/12/Y. A model launched in December counts for
///   that year; a model removed at any time during Y does not count for Y
///   (removal is the verdict that it was formal or ineffective), but keeps
///   its earlier years.
/// - is *effective* when it is in force and its evaluation for Y says effective;
/// - is *pending* when it is in force and has no evaluation for Y yet;
/// - is *ineffective* when it is in force and was evaluated not effective.
/// A registered model that was never launched counts for nothing.
public struct ModelCounts: Hashable, Sendable {
    public var inForce = 0
    public var effective = 0
    public var pending = 0
    public var ineffective = 0
    /// Effective collective models per field code.
    public var effectiveByField: [String: Int] = [:]
    /// Individual exemplars in force and evaluated effective.
    public var effectiveIndividuals = 0

    public init() {}

    public init(inForce: Int, effective: Int, pending: Int, ineffective: Int,
                effectiveByField: [String: Int], effectiveIndividuals: Int) {
        self.inForce = inForce
        self.effective = effective
        self.pending = pending
        self.ineffective = ineffective
        self.effectiveByField = effectiveByField
        self.effectiveIndividuals = effectiveIndividuals
    }

    /// In force and not judged ineffective: what “has a model” means for an agency.
    public var maintained: Int { inForce - ineffective }

    public static func + (a: ModelCounts, b: ModelCounts) -> ModelCounts {
        var r = a
        r.add(b)
        return r
    }

    public mutating func add(_ b: ModelCounts) {
        inForce += b.inForce
        effective += b.effective
        pending += b.pending
        ineffective += b.ineffective
        effectiveIndividuals += b.effectiveIndividuals
        for (k, v) in b.effectiveByField { effectiveByField[k, default: 0] += v }
    }

    /// Takes `b`'s models out again (a model reassigned to another successor).
    public mutating func subtract(_ b: ModelCounts) {
        inForce -= b.inForce
        effective -= b.effective
        pending -= b.pending
        ineffective -= b.ineffective
        effectiveIndividuals -= b.effectiveIndividuals
        for (k, v) in b.effectiveByField {
            let left = (effectiveByField[k] ?? 0) - v
            effectiveByField[k] = left == 0 ? nil : left
        }
    }
}

public enum CountingRules {
    /// Whether a model is in force for `year` (see the type's doc).
    public static func isInForce(_ m: Model, in year: Int) -> Bool {
        let end = Day.lastOf(year: year)
        guard let launched = m.launchedOn, launched <= end else { return false }
        if let removed = m.removedOn, removed <= end { return false }
        return true
    }

    /// Counts per unit (the model's own unit, before any merger is applied).
    public static func counts(models: [Model], evaluations: [Evaluation], year: Int) -> [OrgUnit.ID: ModelCounts] {
        var verdict: [Model.ID: Bool] = [:]
        for e in evaluations where e.year == year { verdict[e.modelID] = e.effective }
        var out: [OrgUnit.ID: ModelCounts] = [:]
        for m in models where isInForce(m, in: year) {
            var c = out[m.unitID] ?? ModelCounts()
            switch (m.kind, verdict[m.id]) {
            case (.individual, true?):
                c.effectiveIndividuals += 1
            case (.individual, _):
                break
            case (.collective, nil):
                c.inForce += 1
                c.pending += 1
            case (.collective, true?):
                c.inForce += 1
                c.effective += 1
                c.effectiveByField[m.fieldCode, default: 0] += 1
            case (.collective, false?):
                c.inForce += 1
                c.ineffective += 1
            }
            out[m.unitID] = c
        }
        return out
    }
}
