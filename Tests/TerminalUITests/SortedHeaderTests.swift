import Testing
import TerminalUI

/// Issue 8: the sorted column's header keeps its label, "Hài lòng ▲",
/// when the table has room for it.
@Suite struct SortedHeaderTests {
    /// The units table at 80 columns.
    static let units = [
        TableColumn("Đơn vị", width: .min(18)),
        TableColumn("Hiệu quả", width: 14),
        TableColumn("Chờ", width: 4, alignment: .right),
        TableColumn("KT·VH·QP·HT", width: 11),
        TableColumn("Hài lòng", width: 8, alignment: .right),
        TableColumn("KH", width: 5, alignment: .right),
        TableColumn("Trạng thái", width: 11),
    ]
    static let row: [TableCell] = ["Xã Suối Giàng", "", "1", "5·4·4·2", "93,2%", "có", "✓ Đạt"]

    static func render(_ columns: [TableColumn], rows: [[TableCell]] = [], sort: Int, width: Int,
                       direction: TableSort.Direction = .ascending) -> [String] {
        var buffer = Buffer(width: width, height: 1 + rows.count)
        Table(columns: columns, source: rows, sort: TableSort(column: sort, direction: direction))
            .render(into: &buffer, area: buffer.area)
        return lines(buffer)
    }

    @Test func theSortedColumnGrowsToHoldItsLabel() {
        #expect(Self.render(Self.units, rows: [Self.row], sort: 4, width: 80) == [
            "Đơn vị              Hiệu quả        Chờ KT·VH·QP·HT Hài lòng ▲    KH Trạng thái",
            "Xã Suối Giàng                         1 5·4·4·2          93,2%    có ✓ Đạt",
        ])
        // The room came from the name column, which keeps its minimum.
        let table = Table(columns: Self.units, source: [Self.row], sort: TableSort(column: 4, direction: .descending))
        let frames = table.columnFrames(width: 80)
        #expect(frames.map(\.width) == [19, 14, 4, 11, 10, 5, 11])
        #expect(Self.render(Self.units, sort: 4, width: 80, direction: .descending)[0].contains("Hài lòng ▼"))
    }

    @Test func spareWidthIsUsedFirst() {
        let columns = [TableColumn("Tên", width: 6), TableColumn("Hài lòng", width: 8, alignment: .right)]
        #expect(Self.render(columns, sort: 1, width: 20) == ["Tên    Hài lòng ▲"])
        #expect(Table(columns: columns, source: [[TableCell]](), sort: TableSort(column: 1, direction: .ascending))
            .columnFrames(width: 20).map(\.width) == [6, 10])
    }

    @Test func onlyWithNoRoomAtAllIsTheLabelCutBeforeTheArrow() {
        // Fixed columns only, exactly filling the width: nothing can give.
        let fixed = [TableColumn("Tên", width: 6), TableColumn("Hài lòng", width: 8, alignment: .right)]
        #expect(Self.render(fixed, sort: 1, width: 15) == ["Tên    Hài l… ▲"])
        // A fill column gives way down to its own title, not further.
        let fill = [TableColumn("Tên", width: .fill(1)), TableColumn("Hài lòng", width: 8, alignment: .right)]
        #expect(Self.render(fill, sort: 1, width: 14) == ["Tên Hài lòng ▲"])
        #expect(Self.render(fill, sort: 1, width: 13) == ["Tên Hài lò… ▲"])
        // A .min column keeps its minimum.
        let min = [TableColumn("Đơn vị", width: .min(10)), TableColumn("Hài lòng", width: 8, alignment: .right)]
        #expect(Self.render(min, sort: 1, width: 21) == ["Đơn vị     Hài lòng ▲"])
        #expect(Self.render(min, sort: 1, width: 19) == ["Đơn vị     Hài l… ▲"])
        // Tiny columns: the arrow stays, after a "…" when there is a cell for it.
        let tiny = [TableColumn("Hài lòng", width: 2), TableColumn("X", width: 1)]
        #expect(Self.render(tiny, sort: 0, width: 4) == ["…▲ X"])
        let one = [TableColumn("Hài lòng", width: 1), TableColumn("X", width: 1)]
        #expect(Self.render(one, sort: 0, width: 3) == ["▲ X"])
    }

    @Test func framesNeverOverrunTheTable() {
        for width in 0...90 {
            for sort in Self.units.indices {
                let table = Table(columns: Self.units, source: [[TableCell]](), sort: TableSort(column: sort, direction: .ascending))
                let frames = table.columnFrames(width: width)
                let widths = frames.map(\.width)
                #expect(widths.reduce(0, +) + Self.units.count - 1 <= max(width, Self.units.count - 1), "\(width) \(sort)")
                // Fixed columns other than the sorted one never shrink for it.
                let plain = Table(columns: Self.units, source: [[TableCell]]()).columnFrames(width: width).map(\.width)
                for i in 1..<Self.units.count where i != sort { #expect(widths[i] == plain[i], "\(width) \(sort) \(i)") }
                #expect(widths[0] >= min(plain[0], 18), "\(width) \(sort)")
            }
        }
    }
}
