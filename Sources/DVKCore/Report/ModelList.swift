/// A model's standing in one year, for lists and filters.
public enum ModelYearStatus: String, CaseIterable, Sendable {
    case effective, pending, ineffective, registered, removed
}

/// Orders the models list can take (`s` cycles on the Models screen).
public enum ModelSort: Int, CaseIterable, Sendable {
    case title, unit, field, status
}

/// What the models screen asks for: a window of the models under some units.
public struct ModelQuery: Hashable, Sendable {
    public var unitIDs: [OrgUnit.ID]
    /// Every model of the database, whatever `unitIDs` says (the Models screen's “cả cơ sở dữ liệu”).
    public var everywhere: Bool
    public var year: Int
    public var fieldCode: String?
    public var kind: ModelKind?
    public var status: ModelYearStatus?
    /// Folded the Vietnamese way by the store: tone marks and case ignored.
    public var search: String
    public var sort: ModelSort
    public var descending: Bool
    public var offset: Int
    public var limit: Int

    public init(unitIDs: [OrgUnit.ID], year: Int, fieldCode: String? = nil, kind: ModelKind? = nil,
                status: ModelYearStatus? = nil, search: String = "", sort: ModelSort = .title, descending: Bool = false,
                offset: Int = 0, limit: Int = 100, everywhere: Bool = false) {
        self.everywhere = everywhere
        self.sort = sort
        self.descending = descending
        self.unitIDs = unitIDs
        self.year = year
        self.fieldCode = fieldCode
        self.kind = kind
        self.status = status
        self.search = search
        self.offset = offset
        self.limit = limit
    }
}

public struct ModelRow: Hashable, Sendable {
    public var model: Model
    public var unitName: String
    public var status: ModelYearStatus
    /// Highest recognition level, if any.
    public var recognition: RecognitionLevel?

    public init(model: Model, unitName: String, status: ModelYearStatus, recognition: RecognitionLevel?) {
        self.model = model
        self.unitName = unitName
        self.status = status
        self.recognition = recognition
    }
}

/// One window of a longer list, and how long the list is.
public struct ModelPage: Hashable, Sendable {
    public var query: ModelQuery
    public var rows: [ModelRow]
    public var total: Int

    public init(query: ModelQuery, rows: [ModelRow], total: Int) {
        self.query = query
        self.rows = rows
        self.total = total
    }
}

/// Everything recorded about one model.
public struct ModelDetail: Hashable, Sendable {
    public var model: Model
    public var unitName: String
    public var evaluations: [Evaluation]
    public var recognitions: [Recognition]
    public var awards: [Award]

    public init(model: Model, unitName: String, evaluations: [Evaluation], recognitions: [Recognition], awards: [Award]) {
        self.model = model
        self.unitName = unitName
        self.evaluations = evaluations
        self.recognitions = recognitions
        self.awards = awards
    }

    public func lifecycle() -> LifecycleState { model.state(recognised: !recognitions.isEmpty) }
}

/// What the dashboard reads beyond progress; the store implements it.
public protocol DashboardSource: ProgressSource {
    /// Effective collective models per year over the given units (trend sparkline).
    func effectiveByYear(unitIDs: [OrgUnit.ID], years: ClosedRange<Int>) throws -> [Int: Int]
    func models(_ query: ModelQuery) throws -> ModelPage
    func modelDetail(_ id: Model.ID) throws -> ModelDetail?
    /// Satisfaction surveys only (no model counts): cheap facts for the satisfaction grid.
    func surveyFacts(year: Int) throws -> [OrgUnit.ID: UnitYearFacts]
    func setting(_ key: Setting) throws -> String?
}

/// Settings kept by the store.
public enum Setting: String, Sendable {
    /// The unit the dashboard and `dvk status` open on.
    case homeUnit = "home_unit"
    /// “Số liệu đến ngày”: printed on every snapshot.
    case dataAsOf = "data_as_of"
    /// The report's issuer, number, place, signer and recipients (`ReportSettings`).
    case reportIssuer = "report_issuer"
    case reportNumber = "report_number"
    case reportPlace = "report_place"
    case reportSignerTitle = "report_signer_title"
    case reportSigner = "report_signer"
    case reportRecipients = "report_recipients"

    public static let report: [Setting] = [.reportIssuer, .reportNumber, .reportPlace, .reportSignerTitle, .reportSigner, .reportRecipients]
}
