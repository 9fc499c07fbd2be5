import DVKCore
import TerminalUI

/// Mô hình: a window of the models under the unit on screen, with its
/// filters, sort, search, selection and the selected model's details.
public struct ModelsState: Hashable, Sendable {
    /// Row in the whole list (not the window).
    public var selected = 0
    public var offset = 0
    public var fieldCode: String?
    public var kind: ModelKind?
    public var status: ModelYearStatus?
    public var sort = ModelSort.title
    public var descending = false
    public var searchText = ""
    /// `d`: every model of the database rather than those under the unit on screen.
    public var wholeDatabase = false
    public var page: ModelPage?
    public var detail: ModelDetail?

    public init(focus: OrgUnit.ID? = nil) {}

    /// Rows per window: the table reads a window at a time.
    static let window = 200

    func query(_ app: AppState, offset: Int) -> ModelQuery {
        ModelQuery(unitIDs: wholeDatabase ? [] : app.overview?.subtreeUnitIDs ?? [app.location.unitID], year: app.location.year,
                   fieldCode: fieldCode, kind: kind, status: status, search: searchText,
                   sort: sort, descending: descending, offset: offset, limit: Self.window, everywhere: wholeDatabase)
    }

    /// The highlighted model, when its window is loaded.
    var selectedModel: Model? {
        guard let page else { return nil }
        let i = selected - page.query.offset
        return page.rows.indices.contains(i) ? page.rows[i].model : nil
    }
}

/// Where this screen's parts are: read by its update (paging, clicks) and its view alike.
extension ModelsState {
    /// Side by side from this width; stacked below it.
    static let sideBySideWidth = 110
    static let detailWidth = 42
    static let detailHeight = 9
    static func split(_ body: Rect, _ size: Size) -> (table: Rect, detail: Rect) {
        let list = Rect(x: body.x, y: body.y + 1, width: body.width, height: max(0, body.height - 1))
        if size.width >= sideBySideWidth {
            let parts = Layout.horizontal(list, [.fill(1), .fixed(detailWidth)])
            return (parts[0], parts[1])
        }
        let parts = Layout.vertical(list, [.fill(1), .fixed(detailHeight)])
        return (parts[0], parts[1])
    }
    static func tableArea(_ body: Rect, _ size: Size) -> Rect { split(body, size).table }
}
