/// Which of the report's figures the level above has not approved yet (nộp,
/// duyệt): said once, near the top, so nobody reads a draft figure as final.
enum ReportApproval {
    /// How many units the note names before it only counts.
    static let named = 8

    static func note(_ o: Overview, _ lang: Language) -> [ReportBlock] {
        let w = Words(lang)
        let units = [o.unit] + o.children
        let pending = units.filter { o.approvals[$0.unit.id] != .approved && ($0.own.expectsAny || $0.reporting.expected > 0) }
        guard !pending.isEmpty else { return [] }
        let names = pending.prefix(named).map { u -> String in
            "\(u.unit.name) (\(ApprovalState.label(o.approvals[u.unit.id], lang).dropFirst(2)))"
        }
        let more = pending.count > named ? w.pick(" và \(pending.count - named) đơn vị khác", " and \(pending.count - named) more") : ""
        return [.note(w.pick("Số liệu chưa được duyệt: \(pending.count)/\(units.count) đơn vị — \(names.joined(separator: "; "))\(more). Số liệu của các đơn vị này có thể còn thay đổi.",
                             "Figures not yet approved: \(pending.count)/\(units.count) units — \(names.joined(separator: "; "))\(more). Their figures may still change."))]
    }
}
