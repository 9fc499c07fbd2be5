import Testing
import TerminalUI

@Suite struct BufferDiffTests {
    @Test func identicalBuffersHaveNoChanges() {
        var a = Buffer(width: 5, height: 2)
        a.write("Đạt", x: 0, y: 0, role: .met)
        #expect(a.diff(from: a).isEmpty)
    }

    @Test func onlyChangedCellsAreReported() {
        var previous = Buffer(width: 5, height: 2)
        previous.write("hello", x: 0, y: 0)
        var next = previous
        next.write("J", x: 0, y: 0)
        next.write("!", x: 4, y: 1, role: .error)
        #expect(next.diff(from: previous) == [
            CellChange(x: 0, y: 0, cell: next[0, 0]),
            CellChange(x: 4, y: 1, cell: next[4, 1]),
        ])
        #expect(next.diff(from: previous).map(\.cell.text) == ["J", "!"])
    }

    @Test func roleChangeAloneIsAChange() {
        var previous = Buffer(width: 3, height: 1)
        previous.write("abc", x: 0, y: 0)
        var next = previous
        next.setRole(.focus, in: Rect(x: 1, y: 0, width: 1, height: 1))
        #expect(next.diff(from: previous).map(\.x) == [1])
    }

    @Test func wideCharacterReplacingNarrowOnesReportsBothColumns() {
        var previous = Buffer(width: 4, height: 1)
        previous.write("abcd", x: 0, y: 0)
        var next = previous
        next.write("中", x: 1, y: 0)
        let changes = next.diff(from: previous)
        #expect(changes.map(\.x) == [1, 2])
        #expect(changes[0].cell.width == 2 && changes[1].cell.isContinuation)
    }

    @Test func differentSizesReportEveryCell() {
        let small = Buffer(width: 3, height: 2)
        let large = Buffer(width: 4, height: 3)
        #expect(large.diff(from: small).count == 12)
        #expect(small.diff(from: large).count == 6)
    }
}
