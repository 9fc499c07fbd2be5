import Foundation
import TerminalUI
import Testing

/// Vietnamese (NFC and NFD), wide and zero-width text measured and cut by the
/// one width function every part of dvk uses: the terminal's.
@Suite("Vietnamese text in cells")
struct VietnameseWidthTests {
    func nfd(_ s: String) -> String { s.decomposedStringWithCanonicalMapping }
    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func displayWidths() {
        #expect(CellWidth.of("Việt Nam") == 8)
        #expect(CellWidth.of(nfd("Việt Nam")) == 8)
        #expect(CellWidth.of("Nguyễn Thị Ánh Tuyết") == 20)
        #expect(CellWidth.of(nfd("Nguyễn Thị Ánh Tuyết")) == 20)
        #expect(CellWidth.of("中文") == 4)
        #expect(CellWidth.of("한국") == 4)
        #expect(CellWidth.of(nfd("한국")) == 4)
        #expect(CellWidth.of("ＡＢ") == 4)
        #expect(CellWidth.of("e\u{301}") == 1)
        #expect(CellWidth.of(Character("e\u{301}")) == 1)
        #expect(CellWidth.of(Character("\u{1B}")) == 0)
        #expect(CellWidth.of(Character("\u{7}")) == 0)
        #expect(CellWidth.of(Character("\u{9B}")) == 0)
        #expect(CellWidth.of(Character("\u{301}")) == 0)
        #expect(CellWidth.of(Character("\u{200B}")) == 0)
        #expect(CellWidth.of(Character("😀")) == 2)
        #expect(CellWidth.of(Character("👨‍👩‍👧")) == 2)
        #expect(CellWidth.of(Character("🇻🇳")) == 2)
        #expect(CellWidth.of(Character("…")) == 1)
        #expect(CellWidth.of("") == 0)
    }

    @Test func truncatedNeverSplitsClusters() {
        #expect(Truncation.end("Nguyễn Văn A", width: 12) == "Nguyễn Văn A")
        #expect(Truncation.end("Nguyễn Văn A", width: 6) == "Nguyễ…")
        #expect(Truncation.end("Nguyễn Văn A", width: 1) == "…")
        #expect(Truncation.end("Nguyễn Văn A", width: 0) == "")
        #expect(Truncation.end("Nguyễn Văn A", width: -3) == "")
        #expect(Truncation.end("", width: 0) == "")
        // NFD: the base letter keeps all its marks (the cut text comes back composed).
        let cut = Truncation.end(nfd("Việt Nam"), width: 4)
        #expect(scalars(cut.precomposedStringWithCanonicalMapping) == scalars("Việ…"))
        #expect(CellWidth.of(cut) == 4)
        // Wide: 中文 needs 4 columns, leaving no room for the ellipsis in 4.
        #expect(Truncation.end("中文字", width: 4) == "中…")
        #expect(Truncation.end("中文字", width: 5) == "中文…")
        #expect(Truncation.end("中文", width: 4) == "中文")
        #expect(Truncation.end("a中", width: 2) == "a…")
        for width in 0...10 {
            #expect(CellWidth.of(Truncation.end("Xã 中文 Suối Giàng", width: width)) <= width)
        }
    }

    /// The no-lookup path for common letters, borders and punctuation gives the
    /// same width as the full rules, scalar by scalar.
    @Test func theFastPathAgreesWithTheRules() {
        let ranges: [ClosedRange<UInt32>] = [0xA0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2500...0x259F]
        for v in ranges.joined() {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(CellWidth.of(Character(scalar)) == CellWidth.of(scalar), "U+\(String(v, radix: 16))")
        }
    }
}
