import DVKCore
import TerminalUI

/// Work `update` asks for; the runner does it and answers with a `Msg`.
public enum Effect: Equatable, Sendable {
    case loadOverview(OrgUnit.ID, year: Int, map: MapView)
    case loadTrend(unitIDs: [OrgUnit.ID], years: ClosedRange<Int>, unit: OrgUnit.ID)
    case loadModels(ModelQuery)
    case loadModelDetail(Model.ID)
    case loadSatisfaction(OrgUnit.ID, years: ClosedRange<Int>, map: MapView)
    /// Write what is on screen, exactly, as text and HTML.
    case print(PrintJob)
    /// The screen's whole list on A4 pages, as text and HTML.
    case printList(ListJob)
    /// The screen's whole list as .xlsx and .csv.
    case export(ListJob)
    /// The meeting report of the unit on screen, as .docx and .html.
    case writeReport(ReportJob)
    /// Store a change (one transaction with its audit row).
    /// `basis`: the newest audit row when the form was opened, so a record
    /// changed since by someone else is refused rather than overwritten.
    case save(SaveRequest, basis: Int64? = nil)
    /// Work out what saving would change, without keeping it.
    case preview(SaveRequest, years: [Int])
    /// Undo or redo an audited change of this session.
    case revert(auditID: Int64, undo: Bool)
    case loadHistory(HistoryQuery)
    /// Read the record a form would replace (a survey, a plan), then open it.
    case prepareForm(FormKind)
    /// Units of the whole database by name, for the go-to box.
    case searchUnits(String, today: Day, limit: Int)
    case quit

    /// Work the officer waits for: the status line says “loading” until it answers.
    var showsLoading: Bool {
        switch self {
        case .loadOverview, .loadModels, .loadSatisfaction, .loadHistory, .save, .revert, .prepareForm, .preview: true
        case .printList, .export, .writeReport: true
        case .loadTrend, .loadModelDetail, .print, .searchUnits, .quit: false
        }
    }
}

/// A printed screen: the very buffer on screen and what the file header says.
public struct PrintJob: Equatable, Sendable {
    public var screen: Screen
    public var unitName: String
    public var year: Int
    public var buffer: Buffer
    public var header: [String]
}

/// A screen's whole list leaving dvk: what it is and where its rows come from.
public struct ListJob: Equatable, Sendable {
    public var screen: Screen
    public var unitName: String
    public var year: Int
    /// Title, unit, year, map, data as of, filter: on every printed page and atop each sheet.
    public var header: [String]
    public var source: ListSource
}

public enum ListSource: Equatable, Sendable {
    /// Every row is in memory already.
    case table(DataTable)
    /// The Models screen holds one page: every row of its query is read first.
    case models(ModelQuery, fields: [Field])
}

/// The report for the unit and year on screen, on the map on screen.
public struct ReportJob: Equatable, Sendable {
    public var unitID: OrgUnit.ID
    public var unitName: String
    public var year: Int
    public var map: MapView

    public init(unitID: OrgUnit.ID, unitName: String, year: Int, map: MapView) {
        self.unitID = unitID
        self.unitName = unitName
        self.year = year
        self.map = map
    }
}
