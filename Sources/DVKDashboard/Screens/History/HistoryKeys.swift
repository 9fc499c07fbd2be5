import DVKCore
import TerminalUI

extension HistoryState {
    static func keys(_ t: Texts, readOnly: Bool) -> [KeyBinding<Action>] {
        ListKeys.moves(t) + [
            ListKeys.search(t),
            KeyBinding(.character("s"), label: t.pick("Từ ngày", "Since"), help: t.pick("Từ ngày: tất cả → đầu năm → đầu tháng → hôm nay", "Since: all → this year → this month → today"), action: .cycleSort),
            KeyBinding(.character("f"), label: t.pick("Lọc", "Filter"), help: t.pick("Lọc theo loại bản ghi", "Filter by kind of record"), action: .cycleFilter),
            KeyBinding(.character("e"), help: t.pick("Lọc theo cán bộ", "Filter by officer"), action: .cycleStatus),
            KeyBinding(.character("t"), help: t.pick("Chỉ đơn vị đang xem và cấp dưới", "Only the unit on screen and below"), action: .cycleKind),
        ]
    }
}
