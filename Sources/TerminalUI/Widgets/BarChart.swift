/// Horizontal bars, one per row, scaled to the largest value:
///
///     Một     ████████████  10
///     Hai     ██████         5
///     Ba mươi ███          2.5
///
/// Labels take the width of the longest (up to a third of the area) and
/// values are right-aligned, so bars start and end in line.
public struct BarChart: Hashable, Sendable {
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Double
        /// Shown after the bar; nil shows the value itself.
        public var valueText: String?
        public var role: StyleRole

        public init(label: String, value: Double, valueText: String? = nil, role: StyleRole = .normal) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.role = role
        }

        var displayedValue: String {
            if let valueText { return valueText }
            guard value.isFinite else { return "" }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String((value * 10).rounded() / 10)
        }
    }

    public var bars: [Bar]
    /// The value of a full-width bar; nil uses the largest value.
    public var maxValue: Double?

    public init(bars: [Bar], maxValue: Double? = nil) {
        self.bars = bars
        self.maxValue = maxValue
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.fill(area)
        // Labels may take up to half a narrow chart (20 columns), a third of a wide one.
        let labelCap = max(area.width / 3, min(20, area.width / 2))
        let labelWidth = min(labelCap, bars.map { CellWidth.of(Buffer.prepare($0.label)) }.max() ?? 0)
        let valueWidth = min(area.width / 3, bars.map { CellWidth.of(Buffer.prepare($0.displayedValue)) }.max() ?? 0)
        let barX = area.x + labelWidth + (labelWidth > 0 ? 1 : 0)
        let barWidth = max(0, area.maxX - barX - (valueWidth > 0 ? valueWidth + 1 : 0))
        let top = maxValue ?? bars.map(\.value).filter(\.isFinite).max() ?? 0
        for (row, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + row
            buffer.write(bar.label, x: area.x, y: y, width: labelWidth, alignment: .left)
            if top > 0, barWidth > 0 {
                let blocks = EighthBlocks.bar(eighths: EighthBlocks.eighths(bar.value / top, width: barWidth))
                buffer.write(blocks, x: barX, y: y, role: bar.role, maxWidth: barWidth)
            }
            buffer.write(bar.displayedValue, x: area.maxX - valueWidth, y: y, width: valueWidth,
                         alignment: .right, role: bar.role)
        }
    }
}
