/// How a figure stands against its target.
public enum ProgressStatus: String, Sendable, Comparable, CaseIterable {
    case behind, atRisk, met, noData

    /// Worst first, so sorting by status puts the units needing help on top.
    private var rank: Int {
        switch self {
        case .behind: return 0
        case .atRisk: return 1
        case .met: return 2
        case .noData: return 3
        }
    }

    public static func < (a: ProgressStatus, b: ProgressStatus) -> Bool { a.rank < b.rank }

    /// `value ≥ threshold` is met; `value ≥ threshold × atRiskRatio` is at risk.
    public static func judge(value: Double?, threshold: Double, atRiskRatio: Double) -> ProgressStatus {
        guard let value else { return .noData }
        if value >= threshold { return .met }
        if value >= threshold * atRiskRatio { return .atRisk }
        return .behind
    }
}
