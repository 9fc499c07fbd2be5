/// A table: a header row in `.header`, then one row per line, the selected
/// row in `.selected` across the whole width.
///
///     Tên      Số ▼  Tỉ lệ
///     Nguyễn…    12    80%
///     中文名…     9    75%
///
/// Columns are separated by `columnSpacing` blanks and sized with `Layout`
/// (fixed widths first, then fills), the sorted column widened to keep its
/// title whole where the table has room. Text longer than its column ends in
/// "…", measured in display columns. The table shows rows from `offset`,
/// moved just enough that the selected row is on screen.
public struct Table {
    public var columns: [TableColumn]
    public var source: any TableDataSource
    public var selected: Int?
    /// The first row shown, as kept in the caller's state; see `scrollOffset`.
    public var offset: Int
    public var sort: TableSort?
    public var columnSpacing: Int
    /// Shown (in `.muted`) in place of rows when there are none.
    public var placeholder: String

    public init(columns: [TableColumn], source: any TableDataSource, selected: Int? = nil,
                offset: Int = 0, sort: TableSort? = nil, columnSpacing: Int = 1, placeholder: String = "") {
        self.columns = columns
        self.source = source
        self.selected = selected
        self.offset = offset
        self.sort = sort
        self.columnSpacing = columnSpacing
        self.placeholder = placeholder
    }

    /// The offset that keeps `selected` visible while moving as little as
    /// possible from `current`: scrolling starts only when the selection
    /// leaves the window, so the list doesn't jump at every key. With
    /// `rowCount`, the window also never runs past the last row.
    public static func scrollOffset(selected: Int, current: Int, visibleRows: Int, rowCount: Int? = nil) -> Int {
        let selected = max(0, selected)
        var offset = max(0, current)
        if visibleRows <= 0 { return selected }
        if selected < offset {
            offset = selected
        } else if selected >= offset + visibleRows {
            offset = selected - visibleRows + 1
        }
        if let rowCount { offset = min(offset, max(0, rowCount - visibleRows)) }
        return max(0, offset)
    }

    /// Rows of data that fit in `area` below the header.
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    /// The rows this table will ask its source for when drawn in `area`:
    /// what a caller reading a window at a time must have loaded.
    public func visibleRange(in area: Rect) -> Range<Int> {
        let rows = Self.visibleRows(in: area)
        let count = max(0, source.rowCount)
        let first = effectiveOffset(visibleRows: rows, rowCount: count)
        return first..<min(count, first + rows)
    }

    /// Column x positions and widths for a table `width` columns wide.
    ///
    /// Sized with `Layout`, then the sorted column grows, if need be, to
    /// hold its whole title and the sort indicator ("Hài lòng ▲"): first
    /// into width no column uses, then taken a cell at a time from the
    /// `.min` and `.fill` columns with the most to spare (never below their
    /// minimum, nor a `.fill` column below its own title). Fixed and
    /// percent columns keep their widths. Only when that is not enough is
    /// the title cut, before the indicator.
    public func columnFrames(width: Int) -> [(x: Int, width: Int)] {
        let gaps = columnSpacing * max(0, columns.count - 1)
        var x = 0
        return sizes(width - gaps).map { w in
            defer { x += w + columnSpacing }
            return (x, w)
        }
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let frames = columnFrames(width: area.width)
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), role: .header)
        for (i, column) in columns.enumerated() {
            var title = column.title
            if let sort, sort.column == i {
                title = Self.title(column.title, indicator: sort.indicator, width: frames[i].width)
            }
            buffer.write(title, x: area.x + frames[i].x, y: area.y, width: frames[i].width,
                         alignment: column.alignment, role: .header)
        }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let range = visibleRange(in: area)
        if source.rowCount <= 0, !placeholder.isEmpty, !body.isEmpty {
            buffer.write(placeholder, x: body.x, y: body.y, width: body.width, alignment: .left, role: .muted)
        }
        for (line, index) in range.enumerated() {
            let y = body.y + line
            let cells = source.row(at: index)
            for (i, column) in columns.enumerated() where i < cells.count {
                buffer.write(cells[i].text, x: area.x + frames[i].x, y: y, width: frames[i].width,
                             alignment: column.alignment, role: cells[i].role ?? .normal)
            }
            if index == selected {
                buffer.setRole(.selected, in: Rect(x: area.x, y: y, width: area.width, height: 1))
            }
        }
    }

    // MARK: - Internals

    private func effectiveOffset(visibleRows: Int, rowCount: Int) -> Int {
        guard let selected, selected >= 0, selected < rowCount else {
            return max(0, min(offset, rowCount - visibleRows))
        }
        return Self.scrollOffset(selected: selected, current: offset, visibleRows: visibleRows, rowCount: rowCount)
    }

    /// Column widths in `total` columns, the sorted one grown to fit its title.
    private func sizes(_ total: Int) -> [Int] {
        let total = max(0, total)
        var sizes = Layout.sizes(total, columns.map(\.width))
        guard let sort, sizes.indices.contains(sort.column) else { return sizes }
        let c = sort.column
        let needed = Self.width(Self.sortedTitle(columns[c].title, indicator: sort.indicator))
        guard sizes[c] < needed else { return sizes }
        let unused = total - sizes.reduce(0, +)
        sizes[c] += min(unused, needed - sizes[c])
        // What each flexible column can give without going below its floor.
        let floors = columns.indices.map { i -> Int? in
            guard i != c else { return nil }
            switch columns[i].width {
            case .min(let n): return max(0, n)
            case .fill: return min(sizes[i], Self.width(columns[i].title))
            case .fixed, .percent: return nil
            }
        }
        while sizes[c] < needed {
            // The most to spare gives first; on a tie, the later column.
            var donor: Int?, most = 0
            for i in columns.indices {
                guard let floor = floors[i], sizes[i] - floor > 0, sizes[i] - floor >= most else { continue }
                donor = i
                most = sizes[i] - floor
            }
            guard let donor else { break }
            sizes[donor] -= 1
            sizes[c] += 1
        }
        return sizes
    }

    private static func sortedTitle(_ title: String, indicator: String) -> String { title + " " + indicator }

    private static func width(_ text: String) -> Int { CellWidth.of(Buffer.prepare(text)) }

    /// A sorted column's title gives way before its indicator does, so the
    /// sort stays visible in a narrow column: "Tên dà… ▲", "…▲".
    private static func title(_ title: String, indicator: String, width: Int) -> String {
        let full = sortedTitle(title, indicator: indicator)
        if Self.width(full) <= width { return full }
        let indicatorWidth = Self.width(indicator)
        if width >= indicatorWidth + 2 {
            return Truncation.marked(Buffer.prepare(title), width: width - indicatorWidth - 1) + " " + indicator
        }
        if width >= indicatorWidth + 1 { return Truncation.ellipsis + indicator }
        return indicator
    }
}
