import Testing
import TerminalUI

/// Issue 8, "a gauge that lies": 9/10 and 10/10 drew the same bar. Below,
/// at and above the goal must read apart from the plain text alone: what
/// a .txt printout holds, and all a monochrome screen has once the roles'
/// colours are gone.
@Suite struct GaugeGoalTests {
    /// The dashboard's count gauge (`StatusStyle.gauge`): the bar runs to
    /// 1.2 × the goal, so the goal sits at 5/6 of it.
    static func count(_ n: Double, goal: Double = 10, label: String = "") -> Gauge {
        Gauge(value: n / (goal * 1.2), threshold: goal / (goal * 1.2), label: label, role: .met)
    }

    static func row(_ gauge: Gauge, width: Int) -> String {
        var buffer = Buffer(width: width, height: 1)
        gauge.render(into: &buffer, area: buffer.area)
        return lines(buffer)[0]
    }

    /// What a reader of the printout sees: the one mark, and the cells
    /// either side of it.
    static func reading(_ row: String) -> Gauge.Standing? {
        let cells = Array(row)
        let marks = cells.indices.filter { cells[$0] == "│" || cells[$0] == "┃" }
        guard marks.count == 1, let m = marks.first else { return nil }
        let before = cells[..<m], after = cells[(m + 1)...]
        if cells[m] == "│" {
            // Not reached: a thin mark, the fill stopping at least half a
            // cell short of it, nothing past it.
            let gap = before.last.map { "░▏▎▍▌".contains($0) } ?? true
            return gap && after.allSatisfy { $0 == "░" } ? .below : nil
        }
        // Reached: a heavy mark after full cells only.
        guard before.allSatisfy({ $0 == "█" }), let next = after.first else { return nil }
        if after.allSatisfy({ $0 == "░" }) { return .at }
        // Passed: at least half a cell filled right after the mark.
        return "▌▋▊▉█".contains(next) ? .above : nil
    }

    @Test func nineTenElevenOfTenReadApartInTheUnitsTable() {
        // The units table's cell: 14 columns, the label padded to 5, so an 8-cell bar.
        let rows = [0, 9, 10, 11, 25].map { n in
            Self.row(Self.count(Double(n), label: (n < 10 ? " " : "") + "\(n)/10"), width: 14)
        }
        #expect(rows == [
            "░░░░░░│░  0/10",
            "█████▍│░  9/10",
            "██████┃░ 10/10",
            "██████┃▌ 11/10",
            "██████┃█ 25/10",
        ])
        #expect(rows.map { Self.reading(String($0.prefix(8))) } == [.below, .below, .at, .above, .above])
    }

    @Test(arguments: [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 16, 20, 24, 31, 40, 57])
    func belowAtAboveAtEveryWidth(width: Int) {
        let goals: [(String, Double)] = [("count", 5.0 / 6), ("90%", 0.9), ("half", 0.5), ("100%", 1.0), ("5%", 0.05), ("over", 1.5)]
        for (name, t) in goals {
            let cases: [(Double, Gauge.Standing)] = [
                (0, .below), (0.9 * t, .below), (t * (1 - 1e-6), .below),
                (t, .at),
                (t * (1 + 1e-6), .above), (1.1 * t, .above), (2.5 * t, .above),
            ]
            var rows: [Gauge.Standing: String] = [:]
            for (v, expected) in cases {
                let gauge = Gauge(value: v, threshold: t, role: .met)
                #expect(gauge.standing == expected)
                let text = Self.row(gauge, width: width)
                #expect(Self.reading(text) == expected, "\(name) \(v) at \(width): \(text)")
                #expect(text.count == width)
                if expected == .at || v == 0.9 * t || v == 1.1 * t { rows[expected] = text }
            }
            // 9/10, 10/10 and 11/10 of the goal: three different rows.
            #expect(Set(rows.values).count == 3, "\(name) at \(width): \(rows)")
        }
    }

    @Test func theDashboardCountGaugeAtWidthsTenAndTwenty() {
        let ten = [0, 9, 10, 11, 25].map { Self.row(Self.count(Double($0)), width: 10) }
        #expect(ten == [
            "░░░░░░░░│░",
            "███████▏│░",
            "████████┃░",
            "████████┃▌",
            "████████┃█",
        ])
        let twenty = [0, 9, 10, 11, 25].map { Self.row(Self.count(Double($0)), width: 20) }
        #expect(twenty == [
            "░░░░░░░░░░░░░░░░│░░░",
            "██████████████▍░│░░░",
            "████████████████┃░░░",
            "████████████████┃█▌░",
            "████████████████┃███",
        ])
    }

    @Test func aGoalOfZeroIsMetByNothing() {
        #expect(Self.row(Gauge(value: 0, threshold: 0), width: 6) == "┃░░░░░")
        #expect(Self.row(Gauge(value: -0.1, threshold: 0), width: 6) == "│░░░░░")
        #expect(Self.row(Gauge(value: 0.01, threshold: 0), width: 6) == "┃▌░░░░")
    }

    @Test func oneCellHasRoomOnlyForTheMark() {
        #expect(Self.row(Self.count(9), width: 1) == "│")
        #expect(Self.row(Self.count(10), width: 1) == "┃")
    }

    @Test func withoutAGoalTheBarIsUnchanged() {
        #expect(Self.row(Gauge(value: 0.45), width: 10) == "████▌░░░░░")
        #expect(Gauge(value: 0.45).standing == nil)
        #expect(Gauge(value: 0.45, threshold: .nan).standing == nil)
    }
}
