import DVKCore
import TerminalUI

/// Status → style role. Roles carry meaning; the backend and the HTML
/// renderer map them to colours, and the glyph keeps it readable in mono.
enum StatusStyle {
    static func role(_ s: ProgressStatus) -> StyleRole {
        switch s {
        case .met: return .met
        case .atRisk: return .atRisk
        case .behind: return .behind
        case .noData: return .noData
        }
    }

    static func role(_ s: ModelYearStatus) -> StyleRole {
        switch s {
        case .effective: return .met
        case .pending: return .atRisk
        case .ineffective: return .behind
        case .registered, .removed: return .muted
        }
    }

    /// Where a target's value sits on its gauge: the goal at 5/6 of the bar
    /// for counts, at its own place for percentages.
    static func gauge(_ p: TargetProgress, lang: Language) -> Gauge {
        let label = StatusText.value(p, lang)
        guard let v = p.value else { return Gauge(value: 0, label: "–", role: .noData) }
        let scale = (p.isShare || p.target.metric != .effectiveModelsPerUnit) ? 100 : p.threshold * 1.2
        return Gauge(value: v / max(scale, 1), threshold: p.threshold / max(scale, 1), label: label, role: role(p.status))
    }
}
