import DVKCore
import TerminalUI

/// Trợ giúp: the normal-mode key table, the same table the key bar shows.
enum HelpView {
    static func render(_ s: AppState, into b: inout Buffer, area: Rect) {
        let t = Texts(s.lang)
        HelpOverlay(title: t.pick("Trợ giúp: phím tắt", "Help: keys"), keyMap: KeyTables.normal(s.lang),
                    footer: t.pick("✓ Đạt · ▲ Gần đạt (≥ 80% mục tiêu) · ✗ Chưa đạt · – Chưa có số liệu",
                                   "✓ Met · ▲ At risk (≥ 80% of goal) · ✗ Behind · – No data"))
            .render(into: &b, area: area)
    }
}
