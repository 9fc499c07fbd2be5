/// One cell of a table that leaves dvk (a spreadsheet, a CSV file, a
/// printed list, a report): typed, so Excel gets numbers as numbers and
/// dates as dates, and each writer formats it its own way.
public enum TableValue: Equatable, Sendable {
    case text(String)
    case integer(Int)
    /// A decimal number shown with `places` decimals.
    case decimal(Double, places: Int)
    /// In percentage points: 93.5 means 93,5 %.
    case percent(Double)
    case date(Day)
    /// No value (not reported, not applicable): an empty cell, "–" on paper.
    case empty

    /// How the cell reads on screen and on paper, in Vietnamese number style.
    public func display(_ lang: Language = .vi) -> String {
        switch self {
        case let .text(s): s
        case let .integer(n): VietnameseNumber.integer(n, lang)
        case let .decimal(v, places): VietnameseNumber.fixed(v, places: places, lang)
        case let .percent(v): VietnameseNumber.fixed(v, places: 1, lang) + "%"
        case let .date(d): d.description
        case .empty: "–"
        }
    }
}

public struct TableColumn: Equatable, Sendable {
    public var title: String
    /// Characters the widest value usually takes: a spreadsheet's column width.
    public var width: Int
    /// Numbers line up on the right.
    public var alignsRight: Bool

    public init(_ title: String, width: Int, alignsRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignsRight = alignsRight
    }
}

public struct TableRow: Equatable, Sendable {
    public var cells: [TableValue]
    /// A row of the demo data set: every printout and export marks it "DỮ LIỆU MẪU".
    public var isDemo: Bool

    public init(_ cells: [TableValue], isDemo: Bool = false) {
        self.cells = cells
        self.isDemo = isDemo
    }
}

/// A screen's whole list (not the rows that fit), in the screen's order and
/// with its filter: what `P` prints, `e` exports and a report quotes.
public struct DataTable: Equatable, Sendable {
    /// The sheet's name and the list's title ("Đơn vị", "Mô hình").
    public var title: String
    /// What the list is of: unit, year, map, data as of, filter (one line each).
    public var context: [String]
    public var columns: [TableColumn]
    public var rows: [TableRow]

    public init(title: String, context: [String] = [], columns: [TableColumn], rows: [TableRow]) {
        self.title = title
        self.context = context
        self.columns = columns
        self.rows = rows
    }

    public var hasDemoRows: Bool { rows.contains(where: \.isDemo) }

    /// The mark a demo row carries wherever it is printed or exported.
    public static func demoMark(_ lang: Language = .vi) -> String { Words(lang).pick("DỮ LIỆU MẪU", "DEMO DATA") }
}
