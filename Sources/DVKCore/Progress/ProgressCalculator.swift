/// Rolls facts up the hierarchy and judges every target at every unit.
///
/// Roll-up rules:
/// - model counts add up from descendants; a unit that ended by year end is
///   folded into its successor (its records count for the successor);
/// - a target names unit kinds. Every unit keeps the share of units of those
///   kinds in its subtree (itself included) that meet the target. Coverage
///   targets (plans, agencies with a model) are judged on that share against
///   100%; the models-per-commune target is judged on the unit's own count
///   at a commune and on the share of communes above it;
/// - satisfaction: a unit's own published index when it has one, else the
///   mean of its children's figures weighted by respondents (unweighted, and
///   flagged, when any respondent count is missing).
public struct ProgressCalculator: Sendable {
    public let tree: UnitTree
    public let targets: [Target]
    public let fields: [Field]
    private var folded: [OrgUnit.ID: UnitYearFacts] = [:]
    /// Surveys of units merged into each unit, for a successor without its own.
    private var mergedSurveys: [OrgUnit.ID: [SatisfactionSurvey]] = [:]
    /// Plans of units merged into each unit: a successor without its own has
    /// a plan when every one of them adopted and disseminated theirs (the
    /// same answer whatever order the facts come in).
    private var mergedPlans: [OrgUnit.ID: [PlanAdoption]] = [:]
    private let fieldCodes: [String]

    public init(tree: UnitTree, targets: [Target], fields: [Field], facts: [OrgUnit.ID: UnitYearFacts]) {
        self.tree = tree
        self.targets = targets
        self.fields = fields
        fieldCodes = fields.sorted { $0.sortOrder < $1.sortOrder }.map(\.code)
        folded.reserveCapacity(facts.count)
        for (id, f) in facts {
            if tree.units[id]?.mergedIntoID == nil, tree.units[id] != nil {
                // The common case: a unit that stands for itself; no merge to resolve.
                if folded[id] == nil { folded[id] = f; continue }
            }
            let owner = tree.resolve(id)
            var models = f.models
            // Models moved to another successor of a divided commune count
            // there, once the commune has ended on this map.
            for (successor, moved) in f.reassigned where owner != id {
                let other = tree.resolve(successor)
                // A successor outside a subtree's roll-up is not in the tree: the models still leave.
                let known = tree.units[other] != nil
                guard other != owner, !known || tree.isInForce(other) else { continue }
                models.subtract(moved)
                if known { folded[other, default: UnitYearFacts()].models.add(moved) }
            }
            guard tree.isInForce(owner) else { continue }
            var into = folded[owner] ?? UnitYearFacts()
            into.models.add(models)
            if owner == id {
                into.survey = f.survey ?? into.survey
            } else if let s = f.survey {
                // Several communes merged into one: each one's index counts, weighted like children's.
                mergedSurveys[owner, default: []].append(s)
            }
            if owner == id {
                into.plan = f.plan ?? into.plan
            } else if let p = f.plan {
                mergedPlans[owner, default: []].append(p)
            }
            folded[owner] = into
        }
    }

    /// Progress for every valid unit, computed in one post-order pass.
    public func computeAll() -> [OrgUnit.ID: UnitProgress] {
        var out: [OrgUnit.ID: UnitProgress] = [:]
        out.reserveCapacity(tree.units.count)
        var acc: [OrgUnit.ID: Accumulator] = [:]
        for root in tree.roots {
            visit(root, &acc, &out)
        }
        return out
    }

    /// Progress for a unit (resolved through mergers) and every valid unit below it.
    public func computeSubtree(_ id: OrgUnit.ID) -> [OrgUnit.ID: UnitProgress] {
        var out: [OrgUnit.ID: UnitProgress] = [:]
        out.reserveCapacity(tree.units.count)
        var acc: [OrgUnit.ID: Accumulator] = [:]
        let target = tree.resolve(id)
        guard tree.isInForce(target) else { return [:] }
        visit(target, &acc, &out)
        return out
    }

    private struct Share { var met = 0, total = 0 }

    private struct Accumulator {
        var models = ModelCounts()
        var shares: [Share]
        var satisfaction: (value: Double, weight: Double, weighted: Bool)?
        var reporting = ReportingCounts()
        /// What the unit itself sent in (worked out once, read by `progress`).
        var own = OwnReport()
    }

    private func visit(_ id: OrgUnit.ID, _ acc: inout [OrgUnit.ID: Accumulator], _ out: inout [OrgUnit.ID: UnitProgress]) {
        // Iterative post-order: a country has ~10,000 communes and the tree may be deep.
        var stack: [(OrgUnit.ID, Bool)] = [(id, false)]
        // A damaged hierarchy may loop (the store refuses loops, a hand-edited
        // file may not): each unit is entered once, so a roll-up always ends.
        var entered: Set<OrgUnit.ID> = []
        while let (node, expanded) = stack.popLast() {
            let kids = tree.children[node] ?? []
            if !expanded {
                guard entered.insert(node).inserted else { continue }
                stack.append((node, true))
                for k in kids.reversed() where !entered.contains(k) { stack.append((k, false)) }
                continue
            }
            let a = finish(node, kids.compactMap { acc[$0] })
            acc[node] = a
            for k in kids { acc[k] = nil }
            out[node] = progress(node, a)
        }
    }

    private func finish(_ id: OrgUnit.ID, _ kids: [Accumulator]) -> Accumulator {
        let unit = tree.units[id]!
        let own = folded[id] ?? UnitYearFacts()
        var a = Accumulator(models: own.models, shares: Array(repeating: Share(), count: targets.count), satisfaction: nil)
        var sat: [(Double, Double?)] = []
        a.own = ownReport(unit, own)
        a.reporting.add(a.own)
        for k in kids {
            a.models.add(k.models)
            a.reporting.add(k.reporting)
            for i in targets.indices {
                a.shares[i].met += k.shares[i].met
                a.shares[i].total += k.shares[i].total
            }
            if let s = k.satisfaction { sat.append((s.value, s.weighted ? s.weight : nil)) }
        }
        for s in mergedSurveys[id] ?? [] { sat.append((s.percent, s.respondents.map(Double.init))) }
        if let survey = own.survey {
            a.satisfaction = (survey.percent, Double(survey.respondents ?? 0), survey.respondents != nil)
        } else if !sat.isEmpty {
            if sat.allSatisfy({ $0.1 != nil && $0.1! > 0 }) {
                let w = sat.reduce(0) { $0 + $1.1! }
                a.satisfaction = (sat.reduce(0) { $0 + $1.0 * $1.1! } / w, w, true)
            } else {
                a.satisfaction = (sat.reduce(0) { $0 + $1.0 } / Double(sat.count), 0, false)
            }
        }
        for (i, t) in targets.enumerated() where t.unitKinds.contains(unit.kind) {
            if let met = ownMeets(t, unit: unit, own: own, rolled: a) {
                a.shares[i].total += 1
                if met { a.shares[i].met += 1 }
            }
        }
        return a
    }

    /// The reports the targets ask of this unit's kind, and which arrived.
    private func ownReport(_ unit: OrgUnit, _ own: UnitYearFacts) -> OwnReport {
        var r = OwnReport()
        guard tree.isInForce(unit.id) else { return r }
        for t in targets where t.phase.contains(tree.year) && t.unitKinds.contains(unit.kind) {
            switch t.metric {
            case .effectiveModelsPerUnit, .modelCoverage: r.expectsModels = true
            case .satisfaction: r.expectsSurvey = true
            case .planCoverage: r.expectsPlan = true
            }
        }
        r.modelsInForce = own.models.inForce
        r.pending = own.models.pending
        r.surveyed = own.survey != nil || !(mergedSurveys[unit.id] ?? []).isEmpty
        r.planned = own.plan != nil || !(mergedPlans[unit.id] ?? []).isEmpty
        if let plan = own.plan, !(plan.adopted && plan.disseminated) { r.planAdopted = plan.adopted }
        return r
    }

    /// Whether the unit itself meets a target that names its kind; nil when
    /// the unit cannot be judged (satisfaction with no survey).
    private func ownMeets(_ t: Target, unit: OrgUnit, own: UnitYearFacts, rolled: Accumulator) -> Bool? {
        guard let v = ownValue(t, unit.id, own: own, rolled: rolled) else { return nil }
        return v >= t.threshold && shortFields(t, rolled.models).isEmpty
    }

    private func ownValue(_ t: Target, _ id: OrgUnit.ID, own: UnitYearFacts, rolled: Accumulator) -> Double? {
        switch t.metric {
        case .effectiveModelsPerUnit: return Double(rolled.models.effective)
        case .modelCoverage: return rolled.models.maintained > 0 ? 100 : 0
        case .planCoverage:
            if let plan = own.plan { return plan.adopted && plan.disseminated ? 100 : 0 }
            guard let merged = mergedPlans[id], !merged.isEmpty else { return 0 }
            return merged.allSatisfy { $0.adopted && $0.disseminated } ? 100 : 0
        case .satisfaction: return rolled.satisfaction?.value
        }
    }

    private func shortFields(_ t: Target, _ m: ModelCounts) -> [String] {
        guard t.metric == .effectiveModelsPerUnit, let min = t.minPerField else { return [] }
        return fieldCodes.filter { (m.effectiveByField[$0] ?? 0) < min }
    }

    private func progress(_ id: OrgUnit.ID, _ a: Accumulator) -> UnitProgress {
        let unit = tree.units[id]!
        let own = folded[id] ?? UnitYearFacts()
        let results = targets.enumerated().map { i, t -> TargetProgress in
            let share = a.shares[i]
            let inPhase = t.phase.contains(tree.year)
            let ownFigure = t.metric == .satisfaction || (t.metric == .effectiveModelsPerUnit && t.unitKinds.contains(unit.kind))
            if ownFigure {
                // A commune that sent nothing in, or whose models all await their
                // evaluation, has no count to judge: “chưa báo cáo”, not “0/10”.
                let unevaluated = a.models.pending > 0 && a.models.effective + a.models.ineffective == 0
                let sentNothing = a.reporting.expected > 0 && a.reporting.silent == a.reporting.expected
                let silent = t.metric == .effectiveModelsPerUnit && (unevaluated || sentNothing)
                let value = silent ? nil : ownValue(t, id, own: own, rolled: a)
                let short = value == nil ? [] : shortFields(t, a.models)
                var status = ProgressStatus.judge(value: value, threshold: t.threshold, atRiskRatio: t.atRiskRatio)
                // Enough models but not spread over every field: not met yet.
                if status == .met && !short.isEmpty { status = .atRisk }
                return TargetProgress(target: t, value: value, threshold: t.threshold, status: status,
                                      unitsMeeting: share.met, unitsJudged: share.total, isShare: false,
                                      applicable: value != nil || t.unitKinds.contains(unit.kind) || share.total > 0,
                                      fieldsShort: short,
                                      unweighted: t.metric == .satisfaction && a.satisfaction?.weighted == false,
                                      inPhase: inPhase)
            }
            let value = share.total > 0 ? Double(share.met) * 100 / Double(share.total) : nil
            return TargetProgress(target: t, value: value, threshold: 100,
                                  status: ProgressStatus.judge(value: value, threshold: 100, atRiskRatio: t.atRiskRatio),
                                  unitsMeeting: share.met, unitsJudged: share.total, isShare: true,
                                  applicable: share.total > 0, inPhase: inPhase)
        }
        return UnitProgress(unit: unit, year: tree.year, models: a.models, targets: results,
                            own: a.own, reporting: a.reporting)
    }
}
