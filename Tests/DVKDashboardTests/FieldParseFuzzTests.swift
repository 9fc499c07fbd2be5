import DVKCore
import Foundation
import Testing
@testable import DVKDashboard

/// The form's readers (`FieldParse`) fed generated text for every kind of
/// number field and range: never a trap, and a value only inside its range.
@Suite("Fuzz: form number fields")
struct FieldParseFuzzTests {
    static let pieces: [String] = ["0", "1", "9", "000", "999", "2025", ".", ",", "-", "+", " ", "%", "e", "/",
                                   "tỷ", "ty", "triệu", "nghìn", "đồng", "đ", "\u{0}", "\u{1B}", "\u{202E}", "٣", "５", "🙂"]

    static func text(_ r: inout FuzzRandom) -> String {
        if r.chance(15) { return String(repeating: "9", count: Int.random(in: 10...400, using: &r)) + r.pick(["", " tỷ", ",5"]) }
        return (0..<Int.random(in: 0...8, using: &r)).map { _ in r.pick(pieces) }.joined()
    }

    static let specs: [FieldSpec] = [
        FieldSpec(.fundsVND, "Kinh phí", .money, range: NumberLimits.fundsVND),
        FieldSpec(.workDays, "Ngày công", .count, range: NumberLimits.workDays),
        FieldSpec(.respondents, "Số người", .count, range: NumberLimits.respondents),
        FieldSpec(.percent, "Hài lòng", .decimal, required: true, range: NumberLimits.percent),
        FieldSpec(.threshold, "Ngưỡng", .decimal, range: NumberLimits.countThreshold),
        FieldSpec(.year, "Năm", .year, required: true, range: 2000...2030),
        FieldSpec(.minPerField, "Không giới hạn", .count),
    ]

    @Test func numberFieldsNeverTrapAndKeepToTheirRange() {
        var r = FuzzRandom(seed: 0xF0E1)
        var accepted = 0
        for _ in 0..<20_000 {
            let typed = Self.text(&r)
            _ = FieldParse.money(typed)
            for spec in Self.specs {
                let problem = FieldParse.problem(spec, typed)
                if let p = problem { _ = ValidationIssue(field: spec.key.rawValue, problem: p).message(r.chance(50) ? .vi : .en) }
                guard let n = FieldParse.integer(spec, typed) else { continue }
                if let range = spec.range { #expect(range.contains(Int64(n)), "\(spec.key): \(typed.debugDescription) → \(n)") }
                if problem == nil, spec.kind != .decimal { accepted += 1 }
            }
        }
        #expect(accepted > 1_000)
    }

    /// Money printed by the program reads back within the rounding of its one decimal.
    @Test func moneyReadsBackAsPrinted() {
        var r = FuzzRandom(seed: 0xF0E2)
        for _ in 0..<10_000 {
            let vnd = Int64.random(in: 0...NumberLimits.fundsVND.upperBound, using: &r) >> Int.random(in: 0...50, using: &r)
            let text = VietnameseNumber.money(vnd)
            let back = FieldParse.money(text)
            let unit = vnd >= 1_000_000_000 ? 1e9 : vnd >= 1_000_000 ? 1e6 : 1
            #expect(back.map { abs($0 - Double(vnd)) <= unit * 0.05 + 0.5 } == true, "\(vnd) → \(text) → \(String(describing: back))")
        }
    }
}
