import Foundation

/// Vietnamese text rules: NFC storage, collation, search folding, terminal width.
///
/// Collation (``sortKey(_:)``) has three levels, compared in order:
/// 1. letters: a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z);
///    a word boundary sorts before everything, then punctuation and symbols,
///    then digits, then letters, then other scripts;
/// 2. tone marks, in dictionary order: none, huyền, hỏi, ngã, sắc, nặng
///    (ma < mà < mả < mã < má < mạ), then marks foreign to Vietnamese (ü, ç…);
/// 3. case, lowercase first.
public enum VietnameseText {
    /// Unicode NFC (precomposed). Everything stored goes through this.
    public static func normalized(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping
    }

    // MARK: - Collation

    /// Primary order. f j w z are not Vietnamese letters but appear in names, so they go
    /// where a Latin dictionary puts them. Entries are NFC; because Swift compares
    /// Strings by canonical equivalence, a lookup with "a" + U+0306 finds "ă".
    private static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
        "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    private static let letterRank: [String: Int] =
        Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// Combining tone marks → secondary weight (0 is "no tone", ngang).
    private static let toneRank: [Unicode.Scalar: Int] = [
        "\u{300}": 1, // huyền
        "\u{309}": 2, // hỏi
        "\u{303}": 3, // ngã
        "\u{301}": 4, // sắc
        "\u{323}": 5, // nặng
    ]

    // The key is ASCII so SQLite BINARY order, byte order and Swift String order agree.
    // Every weight's first byte says which class it is, so weights are prefix-free and
    // comparing concatenated keys compares unit by unit.
    private static let levelSeparator = "!" // below every weight: "An" < "An Bình"
    private static let wordBreak = "\""     // below punctuation, digits, letters: "An Bình" < "Anh"
    private static let symbolPrefix = "#"   // + 6 hex digits; below digits "0"…"9"
    private static let letterBase: UInt32 = 0x41 // letters are "A"… upwards, above digits
    private static let otherPrefix = "~"    // + 6 hex digits; above every letter

    private struct OrgUnit {
        var primary: String
        var tone = 0
        var foreignMarks: [Unicode.Scalar] = []
        var isUppercase = false
    }

    /// A key whose plain byte order sorts names in Vietnamese dictionary order (see the type's
    /// documentation). ASCII only; NFC and NFD input give the same key.
    public static func sortKey(_ s: String) -> String {
        let units = collationUnits(s)
        let primary = units.map(\.primary).joined()
        let secondary = units.map { unit in
            String(unit.tone) + unit.foreignMarks.map { otherPrefix + hex($0) }.joined()
        }.joined()
        let tertiary = units.map { $0.isUppercase ? "1" : "0" }.joined()
        return primary + levelSeparator + secondary + levelSeparator + tertiary
    }

    /// Comparison using sortKey; for `sorted(by:)`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        sortKey(a) < sortKey(b)
    }

    /// Splits NFD text into base scalars with their combining marks, so that NFC and NFD
    /// input (and any order of marks an input method produces) lead to the same units.
    private static func collationUnits(_ s: String) -> [OrgUnit] {
        var clusters: [(base: Unicode.Scalar, marks: [Unicode.Scalar])] = []
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            if isCombining(scalar), let last = clusters.indices.last,
               !clusters[last].base.properties.isWhitespace {
                clusters[last].marks.append(scalar)
            } else {
                clusters.append((scalar, []))
            }
        }
        var units: [OrgUnit] = []
        var pendingBreak = false
        for (base, marks) in clusters {
            if base.properties.isWhitespace {
                pendingBreak = true // runs collapse; leading and trailing ones vanish
                continue
            }
            let category = base.properties.generalCategory
            if category == .control || category == .format { continue } // invisible: ignore
            if pendingBreak && !units.isEmpty { units.append(OrgUnit(primary: wordBreak)) }
            pendingBreak = false
            units.append(unit(base: base, marks: marks))
        }
        return units
    }

    private static func unit(base: Unicode.Scalar, marks: [Unicode.Scalar]) -> OrgUnit {
        var marks = marks
        let lower = base.properties.lowercaseMapping
        var unit: OrgUnit
        if letterRank[lower] != nil {
            // A breve, circumflex or horn makes a different letter (a → ă), not an accent.
            var letter = lower
            if let i = marks.firstIndex(where: { letterRank[letter + String($0)] != nil }) {
                letter += String(marks.remove(at: i))
            }
            unit = OrgUnit(primary: String(Unicode.Scalar(letterBase + UInt32(letterRank[letter]!))!))
        } else if ("0"..."9").contains(base) {
            unit = OrgUnit(primary: String(base))
        } else if isSymbol(base) {
            unit = OrgUnit(primary: symbolPrefix + hex(base))
        } else {
            // Other scripts: by code point after Latin, case folded when that is one scalar.
            let folded = lower.unicodeScalars.count == 1 ? lower.unicodeScalars.first! : base
            unit = OrgUnit(primary: otherPrefix + hex(folded))
        }
        unit.isUppercase = base.properties.isUppercase
        for mark in marks {
            if let tone = toneRank[mark], unit.tone == 0 {
                unit.tone = tone
            } else {
                unit.foreignMarks.append(mark)
            }
        }
        return unit
    }

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: true
        default: false
        }
    }

    /// Fixed width so that byte order of the hex equals numeric order.
    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }

    // MARK: - Search

    /// Search folding: NFC → remove tone marks and vowel marks (ă â ê ô ơ ư → a a e o o u),
    /// đ/Đ → d, lowercase, collapse runs of whitespace to one space, trim.
    /// "Suối Giàng" → "suoi giang". Foreign accents (é, ü) fold too.
    public static func searchKey(_ s: String) -> String {
        // Lowercase first: some capitals lowercase to a letter plus a mark (İ → i̇).
        let scalars = s.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
            .map { $0 == "đ" ? "d" : $0 } // đ has no decomposition, so it survives the filter
        let folded = String(String.UnicodeScalarView(scalars))
        // Recompose what NFD split apart that is not a mark (Hangul syllables).
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .precomposedStringWithCanonicalMapping
    }

    /// True when every whitespace-separated term of the folded query occurs in the folded
    /// text. An empty query matches everything.
    public static func matches(query: String, in text: String) -> Bool {
        let haystack = searchKey(text)
        return searchKey(query).split(separator: " ").allSatisfy { haystack.contains($0) }
    }

    // MARK: - Terminal width

    /// East Asian Wide and Fullwidth blocks (Swift does not expose the property). Emoji are
    /// decided by Emoji_Presentation instead, which Unicode keeps in step with Wide.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,   // kana, Bopomofo, Hangul compatibility Jamo, enclosed CJK
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut, Khitan
        0x1B000...0x1B2FF, // kana supplements, Nüshu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x3FFFD, // CJK extensions B onwards
    ]

    /// Display width in terminal columns of one grapheme cluster: 0 for pure
    /// combining/zero-width/control, 2 for East Asian Wide/Fullwidth (CJK, Hangul, fullwidth
    /// forms, emoji presentation), else 1. Vietnamese letters (NFC or NFD) are 1.
    public static func displayWidth(of c: Character) -> Int {
        // The first visible scalar decides: marks, ZWJ-joined parts and Hangul vowel/final
        // jamo ride in its cell. A text-style symbol + U+FE0F stays 1, as wcwidth (and so
        // ncurses) counts it.
        guard let base = c.unicodeScalars.first(where: { !isZeroWidth($0) }) else { return 0 }
        return base.properties.isEmojiPresentation || wideRanges.contains { $0.contains(base.value) } ? 2 : 1
    }

    /// Sum over grapheme clusters.
    public static func displayWidth(_ s: String) -> Int {
        s.reduce(0) { $0 + displayWidth(of: $1) }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .format: true
        default: false
        }
    }

    /// Replaces control characters (C0, DEL, C1 0x80–0x9F; ESC and BEL in particular) with
    /// "·"; tabs and newlines become a single space. Used before any text reaches a terminal
    /// cell or a file, so data can never move the cursor or change colours.
    public static func sanitized(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "\t" || c.isNewline { // isNewline covers CR LF as one cluster
                out.append(" ")
            } else if c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                out.append("·")
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Truncates to at most `width` columns, appending "…" when cut (the ellipsis counts
    /// 1 column); never splits a grapheme cluster.
    public static func truncated(_ s: String, toWidth width: Int) -> String {
        guard displayWidth(s) > width else { return s }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for c in s {
            let w = displayWidth(of: c)
            if used + w > width - 1 { break } // keep one column for the ellipsis
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// Pads with spaces on the right (or left when `alignRight`) to exactly `width` columns
    /// (truncating first if needed). A wide character that does not fit leaves a blank.
    public static func padded(_ s: String, toWidth width: Int, alignRight: Bool = false) -> String {
        let text = truncated(s, toWidth: width)
        let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
        return alignRight ? fill + text : text + fill
    }
}
