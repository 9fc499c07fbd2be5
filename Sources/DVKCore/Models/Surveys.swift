/// Chỉ số hài lòng: one published satisfaction index for a unit and year.
public struct SatisfactionSurvey: Hashable, Sendable {
    public var unitID: OrgUnit.ID
    public var year: Int
    /// Percent in tenths (92.5% = 925): published with one decimal, kept exact.
    public var permille: Int
    public var respondents: Int?
    public var source: String

    public init(unitID: OrgUnit.ID, year: Int, permille: Int, respondents: Int? = nil, source: String = "") {
        self.unitID = unitID
        self.year = year
        self.permille = permille
        self.respondents = respondents
        self.source = source
    }

    public var percent: Double { Double(permille) / 10 }
}

/// Kế hoạch: whether an organisation adopted and disseminated its plan for a year.
public struct PlanAdoption: Hashable, Sendable {
    public var unitID: OrgUnit.ID
    public var year: Int
    public var adopted: Bool
    public var disseminated: Bool

    public init(unitID: OrgUnit.ID, year: Int, adopted: Bool, disseminated: Bool) {
        self.unitID = unitID
        self.year = year
        self.adopted = adopted
        self.disseminated = disseminated
    }
}

/// What a published figure counts.
public enum FigureScope: String, CaseIterable, Sendable, Codable {
    /// Models / exemplars reported (the totals and per-field counts of a report).
    case collective, individual
    /// Models recognised by steering committees.
    case recognised
    /// Collectives and individuals commended (khen thưởng).
    case commendedCollective, commendedIndividual
    /// Bằng khen awarded.
    case meritCertificate
}

/// “trên 900”, “gần 2.000”: published figures are often approximate.
public enum FigureQualifier: String, Sendable, Codable {
    case exact = ""
    case over
    case nearly
}

/// A count as a report published it, kept even when it does not add up.
public struct ReportedFigure: Hashable, Sendable {
    public var unitID: OrgUnit.ID
    public var year: Int
    public var scope: FigureScope
    /// nil: the total of the scope.
    public var fieldCode: String?
    public var count: Int
    public var qualifier: FigureQualifier
    public var source: String

    public init(unitID: OrgUnit.ID, year: Int, scope: FigureScope, fieldCode: String? = nil, count: Int,
                qualifier: FigureQualifier = .exact, source: String = "") {
        self.unitID = unitID
        self.year = year
        self.scope = scope
        self.fieldCode = fieldCode
        self.count = count
        self.qualifier = qualifier
        self.source = source
    }
}

/// A document that sets targets or rules, always cited by number and date.
public struct Directive: Hashable, Sendable {
    /// Đề án, Kế hoạch, Chỉ thị, Quyết định, Quy chế, Quy định...
    public var kind: String
    public var number: String
    public var issuedOn: Day?
    public var issuer: String
    public var title: String

    public init(kind: String, number: String, issuedOn: Day?, issuer: String, title: String) {
        self.kind = kind
        self.number = number
        self.issuedOn = issuedOn
        self.issuer = issuer
        self.title = title
    }

    /// “Quyết định số 23 ngày 30/7/2021”.
    public var citation: String {
        var s = "\(kind) số \(number)"
        if let d = issuedOn { s += " ngày \(d)" }
        return s
    }
}
