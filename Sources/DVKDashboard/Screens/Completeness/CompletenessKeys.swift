import DVKCore
import TerminalUI

extension CompletenessState {
    static func keys(_ t: Texts, readOnly: Bool) -> [KeyBinding<Action>] {
        ListKeys.moves(t) + [
            KeyBinding([.enter, .right, .character("l")], label: t.pick("Xem", "Open"), help: t.pick("Mở đơn vị đang chọn", "Open the selected unit"), action: .drillIn),
            ListKeys.search(t),
            KeyBinding(.character("s"), label: t.pick("Xếp", "Sort"), help: t.pick("Sắp xếp: tên, tỉ lệ báo cáo đủ, số chưa báo cáo", "Sort: name, share complete, units silent"), action: .cycleSort),
            KeyBinding(.character("f"), label: t.pick("Lọc", "Filter"), help: t.pick("Lọc: còn thiếu, chưa báo cáo", "Filter: incomplete, not reported"), action: .cycleFilter),
            KeyBinding(.character("y"), help: t.pick("Nhập chỉ số hài lòng của đơn vị đang chọn", "Enter the selected unit's satisfaction survey"), action: .survey),
            KeyBinding(.character("o"), help: t.pick("Nhập kế hoạch của đơn vị đang chọn", "Enter the selected unit's plan"), action: .plan),
        ] + ListKeys.approval(t)
    }
}
