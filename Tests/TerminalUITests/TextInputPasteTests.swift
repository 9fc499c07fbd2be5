import Foundation
import Testing
import TerminalUI

/// Pastes and long fields: one edit, cut at the limit, and every edit the
/// same as renormalising the whole field (which is what made pasting
/// quadratic) without doing it.
@Suite struct TextInputPasteTests {
    /// 100 KB typed one Character at a time, as a terminal without
    /// bracketed paste delivers it. Each insert used to renormalise the
    /// whole field; this only finishes if an insert costs what it inserts.
    /// Correctness is asserted here, speed is measured by
    /// scripts/e2e-hardening.sh.
    @Test func hundredKilobytesTypedKeyByKeyComeOutWhole() {
        let line = "Mô hình \"Dân vận khéo\" xã Suối Giàng, năm 2025; "
        let source = String(repeating: line, count: 100_000 / line.utf8.count + 1)
        var input = TextInput(limit: 200_000)
        for c in source {
            _ = input.handle(.character(c))
        }
        #expect(input.text == source)
        #expect(input.count == source.count)
        #expect(input.cursor == source.count)
        #expect(input.text.utf8.count > 100_000)
    }

    /// The same, with NFD marks arriving as separate keys after their
    /// letters (an input method that sends combining marks).
    @Test func decomposedMarksTypedOneByOneComposeInALongField() {
        let words = "Xã Nậm Búng, huyện Văn Chấn: mô hình hiệu quả. "
        let source = String(repeating: words, count: 400)
        var input = TextInput(limit: 100_000)
        for scalar in nfd(source).unicodeScalars {
            _ = input.handle(.character(Character(scalar)))
        }
        #expect(input.text == nfc(source))
        #expect(input.text.unicodeScalars.elementsEqual(nfc(source).unicodeScalars))
        #expect(input.count == source.count)
    }

    @Test func hundredKilobytePasteIsOneEditCutAtTheLimit() {
        let source = String(repeating: "Suối Giàng\tNậm Có\n", count: 6_000)  // ~110 KB
        var input = TextInput("[]", cursor: 1)
        let left = input.insert(source)
        let cleaned = String(repeating: "Suối Giàng Nậm Có ", count: 6_000)
        let room = TextInput.defaultLimit - 2
        #expect(left == cleaned.count - room)
        #expect(input.count == TextInput.defaultLimit)
        #expect(input.text == "[" + cleaned.prefix(room) + "]")
        #expect(input.cursor == room + 1)
        // Full: typing is refused too, nothing is lost.
        let refused = input.insert("x")
        #expect(refused == 1)
        #expect(input.text == "[" + cleaned.prefix(room) + "]")
    }

    @Test func pasteKeyGoesInWhole() {
        var input = TextInput("Xã ")
        #expect(press(&input, .paste("Suối\r\nGiàng\u{1B}[2J\u{9B}31m\u{07}")))
        #expect(input.text == "Xã Suối Giàng[2J31m")
        #expect(input.cursor == input.count)
        var big = TextInput(limit: 200_000)
        let hundredK = String(repeating: "ábcdé fghij ", count: 100_000 / 14 + 1)
        #expect(press(&big, .paste(hundredK)))
        #expect(big.text == hundredK)
    }

    @Test func textLongerThanTheLimitIsKeptButDoesNotGrow() {
        let long = String(repeating: "a", count: 50)
        var input = TextInput(long, limit: 10)
        #expect(input.text == long)
        var left = input.insert("b")
        #expect(left == 1)
        input.backspace()
        #expect(input.count == 49)
        left = input.insert("bc")
        #expect(left == 2)
        var small = TextInput("ab", limit: 4)
        left = small.insert("cdef")
        #expect(left == 2)
        #expect(small.text == "abcd")
    }

    @Test func wordBeforeCursorIsWhatTelexRewrites() {
        var input = TextInput("Xã Suoi Giang", cursor: 7)
        #expect(input.wordBeforeCursor == "Suoi")
        let replaced = input.replaceWordBeforeCursor(with: nfd("Suối"))
        #expect(replaced)
        #expect(input.text == "Xã Suối Giang")
        #expect(input.cursor == 7)
        input.end()
        #expect(input.wordBeforeCursor == "Giang")
        var full = TextInput("ab", limit: 2)
        let grew = full.replaceWordBeforeCursor(with: "abc")
        #expect(!grew)
        #expect(full.text == "ab")
    }

    /// Random edits over text chosen to stress the seams (NFD marks, flags,
    /// ZWJ emoji, Hangul jamo, wide characters, controls): every state
    /// equals the old whole-field renormalisation.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func editsMatchRenormalisingTheWholeField(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        var input = TextInput(limit: 1_000_000)
        var model = Reference()
        for step in 0..<600 {
            let op = Int(rng.next() % 12)
            switch op {
            case 0...4:
                var piece = ""
                for _ in 0..<(1 + Int(rng.next() % 4)) { piece += pieces[Int(rng.next() % UInt64(pieces.count))] }
                input.insert(piece)
                model.insert(piece)
            case 5: input.backspace(); model.backspace()
            case 6: input.delete(); model.delete()
            case 7: input.moveLeft(); model.cursor = max(0, model.cursor - 1)
            case 8: input.moveRight(); model.cursor = min(model.text.count, model.cursor + 1)
            case 9:
                let to = Int(rng.next() % UInt64(model.text.count + 3)) - 1
                input.moveCursor(to: to)
                model.cursor = min(max(0, to), model.text.count)
            case 10:
                if rng.next() % 2 == 0 {
                    input.deleteWordBackward()
                    model.deleteWordBackward()
                } else {
                    input.deleteToStart()
                    model.splice("", model.after)
                }
            default:
                let word = input.wordBeforeCursor
                let rewritten = word + pieces[Int(rng.next() % UInt64(pieces.count))]
                input.replaceWordBeforeCursor(with: rewritten)
                model.splice(String(model.before.dropLast(word.count)) + TextInput(rewritten).text, model.after)
            }
            let at = "seed \(seed) step \(step) op \(op)"
            #expect(input.text == model.text, "\(at)")
            #expect(input.cursor == model.cursor, "\(at)")
            #expect(input.count == input.text.count, "\(at)")
            #expect(input.beforeCursor == model.before, "\(at)")
            if input.text != model.text || input.cursor != model.cursor { return }
            let width = Int(rng.next() % 12)
            #expect(input.visible(width: width) == Reference.visible(model.text, cursor: model.cursor, width: width),
                    "\(at) width \(width)")
        }
    }
}

/// Text that meets at seams in every awkward way.
private let pieces: [String] = [
    "a", "o", "Z", " ", "ố", "Đ", "\u{301}", "\u{300}", "\u{323}", "\u{302}", "\u{31B}", "\u{303}",
    "🇻", "🇳", "🇻🇳", "👩", "\u{200D}", "💻", "👩‍💻", "\u{1100}", "\u{1161}", "\u{11A8}", "가",
    "中", "文", "\t", "\n", "\r\n", "\u{1B}", "\u{9B}", "\u{7}", "e\u{301}\u{323}",
]

/// The former TextInput: each edit renormalises the whole text.
private struct Reference {
    var text = ""
    var cursor = 0
    var before: String { String(text.prefix(cursor)) }
    var after: String { String(text.dropFirst(cursor)) }

    mutating func splice(_ before: String, _ after: String) {
        let head = before.precomposedStringWithCanonicalMapping
        text = (head + after).precomposedStringWithCanonicalMapping
        cursor = min(head.count, text.count)
    }

    mutating func insert(_ piece: String) { splice(before + TextInput(piece).text, after) }
    mutating func backspace() { if cursor > 0 { splice(String(text.prefix(cursor - 1)), after) } }
    mutating func delete() { if cursor < text.count { splice(before, String(text.dropFirst(cursor + 1))) } }

    mutating func deleteWordBackward() {
        var head = Array(before)
        while head.last?.isWhitespace == true { head.removeLast() }
        while let last = head.last, !last.isWhitespace { head.removeLast() }
        splice(String(head), after)
    }

    static func visible(_ text: String, cursor: Int, width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let characters = Array(text)
        let widths = characters.map { CellWidth.of($0) }
        var used = cursor < characters.count ? max(1, widths[cursor]) : 1
        var start = cursor
        while start > 0, used + widths[start - 1] <= width {
            start -= 1
            used += widths[start]
        }
        var shown = ""
        var column = 0
        for i in start..<characters.count {
            if column + widths[i] > width { break }
            shown.append(characters[i])
            column += widths[i]
        }
        return (shown, widths[start..<cursor].reduce(0, +))
    }
}

/// A small seeded generator, so a failure is reproducible.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
