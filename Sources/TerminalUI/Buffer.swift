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
    /// never split. Text that doesn't fit is cut like `Truncation.end`: its
    /// last visible cell is "…", so a cut always shows, on screen and on
    /// paper. A wide cluster that would straddle the edge goes too, and the
    /// column it leaves is blanked (and counted as used). Only trailing
    /// spaces are clipped without a mark, since nothing is lost. Text that
    /// starts left of the buffer shows "…" in column 0 for the part cut off.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        let start = max(0, x)
        guard start < limit else { return 0 }
        var drawn = Self.prepare(text)
        let room = limit - x
        // A cluster is never wider than its UTF-8 bytes, so short text skips measuring.
        let isCut = drawn.utf8.count > room && Truncation.isCut(drawn, width: room)
        if isCut { drawn = Truncation.end(drawn, width: room) }
        var column = x
        var hiddenLeft = false
        for character in drawn {
            let w = CellWidth.of(character)
            // Zero-width leftovers (a mark at the very start, a lone ZWJ,
            // bidi controls) have no column to live in; dropping them keeps
            // the grid exact.
            if w == 0 { continue }
            // Only trailing spaces can still run past the limit.
            if column + w > limit { break }
            if column >= 0 {
                put(Cell(text: String(character), width: w, role: role), x: column, y: y)
            } else {
                hiddenLeft = true
                // A wide cluster straddling the left edge: only its right half is visible.
                if column + w > 0 { put(.blank(role), x: 0, y: y) }
            }
            column += w
        }
        if isCut {
            // The columns the cut text would have covered stay its own.
            while column < limit {
                if column >= 0 { put(.blank(role), x: column, y: y) }
                column += 1
            }
        }
        if hiddenLeft, column > 0 {
            put(Cell(text: Truncation.ellipsis, width: 1, role: role), x: 0, y: y)
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
