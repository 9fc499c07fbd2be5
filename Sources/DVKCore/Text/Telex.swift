import Foundation

/// Telex typing: keys in, Vietnamese out. Pure and stateless per word.
///
/// Standard Telex as Unikey types it, for terminals and SSH sessions without a Vietnamese IME:
///
/// - vowel and consonant marks: `aa` â, `aw` ă, `ee` ê, `oo` ô, `ow` ơ, `uw` ư, `dd` đ;
///   `w` on u/o/uo gives ư/ơ/ươ (`nguwowif` → người), on oa gives oă (`hoawcj` → hoặc);
/// - tones: `s` sắc, `f` huyền, `r` hỏi, `x` ngã, `j` nặng; `z` removes the tone;
/// - marks may come late: `tiengs` → tiếng, `muaw` → mưa, `ded` → đe;
/// - a key typed again undoes and becomes a letter: `ass` → as, `aaa` → aa, `ddd` → dd;
/// - the tone sits on the vowel modern spelling puts it on (``toneIndex(_:_:)``): the last
///   vowel with a mark, else the last before a final consonant, else the middle of three,
///   else the first (hòa, thủy, khỏe, mía, múa), with gi/qu read as consonants (giữ, quý).
///
/// Nothing is remembered between keys: every key re-reads the last word of the text. That
/// is why a key only acts on a word that could be Vietnamese (``isVietnamese(_:_:)``);
/// "as" (after `ass`) cannot take a tone any more, so `asss` → "ass", and English such as
/// "Windows" or "Facebook" passes through. Output is NFC.
public enum Telex {
    /// Applies one typed character to the text before the cursor and returns the new text
    /// (the engine only rewrites the last word: the run of letters at the end of `text`).
    public static func type(_ c: Character, after text: String) -> String {
        guard c.isLetter else { return (text + String(c)).precomposedStringWithCanonicalMapping }
        var start = text.endIndex
        while start > text.startIndex, text[text.index(before: start)].isLetter {
            start = text.index(before: start)
        }
        let word = rewrite(String(text[start...]), with: c)
        return (String(text[..<start]) + word).precomposedStringWithCanonicalMapping
    }

    /// Converts a whole Telex string ("Suoois Giangf" → "Suối Giàng"), word by word, as if typed key by key.
    public static func convert(_ typed: String) -> String {
        var settled = "" // everything before the current word: no key can change it any more
        var word = ""
        for c in typed {
            if c.isLetter {
                word = rewrite(word, with: c)
            } else {
                settled += word
                settled.append(c)
                word = ""
            }
        }
        return (settled + word).precomposedStringWithCanonicalMapping
    }
}

// MARK: - Tables

extension Telex {
    /// Marks that make a different letter (a → â), as opposed to tones.
    enum Mark: Hashable {
        case none, circumflex, breve, horn, stroke
    }

    /// The six tones; `level` (ngang) is "no mark".
    enum Tone: Hashable {
        case level, acute, grave, hook, tilde, dot
    }

    /// Tone keys. `z` is not here: it removes the tone rather than setting one.
    static let toneKeys: [String: Tone] = [
        "s": .acute, // sắc
        "f": .grave, // huyền
        "r": .hook,  // hỏi
        "x": .tilde, // ngã
        "j": .dot,   // nặng
    ]
    static let toneRemovalKey = "z"

    static let toneScalars: [Tone: Unicode.Scalar] = [
        .acute: "\u{301}", .grave: "\u{300}", .hook: "\u{309}", .tilde: "\u{303}", .dot: "\u{323}",
    ]
    static let markScalars: [Mark: Unicode.Scalar] = [
        .circumflex: "\u{302}", .breve: "\u{306}", .horn: "\u{31B}",
    ]

    /// Which base letters can carry which mark: exactly the Vietnamese letters â ă ê ô ơ ư đ.
    /// A letter with any other mark (é is fine, ü is not) is foreign and stops the engine.
    static let markable: [Mark: Set<Character>] = [
        .circumflex: ["a", "e", "o"],
        .breve: ["a"],
        .horn: ["o", "u"],
        .stroke: ["d"],
    ]

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// Written onsets. "gi" and "qu" are single consonants: their i/u is not a vowel of the
    /// syllable when another vowel follows (già, quý), which matters for tone placement.
    static let onsets: Set<String> = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
        "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
    ]

    /// Final consonants. "k" is not standard spelling but is in province names from
    /// minority languages (Đắk Lắk, Đắk Nông), which officers type daily.
    static let codas: Set<String> = ["", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"]

    /// Every vowel group (nucleus plus final semivowel) of Vietnamese, with its marks. A mark
    /// key only acts when the result is one of these: "oa" + w is oă (the a takes the breve,
    /// because ơa does not exist), "ua" + w is ưa, "ao" + w stays "aow".
    static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
        "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
    ]

    /// The same groups without marks: what a word may hold while its marks are still to be
    /// typed ("tieng" before the e of tiếng). "aa" is not here, so "aa" + a stays "aaa".
    static let baseNuclei: Set<String> = Set(nuclei.map { nucleus in
        String(String.UnicodeScalarView(nucleus.decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)))
    })
}

// MARK: - Letters

extension Telex {
    /// One letter of the word, taken apart: the base, its mark, its tone and its case.
    struct Letter: Equatable {
        var base: Character       // lowercase ASCII; đ is "d" with `.stroke`
        var mark = Mark.none
        var tone = Tone.level
        var isUppercase = false
        var foreign: Character?   // a letter the engine does not know, kept verbatim

        var isVowel: Bool { foreign == nil && mark != .stroke && vowels.contains(base) }
    }

    static func letter(_ c: Character) -> Letter {
        let foreign = Letter(base: c, foreign: c)
        let lower = c.lowercased()
        if lower == "đ" { return Letter(base: "d", mark: .stroke, isUppercase: c.isUppercase) }
        // NFD gives base + marks in canonical order (ệ is e, dot below, circumflex): any order works.
        var scalars = lower.decomposedStringWithCanonicalMapping.unicodeScalars.makeIterator()
        guard let first = scalars.next(), ("a"..."z").contains(first) else { return foreign }
        var letter = Letter(base: Character(first), isUppercase: c.isUppercase)
        while let scalar = scalars.next() {
            if let mark = markScalars.first(where: { $0.value == scalar })?.key,
               letter.mark == .none, markable[mark]?.contains(letter.base) == true {
                letter.mark = mark
            } else if let tone = toneScalars.first(where: { $0.value == scalar })?.key, letter.tone == .level {
                letter.tone = tone
            } else {
                return foreign
            }
        }
        return letter
    }

    static func render(_ letter: Letter) -> String {
        if let foreign = letter.foreign { return String(foreign) }
        var s = letter.mark == .stroke ? "đ" : String(letter.base) // đ has no decomposition
        if let mark = markScalars[letter.mark] { s.unicodeScalars.append(mark) }
        if let tone = toneScalars[letter.tone] { s.unicodeScalars.append(tone) }
        s = s.precomposedStringWithCanonicalMapping
        return letter.isUppercase ? s.uppercased() : s
    }

    /// Lowercase spelling without vowel marks or tones (but with đ): for onsets, codas, baseNuclei.
    static func plainSpelling(_ letters: ArraySlice<Letter>) -> String {
        letters.map { $0.mark == .stroke ? "đ" : String($0.base) }.joined()
    }

    /// Lowercase spelling with vowel marks, without tones: for `nuclei`.
    static func markedSpelling(_ letters: ArraySlice<Letter>) -> String {
        letters.map { render(Letter(base: $0.base, mark: $0.mark)) }.joined()
    }
}

// MARK: - Syllable

extension Telex {
    /// Where onset, vowel group and final consonant are in a word's letters.
    struct Syllable {
        var onset: Range<Int>
        var nucleus: Range<Int>
        var coda: Range<Int>
    }

    /// Splits a word into consonants, one run of vowels, consonants; nil when that is not its
    /// shape (two vowel runs as in "email", or a foreign letter).
    static func syllable(_ w: [Letter]) -> Syllable? {
        guard w.allSatisfy({ $0.foreign == nil }) else { return nil }
        var start = w.firstIndex(where: \.isVowel) ?? w.count
        if start < w.count {
            let onset = plainSpelling(w[..<start])
            if onset == "g", w[start].base == "i", start + 1 < w.count, w[start + 1].isVowel {
                start += 1 // gia, giữ, giường: gi is the consonant (but gì, gìn: i is the vowel)
            } else if onset == "q", w[start].base == "u" {
                start += 1 // qu is always a consonant: quý, quả, quốc
            }
        }
        var end = start
        while end < w.count, w[end].isVowel { end += 1 }
        guard !w[end...].contains(where: \.isVowel) else { return nil }
        return Syllable(onset: 0..<start, nucleus: start..<end, coda: end..<w.count)
    }

    /// Could this still be a Vietnamese syllable? Keys act only then, so English words and
    /// names (f j w z onsets, codas such as s) keep their letters, and an undone key stays a
    /// letter: after `ass` → "as", the word ends in s and no tone applies any more.
    static func isVietnamese(_ w: [Letter], _ s: Syllable) -> Bool {
        onsets.contains(plainSpelling(w[s.onset]))
            && codas.contains(plainSpelling(w[s.coda]))
            && (s.nucleus.isEmpty || baseNuclei.contains(plainSpelling(w[s.nucleus])))
    }

    /// The vowel that carries the tone.
    ///
    /// 1. A vowel with a mark wins, the last one if two (người, rượu, tiếng, thuở, mưa).
    /// 2. Else, before a final consonant, the last vowel (hoàn, toán, huỳnh, khoét).
    /// 3. Else, of three vowels the middle one (ngoài, khuỷu, xoáy).
    /// 4. Else the first of two (mía, múa, hai, hòa, thủy, khỏe): for oa/oe/uy this is the
    ///    placement most government text uses ("hòa", not "hoà").
    static func toneIndex(_ w: [Letter], _ s: Syllable) -> Int {
        let n = s.nucleus
        if let marked = n.last(where: { w[$0].mark != .none }) { return marked }
        if !s.coda.isEmpty { return n.upperBound - 1 }
        if n.count == 3 { return n.lowerBound + 1 }
        return n.lowerBound
    }

    /// Puts the word's tone where it belongs now; needed after every key, because letters
    /// and marks move it (hòa + n → hoàn, thủo + w → thưở).
    static func retoned(_ w: [Letter]) -> [Letter] {
        guard let s = syllable(w), !s.nucleus.isEmpty, isVietnamese(w, s),
              let tone = w.first(where: { $0.tone != .level })?.tone else { return w }
        var out = w.map { letter in var l = letter; l.tone = .level; return l }
        out[toneIndex(out, s)].tone = tone
        return out
    }
}

// MARK: - Keys

extension Telex {
    /// The last word after one more key.
    static func rewrite(_ word: String, with key: Character) -> String {
        applying(key, to: word.map(letter)).map(render).joined()
    }

    static func applying(_ key: Character, to w: [Letter]) -> [Letter] {
        let k = key.lowercased()
        let typed = letter(key) // what the key is as a plain letter, in the case it was typed
        if let out = applyingTone(k, typed, to: w) ?? applyingMark(k, typed, to: w) {
            return retoned(out)
        }
        return retoned(w + [typed])
    }

    static func applyingTone(_ k: String, _ typed: Letter, to w: [Letter]) -> [Letter]? {
        let key: Tone? = k == toneRemovalKey ? .level : toneKeys[k]
        guard let tone = key else { return nil }
        guard let s = syllable(w), !s.nucleus.isEmpty, isVietnamese(w, s) else { return nil }
        let current = w.first(where: { $0.tone != .level })?.tone ?? .level
        var out = w.map { letter in var l = letter; l.tone = .level; return l }
        if tone == current {
            // The same tone key again means the letter was wanted (ass → as). A z on a word
            // without a tone is a plain z.
            return tone == .level ? nil : out + [typed]
        }
        out[toneIndex(out, s)].tone = tone // a different tone replaces the old one (asf → à)
        return out
    }

    static func applyingMark(_ k: String, _ typed: Letter, to w: [Letter]) -> [Letter]? {
        guard let s = syllable(w), isVietnamese(w, s) else { return nil }
        switch k {
        case "d":
            // Only the onset d becomes đ; again, it goes back and the key is a letter (ddd → dd).
            guard s.onset == 0..<1, w[0].base == "d" else { return nil }
            var out = w
            if out[0].mark == .stroke {
                out[0].mark = .none
                return out + [typed]
            }
            out[0].mark = .stroke
            return out
        case "a", "e", "o":
            let targets = s.nucleus.filter { String(w[$0].base) == k }
            if let marked = targets.first(where: { w[$0].mark == .circumflex }) {
                var out = w // aaa → aa
                out[marked].mark = .none
                return out + [typed]
            }
            // ă + a → â and ơ + o → ô: the circumflex replaces the other mark.
            return firstValid(targets.map { [($0, .circumflex)] }, in: w, s)
        case "w":
            // uo takes the horn on both (ươ in người, được), also when one already has it
            // (nguwow: ưo + w).
            if let u = s.nucleus.dropLast().first(where: { w[$0].base == "u" && w[$0 + 1].base == "o" }),
               !(w[u].mark == .horn && w[u + 1].mark == .horn),
               let out = firstValid([[(u, .horn), (u + 1, .horn)]], in: w, s) {
                return out
            }
            let wMarked = s.nucleus.filter { w[$0].mark == .horn || w[$0].mark == .breve }
            if !wMarked.isEmpty {
                var out = w // aww → aw, ươ + w → uow
                for i in wMarked { out[i].mark = .none }
                return out + [typed]
            }
            let edits: [[(Int, Mark)]] = s.nucleus.compactMap { i in
                switch w[i].base {
                case "u", "o": [(i, .horn)]
                case "a": [(i, .breve)]
                default: nil
                }
            }
            return firstValid(edits, in: w, s)
        default:
            return nil
        }
    }

    /// The first edit whose vowel group is real Vietnamese: first keeping the other vowels'
    /// marks, then without them (ươ + o → uô, not ưô).
    static func firstValid(_ edits: [[(Int, Mark)]], in w: [Letter], _ s: Syllable) -> [Letter]? {
        for clearingOthers in [false, true] {
            for edit in edits {
                var out = w
                if clearingOthers {
                    for i in s.nucleus { out[i].mark = .none }
                }
                for (i, mark) in edit { out[i].mark = mark }
                if nuclei.contains(markedSpelling(out[s.nucleus])) { return out }
            }
        }
        return nil
    }
}
