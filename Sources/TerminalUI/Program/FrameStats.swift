/// What one frame cost: the numbers a benchmark reports per key.
public struct FrameStats: Hashable, Sendable {
    /// Cells sent to the terminal (every cell on a full redraw).
    public var cellsChanged: Int
    /// UTF-8 bytes of the text of those cells (escape codes not counted).
    public var bytes: Int
    public var isFullRedraw: Bool
    /// Messages handled: the key's and the ones effects sent back.
    public var messages: Int
    public var effects: Int

    public init(cellsChanged: Int, bytes: Int, isFullRedraw: Bool, messages: Int, effects: Int) {
        self.cellsChanged = cellsChanged
        self.bytes = bytes
        self.isFullRedraw = isFullRedraw
        self.messages = messages
        self.effects = effects
    }

    /// Counts the cells a terminal must draw: continuation cells cost
    /// nothing (their wide cell covers them) and so are not counted.
    static func drawing(_ changes: [CellChange], isFullRedraw: Bool, messages: Int, effects: Int) -> FrameStats {
        var cells = 0, bytes = 0
        for change in changes where !change.cell.isContinuation {
            cells += 1
            bytes += change.cell.text.utf8.count
        }
        return FrameStats(cellsChanged: cells, bytes: bytes, isFullRedraw: isFullRedraw, messages: messages, effects: effects)
    }
}

/// Totals over a run of the program loop.
public struct RunStats: Hashable, Sendable {
    public var keys = 0
    public var frames = 0
    public var fullRedraws = 0
    /// Cells and bytes of diffed frames only; full redraws are counted
    /// apart so they don't hide what a key costs.
    public var cellsChanged = 0
    public var bytes = 0
    public var fullRedrawCells = 0

    public init() {}

    public mutating func add(_ frame: FrameStats) {
        frames += 1
        if frame.isFullRedraw {
            fullRedraws += 1
            fullRedrawCells += frame.cellsChanged
        } else {
            cellsChanged += frame.cellsChanged
            bytes += frame.bytes
        }
    }

    /// Average cells drawn per key read (0 before any key).
    public var cellsPerKey: Double { keys == 0 ? 0 : Double(cellsChanged) / Double(keys) }
}

/// A rendered frame: the new screen, what changed from the previous one,
/// and the cost.
public struct Frame: Equatable, Sendable {
    public let buffer: Buffer
    public let changes: [CellChange]
    public let stats: FrameStats
}
