import Testing
import TerminalUI

@Suite struct TextWrapTests {
    @Test func wrapsByWordsAndDisplayWidth() {
        let text = "Đoàn kết, đoàn kết, đại đoàn kết"
        let expected = ["Đoàn kết,", "đoàn kết,", "đại đoàn kết"]
        #expect(TextWrap.lines(text, width: 12) == expected)
        // NFD input wraps at the same places and comes back NFC.
        #expect(TextWrap.lines(nfd(text), width: 12) == expected)
    }

    @Test func hardBreaksWordsLongerThanTheLine() {
        #expect(TextWrap.lines("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
        #expect(TextWrap.lines("abcdefg h", width: 4) == ["abcd", "efg", "h"])
        // Never inside a cluster: each NFD letter keeps its marks.
        let broken = TextWrap.lines(nfd("Nguyễn"), width: 3)
        #expect(broken == ["Ngu", "yễn"])
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(TextWrap.lines("中文字符测试", width: 5) == ["中文", "字符", "测试"])
        #expect(TextWrap.lines("ab 中文", width: 4) == ["ab", "中文"])
        // Too wide for any line: it gets a line of its own.
        #expect(TextWrap.lines("中", width: 1) == ["中"])
    }

    @Test func lineBreaksSpacesAndEdges() {
        #expect(TextWrap.lines("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(TextWrap.lines("a\r\nb", width: 5) == ["a", "b"])
        #expect(TextWrap.lines("a    b  ", width: 10) == ["a b"])
        #expect(TextWrap.lines("", width: 5) == [])
        #expect(TextWrap.lines("abc", width: 0) == [])
        #expect(TextWrap.lines("x\u{1B}[2J", width: 10) == ["x·[2J"])
    }

    @Test func truncationByDisplayWidth() {
        #expect(Truncation.end("Nguyễn Thị Ánh", width: 8) == "Nguyễn…")
        #expect(Truncation.end(nfd("Nguyễn Thị Ánh"), width: 8) == "Nguyễn…")
        #expect(Truncation.end("中文名字", width: 6) == "中文…")
        #expect(Truncation.end("中文名字", width: 8) == "中文名字")
        #expect(Truncation.end("abc", width: 0) == "")
        #expect(Truncation.start("Nguyễn Thị Ánh", width: 8) == "…Thị Ánh")
        #expect(Truncation.start("Nguyễn Thị Ánh", width: 7) == "…hị Ánh")
        #expect(Truncation.start("中文名字", width: 5) == "…名字")
    }
}

@Suite struct MiddleTruncationTests {
    @Test func keepsBothEndsSoSimilarNamesStayApart() {
        let a = Truncation.middle("Thị trấn Nông trường Liên Sơn", width: 20)
        let b = Truncation.middle("Thị trấn Nông trường Trần Phú", width: 20)
        #expect(a != b)
        #expect(CellWidth.of(a) <= 20)
        #expect(a.hasSuffix("Liên Sơn"))
        #expect(a.contains("…"))
        #expect(Truncation.middle("Xã Tú Lệ", width: 20) == "Xã Tú Lệ")
        #expect(Truncation.middle("abc", width: 0) == "")
    }
}
