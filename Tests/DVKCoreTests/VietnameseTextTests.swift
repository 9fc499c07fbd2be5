import Foundation
import Testing
@testable import DVKCore

private typealias VT = VietnameseText

private func nfd(_ s: String) -> String { s.decomposedStringWithCanonicalMapping }
private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
private func vnSorted(_ names: [String]) -> [String] { names.sorted(by: VT.precedes) }

@Suite struct VietnameseTextTests {
    // MARK: Normalization

    @Test func normalizedComposesNFD() {
        let decomposed = "Vie\u{323}\u{302}t Nam, Đo\u{302}\u{300}ng Ta\u{302}m"
        #expect(scalars(VT.normalized(decomposed)) == scalars("Việt Nam, Đồng Tâm"))
        #expect(VT.normalized(decomposed).unicodeScalars.count == "Việt Nam, Đồng Tâm".count)
    }

    // MARK: Collation

    @Test func namesSortInVietnameseOrder() {
        let names = ["Zô", "đá", "Ấp Bắc", "Dân", "anh", "Ân", "Đồng Tâm", "An"]
        let expected = ["An", "anh", "Ân", "Ấp Bắc", "Dân", "đá", "Đồng Tâm", "Zô"]
        #expect(vnSorted(names) == expected)
        #expect(vnSorted(names.reversed()) == expected)
        #expect(vnSorted(names.map(nfd)).map(VT.normalized) == expected)
    }

    @Test func alphabetOrder() {
        let alphabet = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split(separator: " ").map(String.init)
        #expect(vnSorted(alphabet.reversed()) == alphabet)
        #expect(vnSorted(alphabet.map { $0.uppercased() }.reversed()) == alphabet.map { $0.uppercased() })
    }

    @Test func foreignLettersGoWhereLatinPutsThem() {
        let words = ["za", "ya", "xa", "wa", "va", "ka", "ja", "ia", "ga", "fa", "êa", "ea"]
        #expect(vnSorted(words) == ["ea", "êa", "fa", "ga", "ia", "ja", "ka", "va", "wa", "xa", "ya", "za"])
    }

    /// Tone order documented on the type: none, huyền, hỏi, ngã, sắc, nặng.
    @Test func toneOrderOnASyllable() {
        let expected = ["ma", "mà", "mả", "mã", "má", "mạ"]
        #expect(vnSorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == expected)
        #expect(vnSorted(["mã", "mạ", "ma", "má", "mà", "mả"].map(nfd)).map(VT.normalized) == expected)
    }

    @Test func lettersOutrankTonesOutrankCase() {
        // Primary: a later letter wins over any tone.
        #expect(VT.precedes("mạ", "mac"))
        #expect(VT.precedes("mạ", "mă"))
        // Secondary: tone wins over case.
        #expect(VT.precedes("Ma", "mà"))
        // Tertiary: lowercase first.
        #expect(VT.precedes("ma", "Ma"))
        #expect(vnSorted(["Anh", "An", "an"]) == ["an", "An", "Anh"])
        // Tone compared letter by letter, left to right.
        #expect(VT.precedes("Hà Tĩnh", "Há Tinh"))
        #expect(!VT.precedes("ma", "ma"))
    }

    @Test func wordBoundariesSortFirst() {
        #expect(vnSorted(["Anh", "An Bình", "An"]) == ["An", "An Bình", "Anh"])
        #expect(VT.precedes("An Bình", "An-Bình"))
        #expect(VT.precedes("An-Bình", "An1"))
        // Runs of whitespace collapse; leading and trailing whitespace do not count.
        #expect(VT.sortKey("  An \t Bình\n") == VT.sortKey("An Bình"))
    }

    @Test func digitsBeforeLettersOtherScriptsAfter() {
        #expect(vnSorted(["Ấp 2", "Ấp B", "Ấp 10", "Ấp A"]) == ["Ấp 10", "Ấp 2", "Ấp A", "Ấp B"])
        #expect(vnSorted(["中文", "z", "9", "(A)", "a"]) == ["(A)", "9", "a", "z", "中文"])
        // Foreign accents are secondary: ü is a u, after plain u, before ư.
        #expect(vnSorted(["ưa", "üa", "ua", "ub"]) == ["ua", "üa", "ub", "ưa"])
    }

    @Test func sortKeyIsASCIIAndByteOrderMatchesStringOrder() {
        let names = ["Zô", "đá", "Ấp Bắc", "Dân", "anh", "Ân", "Đồng Tâm", "An", "Ma", "mạ",
                     "An Bình", "Ấp 10", "中文", "üa", "😀 nhóm", "Nguyễn Thị Ánh", "", " ",
                     "a\u{1B}b", "ŒUVRE", "Ελλάδα"]
        for name in names {
            let key = VT.sortKey(name)
            #expect(key.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }, "\(name): \(key)")
            #expect(key.utf8.count == key.unicodeScalars.count)
        }
        for a in names {
            for b in names {
                let (ka, kb) = (VT.sortKey(a), VT.sortKey(b))
                #expect(Array(ka.utf8).lexicographicallyPrecedes(kb.utf8) == (ka < kb))
            }
        }
    }

    @Test func nfdAndNFCGiveTheSameKeys() {
        for name in ["Ấp Bắc", "Đồng Tâm", "Nguyễn Thị Ánh", "Ưng Hòa", "Thượng Ơn", "Bắc Ninh", "한국"] {
            #expect(nfd(name).unicodeScalars.count != name.unicodeScalars.count)
            #expect(VT.sortKey(nfd(name)) == VT.sortKey(name))
            #expect(VT.searchKey(nfd(name)) == VT.searchKey(name))
            #expect(scalars(VT.searchKey(nfd(name))) == scalars(VT.searchKey(name)))
        }
        // Mark order as some input methods emit it (tone before vowel mark) gives the same key.
        #expect(VT.sortKey("a\u{301}\u{302}p") == VT.sortKey("ấp"))
    }

    // MARK: Search

    @Test func searchKeyFolds() {
        #expect(VT.searchKey("Suối Giàng") == "suoi giang")
        #expect(VT.searchKey("  Đồng   Tâm\t\n") == "dong tam")
        #expect(VT.searchKey("Ưng Hòa Ơn Bắc Ấp Êm Ôn") == "ung hoa on bac ap em on")
        #expect(VT.searchKey("ĐƯỜNG Phố") == "duong pho")
        #expect(VT.searchKey("Café Müller") == "cafe muller")
        #expect(VT.searchKey("") == "")
        #expect(VT.searchKey(" \t ") == "")
        // Non-Latin text survives folding intact (NFD split Hangul back into syllables).
        #expect(scalars(VT.searchKey("한국")) == scalars("한국"))
        #expect(VT.searchKey("Suối Giàng").unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func matchesEveryTermIgnoringTonesCaseAndĐ() {
        #expect(VT.matches(query: "suoi giang", in: "xã Suối Giàng"))
        #expect(VT.matches(query: "DONG TAM", in: "Đồng Tâm"))
        #expect(VT.matches(query: "giang suoi", in: "xã Suối Giàng"))
        #expect(VT.matches(query: "  dong ", in: "Đồng Tâm"))
        #expect(VT.matches(query: "Đồng", in: "dong tam"))
        #expect(VT.matches(query: nfd("Suối"), in: "Suối Giàng"))
        #expect(VT.matches(query: "ung", in: "Ưng Hòa"))
        #expect(VT.matches(query: "", in: "bất kỳ"))
        #expect(!VT.matches(query: "suoi hoa", in: "xã Suối Giàng"))
        #expect(!VT.matches(query: "giang", in: "Đồng Tâm"))
        #expect(!VT.matches(query: "dong", in: ""))
    }

    // MARK: Width

    // MARK: Sanitizing

    @Test func sanitizedRemovesEveryControl() {
        let out = VT.sanitized("a\u{1B}[31mb\u{7}")
        #expect(out == "a·[31mb·")
        #expect(!out.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(VT.sanitized("x\ty\nz\r\nw\rv") == "x y z w v")
        #expect(VT.sanitized("\u{0}\u{7F}\u{80}\u{9B}\u{9F}") == "·····")
        #expect(VT.sanitized("Đồng Tâm") == "Đồng Tâm")
        #expect(scalars(VT.sanitized(nfd("Đồng Tâm"))) == scalars(nfd("Đồng Tâm")))

        var everyControl = ""
        for v in Array(0x00...0x1F) + Array(0x7F...0x9F) {
            everyControl.unicodeScalars.append(Unicode.Scalar(UInt32(v))!)
        }
        let cleaned = VT.sanitized(everyControl)
        #expect(!cleaned.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(cleaned.allSatisfy { !$0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
    }
}
