import Foundation

/// One line of text being edited, and where the cursor is.
///
/// The text is always sanitized and NFC, and the cursor counts grapheme
/// clusters (Characters), so every edit moves over or removes a whole
/// letter: "ố" typed NFC or NFD is one step and one backspace, and a mark
/// can never be left behind without its base. Plain data, so it lives in
/// app state and tests compare it directly.
public struct TextInput: Hashable, Sendable {
    public private(set) var text: String
    /// Characters before the cursor, 0...`count`.
    public private(set) var cursor: Int

    /// `cursor` defaults to the end, where typing into a prefilled field continues.
    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = Self.clean(text)
        let count = self.text.count
        self.cursor = min(max(0, cursor ?? count), count)
    }

    /// Length in Characters.
    public var count: Int { text.count }
    public var isEmpty: Bool { text.isEmpty }
    public var beforeCursor: String { String(text.prefix(cursor)) }
    public var afterCursor: String { String(text.dropFirst(cursor)) }

    /// Replaces the whole text (e.g. a value loaded for editing); the cursor goes to the end.
    public mutating func setText(_ newText: String) {
        self = TextInput(newText)
    }

    public mutating func moveCursor(to position: Int) {
        cursor = min(max(0, position), count)
    }

    /// Inserts typed or pasted text at the cursor and moves past it. A paste
    /// arrives whole; line breaks and tabs become spaces, other control
    /// characters are dropped (see `clean`).
    public mutating func insert(_ string: String) {
        splice(before: beforeCursor + Self.clean(string), after: afterCursor)
    }

    /// Lets an input method (e.g. Telex) rewrite what was typed so far:
    /// "Suoi" + "s" → "Suói". The text after the cursor is kept and the
    /// cursor lands right after the new prefix.
    public mutating func replaceBeforeCursor(with newPrefix: String) {
        splice(before: Self.clean(newPrefix), after: afterCursor)
    }

    public mutating func moveLeft() { moveCursor(to: cursor - 1) }
    public mutating func moveRight() { moveCursor(to: cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = count }

    /// Removes the Character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        splice(before: String(text.prefix(cursor - 1)), after: afterCursor)
    }

    /// Removes the Character under the cursor.
    public mutating func delete() {
        guard cursor < count else { return }
        splice(before: beforeCursor, after: String(text.dropFirst(cursor + 1)))
    }

    /// Ctrl-W: spaces just before the cursor, then the word before them, as
    /// in a shell, so repeated presses eat one word each.
    public mutating func deleteWordBackward() {
        var head = Array(beforeCursor)
        while head.last?.isWhitespace == true { head.removeLast() }
        while let last = head.last, !last.isWhitespace { head.removeLast() }
        splice(before: String(head), after: afterCursor)
    }

    /// Ctrl-U: everything before the cursor.
    public mutating func deleteToStart() {
        splice(before: "", after: afterCursor)
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
        return sanitize(String(kept)).precomposedStringWithCanonicalMapping
    }

    /// Joins the two sides, renormalizing because a lone mark typed after a
    /// letter composes with it ("a" + U+0301 → "á"); the cursor goes to the
    /// end of `before`, clamped in case the seam merged two Characters.
    private mutating func splice(before: String, after: String) {
        let head = before.precomposedStringWithCanonicalMapping
        text = (head + after).precomposedStringWithCanonicalMapping
        cursor = min(head.count, text.count)
    }
}
