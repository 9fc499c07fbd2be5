/// One cell of a table row: text and, optionally, a role of its own (a
/// status column in `.met`, a missing value in `.noData`).
public struct TableCell: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var text: String
    public var role: StyleRole?

    public init(_ text: String, role: StyleRole? = nil) {
        self.text = text
        self.role = role
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }
}

/// Where a table's rows come from. The table asks only for the rows it
/// shows, so a long list can be read from storage a window at a time (see
/// `Table.visibleRange(in:)` and `TableWindow`).
public protocol TableDataSource {
    /// All rows, shown or not: it places the selection and the scroll.
    var rowCount: Int { get }
    /// The cells of row `index` (0 ..< rowCount), one per column.
    func row(at index: Int) -> [TableCell]
}

extension Array: TableDataSource where Element == [TableCell] {
    public var rowCount: Int { count }
    public func row(at index: Int) -> [TableCell] { indices.contains(index) ? self[index] : [] }
}

/// A loaded slice of a longer list: rows `start ..< start + rows.count` of
/// `rowCount`. Rows outside the slice draw blank rather than trapping, so a
/// stale window never crashes a frame.
public struct TableWindow: TableDataSource, Hashable, Sendable {
    public var rowCount: Int
    public var start: Int
    public var rows: [[TableCell]]

    public init(rowCount: Int, start: Int, rows: [[TableCell]]) {
        self.rowCount = rowCount
        self.start = start
        self.rows = rows
    }

    public func row(at index: Int) -> [TableCell] {
        let i = index - start
        return rows.indices.contains(i) ? rows[i] : []
    }
}

/// A table column: a title, a width and how its cells are aligned.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: Layout.Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Layout.Constraint, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }

    public init(_ title: String, width: Int, alignment: Alignment = .left) {
        self.init(title, width: .fixed(width), alignment: alignment)
    }
}

/// Which column the rows are sorted by, shown as ▲ (ascending) or ▼.
public struct TableSort: Hashable, Sendable {
    public enum Direction: Hashable, Sendable { case ascending, descending }

    public var column: Int
    public var direction: Direction

    public init(column: Int, direction: Direction) {
        self.column = column
        self.direction = direction
    }

    public var indicator: String { direction == .ascending ? "▲" : "▼" }
}
