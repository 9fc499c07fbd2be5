/// A published total whose parts do not add up (e.g. 101 models reported,
/// 26 + 36 + 4 + 32 = 98 by field). Shown, never corrected.
public struct FigureMismatch: Hashable, Sendable {
    public var unitID: OrgUnit.ID
    public var year: Int
    public var scope: FigureScope
    public var total: Int
    public var parts: [Int]
    public var sum: Int { parts.reduce(0, +) }

    public var issue: ValidationIssue {
        ValidationIssue(field: "count", problem: .totalsDoNotAddUp(total: total, sum: sum, parts: parts))
    }
}

public enum FigureCheck {
    /// Compares each exact total with the sum of its exact per-field parts.
    /// Approximate figures (“trên”, “gần”) cannot be checked and are skipped,
    /// and so are totals with no parts.
    public static func mismatches(_ figures: [ReportedFigure], fields: [Field]) -> [FigureMismatch] {
        let order = Dictionary(uniqueKeysWithValues: fields.map { ($0.code, $0.sortOrder) })
        struct Key: Hashable { let unit: OrgUnit.ID; let year: Int; let scope: FigureScope }
        let groups = Dictionary(grouping: figures) { Key(unit: $0.unitID, year: $0.year, scope: $0.scope) }
        var out: [FigureMismatch] = []
        for (key, group) in groups {
            guard let total = group.first(where: { $0.fieldCode == nil }), total.qualifier == .exact else { continue }
            let parts = group.filter { $0.fieldCode != nil }
                .sorted { (order[$0.fieldCode!] ?? .max) < (order[$1.fieldCode!] ?? .max) }
            guard !parts.isEmpty, parts.allSatisfy({ $0.qualifier == .exact }) else { continue }
            let m = FigureMismatch(unitID: key.unit, year: key.year, scope: key.scope, total: total.count, parts: parts.map(\.count))
            if m.sum != m.total { out.append(m) }
        }
        return out.sorted { ($0.year, $0.unitID, $0.scope.rawValue) < ($1.year, $1.unitID, $1.scope.rawValue) }
    }
}
