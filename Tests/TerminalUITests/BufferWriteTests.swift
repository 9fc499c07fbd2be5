import Testing
import TerminalUI

@Suite struct BufferWriteTests {
    @Test func vietnameseNFCAndNFDAlignIdentically() {
        var buffer = Buffer(width: 14, height: 4)
        let names = ["Đắk Lắk", "Nguyễn Thị Ánh"]
        for (row, name) in names.enumerated() {
            let a = buffer.write(nfc(name), x: 0, y: row * 2, maxWidth: 9)
            buffer.write("|", x: a, y: row * 2)
            let b = buffer.write(nfd(name), x: 0, y: row * 2 + 1, maxWidth: 9)
            buffer.write("|", x: b, y: row * 2 + 1)
            #expect(a == b)
        }
        #expect(lines(buffer) == [
            "Đắk Lắk|",
            "Đắk Lắk|",
            "Nguyễn T…|",
            "Nguyễn T…|",
        ])
        // Cells hold NFC whichever form came in, so every output agrees.
        for x in 0..<buffer.width {
            #expect(buffer[x, 0] == buffer[x, 1])
            #expect(buffer[x, 2] == buffer[x, 3])
        }
    }

    @Test func wideCharactersTakeTwoColumnsAndClipWhole() {
        var buffer = Buffer(width: 6, height: 3)
        #expect(buffer.write("中文ab", x: 0, y: 0) == 6)
        // maxWidth 4: "a中文" is cut; "a中…" takes 4.
        #expect(buffer.write("a中文", x: 0, y: 1, role: .header, maxWidth: 4) == 4)
        // Right edge: "語" doesn't fit the 5 columns left; "本" makes room for "…".
        #expect(buffer.write("日本語", x: 1, y: 2) == 5)
        #expect(lines(buffer) == [
            "中文ab",
            "a中…",
            " 日本…",
        ])
        #expect(roles(buffer) == [
            "",
            "HHHH",
            "",
        ])
        #expect(buffer[2, 0].text == "文" && buffer[3, 0].isContinuation)
        #expect(buffer[0, 0].width == 2 && buffer[1, 0].isContinuation)
        #expect(buffer[5, 2].text == "…")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 2)
        buffer.write("中文", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)  // the right half of 中
        buffer.write("中文", x: 0, y: 1)
        buffer.write("y", x: 2, y: 1)  // the left half of 文
        #expect(lines(buffer) == [
            " x文",
            "中y",
        ])
        for y in 0..<2 {
            for x in 0..<buffer.width where buffer[x, y].isContinuation {
                #expect(buffer[x - 1, y].width == 2)
            }
        }
    }

    @Test func clipsAtEdgesAndReturnsColumnsUsed() {
        var buffer = Buffer(width: 8, height: 2)
        #expect(buffer.write("Báo cáo tháng", x: 2, y: 0) == 6)
        #expect(buffer.write("Tổng", x: 0, y: 1, maxWidth: 2) == 2)
        #expect(buffer.write("ngoài", x: 0, y: 5) == 0)
        #expect(buffer.write("trái", x: -2, y: 1, maxWidth: 0) == 0)
        #expect(lines(buffer) == [
            "  Báo c…",
            "T…",
        ])
    }

    @Test func controlCharactersFromDataBecomePlaceholders() {
        var buffer = Buffer(width: 12, height: 1)
        buffer.write("a\u{1B}[2Jb\u{07}\tc", x: 0, y: 0)
        #expect(lines(buffer) == ["a·[2Jb· c"])
    }

    @Test func fillAndSetRole() {
        var buffer = Buffer(width: 6, height: 3)
        buffer.write("abcdef", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 2), role: .selected)
        buffer.write("中文", x: 0, y: 2)
        buffer.setRole(.focus, in: Rect(x: 1, y: 2, width: 2, height: 1))
        #expect(lines(buffer) == [
            "a  def",
            "",
            "中文",
        ])
        #expect(roles(buffer) == [
            " SS",
            " SS",
            "FFFF",
        ])
    }
}
