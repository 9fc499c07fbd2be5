import Foundation

/// One line of text being edited, and where the cursor is.
///
/// The text is always sanitized and NFC, and the cursor counts grapheme
/// clusters (Characters), so every edit moves over or removes a whole
/// letter: "ố" typed NFC or NFD is one step and one backspace, and a mark
/// can never be left behind without its base. Plain data, so it lives in
/// app state and tests compare it directly.
///
/// Edits cost what they touch, not the length of the field: the cursor's
/// position in the string and the count are kept, and only the Characters
/// either side of an edit are renormalised (NFC and grapheme boundaries
/// only reach across a seam, never further). So typing, or a paste that
/// arrives key by key from a terminal without bracketed paste, stays linear.
public struct TextInput: Sendable {
    public private(set) var text: String
    /// Characters before the cursor, 0...`count`.
    public private(set) var cursor: Int
    /// Length in Characters.
    public private(set) var count: Int
    /// Insertions stop at this many Characters. Text that is already longer
    /// (a value loaded for editing) is kept whole; it just can't grow.
    public var limit: Int
    /// `cursor` as an index into `text`.
    private(set) var cursorIndex: String.Index

    /// What a field holds unless its owner says otherwise: far more than any
    /// one-line value needs, small enough that a stray paste of a whole
    /// document stays harmless.
    public static let defaultLimit = 2_000

    /// `cursor` defaults to the end, where typing into a prefilled field continues.
    public init(_ text: String = "", cursor: Int? = nil, limit: Int = TextInput.defaultLimit) {
        let cleaned = Self.clean(text)
        let count = cleaned.count
        let position = min(max(0, cursor ?? count), count)
        self.text = cleaned
        self.count = count
        self.cursor = position
        self.limit = limit
        self.cursorIndex = position == count ? cleaned.endIndex : cleaned.index(cleaned.startIndex, offsetBy: position)
    }

    public var isEmpty: Bool { text.isEmpty }
    public var beforeCursor: String { String(text[..<cursorIndex]) }
    public var afterCursor: String { String(text[cursorIndex...]) }

    /// Replaces the whole text (e.g. a value loaded for editing); the cursor goes to the end.
    public mutating func setText(_ newText: String) {
        self = TextInput(newText, limit: limit)
    }

    public mutating func moveCursor(to position: Int) {
        let target = min(max(0, position), count)
        guard target != cursor else { return }
        // Walk from whichever known index is nearest: the start, the cursor or the end.
        let fromCursor = abs(target - cursor), fromStart = target, fromEnd = count - target
        if fromCursor <= fromStart && fromCursor <= fromEnd {
            cursorIndex = text.index(cursorIndex, offsetBy: target - cursor)
        } else if fromStart <= fromEnd {
            cursorIndex = text.index(text.startIndex, offsetBy: target)
        } else {
            cursorIndex = text.index(text.endIndex, offsetBy: target - count)
        }
        cursor = target
    }

    /// Inserts typed or pasted text at the cursor and moves past it, as one
    /// edit. Line breaks and tabs become spaces, other control characters
    /// are dropped (see `clean`). Returns how many Characters did not fit
    /// under `limit` and were left out (0 when all went in).
    @discardableResult
    public mutating func insert(_ string: String) -> Int {
        let piece = Self.clean(string)
        guard !piece.isEmpty else { return 0 }
        let room = max(0, limit - count)
        let pieceCount = piece.count
        let kept = pieceCount > room ? String(piece.prefix(room)) : piece
        if !kept.isEmpty {
            splice(cursorIndex..<cursorIndex, startingAt: cursor, removing: 0, with: kept)
        }
        return pieceCount - min(pieceCount, room)
    }

    /// Lets an input method (e.g. Telex) rewrite what was typed so far:
    /// "Suoi" + "s" → "Suói". The text after the cursor is kept and the
    /// cursor lands right after the new prefix. Costs the whole prefix;
    /// `replaceWordBeforeCursor` costs only the word.
    public mutating func replaceBeforeCursor(with newPrefix: String) {
        splice(text.startIndex..<cursorIndex, startingAt: 0, removing: cursor, with: Self.clean(newPrefix))
    }

    /// The letters just before the cursor: the word an input method may
    /// still rewrite ("Suoi" in "Xã Suoi|").
    public var wordBeforeCursor: String {
        String(text[wordStart().index..<cursorIndex])
    }

    /// Replaces `wordBeforeCursor` with `newWord` (Telex: "Suoi" + "s" →
    /// "Suói"). Refused, returning false, when it would grow the text past
    /// `limit`.
    @discardableResult
    public mutating func replaceWordBeforeCursor(with newWord: String) -> Bool {
        let (start, letters) = wordStart()
        let word = Self.clean(newWord)
        let wordCount = word.count
        if wordCount > letters, count - letters + wordCount > limit { return false }
        splice(start..<cursorIndex, startingAt: cursor - letters, removing: letters, with: word)
        return true
    }

    public mutating func moveLeft() {
        guard cursor > 0 else { return }
        cursorIndex = text.index(before: cursorIndex)
        cursor -= 1
    }

    public mutating func moveRight() {
        guard cursor < count else { return }
        cursorIndex = text.index(after: cursorIndex)
        cursor += 1
    }

    public mutating func home() {
        cursor = 0
        cursorIndex = text.startIndex
    }

    public mutating func end() {
        cursor = count
        cursorIndex = text.endIndex
    }

    /// Removes the Character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        splice(text.index(before: cursorIndex)..<cursorIndex, startingAt: cursor - 1, removing: 1, with: "")
    }

    /// Removes the Character under the cursor.
    public mutating func delete() {
        guard cursor < count else { return }
        splice(cursorIndex..<text.index(after: cursorIndex), startingAt: cursor, removing: 1, with: "")
    }

    /// Ctrl-W: spaces just before the cursor, then the word before them, as
    /// in a shell, so repeated presses eat one word each.
    public mutating func deleteWordBackward() {
        var start = cursorIndex
        var removed = 0
        while start > text.startIndex, text[text.index(before: start)].isWhitespace {
            start = text.index(before: start)
            removed += 1
        }
        while start > text.startIndex, !text[text.index(before: start)].isWhitespace {
            start = text.index(before: start)
            removed += 1
        }
        splice(start..<cursorIndex, startingAt: cursor - removed, removing: removed, with: "")
    }

    /// Ctrl-U: everything before the cursor.
    public mutating func deleteToStart() {
        splice(text.startIndex..<cursorIndex, startingAt: 0, removing: cursor, with: "")
    }

    // MARK: - Internals

    /// Text as a one-line field may hold it. Controls are dropped rather
    /// than shown as `sanitize`'s "·", because typed data would otherwise
    /// gain a character nobody typed; `sanitize` then turns tabs and line
    /// breaks into spaces so pasted words stay apart.
    static func clean(_ string: String) -> String {
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return string }
        var kept = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            let v = scalar.value
            let isBreak = v == 0x09 || v == 0x0A || v == 0x0D
            if (v < 0x20 && !isBreak) || (0x7F..<0xA0).contains(v) { continue }
            kept.append(scalar)
        }
        return nfc(sanitize(String(kept)))
    }

    /// ASCII is already NFC, and it is what most edits insert.
    private static func nfc(_ string: String) -> String {
        string.utf8.allSatisfy({ $0 < 0x80 }) ? string : string.precomposedStringWithCanonicalMapping
    }

    /// Where the letters before the cursor begin, and how many there are.
    private func wordStart() -> (index: String.Index, letters: Int) {
        var start = cursorIndex
        var letters = 0
        while start > text.startIndex {
            let previous = text.index(before: start)
            guard text[previous].isLetter else { break }
            start = previous
            letters += 1
        }
        return (start, letters)
    }

    /// Replaces `range` (on Character boundaries; `removing` Characters,
    /// the first at Character offset `offset`) with `piece` (clean NFC) and
    /// puts the cursor right after the piece.
    ///
    /// Only one Character either side joins the renormalisation, because a
    /// lone mark typed after a letter composes with it ("a" + U+0301 → "á")
    /// and a seam may merge two Characters; nothing further away can change.
    /// Regional indicators are the exception (flags pair from the start of
    /// their run), so a seam touching one recounts the whole text.
    private mutating func splice(_ range: Range<String.Index>, startingAt offset: Int, removing: Int, with piece: String) {
        let lower = range.lowerBound > text.startIndex ? text.index(before: range.lowerBound) : range.lowerBound
        let upper = range.upperBound < text.endIndex ? text.index(after: range.upperBound) : range.upperBound
        let leftCount = lower < range.lowerBound ? 1 : 0
        let rightCount = upper > range.upperBound ? 1 : 0
        let head = Self.nfc(String(text[lower..<range.lowerBound]) + piece)
        let window = Self.nfc(head + text[range.upperBound..<upper])
        let windowCount = window.count
        let start = text.utf8.distance(from: text.startIndex, to: lower)
        let flags = window.unicodeScalars.contains { (0x1F1E6...0x1F1FF).contains($0.value) }

        text.replaceSubrange(lower..<upper, with: window)

        // The cursor after the piece; clamped in case the seam merged it
        // with the Character after it.
        let inWindow = min(head.count, windowCount)
        var index = text.utf8.index(text.startIndex, offsetBy: start)
        index = text.index(index, offsetBy: inWindow)
        if flags {
            count = text.count
            cursor = text[..<index].count
        } else {
            count += windowCount - leftCount - removing - rightCount
            cursor = offset - leftCount + inWindow
        }
        cursorIndex = index
    }
}

extension TextInput: Hashable {
    /// The cursor's index is derived from `text` and `cursor`, so it takes
    /// no part.
    public static func == (a: TextInput, b: TextInput) -> Bool {
        a.text == b.text && a.cursor == b.cursor && a.limit == b.limit
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(cursor)
        hasher.combine(limit)
    }
}
