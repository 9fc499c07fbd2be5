import Testing
import TerminalUI

/// Collecting a bracketed paste from the bytes a terminal sends, in
/// whatever chunks the reads return.
@Suite struct BracketedPasteTests {
    static let body = "Xã Suối Giàng\r\n\t\u{1B}[31mđỏ\u{7}"
    static let sent = Array((body + "\u{1B}[201~" + "q\u{1B}[A").utf8)

    @Test(arguments: 1...12)
    func theEndIsFoundWhereverTheReadsSplitIt(chunkSize: Int) {
        var paste = BracketedPaste()
        var i = 0
        while i < Self.sent.count {
            paste.add(Self.sent[i..<min(i + chunkSize, Self.sent.count)])
            i += chunkSize
        }
        #expect(paste.isComplete)
        #expect(paste.key == .paste(Self.body))
        #expect(paste.leftover == Array("q\u{1B}[A".utf8))
    }

    @Test func aPasteWithoutItsEndKeepsWhatArrived() {
        var paste = BracketedPaste()
        paste.add(Array("abc\u{1B}[20".utf8))
        #expect(!paste.isComplete)
        #expect(paste.key == .paste("abc\u{1B}[20"))
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        var paste = BracketedPaste()
        paste.add([0x61, 0xFF, 0xC3] + Array("\u{1B}[201~".utf8))
        #expect(paste.key == .paste("a\u{FFFD}\u{FFFD}"))
    }

    @Test func aHugePasteIsCutButItsEndStillFound() {
        var paste = BracketedPaste()
        let block = [UInt8](repeating: 0x61, count: 1 << 16)
        for _ in 0..<((BracketedPaste.maxBytes >> 16) + 3) { paste.add(block) }
        paste.add(Array("\u{1B}[201~x".utf8))
        #expect(paste.isComplete)
        #expect(paste.bytes.count == BracketedPaste.maxBytes)
        #expect(paste.leftover == [0x78])
    }
}
