import Testing
import TerminalUI

/// A source that records which rows the table asked for.
private final class RecordingSource: TableDataSource {
    let rowCount: Int
    private(set) var requested: [Int] = []

    init(rowCount: Int) { self.rowCount = rowCount }

    func row(at index: Int) -> [TableCell] {
        requested.append(index)
        return ["Dòng \(index)", TableCell(String(index), role: .muted)]
    }
}

@Suite struct TableTests {
    static let columns = [
        TableColumn("Tên", width: .fill(1)),
        TableColumn("Số", width: 4, alignment: .right),
        TableColumn("Tỉ lệ", width: 6, alignment: .right),
    ]

    static let rows: [[TableCell]] = [
        [TableCell(nfd("Nguyễn Thị Ánh")), "12", "80%"],
        ["中文名字测试", "9", "75%"],
        ["Lê Văn Tám", "100", TableCell("100%", role: .met)],
        ["Ba", "7", "5%"],
        ["Bốn", "3", "1%"],
    ]

    @Test func headerSortIndicatorAlignmentAndTruncation() {
        var buffer = Buffer(width: 20, height: 4)
        let table = Table(columns: Self.columns, source: Self.rows, selected: 0,
                          sort: TableSort(column: 1, direction: .descending))
        table.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "Tên      Số ▼  Tỉ lệ",
            "Nguyễn…    12    80%",
            "中文名…     9    75%",
            "Lê Văn…   100   100%",
        ])
        #expect(roles(buffer) == [
            "HHHHHHHHHHHHHHHHHHHH",
            "SSSSSSSSSSSSSSSSSSSS",
            "",
            "                MMMM",
        ])
    }

    @Test func selectionScrollsIntoView() {
        var buffer = Buffer(width: 20, height: 4)
        let table = Table(columns: Self.columns, source: Self.rows, selected: 3, offset: 0,
                          sort: TableSort(column: 0, direction: .ascending))
        table.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "Tên ▲      Số  Tỉ lệ",
            "中文名…     9    75%",
            "Lê Văn…   100   100%",
            "Ba          7     5%",
        ])
        #expect(roles(buffer)[3] == "SSSSSSSSSSSSSSSSSSSS")
        #expect(table.visibleRange(in: buffer.area) == 1..<4)
    }

    @Test func scrollOffsetMovesOnlyWhenTheSelectionLeavesTheWindow() {
        #expect(Table.scrollOffset(selected: 5, current: 0, visibleRows: 3) == 3)
        #expect(Table.scrollOffset(selected: 1, current: 3, visibleRows: 3) == 1)
        #expect(Table.scrollOffset(selected: 4, current: 3, visibleRows: 3) == 3)
        #expect(Table.scrollOffset(selected: 9, current: 0, visibleRows: 5, rowCount: 10) == 5)
        // A window left past the end (the list shrank) comes back.
        #expect(Table.scrollOffset(selected: 9, current: 8, visibleRows: 5, rowCount: 10) == 5)
        #expect(Table.scrollOffset(selected: 0, current: 0, visibleRows: 0) == 0)
        #expect(Table.scrollOffset(selected: -2, current: -1, visibleRows: 3) == 0)
    }

    @Test func asksTheSourceOnlyForVisibleRows() {
        let source = RecordingSource(rowCount: 1_000_000)
        var buffer = Buffer(width: 16, height: 4)
        let table = Table(columns: [TableColumn("Tên", width: .fill(1)), TableColumn("#", width: 6, alignment: .right)],
                          source: source, selected: 500_000)
        table.render(into: &buffer, area: buffer.area)
        #expect(source.requested == [499_998, 499_999, 500_000])
        #expect(lines(buffer) == [
            "Tên            #",
            "Dòng 499… 499998",
            "Dòng 499… 499999",
            "Dòng 500… 500000",
        ])
    }

    @Test func aLoadedWindowStandsInForTheWholeList() {
        let window = TableWindow(rowCount: 100, start: 40, rows: (40..<43).map { [TableCell("Mục \($0)")] })
        var buffer = Buffer(width: 10, height: 4)
        let table = Table(columns: [TableColumn("Tên", width: .fill(1))], source: window, selected: 42, offset: 40)
        #expect(table.visibleRange(in: buffer.area) == 40..<43)
        table.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == ["Tên", "Mục 40", "Mục 41", "Mục 42"])
        #expect(window.row(at: 7) == [])
    }

    @Test func nfcAndNfdRowsDrawTheSameCells() {
        var a = Buffer(width: 12, height: 2), b = Buffer(width: 12, height: 2)
        let columns = [TableColumn("A", width: 7), TableColumn("B", width: 4, alignment: .center)]
        Table(columns: columns, source: [[TableCell(nfc("Đắk Lắk Ấp")), TableCell(nfc("Ơn"))]]).render(into: &a, area: a.area)
        Table(columns: columns, source: [[TableCell(nfd("Đắk Lắk Ấp")), TableCell(nfd("Ơn"))]]).render(into: &b, area: b.area)
        #expect(a == b)
        #expect(lines(a) == ["A        B", "Đắk Lắ…  Ơn"])
    }

    @Test func narrowSortedColumnKeepsItsIndicator() {
        var buffer = Buffer(width: 14, height: 1)
        Table(columns: [TableColumn("Tên dài lắm", width: 9), TableColumn("Số", width: 4, alignment: .right)],
              source: [[TableCell]](), sort: TableSort(column: 0, direction: .ascending))
            .render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == ["Tên dà… ▲   Số"])
    }

    @Test func emptyTableShowsThePlaceholder() {
        var buffer = Buffer(width: 20, height: 3)
        Table(columns: Self.columns, source: [[TableCell]](), placeholder: "Trống").render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == ["Tên        Số  Tỉ lệ", "Trống", ""])
        #expect(roles(buffer)[1] == "mmmmm")
    }
}
