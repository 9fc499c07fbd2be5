import DVKCore
import TerminalUI

/// A list selection kept by identity: the highlight follows the unit when
/// the list is filtered, sorted, read again or shown on another screen,
/// so a row number can never point at another unit.
struct UnitCursor: Hashable, Sendable {
    var id: OrgUnit.ID?
    /// First row shown; moves only when the selection leaves the window.
    var offset = 0

    /// The highlighted row: the selected unit's, else the first.
    func index(in ids: [OrgUnit.ID]) -> Int {
        id.flatMap { ids.firstIndex(of: $0) } ?? 0
    }

    mutating func select(_ row: Int, in ids: [OrgUnit.ID], visibleRows: Int) {
        guard !ids.isEmpty else { offset = 0; return }
        let target = min(max(0, row), ids.count - 1)
        id = ids[target]
        offset = Table.scrollOffset(selected: target, current: offset, visibleRows: visibleRows, rowCount: ids.count)
    }

    /// After the list changed under it: keep the unit on screen.
    mutating func reveal(in ids: [OrgUnit.ID], visibleRows: Int) {
        let i = index(in: ids)
        offset = Table.scrollOffset(selected: i, current: min(offset, max(0, ids.count - 1)), visibleRows: visibleRows, rowCount: ids.count)
    }
}

/// nil → first → … → last → nil: how `f`, `t`, `e` step through a filter.
func cycle<T: Equatable>(_ value: T?, through all: [T]) -> T? {
    guard let v = value, let i = all.firstIndex(of: v) else { return all.first }
    return i + 1 < all.count ? all[i + 1] : nil
}
