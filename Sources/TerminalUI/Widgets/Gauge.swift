/// A one-row progress bar with 1/8-cell resolution, an optional goal mark
/// and an optional label at the right:
///
///     ████▌░░░│░ 45%     below the goal: the mark is thin, the fill stops short
///     ████████┃░ 90%     at the goal: the fill runs exactly to a heavy mark
///     ████████┃▌ 95%     above the goal: the fill carries on past it
///
/// Without a goal the value is clamped to 0...1, so 130% draws a full bar.
/// With a goal the mark has a cell of its own, the cells before it stand
/// for 0 up to the goal and those after it for the goal up to a full bar,
/// and the three cases stay apart in plain text (so on paper, and in mono
/// where roles don't show) at any bar width from 2 cells:
/// - below, the mark is `thresholdMark` (`│`) and at least half of the
///   cell before it is empty, however close the value;
/// - at, every cell before the mark is full, the mark is `reachedMark`
///   (`┃`) and the cells after it are track;
/// - above, the mark is `reachedMark` and at least half of the cell after
///   it is filled, however small the excess.
/// So that "above" always has room, the mark stays off the last cell, even
/// for a goal of 1 (or more: then the cells after the mark reach up to
/// twice the goal). "At" allows for float noise (a relative 1e-9).
///
/// The track (`░`, in `.muted`) keeps an empty or short bar visible on
/// paper; the caller picks the role (`.met`, `.atRisk`, `.behind`) that
/// gives the status its colour, and should put the status in the label or
/// a glyph next to it for black-and-white output.
public struct Gauge: Hashable, Sendable {
    public var value: Double
    /// Where the goal lies on the bar's 0...1 scale, drawn as a mark.
    public var threshold: Double?
    /// E.g. "10/10" or "92,5%"; empty for none.
    public var label: String
    public var role: StyleRole
    public var track: Character
    /// The goal mark while the value is below the goal.
    public var thresholdMark: Character
    /// The goal mark once the value reaches it.
    public var reachedMark: Character

    public init(value: Double, threshold: Double? = nil, label: String = "", role: StyleRole = .normal,
                track: Character = "░", thresholdMark: Character = "│", reachedMark: Character = "┃") {
        self.value = value
        self.threshold = threshold
        self.label = label
        self.role = role
        self.track = track
        self.thresholdMark = thresholdMark
        self.reachedMark = reachedMark
    }

    /// Where the value stands against the goal.
    public enum Standing: Hashable, Sendable { case below, at, above }

    /// Nil without a (finite) goal. NaN counts as 0.
    public var standing: Standing? {
        guard let t = goal else { return nil }
        let v = value.isNaN ? 0 : value
        if abs(v - t) <= 1e-9 * max(1, abs(t)) { return .at }
        return v < t ? .below : .above
    }

    /// The least fill (in eighths of a cell) that tells a miss or an excess
    /// apart from "at the goal" on paper: half a cell.
    static let visibleEighths = 4

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let y = area.y
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1))
        let text = Buffer.prepare(label)
        let labelWidth = CellWidth.of(text)
        var barWidth = area.width
        if labelWidth > 0, labelWidth <= area.width {
            buffer.write(text, x: area.maxX - labelWidth, y: y, role: role)
            // The number says more than the bar: with no room for both, it alone stays.
            barWidth = labelWidth + 2 <= area.width ? area.width - labelWidth - 1 : 0
        }
        guard barWidth > 0 else { return }
        guard let goal, let standing else {
            drawRun(eighths: EighthBlocks.eighths(value, width: barWidth), x: area.x, y: y, width: barWidth, into: &buffer)
            return
        }
        let mark = standing == .below ? thresholdMark : reachedMark
        // One cell is only room for the mark.
        guard barWidth >= 2 else {
            buffer.write(String(mark), x: area.x, y: y, role: role, maxWidth: 1)
            return
        }
        let before = min(barWidth - 2, Int((min(1, goal) * Double(barWidth) + 1e-9).rounded(.down)))
        let after = barWidth - before - 1
        let v = value.isNaN ? 0 : value
        var fillBefore = before * 8, fillAfter = 0
        switch standing {
        case .below:
            let fraction = goal > 0 ? max(0, v) / goal : 0
            fillBefore = min(EighthBlocks.eighths(fraction, width: before), before * 8 - Self.visibleEighths)
        case .at:
            break
        case .above:
            let span = goal < 1 ? 1 - goal : goal
            fillAfter = max(Self.visibleEighths, EighthBlocks.eighths(min(1, (v - goal) / span), width: after))
        }
        drawRun(eighths: fillBefore, x: area.x, y: y, width: before, into: &buffer)
        buffer.write(String(mark), x: area.x + before, y: y, role: role, maxWidth: 1)
        drawRun(eighths: fillAfter, x: area.x + before + 1, y: y, width: after, into: &buffer)
    }

    // MARK: - Internals

    private var goal: Double? {
        guard let threshold, threshold.isFinite else { return nil }
        return max(0, threshold)
    }

    /// `eighths` of fill in `role`, then track up to `width`.
    private func drawRun(eighths: Int, x: Int, y: Int, width: Int, into buffer: inout Buffer) {
        guard width > 0 else { return }
        let filled = buffer.write(EighthBlocks.bar(eighths: min(max(0, eighths), width * 8)),
                                  x: x, y: y, role: role, maxWidth: width)
        if filled < width {
            buffer.write(String(repeating: track, count: width - filled), x: x + filled, y: y,
                         role: .muted, maxWidth: width - filled)
        }
    }
}
