import DVKCore
import TerminalUI

/// Keys into a one-line text field, the same in forms, the grid and the
/// search prompt: a paste goes in as one edit and says so when the field
/// could not take all of it; with Telex on, a letter rewrites only the
/// word before the cursor, so typing into a long field stays cheap.
enum TextEntry {
    /// Characters a field of this kind takes. Text fields get the toolkit's
    /// default; numbers and dates never need more than a few dozen.
    static func limit(for kind: FieldKind) -> Int {
        switch kind {
        case .text, .choice, .toggle: TextInput.defaultLimit
        case .count, .decimal, .money, .date, .year: 40
        }
    }

    /// What the search prompt takes.
    static let searchLimit = 200

    /// Applies `key` to `input`; false for keys a text field doesn't take.
    static func apply(_ key: Key, to input: inout TextInput, telex: Bool, _ s: inout AppState) -> Bool {
        if case let .paste(text) = key {
            let before = input.count
            let left = input.insert(text)
            if left > 0 { s.notice = .error(pasteCut(kept: input.count - before, limit: input.limit, s.lang)) }
            return true
        }
        if telex, case let .character(c) = key, c.isLetter {
            input.replaceWordBeforeCursor(with: Telex.type(c, after: input.wordBeforeCursor))
            return true
        }
        return input.handle(key)
    }

    static func pasteCut(kept: Int, limit: Int, _ lang: Language) -> String {
        let n = VietnameseNumber.integer(kept, lang), max = VietnameseNumber.integer(limit, lang)
        return Texts(lang).pick("Chỉ dán được \(n) ký tự: ô này nhận tối đa \(max) ký tự, phần còn lại bị bỏ.",
                                "Pasted \(n) characters: this field takes at most \(max), the rest was left out.")
    }
}
