import Testing
import TerminalUI

/// Breadcrumb, status line and key bar: the one-row widgets.
@Suite struct BarsTests {
    static let trail = ["Trang chủ", "Danh sách", "Chi tiết"]

    func draw(_ render: (inout Buffer, Rect) -> Void, width: Int) -> Buffer {
        var buffer = Buffer(width: width, height: 1)
        render(&buffer, buffer.area)
        return buffer
    }

    func crumb(_ width: Int, _ items: [String] = trail) -> Buffer {
        draw({ Breadcrumb(items).render(into: &$0, area: $1) }, width: width)
    }

    @Test func breadcrumbFitsWhole() {
        #expect(lines(crumb(40)) == ["Trang chủ › Danh sách › Chi tiết"])
        #expect(roles(crumb(40)) == [String(repeating: " ", count: 24) + "FFFFFFFF"])
        #expect(crumb(40, Self.trail.map(nfd)) == crumb(40))
    }

    @Test func breadcrumbTruncatesFromTheLeft() {
        #expect(lines(crumb(25)) == ["… › Danh sách › Chi tiết"])
        #expect(lines(crumb(15)) == ["… › Chi tiết"])
        #expect(roles(crumb(15)) == ["    FFFFFFFF"])
        // Parents left out still show: "…" with the separator squeezed,
        // then at the current item's start.
        #expect(lines(crumb(10)) == ["…›Chi tiết"])
        #expect(lines(crumb(8)) == ["…hi tiết"])
        #expect(roles(crumb(8)) == ["FFFFFFFF"])
        #expect(lines(crumb(5)) == ["…tiết"])
        #expect(roles(crumb(5)) == ["FFFFF"])
        #expect(lines(crumb(3, ["中文字"])) == ["…字"])
    }

    @Test func statusLineRightAlignsAndCutsTheLeft() {
        let status = StatusLine(left: "Đang xem danh sách dài", right: "12/340")
        let buffer = draw({ status.render(into: &$0, area: $1) }, width: 20)
        #expect(lines(buffer) == ["Đang xem dan… 12/340"])
        #expect(roles(buffer) == [String(repeating: "H", count: 20)])
        let short = draw({ StatusLine(left: "Sẵn sàng", right: "1/3", role: .normal).render(into: &$0, area: $1) }, width: 20)
        #expect(lines(short) == ["Sẵn sàng         1/3"])
        let tiny = draw({ status.render(into: &$0, area: $1) }, width: 5)
        #expect(lines(tiny) == ["12/3…"])
    }

    static let hints = KeyBar(hints: [
        (key: "q", label: "Thoát"), (key: "?", label: "Trợ giúp"), (key: "↑↓", label: "Chọn"), (key: "Enter", label: "Mở"),
    ])

    @Test func keyBarShowsKeysInFocus() {
        let buffer = draw({ Self.hints.render(into: &$0, area: $1) }, width: 40)
        #expect(lines(buffer) == ["q Thoát  ? Trợ giúp  ↑↓ Chọn  Enter Mở"])
        #expect(roles(buffer) == ["F        F           FF       FFFFF"])
    }

    @Test func keyBarDropsWholeHintsThatDoNotFitAndSaysSo() {
        // Without an overflow label, "…" ends a bar that left hints out.
        #expect(lines(draw({ Self.hints.render(into: &$0, area: $1) }, width: 37)) == ["q Thoát  ? Trợ giúp  ↑↓ Chọn  …"])
        #expect(lines(draw({ Self.hints.render(into: &$0, area: $1) }, width: 31)) == ["q Thoát  ? Trợ giúp  ↑↓ Chọn  …"])
        // "↑↓ Chọn" alone would fit at 28, but not with the mark after it.
        #expect(lines(draw({ Self.hints.render(into: &$0, area: $1) }, width: 30)) == ["q Thoát  ? Trợ giúp  …"])
        #expect(lines(draw({ Self.hints.render(into: &$0, area: $1) }, width: 6)) == ["…"])
        #expect(Self.hints.fittingCount(width: 38) == 4)
        #expect(Self.hints.fittingCount(width: 10) == 1)
        #expect(Self.hints.fittingCount(width: 9) == 0)
    }
}
