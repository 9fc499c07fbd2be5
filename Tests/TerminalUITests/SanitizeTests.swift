import Testing
import TerminalUI

@Suite struct SanitizeTests {
    @Test func controlsBecomeVisiblePlaceholders() {
        #expect(sanitize("a\u{1B}[31mb") == "a·[31mb")
        #expect(sanitize("bell\u{07}") == "bell·")
        #expect(sanitize("del\u{7F}") == "del·")
        #expect(sanitize("csi\u{9B}2J") == "csi·2J")  // C1 CSI: an escape on its own
        #expect(sanitize("nul\u{0}") == "nul·")
    }

    @Test func tabsAndLineBreaksBecomeOneSpace() {
        #expect(sanitize("a\tb") == "a b")
        #expect(sanitize("a\nb") == "a b")
        #expect(sanitize("a\r\nb") == "a b")
        #expect(sanitize("a\rb") == "a b")
    }

    @Test func printableTextIsUnchanged() {
        let text = "Đội 3 – Tiếng Việt: 85% ✓ 中文"
        #expect(sanitize(text) == text)
        #expect(sanitize(nfd(text)) == nfd(text))
    }
}
