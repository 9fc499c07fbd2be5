import DVKCore
import TerminalUI

/// Đi đến: a box over the screen that finds any unit of the database by its
/// name (tone marks optional) and opens it. Not a screen but a mode, like a
/// form: it owns what is typed, the candidates the store found for it, and
/// the chosen row; the screen under it stays as it was.
public struct GoToState: Equatable, Sendable {
    public var input = TextInput(limit: TextEntry.searchLimit)
    /// The store's answer for `foundFor`; nil until the first one arrives.
    public var candidates: [UnitCandidate]?
    /// The text `candidates` were found for: an answer to older typing is not this list.
    public var foundFor: String?
    public var selected = 0
    public var offset = 0

    public init() {}

    /// Enough to find a unit by a few letters; past this the officer types more.
    static let limit = 50

    public var text: String { input.text }
    public var chosen: UnitCandidate? {
        guard let c = candidates, c.indices.contains(selected) else { return nil }
        return c[selected]
    }

    /// The box over the body; on a wide terminal no wider than its columns need.
    static func frame(_ body: Rect) -> Rect {
        let width = min(body.width, 120)
        return Rect(x: body.x + (body.width - width) / 2, y: body.y, width: width, height: body.height)
    }

    /// Inside the frame: the typing line, a rule, the candidates (with their header), a count.
    static func table(_ body: Rect) -> Rect {
        let inner = Panel().inner(of: frame(body)).inset(dx: 1, dy: 0)
        return Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 3))
    }
}
