/// Display width of text in terminal columns.
///
/// The widths must match what the terminal will do (glibc `wcwidth`, which
/// follows Unicode East Asian Width), or every column after a mismatch
/// shifts. Hence: combining marks and controls take 0, East Asian Wide /
/// Fullwidth and emoji-presentation characters take 2, the rest 1.
/// Vietnamese letters are 1 whether written NFC (one scalar) or NFD (base +
/// combining marks), because a cluster's width is its base's width.
public enum CellWidth {
    public static func of(_ c: Character) -> Int {
        // Most cells are ASCII: no scalar properties to look up.
        if let a = c.asciiValue { return a < 0x20 || a == 0x7F ? 0 : 1 }
        // Next most: one scalar that is a precomposed Vietnamese letter, a box
        // or block of a border or gauge, or a dash, quote or ellipsis. All one
        // column, and no property lookups (the frame draws thousands a key).
        var scalars = c.unicodeScalars.makeIterator()
        if let first = scalars.next(), scalars.next() == nil, isNarrowText(first.value) { return 1 }
        var base = 0
        var hasEmojiBase = false
        for scalar in c.unicodeScalars {
            // VS16 asks for emoji presentation: terminals draw that 2 wide.
            if scalar.value == 0xFE0F, hasEmojiBase { return 2 }
            if base == 0 {
                base = of(scalar)
                hasEmojiBase = scalar.properties.isEmoji
            }
        }
        return base
    }

    /// Single scalars known to be one column: Latin-1 letters and signs (not the soft
    /// hyphen), Latin Extended A/B, Latin Extended Additional (ạ…ỹ), general punctuation
    /// up to U+2027, box drawing and block elements.
    static func isNarrowText(_ v: UInt32) -> Bool {
        (v >= 0xA1 && v < 0x300 && v != 0xAD) || (0x1E00...0x1EFF).contains(v)
            || (0x2010...0x2027).contains(v) || (0x2500...0x259F).contains(v)
    }

    public static func of(_ s: String) -> Int {
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }  // fast path for ASCII
        if v < 0xA0 { return 0 }  // DEL and C1 controls
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the preceding syllable.
        if (0x1160...0x11FF).contains(v) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks (emoji are handled separately).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,   // Hiragana ... CJK compatibility
        0x3400...0x4DBF,   // CJK Extension A
        0x4E00...0x9FFF,   // CJK Unified Ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo Extended-A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut
        0x1B000...0x1B2FF, // Kana supplement, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x2FFFD, // CJK Extensions B-F
        0x30000...0x3FFFD, // CJK Extension G and later
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        for range in wideRanges where range.contains(v) { return true }
        return false
    }
}
