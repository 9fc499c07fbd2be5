import DVKCore
import TerminalUI

extension SatisfactionState {
    static func keys(_ t: Texts, readOnly: Bool) -> [KeyBinding<Action>] {
        var keys = ListKeys.moves(t) + [
            KeyBinding([.enter, .right, .character("l")], label: t.pick("Xem", "Open"), help: t.pick("Mở đơn vị đang chọn", "Open the selected unit"), action: .drillIn),
            ListKeys.search(t),
        ]
        keys.append(KeyBinding(.character("y"), label: t.pick("Hài lòng", "Survey"),
                               help: t.pick("Nhập chỉ số hài lòng của đơn vị đang chọn", "Enter the selected unit's satisfaction survey"), action: .survey))
        return keys
    }
}
