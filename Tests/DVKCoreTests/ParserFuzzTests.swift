import Foundation
import Testing
@testable import DVKCore

typealias FuzzRandom = SeededRandom

/// Strings an officer, a paste or a damaged file could hand a parser.
enum FuzzText {
    static let pieces: [String] = [
        "0", "1", "2", "5", "9", "00", "000", "123", "999", "2025", "16", "03", "31", "12", "29", "02",
        ".", ",", "-", "+", "/", " ", "  ", "\t", "%", "e", "E", "e308", "e-5", "x", "0x",
        "tỷ", "ty", "TỶ", "triệu", "trieu", "nghìn", "ngàn", "đồng", "đ", "Đ", "VND", "k",
        "\u{0}", "\u{1B}", "\u{1B}[2J", "\u{7}", "\u{9B}", "\u{202E}", "\u{2028}", "\u{FEFF}", "\u{A0}", "\u{301}",
        "é", "ế", "٣", "５", "½", "Ⅻ", "🙂", "👨‍👩‍👧", "\n", "\r\n", "∞", "NaN", "inf",
    ]

    static func string(_ r: inout FuzzRandom) -> String {
        switch Int.random(in: 0..<10, using: &r) {
        case 0:
            // A run of digits far beyond any integer, perhaps grouped.
            let digits = String((0..<Int.random(in: 15...400, using: &r)).map { _ in "0123456789".randomElement(using: &r)! })
            return Bool.random(using: &r) ? digits : group(digits, &r)
        case 1: return "\(Int.random(in: -999_999...999_999, using: &r))e\(Int.random(in: -400...400, using: &r))"
        default:
            return (0..<Int.random(in: 0...8, using: &r)).map { _ in pieces.randomElement(using: &r)! }.joined()
        }
    }

    static func group(_ digits: String, _ r: inout FuzzRandom) -> String {
        let sep = [".", ",", " "].randomElement(using: &r)!
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += sep }
            out.append(c)
        }
        return out
    }

    static func date(_ r: inout FuzzRandom) -> String {
        if Bool.random(using: &r) {
            // Near-valid: the right shape, numbers at and past their edges, padding around.
            let d = Int.random(in: -1...32, using: &r), m = Int.random(in: -1...13, using: &r)
            let y = [Int.random(in: 0...99, using: &r), Int.random(in: 0...9999, using: &r), Int.random(in: 1999...2031, using: &r)]
                .randomElement(using: &r)!
            let pad = [" ", "", "\t", "\u{A0}"].randomElement(using: &r)!
            if Bool.random(using: &r) {
                func two(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
                return pad + "\(two(y, 4))-\(two(m, 2))-\(two(d, 2))" + pad
            }
            return pad + "\(d)/\(m)/\(y)" + pad
        }
        let part = { (r: inout FuzzRandom) -> String in
            switch Int.random(in: 0..<6, using: &r) {
            case 0: return String(Int.random(in: -99...99, using: &r))
            case 1: return String(Int.random(in: 0...99_999, using: &r))
            case 2: return String(repeating: "9", count: Int.random(in: 5...30, using: &r))
            case 3: return pieces.randomElement(using: &r)!
            default: return String(Int.random(in: 1...31, using: &r))
            }
        }
        let sep = ["/", "-", "/", ".", " "].randomElement(using: &r)!
        return (0..<Int.random(in: 1...4, using: &r)).map { _ in part(&r) }.joined(separator: sep)
    }
}

/// Parsers and the number limits fed generated strings (issue 7, section 6):
/// none may trap, and what the program prints must read back as the same value.
@Suite("Fuzz: numbers, dates, limits")
struct ParserFuzzTests {
    static let seed: UInt64 = 0xD7A_2025
    static let count = 20_000

    static let ranges: [ClosedRange<Int64>] = [
        NumberLimits.fundsVND, NumberLimits.workDays, NumberLimits.respondents, NumberLimits.countThreshold,
        NumberLimits.publishedCount, NumberLimits.percent, NumberLimits.year, NumberLimits.anyInteger,
        Int64.min...Int64.max, 0...Int64.max, Int64.min...0, -1...1,
    ]

    /// Doubles at the edges of what `Int64(_:)` accepts, where traps live.
    static let edges: [Double] = [
        .nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        9_223_372_036_854_775_808, -9_223_372_036_854_775_808, Double(Int64.max).nextDown, Double(Int64.max).nextUp,
        Double(Int64.min).nextDown, Double(Int64.min).nextUp, 0.5, -0.5, 1.5, 2.5, 1e15, 1e18, 1e19, 1e300,
    ]

    static func checkLimits(_ v: Double) {
        for range in ranges {
            if let n = NumberLimits.integer(v, in: range) {
                #expect(range.contains(n) && Double(n) == v, "integer(\(v), in: \(range)) = \(n)")
            }
            if let n = NumberLimits.rounded(v, in: range) {
                #expect(range.contains(n) && Double(n) == v.rounded(), "rounded(\(v), in: \(range)) = \(n)")
            }
        }
    }

    @Test func numberParsingNeverTraps() {
        var r = FuzzRandom(seed: Self.seed)
        var parsed = 0
        for _ in 0..<Self.count {
            let text = FuzzText.string(&r)
            for value in [VietnameseNumber.parse(text), VietnameseNumber.parse(text, isCount: true)] {
                guard let v = value else { continue }
                parsed += 1
                #expect(!v.isNaN, "parse(\(text.debugDescription)) = NaN")
                Self.checkLimits(v)
                _ = VietnameseNumber.decimal(v)
                _ = VietnameseNumber.percent(v, .en)
            }
        }
        // The generator must reach the parser's success paths, not only its refusals.
        #expect(parsed > Self.count / 10)
    }

    @Test func limitsNeverTrapAtTheEdges() {
        var r = FuzzRandom(seed: Self.seed ^ 1)
        var values = Self.edges
        for _ in 0..<Self.count {
            let bits = Double(bitPattern: r.next())
            values.append(Bool.random(using: &r) ? bits : Double(Int64(bitPattern: r.next())) * Double.random(in: 0.5...2, using: &r))
        }
        for v in values { Self.checkLimits(v) }
    }

    @Test func integersReadBackAsPrinted() {
        var r = FuzzRandom(seed: Self.seed ^ 2)
        for i in 0..<Self.count {
            // Up to 2^53, where a Double still holds every integer.
            let n = i < 100 ? i : Int.random(in: -(1 << 53)...(1 << 53), using: &r) >> Int.random(in: 0...50, using: &r)
            for lang in Language.allCases {
                let text = VietnameseNumber.integer(n, lang)
                #expect(VietnameseNumber.parse(text, isCount: true) == Double(n), "\(n) → \(text)")
            }
        }
    }

    /// `decimal` groups thousands with the same mark a one-mark decimal uses
    /// (1.234 is 1234 printed, 1,234 read), so whole numbers of 1000 and more
    /// read back only as counts; the forms print those without grouping.
    @Test func decimalsReadBackAsPrinted() {
        var r = FuzzRandom(seed: Self.seed ^ 3)
        for _ in 0..<Self.count {
            let tenths = Int.random(in: -(1 << 40)...(1 << 40), using: &r) >> Int.random(in: 0...38, using: &r)
            let v = Double(tenths) / 10
            for lang in Language.allCases {
                let text = VietnameseNumber.decimal(v, lang)
                guard v != v.rounded() || abs(v) < 1000 else {
                    #expect(VietnameseNumber.parse(text, isCount: true) == v, "\(v) → \(text)")
                    continue
                }
                let back = VietnameseNumber.parse(text)
                #expect(back.map { abs($0 - v) < 1e-6 } == true, "\(v) → \(text) → \(String(describing: back))")
            }
        }
    }

    @Test func moneyPrintsForEveryAmount() {
        var r = FuzzRandom(seed: Self.seed ^ 4)
        for i in 0..<Self.count {
            let vnd = i == 0 ? Int64.min : i == 1 ? Int64.max : Int64(bitPattern: r.next()) >> Int.random(in: 0...63, using: &r)
            let text = VietnameseNumber.money(vnd, Bool.random(using: &r) ? .vi : .en)
            #expect(!text.isEmpty)
        }
    }

    @Test func dateParsingNeverTraps() {
        var r = FuzzRandom(seed: Self.seed ^ 5)
        var parsed = 0
        for i in 0..<Self.count {
            let text = i % 2 == 0 ? FuzzText.date(&r) : FuzzText.string(&r)
            guard let d = Day(parsing: text) else { continue }
            parsed += 1
            #expect((1...12).contains(d.month) && d.day >= 1 && d.day <= Day.daysIn(month: d.month, year: d.year), "\(text) → \(d)")
            _ = d.description
            _ = d.iso
        }
        #expect(parsed > Self.count / 50)
    }

    @Test func daysReadBackAsPrinted() {
        var r = FuzzRandom(seed: Self.seed ^ 6)
        for _ in 0..<Self.count {
            let year = Int.random(in: 1000...9999, using: &r), month = Int.random(in: 1...12, using: &r)
            let day = Day(year: year, month: month, day: Int.random(in: 1...Day.daysIn(month: month, year: year), using: &r))!
            #expect(Day(parsing: day.description) == day, "\(day.description)")
            #expect(Day(parsing: day.iso) == day, "\(day.iso)")
            // d/m/yy, as officers type this century's dates.
            if (2000...2099).contains(year) {
                #expect(Day(parsing: "\(day.day)/\(day.month)/\(String(year).suffix(2))") == day)
            }
        }
    }
}
