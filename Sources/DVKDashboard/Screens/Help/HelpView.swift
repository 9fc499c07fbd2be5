import DVKCore
import TerminalUI

/// Trợ giúp: the current screen's key table, the same table the key bar shows.
enum HelpView {
    static func render(_ s: AppState, into b: inout Buffer, area: Rect) {
        let t = s.texts
        var normal = s
        normal.mode = .normal
        HelpOverlay(title: t.pick("Trợ giúp: phím của màn hình ", "Help: keys of the screen ") + s.screen.id.title(s.lang), keyMap: Keys.table(normal),
                    footer: t.pick("✓ Đạt · ▲ Gần đạt (≥ 80% mục tiêu) · ✗ Chưa đạt · – Chưa báo cáo",
                                   "✓ Met · ▲ At risk (≥ 80% of goal) · ✗ Behind · – Not reported"))
            .render(into: &b, area: area)
    }
}
