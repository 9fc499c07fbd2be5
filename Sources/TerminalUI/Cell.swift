/// One terminal column: a grapheme cluster, its display width and its role.
///
/// A wide cluster (width 2) occupies its own cell plus a *continuation*
/// cell to its right (empty text, width 0). Renderers skip continuation
/// cells, so each cluster is emitted exactly once and the grid still has one
/// cell per column. Cells are built only through `Buffer`, which keeps that
/// pairing intact.
public struct Cell: Equatable, Hashable, Sendable {
    public let text: String
    public let width: Int
    public var role: StyleRole

    init(text: String, width: Int, role: StyleRole) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static func blank(_ role: StyleRole = .normal) -> Cell {
        Cell(text: " ", width: 1, role: role)
    }

    static func continuation(_ role: StyleRole) -> Cell {
        Cell(text: "", width: 0, role: role)
    }

    public var isContinuation: Bool { width == 0 }
}

/// One cell that differs from the previous frame.
public struct CellChange: Equatable, Hashable, Sendable {
    public let x: Int
    public let y: Int
    public let cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}
