import Foundation
import Testing
@testable import DVKCore

/// Types `keys` one at a time through `Telex.type`, as the terminal does.
private func typedKeyByKey(_ keys: String) -> String {
    keys.reduce("") { Telex.type($1, after: $0) }
}

private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

/// Every vowel (a ă â e ê i o ô ơ u ư y) with every tone: ngang, sắc, huyền, hỏi, ngã, nặng.
/// The expected forms are written out, not computed, so the table checks the engine.
private let vowelGrid: [(keys: String, forms: [String])] = [
    ("a", ["a", "á", "à", "ả", "ã", "ạ"]),
    ("aw", ["ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"]),
    ("aa", ["â", "ấ", "ầ", "ẩ", "ẫ", "ậ"]),
    ("e", ["e", "é", "è", "ẻ", "ẽ", "ẹ"]),
    ("ee", ["ê", "ế", "ề", "ể", "ễ", "ệ"]),
    ("i", ["i", "í", "ì", "ỉ", "ĩ", "ị"]),
    ("o", ["o", "ó", "ò", "ỏ", "õ", "ọ"]),
    ("oo", ["ô", "ố", "ồ", "ổ", "ỗ", "ộ"]),
    ("ow", ["ơ", "ớ", "ờ", "ở", "ỡ", "ợ"]),
    ("u", ["u", "ú", "ù", "ủ", "ũ", "ụ"]),
    ("uw", ["ư", "ứ", "ừ", "ử", "ữ", "ự"]),
    ("y", ["y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"]),
]
private let toneKeys = ["", "s", "f", "r", "x", "j"] // same order as `forms`

/// 72 cases: vowel keys + tone key → the toned vowel.
private let vowelToneCases: [(String, String)] = vowelGrid.flatMap { row in
    zip(toneKeys, row.forms).map { (row.keys + $0, $1) }
}

/// Words and place names an officer types, in Telex, with what they must become.
private let words: [(String, String)] = [
    // The examples of the brief.
    ("Suoois Giangf", "Suối Giàng"),
    ("ddaf", "đà"),
    ("khoong", "không"),
    ("nguwowif", "người"),
    ("Vieetj Nam", "Việt Nam"),
    ("Daan vaanj kheos", "Dân vận khéo"),
    // Provinces and cities.
    ("Haf Nooij", "Hà Nội"),
    ("Hoof Chis Minh", "Hồ Chí Minh"),
    ("DDaf Nawngx", "Đà Nẵng"),
    ("Hair Phongf", "Hải Phòng"),
    ("Caanf Thow", "Cần Thơ"),
    ("Thuwaf Thieen Huees", "Thừa Thiên Huế"),
    ("Quangr Trij", "Quảng Trị"),
    ("Quangr Ninh", "Quảng Ninh"),
    ("Quangr Binhf", "Quảng Bình"),
    ("Khanhs Hoaf", "Khánh Hòa"),
    ("Thanh Hoas", "Thanh Hóa"),
    ("Ngheej An", "Nghệ An"),
    ("Haf Tinhx", "Hà Tĩnh"),
    ("Laam DDoongf", "Lâm Đồng"),
    ("DDoongf Nai", "Đồng Nai"),
    ("Binhf Duwowng", "Bình Dương"),
    ("Taay Ninh", "Tây Ninh"),
    ("Bacj Lieeu", "Bạc Liêu"),
    ("Caf Mau", "Cà Mau"),
    ("Kieen Giang", "Kiên Giang"),
    ("An Giang", "An Giang"),
    ("Vungx Tauf", "Vũng Tàu"),
    ("Bawcs Giang", "Bắc Giang"),
    ("Bawcs Ninh", "Bắc Ninh"),
    ("Laof Cai", "Lào Cai"),
    ("Yeen Bais", "Yên Bái"),
    ("Tuyeen Quang", "Tuyên Quang"),
    ("Sown La", "Sơn La"),
    ("DDieenj Bieen", "Điện Biên"),
    ("Hoaf Binhf", "Hòa Bình"),
    ("Phus Yeen", "Phú Yên"),
    ("Gia Lai", "Gia Lai"),
    ("Kon Tum", "Kon Tum"),
    ("DDawks Lawks", "Đắk Lắk"),
    ("DDawks Noong", "Đắk Nông"),
    ("Buoon Ma Thuootj", "Buôn Ma Thuột"),
    ("Truwowngf Sa", "Trường Sa"),
    ("Hoangf Sa", "Hoàng Sa"),
    ("Muwowngf Lats", "Mường Lát"),
    // Government and mass-mobilisation words.
    ("chinhs quyeenf", "chính quyền"),
    ("nhaan daan", "nhân dân"),
    ("cans booj", "cán bộ"),
    ("ddangr vieen", "đảng viên"),
    ("daan vaanj", "dân vận"),
    ("moo hinhf", "mô hình"),
    ("hieeuj quar", "hiệu quả"),
    ("ddanhs gias", "đánh giá"),
    ("keets quar", "kết quả"),
    ("baos caos", "báo cáo"),
    ("quoocs phongf", "quốc phòng"),
    ("an ninh", "an ninh"),
    ("xax", "xã"),
    ("huyeenj", "huyện"),
    ("tinhr", "tỉnh"),
    ("thoon banr", "thôn bản"),
    ("aaps", "ấp"),
    ("hooj gia ddinhf", "hộ gia đình"),
    ("quyeets ddinhj", "quyết định"),
    ("tieengs Vieetj", "tiếng Việt"),
    ("ddoanf thanh nieen", "đoàn thanh niên"),
    ("hooij phuj nuwx", "hội phụ nữ"),
    ("cuwju chieens binh", "cựu chiến binh"),
    ("nawm", "năm"),
    ("thangs", "tháng"),
    ("ngayf", "ngày"),
    ("tuaanf", "tuần"),
    ("mootj", "một"),
    // Common words, chosen for their vowel groups and tone placement.
    ("dduwowcj", "được"),
    ("nhuwngx", "những"),
    ("cuar", "của"),
    ("vaf", "và"),
    ("laf", "là"),
    ("cos", "có"),
    ("gif", "gì"),
    ("giaf", "già"),
    ("giuwx", "giữ"),
    ("giuwxa", "giữa"),
    ("quys", "quý"),
    ("quar", "quả"),
    ("thuyr", "thủy"),
    ("hoaf", "hòa"),
    ("khoer", "khỏe"),
    ("hoanf", "hoàn"),
    ("toans", "toán"),
    ("khoets", "khoét"),
    ("huyfnh", "huỳnh"),
    ("hoawcj", "hoặc"),
    ("ngoaif", "ngoài"),
    ("xoays", "xoáy"),
    ("ngoeoj", "ngoẹo"),
    ("khuyur", "khuỷu"),
    ("khuaays", "khuấy"),
    ("ruwowuj", "rượu"),
    ("tuwowis", "tưới"),
    ("yeeu", "yêu"),
    ("nguyeenx", "nguyễn"),
    ("khuyeets", "khuyết"),
    ("thuwowngf", "thường"),
    ("muwa", "mưa"),
    ("guwir", "gửi"),
    ("huwu", "hưu"),
    ("mias", "mía"),
    ("muas", "múa"),
    ("kiaf", "kìa"),
    ("xooong", "xoong"),
    ("ddi", "đi"),
    ("ddeemf", "đềm"),
]

/// Telex lets marks and tones come late, after the vowel group or the final consonant.
private let lateMarks: [(String, String)] = [
    ("tieengs", "tiếng"),  // tone after the final consonant
    ("tiengse", "tiếng"),  // circumflex after the tone and the final consonant
    ("muaw", "mưa"),       // w after the whole vowel group
    ("nguoiwf", "người"),  // uo + w → ươ at any time
    ("uow", "ươ"),
    ("asw", "ắ"),          // breve after the tone
    ("ofo", "ồ"),
    ("hoafn", "hoàn"),     // the tone moves when the word grows
    ("thuorw", "thưở"),    // ... and when a mark is added
    ("gifa", "già"),       // gi + a: the i was a consonant after all
    ("ded", "đe"),
]

@Suite struct TelexTests {
    @Test(arguments: vowelToneCases)
    func everyVowelTakesEveryTone(keys: String, expected: String) {
        #expect(Telex.convert(keys) == expected)
    }

    @Test func vowelGridIsComplete() {
        #expect(vowelToneCases.count == 72)
        #expect(Set(vowelToneCases.map(\.1)).count == 72)
    }

    @Test(arguments: words)
    func wordsAndPlaceNames(keys: String, expected: String) {
        #expect(Telex.convert(keys) == expected)
    }

    @Test func wordTableIsLarge() {
        #expect(words.count >= 100)
    }

    @Test(arguments: lateMarks)
    func marksAndTonesMayComeLate(keys: String, expected: String) {
        #expect(Telex.convert(keys) == expected)
    }

    @Test(arguments: vowelToneCases + words + lateMarks)
    func typingKeyByKeyEqualsConvert(keys: String, expected: String) {
        #expect(typedKeyByKey(keys) == Telex.convert(keys))
        #expect(typedKeyByKey(keys) == expected)
    }

    /// Random key runs (a fixed generator, so failures reproduce): no crash, the two entry
    /// points agree, and the result is NFC.
    @Test func randomKeysAgreeKeyByKeyAndStayNFC() {
        let keys = Array("aaeeoouuiydwwsfrxjzngthcmpqkvlADWSOU ,.1đéüÂ")
        var state: UInt64 = 0x5EED
        for _ in 0..<400 {
            var typed = ""
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                typed.append(keys[Int(state >> 33) % keys.count])
            }
            let out = Telex.convert(typed)
            #expect(typedKeyByKey(typed) == out, "\(typed)")
            #expect(scalars(out) == scalars(out.precomposedStringWithCanonicalMapping), "\(typed)")
        }
    }

    // MARK: Removing and undoing

    @Test func zRemovesTheTone() {
        #expect(Telex.convert("asz") == "a")
        #expect(Telex.convert("Vieetjz") == "Viêt")
        #expect(Telex.convert("nguwowifz") == "ngươi")
        #expect(Telex.convert("az") == "az")   // no tone: a plain z
        #expect(Telex.convert("zoo") == "zoo") // z onset: not Vietnamese, no marks
    }

    @Test func toneKeyTwiceUndoesTheMarkAndTypesTheLetter() {
        #expect(Telex.convert("ass") == "as")
        #expect(Telex.convert("aff") == "af")
        #expect(Telex.convert("arr") == "ar")
        #expect(Telex.convert("axx") == "ax")
        #expect(Telex.convert("ajj") == "aj")
        #expect(Telex.convert("asss") == "ass") // "as" cannot take a tone: s is no final consonant
        #expect(Telex.convert("tieengss") == "tiêngs")
        #expect(Telex.convert("Ass") == "As")
    }

    @Test func markKeyTwiceUndoesTheMarkAndTypesTheLetter() {
        #expect(Telex.convert("aaa") == "aa")
        #expect(Telex.convert("aaaa") == "aaa")
        #expect(Telex.convert("aww") == "aw")
        #expect(Telex.convert("eee") == "ee")
        #expect(Telex.convert("ooo") == "oo")
        #expect(Telex.convert("oww") == "ow")
        #expect(Telex.convert("uww") == "uw")
        #expect(Telex.convert("uoww") == "uow")
        #expect(Telex.convert("ddd") == "dd")
        #expect(Telex.convert("DDD") == "DD")
    }

    @Test func anotherMarkReplacesTheMark() {
        #expect(Telex.convert("aaw") == "ă")
        #expect(Telex.convert("awa") == "â")
        #expect(Telex.convert("oow") == "ơ")
        #expect(Telex.convert("owo") == "ô")
    }

    @Test func anotherToneReplacesTheTone() {
        #expect(Telex.convert("asf") == "à")
        #expect(Telex.convert("afs") == "á")
        #expect(Telex.convert("Vieetjs") == "Viết")
        #expect(Telex.convert("nguwowifr") == "ngưởi")
        #expect(Telex.convert("ddaxj") == "đạ")
    }

    // MARK: Case

    @Test func caseIsPreserved() {
        #expect(Telex.convert("Vieetj") == "Việt")
        #expect(Telex.convert("VIEETJ") == "VIỆT")
        #expect(Telex.convert("VIEETJ NAM") == "VIỆT NAM")
        #expect(Telex.convert("DDAF NAWNGX") == "ĐÀ NẴNG")
        #expect(Telex.convert("NGUWOWIF") == "NGƯỜI")
        #expect(Telex.convert("DD") == "Đ")
        #expect(Telex.convert("Dd") == "Đ")
        #expect(Telex.convert("dd") == "đ")
        #expect(Telex.convert("Aa") == "Â")
        #expect(Telex.convert("AAA") == "AA")
        #expect(Telex.convert("QUOOCS") == "QUỐC")
        #expect(Telex.convert("quoOcS") == "quốc") // keys act in any case; letters keep theirs
    }

    // MARK: Not Vietnamese

    @Test func keysThatCannotApplyAreLetters() {
        #expect(Telex.convert("s") == "s")          // no vowel to take the tone
        #expect(Telex.convert("ngs") == "ngs")
        #expect(Telex.convert("fas") == "fas")      // f onset
        #expect(Telex.convert("jaf") == "jaf")      // j onset
        #expect(Telex.convert("wow") == "wow")      // w onset
        #expect(Telex.convert("Windows") == "Windows")
        #expect(Telex.convert("email") == "email")  // two vowel groups
        #expect(Telex.convert("Facebook") == "Facebook")
        #expect(Telex.convert("w") == "w")
        #expect(Telex.convert("aow") == "aow")      // no Vietnamese vowel group to make
        #expect(Telex.convert("naaas") == "naas")   // "aa" is no vowel group: s is a letter
    }

    // MARK: The text around the word

    @Test func typeRewritesOnlyTheLastWord() {
        #expect(Telex.type("s", after: "Xin chao") == "Xin cháo")
        #expect(Telex.type("f", after: "as: ") == "as: f")   // no word before the cursor
        #expect(Telex.type("s", after: "1a") == "1á")        // digits end the word
        #expect(Telex.type(" ", after: "Vieet") == "Vieet ") // only letters are keys
        #expect(Telex.type("a", after: "") == "a")
    }

    @Test func convertKeepsPunctuationAndSpacing() {
        #expect(Telex.convert("Xin chaof, thees nafo?") == "Xin chào, thế nào?")
        #expect(Telex.convert("  ddi  ") == "  đi  ")
        #expect(Telex.convert("") == "")
        #expect(Telex.convert("Toor 3, xax A") == "Tổ 3, xã A")
    }

    @Test func outputIsNFCEvenForNFDInput() {
        let nfdWord = "Vie\u{302}t" // Viêt, decomposed
        #expect(scalars(Telex.type("j", after: nfdWord)) == scalars("Vi\u{1EC7}t"))
        #expect(scalars(Telex.type(" ", after: nfdWord)) == scalars("Vi\u{EA}t "))
        for (keys, _) in words {
            let out = Telex.convert(keys)
            #expect(scalars(out) == scalars(out.precomposedStringWithCanonicalMapping))
        }
    }
}
