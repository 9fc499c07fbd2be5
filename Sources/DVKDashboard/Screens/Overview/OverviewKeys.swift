import DVKCore
import TerminalUI

extension OverviewState {
    static func keys(_ t: Texts, readOnly: Bool) -> [KeyBinding<Action>] {
        // The movement keys move in the alert list, the one list of this screen.
        var keys: [KeyBinding<Action>] = ListKeys.moves(t) + [
            KeyBinding([.enter, .right, .character("l")], label: t.pick("Xem", "Open"), help: t.pick("Mở đơn vị của cảnh báo đang chọn", "Open the unit of the selected alert"), action: .drillIn),
        ]
        keys += [
            KeyBinding(.character("a"), label: t.pick("Thêm MH", "Add model"), help: t.pick("Thêm mô hình của đơn vị này", "Add a model of this unit"), action: .addRecord),
            KeyBinding(.character("y"), label: t.pick("Hài lòng", "Survey"), help: t.pick("Nhập chỉ số hài lòng của đơn vị này", "Enter this unit's satisfaction survey"), action: .survey),
            KeyBinding(.character("o"), help: t.pick("Nhập kế hoạch của đơn vị này", "Enter this unit's plan"), action: .plan),
            KeyBinding(.character("T"), help: t.pick("Sửa chỉ tiêu", "Edit a target"), action: .editTarget),
            KeyBinding(.character("S"), help: t.pick("Thiết lập báo cáo, người ký", "Report settings, signer"), action: .reportSettings),
            KeyBinding(.character("b"), help: t.pick("Bảng nhập nhanh mô hình của đơn vị này", "Fast entry grid for this unit"), action: .openGrid),
        ] + ListKeys.unitChanges(t)
        return keys
    }
}
