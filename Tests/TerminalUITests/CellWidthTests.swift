import Foundation
import Testing
import TerminalUI

@Suite struct CellWidthTests {
    @Test func vietnameseLettersAreOneColumnInNFCAndNFD() {
        for word in ["ế", "ở", "Đ", "ữ", "ặ", "Nguyễn", "Tiếng Việt", "Đắk Lắk"] {
            #expect(CellWidth.of(nfc(word)) == word.count)
            #expect(CellWidth.of(nfd(word)) == word.count)
        }
        // NFD "ế" is three scalars but one cluster and one column.
        let decomposed = nfd("ế")
        #expect(decomposed.unicodeScalars.count == 3)
        #expect(CellWidth.of(Character(decomposed)) == 1)
    }

    @Test func wideAndEmojiAreTwoColumns() {
        for wide: Character in ["中", "語", "한", "あ", "Ａ", "👍", "✅", "🇻🇳", "❤️"] {
            #expect(CellWidth.of(wide) == 2, "\(wide)")
        }
        #expect(CellWidth.of("中文ab") == 6)
    }

    @Test func narrowSymbolsAreOneColumn() {
        for narrow: Character in ["a", "█", "▓", "·", "→", "✓", "❤", "│"] {
            #expect(CellWidth.of(narrow) == 1, "\(narrow)")
        }
    }

    @Test func controlsAndLoneMarksAreZeroColumns() {
        for zero: Character in ["\u{1B}", "\u{07}", "\u{7F}", "\u{9B}", "\u{0301}", "\u{200B}", "\u{200D}"] {
            #expect(CellWidth.of(zero) == 0, "U+\(String(zero.unicodeScalars.first!.value, radix: 16))")
        }
    }
}
