/// Collective model (mô hình tập thể) or individual exemplar (điển hình cá nhân).
public enum ModelKind: String, CaseIterable, Sendable, Codable {
    case collective
    case individual
}

/// Where a model is in its life. Derived from dates and records, never stored.
public enum LifecycleState: String, Sendable {
    /// đăng ký: registered, not launched yet
    case registered
    /// ra mắt, duy trì: launched and maintained
    case active
    /// công nhận: recognised at some level
    case recognised
    /// loại bỏ: removed as formal or ineffective
    case removed
}

/// A “Dân vận khéo” model or exemplar (mô hình / điển hình).
public struct Model: Hashable, Sendable, Identifiable {
    public typealias ID = Int64
    public var id: ID
    public var unitID: OrgUnit.ID
    public var kind: ModelKind
    public var title: String
    public var fieldCode: String
    public var description: String
    public var goals: String
    public var expectedOutputs: String
    /// Kinh phí in đồng.
    public var fundsVND: Int64?
    /// Ngày công.
    public var workDays: Int?
    public var registeredOn: Day?
    public var launchedOn: Day?
    public var removedOn: Day?
    public var removalReason: String?
    public var isDemo: Bool

    public init(id: ID, unitID: OrgUnit.ID, kind: ModelKind = .collective, title: String, fieldCode: String,
                description: String = "", goals: String = "", expectedOutputs: String = "",
                fundsVND: Int64? = nil, workDays: Int? = nil, registeredOn: Day? = nil, launchedOn: Day? = nil,
                removedOn: Day? = nil, removalReason: String? = nil, isDemo: Bool = false) {
        self.id = id
        self.unitID = unitID
        self.kind = kind
        self.title = title
        self.fieldCode = fieldCode
        self.description = description
        self.goals = goals
        self.expectedOutputs = expectedOutputs
        self.fundsVND = fundsVND
        self.workDays = workDays
        self.registeredOn = registeredOn
        self.launchedOn = launchedOn
        self.removedOn = removedOn
        self.removalReason = removalReason
        self.isDemo = isDemo
    }

    public func state(recognised: Bool) -> LifecycleState {
        if removedOn != nil { return .removed }
        if launchedOn == nil { return .registered }
        return recognised ? .recognised : .active
    }
}

/// Đánh giá hiệu quả: the yearly verdict on a model.
public struct Evaluation: Hashable, Sendable {
    public var modelID: Model.ID
    public var year: Int
    public var effective: Bool
    public var note: String

    public init(modelID: Model.ID, year: Int, effective: Bool, note: String = "") {
        self.modelID = modelID
        self.year = year
        self.effective = effective
        self.note = note
    }
}

/// Cấp công nhận.
public enum RecognitionLevel: String, CaseIterable, Sendable, Codable {
    case commune, district, province
}

/// Công nhận: a steering committee's decision that a model is a “Dân vận khéo” model.
public struct Recognition: Hashable, Sendable {
    public var modelID: Model.ID
    public var level: RecognitionLevel
    public var decisionNumber: String
    public var decidedOn: Day?
    public var issuer: String

    public init(modelID: Model.ID, level: RecognitionLevel, decisionNumber: String, decidedOn: Day?, issuer: String = "") {
        self.modelID = modelID
        self.level = level
        self.decisionNumber = decisionNumber
        self.decidedOn = decidedOn
        self.issuer = issuer
    }
}

public enum AwardKind: String, CaseIterable, Sendable, Codable {
    /// Bằng khen (e.g. of the provincial People's Committee)
    case meritCertificate
    /// Giấy khen (e.g. of the board)
    case commendation
}

/// Khen thưởng.
public struct Award: Hashable, Sendable {
    public var kind: AwardKind
    public var issuer: String
    public var decisionNumber: String
    public var decidedOn: Day?
    public var recipient: String
    public var modelID: Model.ID?
    public var unitID: OrgUnit.ID?

    public init(kind: AwardKind, issuer: String, decisionNumber: String, decidedOn: Day?, recipient: String,
                modelID: Model.ID? = nil, unitID: OrgUnit.ID? = nil) {
        self.kind = kind
        self.issuer = issuer
        self.decisionNumber = decisionNumber
        self.decidedOn = decidedOn
        self.recipient = recipient
        self.modelID = modelID
        self.unitID = unitID
    }
}
