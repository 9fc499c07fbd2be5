/// A list to choose from, narrowed by typing:
///
///     ┌ Chọn xã ──────────────┐
///     │ Lọc: suoi g           │
///     ├───────────────────────┤
///     │ ▶ Suối Giàng          │
///     │   Suối Bu             │
///     └───────────────────────┘
///
/// An item shows when its search key contains every word of the filter.
/// Keys and the filter are folded by the caller's `fold` (e.g. Vietnamese
/// tone marks and đ removed, lowercased), so "suoi" finds "Suối"; the
/// toolkit stays free of language rules. `selected` is a position in
/// `visibleIndices`, i.e. a row of the filtered list.
public struct PickList: Equatable, Sendable {
    public private(set) var items: [String]
    /// Folded search keys, parallel to `items`.
    public private(set) var keys: [String]
    /// Typing goes here; changing it refilters and selects the first match.
    public var filter: TextInput {
        didSet { if filter.text != oldValue.text { refilter() } }
    }
    public var selected: Int
    /// The first row shown, kept so the list scrolls only at its edges.
    public var offset: Int
    /// Rows the list shows: PgUp/PgDn move this far and scrolling keeps the
    /// selection within it. Set it from `listRows(in:)`.
    public var pageSize: Int
    /// Indices into `items` of the rows shown, in item order.
    public private(set) var visibleIndices: [Int] = []
    private let fold: @Sendable (String) -> String

    /// `keys` defaults to `fold` of each item; pass stored keys to avoid refolding.
    public init(items: [String], keys: [String]? = nil, fold: @escaping @Sendable (String) -> String,
                filter: TextInput = TextInput(), pageSize: Int = 10) {
        self.items = items
        self.keys = items.indices.map { i in keys.flatMap { i < $0.count ? $0[i] : nil } ?? fold(items[i]) }
        self.fold = fold
        self.filter = filter
        self.selected = 0
        self.offset = 0
        self.pageSize = pageSize
        refilter()
    }

    /// The chosen item's index in `items`, nil when nothing matches.
    public var selectedItem: Int? {
        visibleIndices.indices.contains(selected) ? visibleIndices[selected] : nil
    }

    /// The fold is configuration, not state: two lists showing the same thing are equal.
    public static func == (a: PickList, b: PickList) -> Bool {
        a.items == b.items && a.keys == b.keys && a.filter == b.filter && a.selected == b.selected
            && a.offset == b.offset && a.pageSize == b.pageSize
    }

    /// ↑ ↓ PgUp PgDn Home End move the selection (stopping at the ends);
    /// other editing keys go to the filter (Ctrl-A/Ctrl-E move in it).
    /// Enter and Esc are not consumed: choosing and cancelling are the caller's.
    public mutating func handle(_ key: Key) -> Bool {
        let page = max(1, pageSize)
        switch key {
        case .up: select(selected - 1)
        case .down: select(selected + 1)
        case .pageUp: select(selected - page)
        case .pageDown: select(selected + page)
        case .home: select(0)
        case .end: select(visibleIndices.count - 1)
        default: return filter.handle(key)
        }
        return true
    }

    /// Moves the selection to `row`, clamped to the filtered list.
    public mutating func select(_ row: Int) {
        selected = max(0, min(row, visibleIndices.count - 1))
        offset = Table.scrollOffset(selected: selected, current: offset, visibleRows: max(1, pageSize),
                                    rowCount: visibleIndices.count)
    }

    // MARK: - Internals

    private mutating func refilter() {
        let words = fold(filter.text).split(whereSeparator: \.isWhitespace)
        visibleIndices = keys.indices.filter { i in words.allSatisfy { keys[i].contains($0) } }
        selected = 0
        offset = 0
    }
}
