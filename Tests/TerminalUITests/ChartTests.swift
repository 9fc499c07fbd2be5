import Testing
import TerminalUI

@Suite struct ChartTests {
    @Test func barChartScalesToTheLargestValue() {
        var buffer = Buffer(width: 24, height: 4)
        let chart = BarChart(bars: [
            .init(label: "Một", value: 10, role: .met),
            .init(label: nfd("Hai"), value: 5),
            .init(label: "Ba mươi", value: 2.5, role: .behind),
        ])
        chart.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "Một     ████████████  10",
            "Hai     ██████         5",
            "Ba mươi ███          2.5",
            "",
        ])
        #expect(roles(buffer) == [
            "        MMMMMMMMMMMM  MM",
            "",
            "        BBB          BBB",
            "",
        ])
    }

    @Test func barChartWithFixedMaximumAndValueText() {
        var buffer = Buffer(width: 20, height: 2)
        BarChart(bars: [
            .init(label: "A", value: 3, valueText: "3/12"),
            .init(label: "B", value: 12.5, valueText: "12,5"),
        ], maxValue: 12).render(into: &buffer, area: buffer.area)
        // Bars are 13 wide: 3/12 is 26 eighths; over the maximum is full.
        #expect(lines(buffer) == [
            "A ███▎          3/12",
            "B █████████████ 12,5",
        ])
    }

    @Test func sparklineLevelsAndGaps() {
        let spark = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, nil, 7])
        #expect(spark.glyphs == "▁▂▃▄▅▆▇█·█")
        var buffer = Buffer(width: 5, height: 1)
        spark.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == ["▆▇█·█"])
        #expect(Sparkline(values: [14, 7, 0, -3]).glyphs == "█▅▁▁")
        #expect(Sparkline(values: [2, 20], maxValue: 10).glyphs == "▂█")
        #expect(Sparkline(values: [nil, 0, nil], missing: " ").glyphs == " ▁ ")
        #expect(Sparkline(values: [0, 0]).glyphs == "▁▁")
    }
}
