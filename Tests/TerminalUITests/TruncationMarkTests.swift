import Testing
import TerminalUI

/// Issue 8, "cut text without a mark": wherever TerminalUI cuts text, the
/// cut shows as "…", also when a wide character sits at the cut edge.
@Suite struct TruncationMarkTests {
    /// Vietnamese (NFD), then wide characters, so cuts land on both kinds.
    static let long = nfd("Nguyễn Thị Ánh 中文字符 ở Suối Giàng")

    static func draw(width: Int, height: Int = 1, background: Character? = nil,
                     _ render: (inout Buffer, Rect) -> Void) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        if let background {
            for y in 0..<height { buffer.write(String(repeating: background, count: width), x: 0, y: y) }
        }
        render(&buffer, buffer.area)
        return buffer
    }

    /// The last character of a plain-text row (trailing blanks trimmed).
    static func lastVisible(_ buffer: Buffer, row: Int = 0) -> Character? { lines(buffer)[row].last }

    // MARK: - Buffer

    @Test func writeWithMaxWidthMarksTheCut() {
        #expect(lines(Self.draw(width: 12) { b, _ in b.write("Nguyễn Thị Ánh", x: 0, y: 0, maxWidth: 9) }) == ["Nguyễn T…"])
        #expect(lines(Self.draw(width: 12) { b, _ in b.write(nfd("Nguyễn Thị Ánh"), x: 0, y: 0, maxWidth: 9) }) == ["Nguyễn T…"])
        // The buffer's edge cuts like maxWidth does.
        #expect(lines(Self.draw(width: 8) { b, _ in b.write("Báo cáo tháng", x: 2, y: 0) }) == ["  Báo c…"])
        // A mark-worthy cut is never a blank: "Thị …" loses its space.
        #expect(lines(Self.draw(width: 8) { b, _ in b.write("Thị trấn", x: 0, y: 0, maxWidth: 5) }) == ["Thị…"])
    }

    @Test func wideCharactersAtTheCutEdge() {
        // "中文" fits 4 of 5 columns, "字" doesn't: "…" takes the fifth.
        #expect(lines(Self.draw(width: 8, background: "x") { b, _ in b.write("中文字", x: 0, y: 0, maxWidth: 5) }) == ["中文…xxx"])
        // 4 columns: "文" makes room for "…"; the column it leaves is blanked.
        #expect(lines(Self.draw(width: 8, background: "x") { b, _ in b.write("中文字", x: 0, y: 0, maxWidth: 4) }) == ["中… xxxx"])
        #expect(lines(Self.draw(width: 8, background: "x") { b, _ in b.write("中文字", x: 0, y: 0, maxWidth: 1) }) == ["…xxxxxxx"])
        // At the buffer's right edge.
        #expect(lines(Self.draw(width: 6) { b, _ in b.write("中文字", x: 3, y: 0) }) == ["   中…"])
        var buffer = Buffer(width: 5, height: 1)
        #expect(buffer.write("中文字", x: 0, y: 0, maxWidth: 4) == 4)
        #expect(buffer[2, 0].text == "…" && buffer[3, 0] == .blank())
    }

    @Test func onlyLetterCutsAreMarked() {
        // Trailing spaces that don't fit are not text lost.
        #expect(lines(Self.draw(width: 8, background: "x") { b, _ in b.write("abc     ", x: 0, y: 0, maxWidth: 4) }) == ["abc xxxx"])
        #expect(Truncation.end("abc     ", width: 4) == "abc ")
        // Text that fits is untouched.
        #expect(lines(Self.draw(width: 8) { b, _ in b.write("中文", x: 0, y: 0, maxWidth: 4) }) == ["中文"])
    }

    @Test func textCutAtTheLeftEdgeShowsItToo() {
        var buffer = Buffer(width: 8, height: 1)
        #expect(buffer.write("Nguyễn", x: -2, y: 0) == 4)
        #expect(lines(buffer) == ["…yễn"])
        buffer = Buffer(width: 8, height: 1)
        // Half of "中" is off the buffer: "…" stands in the half that shows.
        buffer.write("中文", x: -1, y: 0)
        #expect(lines(buffer) == ["…文"])
    }

    // MARK: - Every widget, at every width the text doesn't fit

    typealias Draw = @Sendable (inout Buffer, Rect) -> Void

    /// One-row widgets whose only text is `long` (after a key, for the key
    /// bar), and how wide that text is drawn whole.
    static let oneRow: [(name: String, extra: Int, draw: Draw)] = [
        ("write(maxWidth:)", 0, { $0.write(long, x: $1.x, y: $1.y, maxWidth: $1.width) }),
        ("write(width:alignment:)", 0, { $0.write(long, x: $1.x, y: $1.y, width: $1.width, alignment: .right) }),
        ("status left", 0, { StatusLine(left: long).render(into: &$0, area: $1) }),
        ("status right", 0, { StatusLine(right: long).render(into: &$0, area: $1) }),
        ("table cell", 0, { b, area in
            Table(columns: [TableColumn("", width: .fill(1))], source: [[TableCell(long)]])
                .render(into: &b, area: Rect(x: area.x, y: area.y - 1, width: area.width, height: 2))
        }),
        ("table header", 0, { Table(columns: [TableColumn(long, width: .fill(1))], source: [[TableCell]]()).render(into: &$0, area: $1) }),
        ("key bar", 2, { KeyBar([KeyHint(key: "q", label: long)]).render(into: &$0, area: $1) }),
    ]

    @Test(arguments: 0..<oneRow.count)
    func aCutOneRowTextEndsOnAnEllipsis(index: Int) {
        let (name, extra, draw) = Self.oneRow[index]
        let full = CellWidth.of(nfc(Self.long)) + extra
        for width in 1...(full + 1) {
            let buffer = Self.draw(width: width, height: 2) { b, _ in draw(&b, Rect(x: 0, y: 1, width: width, height: 1)) }
            let row = lines(buffer)[1]
            if width < full {
                #expect(row.last == "…", "\(name) at \(width): \(row)")
            } else {
                #expect(!row.contains("…"), "\(name) at \(width): \(row)")
            }
        }
    }

    @Test func panelAndOverlayTitles() {
        let panel = Self.draw(width: 12, height: 3) { Panel(title: "中文字符标题").render(into: &$0, area: $1) }
        #expect(lines(panel)[0] == "┌ 中文字… ─┐")
        let modal = Self.draw(width: 16, height: 5) { Modal.message(title: Self.long, text: "Ổn", dismiss: "OK").render(into: &$0, area: $1) }
        #expect(lines(modal)[0] == "┌ Nguyễn Thị… ─┐")
    }

    @Test func breadcrumbMarksLeftOutParents() {
        let trail = ["Trang chủ", "Danh sách", "Chi tiết"]
        for width in 1...40 {
            let row = lines(Self.draw(width: width) { Breadcrumb(trail).render(into: &$0, area: $1) })[0]
            if width >= 32 {
                #expect(row == "Trang chủ › Danh sách › Chi tiết")
            } else {
                #expect(row.first == "…", "at \(width): \(row)")
            }
        }
        #expect(lines(Self.draw(width: 10) { Breadcrumb(trail).render(into: &$0, area: $1) }) == ["…›Chi tiết"])
        #expect(lines(Self.draw(width: 8) { Breadcrumb(trail).render(into: &$0, area: $1) }) == ["…hi tiết"])
    }

    @Test func modalTextThatDoesNotFitEndsOnAnEllipsis() {
        let modal = Modal.message(title: "Lỗi", text: "Không mở được tệp vì tệp đang được một chương trình khác dùng", dismiss: "OK")
        let buffer = Self.draw(width: 24, height: 6) { modal.render(into: &$0, area: $1) }
        #expect(lines(buffer) == [
            "┌ Lỗi ─────────────────┐",
            "│ Không mở được tệp vì │",
            "│ tệp đang được một…   │",
            "│                      │",
            "│          OK          │",
            "└──────────────────────┘",
        ])
        // A line that fills the width gives up its last cell.
        let full = Modal(title: "", text: "aaaa bbbb cccc", maxTextWidth: 4)
        let b2 = Self.draw(width: 8, height: 4) { full.render(into: &$0, area: $1) }
        #expect(lines(b2) == ["┌──────┐", "│ aaaa │", "│ bbb… │", "└──────┘"])
    }

    @Test func formLabelsAndValues() {
        // A required label in 2 columns: "…*", not the mark alone.
        let narrow = Self.draw(width: 15) { Form(fields: [FormField(label: "Tên đơn vị", isRequired: true)]).render(into: &$0, area: $1) }
        #expect(lines(narrow) == ["  …* [        ]"])
        let form = Self.draw(width: 30, height: 2) {
            Form(fields: [
                FormField(label: "Tên", value: Self.long),
                FormField(label: "Loại", value: Self.long, kind: .choice),
            ]).render(into: &$0, area: $1)
        }
        #expect(lines(form) == [
            "  Tên  [ Nguyễn Thị Ánh 中…  ]",
            "  Loại [ Nguyễn Thị Ánh…   ▾ ]",
        ])
    }

    @Test func pickListFilterLabelAndItems() {
        let list = PickList(items: [Self.long], fold: { $0 }, filter: TextInput())
        let buffer = Self.draw(width: 10, height: 5) {
            list.render(into: &$0, area: $1, filterLabel: "Lọc theo: ", placeholder: "")
        }
        #expect(lines(buffer) == [
            "┌────────┐",
            "│ Lọc t… │",
            "├────────┤",
            "│ ▶ Ngu… │",
            "└────────┘",
        ])
    }
}
