/// Splits a rectangle into consecutive parts along one axis.
///
/// Sizes are integers computed in a fixed order, so the same terminal size
/// always gives the same screen (golden files depend on it):
/// 1. `.fixed`, `.percent` and the base of `.min` are granted in the order
///    they are listed; when the room runs out, later parts get zero size.
/// 2. What is left goes to `.fill(weight)` and `.min` (weight 1) parts in
///    proportion to their weights. Odd cells go to the largest remainders,
///    ties to the earlier part. Without such parts the rest stays unused.
///
/// Percentages are of the whole length and are rounded together (largest
/// remainder), so 50% + 50% of 11 is 6 + 5, never 5 + 5 or 6 + 6.
public enum Layout {
    public enum Constraint: Hashable, Sendable {
        /// Exactly n cells (less when there is no room).
        case fixed(Int)
        /// p percent (0...100) of the whole length.
        case percent(Int)
        /// At least n cells, then grows like `.fill(1)`.
        case min(Int)
        /// A share of the leftover in proportion to the weight.
        case fill(Int)
    }

    public enum Direction: Hashable, Sendable {
        /// Parts stacked top to bottom (splits the height).
        case vertical
        /// Parts side by side, left to right (splits the width).
        case horizontal
    }

    public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
        let vertical = direction == .vertical
        var position = vertical ? rect.y : rect.x
        return sizes(vertical ? rect.height : rect.width, constraints).map { n in
            defer { position += n }
            return vertical
                ? Rect(x: rect.x, y: position, width: rect.width, height: n)
                : Rect(x: position, y: rect.y, width: n, height: rect.height)
        }
    }

    public static func vertical(_ rect: Rect, _ constraints: [Constraint]) -> [Rect] {
        split(rect, .vertical, constraints)
    }

    public static func horizontal(_ rect: Rect, _ constraints: [Constraint]) -> [Rect] {
        split(rect, .horizontal, constraints)
    }

    /// The lengths of the parts of `total` cells; they never sum to more.
    public static func sizes(_ total: Int, _ constraints: [Constraint]) -> [Int] {
        let total = max(0, total)
        let percents = percentSizes(total, constraints)
        var remaining = total
        var sizes = constraints.indices.map { i -> Int in
            let wanted: Int
            switch constraints[i] {
            case .fixed(let n), .min(let n): wanted = max(0, n)
            case .percent: wanted = percents[i]
            case .fill: wanted = 0
            }
            let granted = Swift.min(wanted, remaining)
            remaining -= granted
            return granted
        }
        let weights = constraints.map { c -> Int in
            switch c {
            case .fill(let w): max(0, w)
            case .min: 1
            case .fixed, .percent: 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard remaining > 0, totalWeight > 0 else { return sizes }
        let shares = apportion(numerators: weights.map { $0 * remaining }, denominator: totalWeight, target: remaining)
        for i in sizes.indices { sizes[i] += shares[i] }
        return sizes
    }

    /// Percent parts rounded as a group; other entries are 0.
    private static func percentSizes(_ total: Int, _ constraints: [Constraint]) -> [Int] {
        let percents = constraints.map { c -> Int in
            if case .percent(let p) = c { return Swift.min(100, Swift.max(0, p)) }
            return 0
        }
        let sum = percents.reduce(0, +)
        // Over 100% there is no sensible group total; each part is floored
        // and the in-order granting cuts the excess.
        let target = sum <= 100 ? (total * sum + 50) / 100 : percents.reduce(0) { $0 + total * $1 / 100 }
        return apportion(numerators: percents.map { total * $0 }, denominator: 100, target: target)
    }

    /// Largest-remainder rounding of numerator/denominator so the parts sum
    /// to `target`; ties go to the earlier index.
    private static func apportion(numerators: [Int], denominator: Int, target: Int) -> [Int] {
        var parts = numerators.map { $0 / denominator }
        var extra = target - parts.reduce(0, +)
        let order = numerators.indices.sorted { a, b in
            let ra = numerators[a] % denominator, rb = numerators[b] % denominator
            return ra != rb ? ra > rb : a < b
        }
        for i in order where extra > 0 && numerators[i] > 0 {
            parts[i] += 1
            extra -= 1
        }
        return parts
    }
}
