import Foundation

/// The in-memory screen: a width × height grid of cells that views draw
/// into. The terminal, golden files and printouts all show this same grid,
/// which is what makes every screen testable without a terminal.
///
/// Invariant: a wide cell (width 2) is always followed by its continuation
/// cell, and a continuation cell always follows a wide cell. Every mutation
/// goes through `put`, which repairs the neighbours it would otherwise
/// orphan, so half a wide character can never reach an output.
public struct Buffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(), count: self.width * self.height)
    }

    public init(size: Size) {
        self.init(width: size.width, height: size.height)
    }

    public var size: Size { Size(width: width, height: height) }
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`; both must be inside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) outside \(width)×\(height)")
        return cells[y * width + x]
    }

    /// All cells of one row, left to right.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        cells[(y * width)..<((y + 1) * width)]
    }

    /// Writes `text` from (`x`, `y`) in `role`, clipped to the buffer and to
    /// `maxWidth` columns. Returns the number of columns used.
    ///
    /// Text is sanitized and normalized to NFC first, so data can't inject
    /// escapes and NFC/NFD spellings produce identical cells. A cluster is
    /// never split; a wide cluster that doesn't fit the last column leaves a
    /// blank there (counted as used) and writing stops.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        let start = max(0, x)
        guard start < limit else { return 0 }
        var column = x
        for character in Self.prepare(text) {
            let w = CellWidth.of(character)
            // Zero-width leftovers (a mark at the very start, a lone ZWJ,
            // bidi controls) have no column to live in; dropping them keeps
            // the grid exact.
            if w == 0 { continue }
            if column + w > limit {
                if column < limit, column >= 0 { put(.blank(role), x: column, y: y); column += 1 }
                break
            }
            if column >= 0 {
                put(Cell(text: String(character), width: w, role: role), x: column, y: y)
            } else if column + w > 0 {
                // A wide cluster straddling the left edge: only its right half is visible.
                put(.blank(role), x: 0, y: y)
            }
            column += w
        }
        return max(0, min(column, limit) - start)
    }

    /// Blanks every cell of `rect` (clipped to the buffer) in `role`.
    public mutating func fill(_ rect: Rect, role: StyleRole = .normal) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { put(.blank(role), x: x, y: y) }
        }
    }

    /// Changes the role of every cell of `rect` without touching the text,
    /// e.g. to highlight a selected row after drawing it. A wide cluster cut
    /// by the edge changes as a whole so its two halves never disagree.
    public mutating func setRole(_ role: StyleRole, in rect: Rect) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                let i = y * width + x
                cells[i].role = role
                if x == r.x, cells[i].isContinuation, x > 0 { cells[i - 1].role = role }
                if x == r.maxX - 1, cells[i].width == 2, x + 1 < width { cells[i + 1].role = role }
            }
        }
    }

    /// Blanks the whole buffer.
    public mutating func clear() {
        cells = Array(repeating: .blank(), count: width * height)
    }

    /// The cells that differ from `previous`, in reading order. When the sizes
    /// differ every cell is returned, because the old frame says nothing
    /// about the new screen.
    ///
    /// Continuation cells are reported too when they change; a backend
    /// draws nothing for them, since the wide cell to their left covers them.
    public func diff(from previous: Buffer) -> [CellChange] {
        let sameSize = previous.width == width && previous.height == height
        var changes: [CellChange] = []
        for (i, cell) in cells.enumerated() where !sameSize || cell != previous.cells[i] {
            changes.append(CellChange(x: i % width, y: i / width, cell: cell))
        }
        return changes
    }

    /// Replays a diff: applying `next.diff(from: previous)` to `previous`
    /// gives `next`. This is what a terminal does with the changes it is
    /// sent, so a fake terminal can keep an exact copy of the screen.
    /// Changes outside this buffer (from a frame of another size) are ignored.
    public mutating func apply(_ changes: [CellChange]) {
        for change in changes where change.x >= 0 && change.x < width && change.y >= 0 && change.y < height {
            cells[change.y * width + change.x] = change.cell
        }
    }

    // MARK: - Internals

    /// The text exactly as `write` draws it (sanitized, NFC). Widgets measure
    /// this form, so a width computed before writing matches the cells used.
    static func prepare(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return sanitize(text).precomposedStringWithCanonicalMapping
    }

    /// Stores a non-continuation cell, keeping wide pairs whole.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation, x > 0 { cells[i - 1] = .blank(cells[i - 1].role) }
        if old.width == 2, x + 1 < width { cells[i + 1] = .blank(cells[i + 1].role) }
        cells[i] = cell
        guard cell.width == 2 else { return }
        // Callers only place wide cells where two columns fit.
        let next = cells[i + 1]
        if next.width == 2, x + 2 < width { cells[i + 2] = .blank(cells[i + 2].role) }
        cells[i + 1] = .continuation(cell.role)
    }
}
