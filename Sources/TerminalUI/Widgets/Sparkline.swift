/// A series as one row of block heights, ▁▂▃▄▅▆▇█, scaled from 0 to the
/// largest value. Zero still draws ▁ so "measured: nothing" differs from
/// a gap; a missing value (nil) draws `missing`. When the series is longer
/// than the area, the most recent (rightmost) values are shown.
public struct Sparkline: Hashable, Sendable {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public var values: [Double?]
    /// The value drawn as █; nil uses the largest value.
    public var maxValue: Double?
    public var missing: Character
    public var role: StyleRole

    public init(values: [Double?], maxValue: Double? = nil, missing: Character = "·", role: StyleRole = .normal) {
        self.values = values
        self.maxValue = maxValue
        self.missing = missing
        self.role = role
    }

    /// The glyphs for the whole series, independent of any area.
    public var glyphs: String {
        let top = maxValue ?? values.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return missing }
            guard top > 0, value > 0 else { return Self.levels[0] }
            let level = Int((min(value, top) / top * 7).rounded())
            return Self.levels[min(7, max(0, level))]
        })
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        buffer.write(String(glyphs.suffix(area.width)), x: area.x, y: area.y, role: role, maxWidth: area.width)
    }
}
