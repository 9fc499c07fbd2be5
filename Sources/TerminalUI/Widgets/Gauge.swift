/// A one-row progress bar with 1/8-cell resolution, an optional threshold
/// mark and an optional label at the right:
///
///     ████▌░░░│░ 45%
///
/// The value is clamped to 0...1, so 130% draws a full bar. The track
/// (`░`, in `.muted`) keeps an empty or short bar visible on paper; the
/// caller picks the role (`.met`, `.atRisk`, `.behind`) that gives the
/// status its colour, and should put the status in the label or a glyph
/// next to it for black-and-white output.
public struct Gauge: Hashable, Sendable {
    public var value: Double
    /// Where the goal lies (0...1), drawn as `thresholdMark` over the bar.
    public var threshold: Double?
    /// E.g. "10/10" or "92,5%"; empty for none.
    public var label: String
    public var role: StyleRole
    public var track: Character
    public var thresholdMark: Character

    public init(value: Double, threshold: Double? = nil, label: String = "", role: StyleRole = .normal,
                track: Character = "░", thresholdMark: Character = "│") {
        self.value = value
        self.threshold = threshold
        self.label = label
        self.role = role
        self.track = track
        self.thresholdMark = thresholdMark
    }

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
        let filled = buffer.write(EighthBlocks.bar(eighths: EighthBlocks.eighths(value, width: barWidth)),
                                  x: area.x, y: y, role: role, maxWidth: barWidth)
        if filled < barWidth {
            buffer.write(String(repeating: track, count: barWidth - filled), x: area.x + filled, y: y,
                         role: .muted, maxWidth: barWidth - filled)
        }
        if let threshold, threshold.isFinite {
            let t = min(1, max(0, threshold))
            let column = min(barWidth - 1, Int((t * Double(barWidth) + 1e-9).rounded(.down)))
            buffer.write(String(thresholdMark), x: area.x + column, y: y, role: role, maxWidth: 1)
        }
    }
}
