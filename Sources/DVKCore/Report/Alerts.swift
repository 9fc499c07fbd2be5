/// Something an officer should look at first (the overview's alert list).
public enum Alert: Hashable, Sendable {
    /// A unit below the models target: its effective count and the threshold.
    case fewModels(OrgUnit, effective: Int, threshold: Double, status: ProgressStatus)
    /// A unit whose satisfaction index is under the threshold.
    case lowSatisfaction(OrgUnit, percent: Double, threshold: Double)
    /// An agency or public service unit with no model in force.
    case agencyWithoutModel(OrgUnit)
    /// A published total that does not add up.
    case mismatch(FigureMismatch, unitName: String)

    public func text(_ lang: Language) -> String {
        let vi = lang == .vi
        switch self {
        case let .fewModels(u, n, t, _):
            let goal = VietnameseNumber.decimal(t, lang)
            return vi ? "\(u.name): \(n)/\(goal) mô hình hiệu quả" : "\(u.name): \(n)/\(goal) effective models"
        case let .lowSatisfaction(u, p, t):
            return vi ? "\(u.name): hài lòng \(VietnameseNumber.percent(p, lang)) < \(VietnameseNumber.percent(t, lang))"
                : "\(u.name): satisfaction \(VietnameseNumber.percent(p, lang)) < \(VietnameseNumber.percent(t, lang))"
        case let .agencyWithoutModel(u):
            return vi ? "\(u.name): chưa có mô hình" : "\(u.name): no model"
        case let .mismatch(m, name):
            return "\(name) (\(m.year)): \(m.issue.message(lang))"
        }
    }

    public var status: ProgressStatus {
        switch self {
        case let .fewModels(_, _, _, s): return s
        case .lowSatisfaction, .agencyWithoutModel, .mismatch: return .behind
        }
    }
}

public enum AlertList {
    /// Up to `limit` per kind, worst first: units furthest behind on models,
    /// lowest satisfaction, agencies without a model, then mismatches.
    public static func build(_ progress: [OrgUnit.ID: UnitProgress], excluding excluded: OrgUnit.ID? = nil, mismatches: [FigureMismatch],
                             names: [OrgUnit.ID: String], limit: Int = 5) -> [Alert] {
        // Worst first; among equals the first in id order, then the few kept are
        // put in Vietnamese name order. Collating every unit of a country
        // would cost more than the whole roll-up.
        // Only (value, id) pairs are collected; alerts are built for the few kept.
        func worst(_ items: [(Double, OrgUnit.ID)], _ make: (UnitProgress) -> Alert?) -> [Alert] {
            items.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit)
                .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : VietnameseText.precedes(names[$0.1] ?? "", names[$1.1] ?? "") }
                .compactMap { progress[$0.1].flatMap(make) }
        }
        var few: [(Double, OrgUnit.ID)] = [], low: [(Double, OrgUnit.ID)] = [], bare: [(Double, OrgUnit.ID)] = []
        for (id, p) in progress where id != excluded {
            for t in p.targets where t.applicable {
                switch t.target.metric {
                case .effectiveModelsPerUnit where !t.isShare && (t.status == .behind || t.status == .atRisk):
                    if let v = t.value { few.append((v / max(t.threshold, 1), id)) }
                case .satisfaction where t.target.unitKinds.contains(p.unit.kind):
                    if let v = t.value, v < t.threshold { low.append((v, id)) }
                case .modelCoverage where t.target.unitKinds.contains(p.unit.kind) && p.models.maintained == 0:
                    bare.append((0, id))
                default: break
                }
            }
        }
        let fewAlerts = worst(few) { p in
            p.progress(for: .effectiveModelsPerUnit).flatMap { t in
                t.value.map { .fewModels(p.unit, effective: Int($0), threshold: t.threshold, status: t.status) }
            }
        }
        let lowAlerts = worst(low) { p in
            p.progress(for: .satisfaction).flatMap { t in t.value.map { .lowSatisfaction(p.unit, percent: $0, threshold: t.threshold) } }
        }
        let bareAlerts = worst(bare) { .agencyWithoutModel($0.unit) }
        let sums = mismatches.map { Alert.mismatch($0, unitName: names[$0.unitID] ?? "?") }
        return fewAlerts + lowAlerts + bareAlerts + sums
    }
}
