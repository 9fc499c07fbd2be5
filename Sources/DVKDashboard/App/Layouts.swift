import DVKCore
import TerminalUI

/// Where things are on screen: pure functions of the size and the screen,
/// read by update (paging, clicks) and view alike. Nothing here draws.
enum Layouts {
    /// Rows 0–1 are the header, the last two the status line and the key bar.
    static func body(_ size: Size) -> Rect {
        Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 4))
    }

    /// The table area of the current screen (the rows a click or a scroll can hit).
    static func table(_ s: AppState) -> Rect? {
        s.isEmptyDatabase ? nil : s.screen.model.tableArea(s, body: body(s.size))
    }

    /// The list index under screen row `y`, if any.
    static func row(at y: Int, _ s: AppState) -> Int? {
        guard let area = table(s), y > area.y, y < area.maxY else { return nil }
        let m = s.screen.model
        let index = m.firstShownRow(s) + (y - area.y - 1)
        return index < m.rowCount(s) ? index : nil
    }
}
