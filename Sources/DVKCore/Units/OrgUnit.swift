/// A place or organisation in the hierarchy (đơn vị).
///
/// The hierarchy is data: any depth, any kinds, and each unit is valid for a
/// period. A merged unit ends the day before its merger and names its
/// successor, so its history stays readable and rolls up into the successor.
public struct OrgUnit: Hashable, Sendable, Identifiable {
    public typealias ID = Int64
    public var id: ID
    /// Official code (mã đơn vị hành chính) where one exists.
    public var officialCode: String?
    public var name: String
    public var kind: UnitKind
    public var parentID: ID?
    public var validFrom: Day?
    public var validTo: Day?
    /// Sáp nhập vào: the successor, from the day after `validTo`.
    public var mergedIntoID: ID?
    /// Generated demo data rather than a published fact.
    public var isDemo: Bool

    public init(id: ID, officialCode: String? = nil, name: String, kind: UnitKind, parentID: ID? = nil,
                validFrom: Day? = nil, validTo: Day? = nil, mergedIntoID: ID? = nil, isDemo: Bool = false) {
        self.id = id
        self.officialCode = officialCode
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.validFrom = validFrom
        self.validTo = validTo
        self.mergedIntoID = mergedIntoID
        self.isDemo = isDemo
    }

    /// A unit counts for a year when it exists on the year's last day:
    /// targets are judged on the year-end state of the map.
    public func isValid(atEndOf year: Int) -> Bool {
        isValid(on: Day.lastOf(year: year))
    }

    public func isValid(on day: Day) -> Bool {
        if let from = validFrom, from > day { return false }
        if let to = validTo, to < day { return false }
        return true
    }
}
