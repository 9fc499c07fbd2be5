/// Horizontal bars at 1/8-cell resolution, shared by `Gauge` and `BarChart`.
/// The block glyphs are the content, so a plain-text printout still shows
/// the proportion.
enum EighthBlocks {
    /// Index n (1...8) is the block n eighths wide.
    static let glyphs: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// How many eighths of `width` cells `fraction` (clamped to 0...1)
    /// fills. Rounded down, so a bar never looks further along than it is
    /// and only a full value gives a full bar; the epsilon absorbs binary
    /// noise such as 0.29 * 100 = 28.999….
    static func eighths(_ fraction: Double, width: Int) -> Int {
        guard fraction.isFinite, width > 0 else { return 0 }
        let clamped = min(1, max(0, fraction))
        return min(width * 8, Int((clamped * Double(width * 8) + 1e-9).rounded(.down)))
    }

    /// Full blocks then one partial block: the bar for `eighths`.
    static func bar(eighths: Int) -> String {
        let n = max(0, eighths)
        var text = String(repeating: "█", count: n / 8)
        if n % 8 > 0 { text.append(glyphs[n % 8]) }
        return text
    }
}
