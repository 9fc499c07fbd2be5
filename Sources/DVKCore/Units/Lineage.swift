/// Where a unit comes from and where it went, as an overview states it:
/// “gồm Xã Suối Giàng, Xã Suối Bu, … đến 30/06/2025” for a merged unit,
/// “sáp nhập vào Xã Văn Chấn từ 01/07/2025” for a predecessor.
public struct Lineage: Hashable, Sendable {
    /// Units merged straight into this one, with their own last days.
    public var predecessors: [OrgUnit]
    /// The unit this one became, and the day it took over.
    public var successor: OrgUnit?
    public var successorFrom: Day?
    /// On the map of that time the unit did not exist yet: its figures are
    /// its forerunners', each shown in its own line.
    public var notYetFormed: Bool

    public var isEmpty: Bool { predecessors.isEmpty && successor == nil && !notYetFormed }

    public init(predecessors: [OrgUnit] = [], successor: OrgUnit? = nil, successorFrom: Day? = nil, notYetFormed: Bool = false) {
        self.predecessors = predecessors
        self.successor = successor
        self.successorFrom = successorFrom
        self.notYetFormed = notYetFormed
    }

    public static func of(_ id: OrgUnit.ID, in tree: UnitTree) -> Lineage {
        guard let u = tree.units[id] else { return Lineage() }
        // A province names the provinces it was formed from, not the abolished
        // districts whose own records it also carries.
        let before = (tree.predecessors[id] ?? []).compactMap { tree.units[$0] }.filter { $0.kind == u.kind }
            .sorted { VietnameseText.precedes($0.name, $1.name) }
        let after = u.mergedIntoID.flatMap { tree.units[$0] }
        return Lineage(predecessors: before, successor: after, successorFrom: u.validTo?.next,
                       notYetFormed: !tree.standIns(of: id).isEmpty)
    }
}

extension UnitProgress {
    /// A unit not yet formed in the year, on the map of that time: its
    /// forerunners side by side. Counts add up; each target is read as the
    /// share of forerunners that meet it, since the unit itself was not there
    /// to be judged; satisfaction is their plain mean.
    public static func combining(_ parts: [UnitProgress], as unit: OrgUnit, year: Int) -> UnitProgress {
        var models = ModelCounts()
        for p in parts { models.add(p.models) }
        let targets = (parts.first?.targets ?? []).indices.map { i -> TargetProgress in
            let each = parts.map { $0.targets[i] }
            let t = each[0].target
            let met = each.reduce(0) { $0 + $1.unitsMeeting }, judged = each.reduce(0) { $0 + $1.unitsJudged }
            if t.metric == .satisfaction {
                let values = each.compactMap(\.value)
                let value = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
                return TargetProgress(target: t, value: value, threshold: t.threshold,
                                      status: ProgressStatus.judge(value: value, threshold: t.threshold, atRiskRatio: t.atRiskRatio),
                                      unitsMeeting: met, unitsJudged: judged, isShare: false, applicable: value != nil,
                                      unweighted: values.count > 1 || each.contains(where: \.unweighted), inPhase: each[0].inPhase)
            }
            let value = judged > 0 ? Double(met) * 100 / Double(judged) : nil
            return TargetProgress(target: t, value: value, threshold: 100,
                                  status: ProgressStatus.judge(value: value, threshold: 100, atRiskRatio: t.atRiskRatio),
                                  unitsMeeting: met, unitsJudged: judged, isShare: true, applicable: judged > 0, inPhase: each[0].inPhase)
        }
        var reporting = ReportingCounts()
        for p in parts { reporting.add(p.reporting) }
        return UnitProgress(unit: unit, year: year, models: models, targets: targets, reporting: reporting)
    }
}
