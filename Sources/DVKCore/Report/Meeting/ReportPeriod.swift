/// What a report covers: a year (tổng kết năm), its first half (sơ kết 6
/// tháng) or the target phase (tổng kết giai đoạn).
public enum ReportPeriod: Hashable, Sendable {
    case year(Int)
    case halfYear(Int)
    case phase(ClosedRange<Int>)

    /// The years whose figures the report reads.
    public var years: [Int] {
        switch self {
        case let .year(y), let .halfYear(y): [y]
        case let .phase(r): Array(r)
        }
    }

    /// The last year: the one whose units, alerts and reporting are listed.
    public var lastYear: Int { years.last! }

    /// The days recognitions and awards are counted in.
    public var days: ClosedRange<Day> {
        switch self {
        case let .year(y): Day.firstOf(year: y)...Day.lastOf(year: y)
        case let .halfYear(y): Day.firstOf(year: y)...Day(year: y, month: 6, day: 30)!
        case let .phase(r): Day.firstOf(year: r.lowerBound)...Day.lastOf(year: r.upperBound)
        }
    }

    /// “năm 2023”, “6 tháng đầu năm 2025”, “giai đoạn 2023–2025”.
    public func words(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case let .year(y): return w.pick("năm \(y)", "in \(y)")
        case let .halfYear(y): return w.pick("6 tháng đầu năm \(y)", "in the first half of \(y)")
        case let .phase(r): return w.pick("giai đoạn \(r.lowerBound) - \(r.upperBound)", "over \(r.lowerBound)–\(r.upperBound)")
        }
    }
}

/// A recognition or an award decided in the period, with whom it went to.
public struct Honour: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case recognition(RecognitionLevel)
        case award(AwardKind)
    }

    public var kind: Kind
    public var decisionNumber: String
    public var decidedOn: Day?
    public var issuer: String
    /// The model's title, or the unit or person commended.
    public var recipient: String
    public var unitName: String
    public var isDemo: Bool

    public init(kind: Kind, decisionNumber: String, decidedOn: Day?, issuer: String, recipient: String, unitName: String, isDemo: Bool) {
        self.kind = kind
        self.decisionNumber = decisionNumber
        self.decidedOn = decidedOn
        self.issuer = issuer
        self.recipient = recipient
        self.unitName = unitName
        self.isDemo = isDemo
    }

    public func kindWords(_ lang: Language) -> String {
        let w = Words(lang)
        switch kind {
        case .recognition(.commune): return w.pick("Công nhận cấp xã", "Recognised (commune)")
        case .recognition(.district): return w.pick("Công nhận cấp huyện", "Recognised (district)")
        case .recognition(.province): return w.pick("Công nhận cấp tỉnh", "Recognised (province)")
        case .award(.meritCertificate): return w.pick("Bằng khen", "Merit certificate")
        case .award(.commendation): return w.pick("Giấy khen", "Commendation")
        }
    }
}
