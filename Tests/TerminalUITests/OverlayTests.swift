import Testing
import TerminalUI

/// Panel, help overlay and modal: the boxed widgets.
@Suite struct OverlayTests {
    @Test func panelBorderTitleAndInner() {
        var buffer = Buffer(width: 14, height: 4)
        let panel = Panel(title: "Tiêu đề dài quá")
        panel.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "┌ Tiêu đề d… ┐",
            "│            │",
            "│            │",
            "└────────────┘",
        ])
        #expect(roles(buffer)[0] == " HHHHHHHHHHHH")
        #expect(panel.inner(of: buffer.area) == Rect(x: 1, y: 1, width: 12, height: 2))
        var focused = Buffer(width: 14, height: 4)
        Panel(title: "Ô", isFocused: true).render(into: &focused, area: focused.area)
        #expect(lines(focused)[0] == "┌ Ô ─────────┐")
        #expect(roles(focused)[0] == " FFF")
    }

    @Test func panelClearsItsInsideAndDegradesWhenTiny() {
        var buffer = Buffer(width: 6, height: 3)
        for y in 0..<3 { buffer.write("xxxxxx", x: 0, y: y) }
        Panel().render(into: &buffer, area: Rect(x: 1, y: 0, width: 4, height: 3))
        #expect(lines(buffer) == ["x┌──┐x", "x│  │x", "x└──┘x"])
        Panel(title: "T").render(into: &buffer, area: Rect(x: 0, y: 1, width: 1, height: 2))
        #expect(lines(buffer) == ["x┌──┐x", " │  │x", " └──┘x"])
    }

    @Test func helpOverlayListsTheKeyMapInTwoColumns() {
        var buffer = Buffer(width: 40, height: 12)
        HelpOverlay(title: "Trợ giúp", keyMap: toyKeys, footer: "Esc đóng").render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "",
            "     ┌ Trợ giúp ─────────────────┐",
            "     │ q      Thoát chương trình │",
            "     │ ? F1   Mở trợ giúp        │",
            "     │ ↑ k    Lên                │",
            "     │ ↓ j    Xuống              │",
            "     │ Enter  Mở mục đã chọn     │",
            "     │                           │",
            "     │ Esc đóng                  │",
            "     └───────────────────────────┘",
            "",
            "",
        ])
        #expect(roles(buffer)[1] == "      FFFFFFFFFF")
        #expect(roles(buffer)[3] == "       FFFF")
        #expect(roles(buffer)[8] == "       mmmmmmmm")
    }

    @Test func helpOverlayThatDoesNotFitEndsInEllipsis() {
        var buffer = Buffer(width: 30, height: 7)
        HelpOverlay(title: "Trợ giúp", keyMap: toyKeys, footer: "Esc đóng").render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "┌ Trợ giúp ─────────────────┐",
            "│ q      Thoát chương trình │",
            "│ ? F1   Mở trợ giúp        │",
            "│ …                         │",
            "│                           │",
            "│ Esc đóng                  │",
            "└───────────────────────────┘",
        ])
    }

    @Test func confirmModalWrapsTextAndShowsTheSelectedChoice() {
        var buffer = Buffer(width: 30, height: 9)
        let modal = Modal.confirm(title: "Xác nhận", text: nfd("Lưu các thay đổi trước khi thoát?"),
                                  accept: "Có", cancel: "Không", selected: 0)
        modal.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "",
            "┌ Xác nhận ──────────────────┐",
            "│ Lưu các thay đổi trước khi │",
            "│ thoát?                     │",
            "│                            │",
            "│      [ Có ]   Không        │",
            "└────────────────────────────┘",
            "",
            "",
        ])
        #expect(roles(buffer)[5] == "       FFFFFF")
        #expect(roles(buffer)[1] == " FFFFFFFFFF")
    }

    @Test func messageModalIsAsSmallAsItsContent() {
        var buffer = Buffer(width: 16, height: 7)
        Modal.message(title: "Lỗi", text: "中文字符 quá dài", dismiss: "Enter", textRole: .error)
            .render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "┌ Lỗi ─────────┐",
            "│ 中文字符 quá │",
            "│ dài          │",
            "│              │",
            "│    Enter     │",
            "└──────────────┘",
            "",
        ])
        #expect(roles(buffer)[1] == "  EEEEEEEEEEEE")
    }
}
