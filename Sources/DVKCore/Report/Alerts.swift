/// Something an officer should look at first (the overview's alert list):
/// one unit that is behind or at risk, with every reason it is, or one
/// published total that does not add up.
///
/// The reasons are read from the unit's `TargetProgress`: exactly the
/// applicable targets whose status is behind or at risk, so a unit is listed
/// exactly when its `overallStatus` is behind or at risk.
public struct Alert: Hashable, Sendable {
    /// Why a unit is listed. Each case carries the figures its text shows.
    public enum Reason: Hashable, Sendable {
        /// Fewer effective models than the unit's target.
        case fewModels(effective: Int, threshold: Double)
        /// Fields below the per-field minimum (even spread), in field order;
        /// left out when the unit has no effective model at all (the count says it).
        case fieldsShort([FieldCount], minimum: Int)
        /// The unit itself has no plan adopted and disseminated for the year.
        case noPlan(year: Int)
        /// It sent a plan in, not yet adopted or not yet disseminated.
        case planNotInForce(year: Int, adopted: Bool)
        /// The unit itself (an agency, a public service unit) has no model in force.
        case noModel
        /// It has models, every one judged not effective.
        case noEffectiveModel
        /// Satisfaction index under the threshold.
        case lowSatisfaction(percent: Double, threshold: Double)
        /// A unit above others: how many of the units a target names meet it.
        case share(TargetMetric, meeting: Int, judged: Int, year: Int)
        /// A published total whose parts do not add up.
        case mismatch(FigureMismatch)
        /// A commune whose model count is not in: nothing sent, or every model awaiting its evaluation.
        case notReported(pending: Int)
    }

    /// Effective models in one field, for a field shortfall.
    public struct FieldCount: Hashable, Sendable {
        public var field: Field
        public var effective: Int
        public init(field: Field, effective: Int) {
            self.field = field
            self.effective = effective
        }
    }

    /// The unit to drill to; nil when it no longer stands (a mismatch of a merged unit).
    public var unit: OrgUnit?
    public var unitName: String
    public var status: ProgressStatus
    /// In the order of the unit's targets (the status table's order).
    public var reasons: [Reason]
    /// 0 (nothing done) … 1 (done): the worst reason's value against its
    /// threshold. What orders alerts of the same status.
    public var severity: Double

    public init(unit: OrgUnit?, unitName: String, status: ProgressStatus, reasons: [Reason], severity: Double) {
        self.unit = unit
        self.unitName = unitName
        self.status = status
        self.reasons = reasons
        self.severity = severity
    }

    /// A published total that does not add up, rather than a unit's progress.
    public var isMismatch: Bool {
        if reasons.count == 1, case .mismatch = reasons[0] { return true }
        return false
    }

    /// “Xã A: 7/10 mô hình hiệu quả; chưa có kế hoạch năm 2025”,
    /// “Đảng ủy Khối … (2023): Tổng số không khớp …”.
    public func text(_ lang: Language) -> String {
        if isMismatch, case let .mismatch(m) = reasons[0] { return "\(unitName) (\(m.year)): \(m.issue.message(lang))" }
        return "\(unitName): " + reasons.map { $0.text(lang) }.joined(separator: "; ")
    }
}

extension Alert.Reason {
    public func text(_ lang: Language) -> String {
        let vi = lang == .vi
        let n = { VietnameseNumber.integer($0, lang) }
        switch self {
        case let .fewModels(e, t):
            let goal = VietnameseNumber.decimal(t, lang)
            return vi ? "\(n(e))/\(goal) mô hình hiệu quả" : "\(n(e))/\(goal) effective models"
        case let .fieldsShort(fields, m):
            let list = fields.map { "\($0.field.name(lang)) \(n($0.effective))/\(n(m))" }.joined(separator: ", ")
            if vi { return "lĩnh vực \(list) mô hình (tối thiểu)" }
            return (fields.count == 1 ? "field " : "fields ") + list + " models (minimum)"
        case let .noPlan(y):
            return vi ? "chưa có kế hoạch năm \(y)" : "no plan for \(y)"
        case let .planNotInForce(y, adopted):
            if adopted { return vi ? "kế hoạch năm \(y) chưa được phổ biến" : "the \(y) plan is not disseminated yet" }
            return vi ? "kế hoạch năm \(y) chưa được ban hành" : "the \(y) plan is not adopted yet"
        case .noModel:
            return vi ? "chưa có mô hình" : "no model"
        case .noEffectiveModel:
            return vi ? "chưa có mô hình hiệu quả (mô hình đang có chưa hiệu quả)" : "no effective model (its models were judged not effective)"
        case let .lowSatisfaction(p, t):
            let (p, t) = (VietnameseNumber.percent(p, lang), VietnameseNumber.percent(t, lang))
            return vi ? "hài lòng \(p) < \(t)" : "satisfaction \(p) < \(t)"
        case let .share(metric, met, judged, y):
            let count = "\(n(met))/\(n(judged))"
            switch metric {
            case .planCoverage:
                return vi ? "\(count) đơn vị có kế hoạch năm \(y)" : "\(count) units with a plan for \(y)"
            case .effectiveModelsPerUnit:
                return vi ? "\(count) đơn vị đạt chỉ tiêu mô hình hiệu quả" : "\(count) units meet the effective-models target"
            case .modelCoverage:
                return vi ? "\(count) cơ quan, đơn vị có mô hình" : "\(count) agencies with a model"
            case .satisfaction:
                return vi ? "\(count) đơn vị hài lòng đạt chỉ tiêu" : "\(count) units meet the satisfaction target"
            }
        case let .mismatch(m):
            return "(\(m.year)) \(m.issue.message(lang))"
        case let .notReported(pending):
            if pending == 0 { return vi ? "chưa báo cáo" : "not reported" }
            return vi ? "chưa báo cáo đánh giá (\(n(pending)) mô hình chờ đánh giá)" : "evaluations not reported (\(n(pending)) models waiting)"
        }
    }
}

public enum AlertList {
    /// Every unit of `progress` (but `excluded`, the unit being looked at)
    /// that is behind or at risk, one alert per unit with all its reasons,
    /// and every mismatch; no cap. Behind before at risk (a mismatch counts
    /// as behind and follows the units behind), then the furthest from its
    /// target first (`severity`), then places before organisations (the
    /// order of `UnitKind`), then id: the same data always gives the same
    /// order. Names are not collated here: a country lists some ten thousand
    /// units, and collating their names would cost more than the roll-up.
    ///
    /// `fields` names the fields of a shortfall (a code not among them is shown as is).
    public static func build(_ progress: [OrgUnit.ID: UnitProgress], excluding excluded: OrgUnit.ID? = nil, mismatches: [FigureMismatch],
                             names: [OrgUnit.ID: String], fields: [Field] = Field.standard) -> [Alert] {
        let byCode = Dictionary(fields.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var units: [Alert] = []
        for (id, p) in progress where id != excluded {
            if let a = alert(p, fields: byCode) { units.append(a) }
        }
        // Plain keys are sorted, not the alerts: moving thousands of alerts around costs more than the rest.
        // Behind, then at risk, then not reported: a unit with no figures is not ranked against those with some.
        struct Key { var rank: Int; var severity: Double; var kind: Int; var id: OrgUnit.ID; var index: Int; var behind: Bool { rank == 0 } }
        let kindRank = Dictionary(uniqueKeysWithValues: UnitKind.allCases.enumerated().map { ($1, $0) })
        let keys = units.enumerated().map { i, a in
            Key(rank: a.status == .behind ? 0 : a.status == .atRisk ? 1 : 2, severity: a.severity,
                kind: a.unit.flatMap { kindRank[$0.kind] } ?? 0, id: a.unit?.id ?? 0, index: i)
        }.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.kind != b.kind { return a.kind < b.kind }
            return a.id < b.id
        }
        let sums = mismatches.map { m in
            Alert(unit: progress[m.unitID]?.unit, unitName: names[m.unitID] ?? "?", status: .behind, reasons: [.mismatch(m)], severity: 1)
        }
        // A mismatch is judged behind: after the units behind, before those at risk.
        var out: [Alert] = []
        out.reserveCapacity(units.count + sums.count)
        var placed = false
        for k in keys {
            if !k.behind && !placed { out += sums; placed = true }
            out.append(units[k.index])
        }
        if !placed { out += sums }
        return out
    }

    /// The alert for one unit, nil when it is neither behind nor at risk nor
    /// a commune whose count is not in.
    public static func alert(_ p: UnitProgress, fields: [String: Field]) -> Alert? {
        let status = p.overallStatus
        var reasons: [(Alert.Reason, Double)] = []
        if status == .noData, let m = p.progress(for: .effectiveModelsPerUnit), m.applicable, !m.isShare, m.value == nil {
            reasons.append((.notReported(pending: p.models.pending), 0))
        } else {
            guard status == .behind || status == .atRisk else { return nil }
        }
        for t in p.targets where t.applicable && (t.status == .behind || t.status == .atRisk) {
            reasons += self.reasons(t, p, fields: fields)
        }
        guard let worst = reasons.map(\.1).min() else { return nil }
        return Alert(unit: p.unit, unitName: p.unit.name, status: status, reasons: reasons.map(\.0), severity: worst)
    }

    /// What one failing target says about the unit, each with its value against its threshold (0…1).
    static func reasons(_ t: TargetProgress, _ p: UnitProgress, fields: [String: Field]) -> [(Alert.Reason, Double)] {
        func ratio(_ v: Double?, _ of: Double) -> Double { of > 0 ? min(1, max(0, (v ?? 0) / of)) : 0 }
        // A share of one unit judged, of the kinds the target names, is the unit's own standing.
        let own = t.isShare && t.unitsJudged == 1 && t.target.unitKinds.contains(p.unit.kind)
        switch t.target.metric {
        case .effectiveModelsPerUnit where !t.isShare:
            let v = t.value ?? 0
            var out: [Alert.Reason] = []
            if v < t.threshold { out.append(.fewModels(effective: Int(v), threshold: t.threshold)) }
            // How far from the target: the count, or the spread when that is worse (the share of the
            // per-field minimums filled), so 10 models in one field do not rank as nearly done.
            var done = ratio(v, t.threshold)
            // With no model at all every field is short: the count says it all.
            if !t.fieldsShort.isEmpty, let m = t.target.minPerField, v > 0 {
                let counts = t.fieldsShort.map { code in
                    Alert.FieldCount(field: fields[code] ?? Field(code: code, nameVI: code, nameEN: code, sortOrder: 0),
                                     effective: p.models.effectiveByField[code] ?? 0)
                }
                out.append(.fieldsShort(counts, minimum: m))
                let slots = max(fields.count, counts.count) * m
                let missing = counts.reduce(0) { $0 + (m - min(m, $1.effective)) }
                if slots > 0 { done = min(done, Double(slots - missing) / Double(slots)) }
            }
            return out.map { ($0, done) }
        case .satisfaction where !t.isShare:
            guard let v = t.value else { return [] }
            return [(.lowSatisfaction(percent: v, threshold: t.threshold), ratio(v, t.threshold))]
        case .planCoverage where own:
            // A plan sent in but not yet adopted or disseminated is not “no plan”.
            if let adopted = p.own.planAdopted { return [(.planNotInForce(year: p.year, adopted: adopted), 0)] }
            return [(.noPlan(year: p.year), 0)]
        case .modelCoverage where own:
            return [(p.models.inForce > 0 ? .noEffectiveModel : .noModel, 0)]
        default:
            guard t.isShare else { return [] }
            return [(.share(t.target.metric, meeting: t.unitsMeeting, judged: t.unitsJudged, year: p.year), ratio(t.value, t.threshold))]
        }
    }
}
