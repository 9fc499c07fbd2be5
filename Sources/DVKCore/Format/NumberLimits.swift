/// The largest values an officer could mean, per kind of number.
///
/// Typed or imported figures are checked against these before they are
/// converted to integers, so `99999999999 tỷ` is a field error that names
/// the allowed range instead of a trap in `Int64(Double)`.
public enum NumberLimits {
    /// Funds of one model, in đồng: up to one million tỷ (10^15).
    public static let fundsVND: ClosedRange<Int64> = 0...1_000_000_000_000_000
    /// Work-days contributed to one model (ngày công).
    public static let workDays: ClosedRange<Int64> = 0...100_000_000
    /// People asked in one survey (số người được hỏi).
    public static let respondents: ClosedRange<Int64> = 0...200_000_000
    /// A count target: effective models per unit.
    public static let countThreshold: ClosedRange<Int64> = 0...10_000
    /// A published figure (số liệu công bố).
    public static let publishedCount: ClosedRange<Int64> = 0...100_000_000
    /// A percentage: satisfaction, a percent target.
    public static let percent: ClosedRange<Int64> = 0...100
    /// Any figure read before its own rule judges it (a percent over 100 gets
    /// the percent message): wide, but converts to an integer without a trap.
    public static let anyFigure: ClosedRange<Int64> = -1_000_000_000_000...1_000_000_000_000
    /// Any year a form or a file may name before the calendar check.
    public static let year: ClosedRange<Int64> = 1...9_999
    /// Wide enough for any figure a form may quote back, yet exact as a Double.
    public static let anyInteger: ClosedRange<Int64> = -1_000_000_000_000_000_000...1_000_000_000_000_000_000

    /// `value` as an integer when it is finite, whole and inside `range`.
    public static func integer(_ value: Double, in range: ClosedRange<Int64>) -> Int64? {
        guard value == value.rounded() else { return nil }
        return rounded(value, in: range)
    }

    /// `value` rounded to the nearest integer when it is finite and inside `range`.
    public static func rounded(_ value: Double, in range: ClosedRange<Int64>) -> Int64? {
        // Compared as Int64, not as Double: Double(Int64.max) is 2^63, one past
        // the largest Int64, so a bound near it would let 2^63 through to a trap.
        let r = value.rounded()
        guard r.isFinite, r >= -9_223_372_036_854_775_808, r < 9_223_372_036_854_775_808 else { return nil }
        let n = Int64(r)
        return range.contains(n) ? n : nil
    }
}
