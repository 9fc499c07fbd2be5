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

    // MARK: - Terminal safety

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
}
