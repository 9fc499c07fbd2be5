import Testing
import TerminalUI

@Suite struct GaugeTests {
    func draw(_ gauge: Gauge, width: Int = 10) -> Buffer {
        var buffer = Buffer(width: width, height: 1)
        gauge.render(into: &buffer, area: buffer.area)
        return buffer
    }

    @Test func valuesAtZeroHalfFullAndAbove() {
        #expect(lines(draw(Gauge(value: 0, role: .behind))) == ["░░░░░░░░░░"])
        #expect(roles(draw(Gauge(value: 0, role: .behind))) == ["mmmmmmmmmm"])
        #expect(lines(draw(Gauge(value: 0.5, role: .atRisk))) == ["█████░░░░░"])
        #expect(roles(draw(Gauge(value: 0.5, role: .atRisk))) == ["AAAAAmmmmm"])
        #expect(lines(draw(Gauge(value: 1, role: .met))) == ["██████████"])
        // Over 100% still draws a full bar, never more.
        #expect(draw(Gauge(value: 1.3, role: .met)) == draw(Gauge(value: 1, role: .met)))
        #expect(lines(draw(Gauge(value: -0.2))) == ["░░░░░░░░░░"])
        #expect(lines(draw(Gauge(value: .nan))) == ["░░░░░░░░░░"])
    }

    @Test func eighthBlockResolution() {
        #expect(lines(draw(Gauge(value: 0.45))) == ["████▌░░░░░"])
        #expect(lines(draw(Gauge(value: 0.0125))) == ["▏░░░░░░░░░"])
        #expect(lines(draw(Gauge(value: 0.9875))) == ["█████████▉"])
        // 0.29 × 200 is 57.99999… in binary: still 58 eighths (7 full and ▎).
        #expect(lines(draw(Gauge(value: 0.29), width: 25)) == ["███████▎" + String(repeating: "░", count: 17)])
        // Just under full never looks full.
        #expect(lines(draw(Gauge(value: 0.999))) == ["█████████▉"])
    }

    @Test func thresholdMarkHasACellOfItsOwn() {
        // 0.45 of a goal at 0.8: the 8 cells before the mark stand for 0...0.8.
        #expect(lines(draw(Gauge(value: 0.45, threshold: 0.8, role: .atRisk))) == ["████▌░░░│░"])
        #expect(roles(draw(Gauge(value: 0.45, threshold: 0.8, role: .atRisk))) == ["AAAAAmmmAm"])
        // Above: the fill goes on past a heavy mark (1.3 clamps to a full bar).
        #expect(lines(draw(Gauge(value: 1.3, threshold: 0.9, role: .met))) == ["████████┃█"])
        #expect(roles(draw(Gauge(value: 1.3, threshold: 0.9, role: .met))) == ["MMMMMMMMMM"])
        // A goal of 1 still leaves the last cell for "above".
        #expect(lines(draw(Gauge(value: 0.5, threshold: 1.0))) == ["████░░░░│░"])
        #expect(lines(draw(Gauge(value: 1, threshold: 1.0))) == ["████████┃░"])
        #expect(lines(draw(Gauge(value: 0.5, threshold: 0))) == ["┃████▌░░░░"])
        #expect(lines(draw(Gauge(value: 0.5, threshold: 0.8, thresholdMark: "|", reachedMark: "#"))) == ["█████░░░|░"])
        #expect(lines(draw(Gauge(value: 0.8, threshold: 0.8, thresholdMark: "|", reachedMark: "#"))) == ["████████#░"])
        #expect(lines(draw(Gauge(value: .nan, threshold: 0.8))) == ["░░░░░░░░│░"])
    }

    @Test func labelAtTheRight() {
        let gauge = Gauge(value: 0.925, threshold: 0.9, label: "92,5%", role: .met)
        #expect(lines(draw(gauge, width: 16)) == ["████████┃▌ 92,5%"])
        #expect(roles(draw(gauge, width: 16)) == ["MMMMMMMMMM MMMMM"])
        #expect(lines(draw(Gauge(value: 1, label: "10/10", role: .met), width: 12)) == ["██████ 10/10"])
        // Too narrow for both: the number wins; narrower still, the bar alone.
        #expect(lines(draw(gauge, width: 6)) == [" 92,5%"])
        #expect(lines(draw(Gauge(value: 0.925, label: "92,5%"), width: 3)) == ["██▊"])
    }

    @Test func drawsOnlyItsRowInsideTheArea() {
        var buffer = Buffer(width: 14, height: 3)
        Gauge(value: 0.5, label: "1/2").render(into: &buffer, area: Rect(x: 2, y: 1, width: 10, height: 1))
        #expect(lines(buffer) == ["", "  ███░░░ 1/2", ""])
    }
}
