/// A unit offered by the go-to box, found by name anywhere in the database,
/// with the names that tell two “Xã Tân Thịnh” apart: the unit above it and,
/// for a merged unit, the one that carries it on.
public struct UnitCandidate: Hashable, Sendable {
    public var unit: OrgUnit
    public var parentName: String?
    /// Sáp nhập vào: the successor's name when the unit was merged.
    public var successorName: String?

    public init(unit: OrgUnit, parentName: String? = nil, successorName: String? = nil) {
        self.unit = unit
        self.parentName = parentName
        self.successorName = successorName
    }

    /// Begun and not yet ended on `day` (the unit's own dates, not its year-end standing).
    public func isInForce(on day: Day) -> Bool {
        if let from = unit.validFrom, from > day { return false }
        if let to = unit.validTo, to < day { return false }
        return true
    }
}
