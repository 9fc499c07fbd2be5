import DVKCore
import TerminalUI

extension UnitsState {
    static func keys(_ t: Texts, readOnly: Bool) -> [KeyBinding<Action>] {
        var keys = ListKeys.moves(t) + [
            KeyBinding([.enter, .right, .character("l")], label: t.pick("Xem", "Open"), help: t.pick("Mở đơn vị đang chọn", "Open the selected unit"), action: .drillIn),
            ListKeys.search(t),
            KeyBinding(.character("s"), label: t.pick("Xếp", "Sort"), help: t.pick("Đổi cột sắp xếp", "Cycle the sort column"), action: .cycleSort),
            KeyBinding(.character("f"), label: t.pick("Lọc", "Filter"), help: t.pick("Lọc theo trạng thái", "Filter by status"), action: .cycleFilter),
        ]
        keys += [
            KeyBinding(.character("a"), label: t.pick("Thêm", "Add"), help: t.pick("Thêm đơn vị trực thuộc", "Add a unit below this one"), action: .addRecord),
            KeyBinding(.character("y"), label: t.pick("Hài lòng", "Survey"), help: t.pick("Nhập chỉ số hài lòng của đơn vị đang chọn", "Enter the selected unit's satisfaction survey"), action: .survey),
            KeyBinding(.character("o"), help: t.pick("Nhập kế hoạch của đơn vị đang chọn", "Enter the selected unit's plan"), action: .plan),
            KeyBinding(.character("b"), help: t.pick("Bảng nhập nhanh mô hình của đơn vị đang chọn", "Fast entry grid for the selected unit"), action: .openGrid),
        ] + ListKeys.unitChanges(t) + ListKeys.approval(t)
        return keys
    }
}

/// Bindings several screens share, worded once.
enum ListKeys {
    static func moves(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding([.up, .character("k")], help: t.pick("Lên một dòng", "Up one row"), action: .up),
            KeyBinding([.down, .character("j")], help: t.pick("Xuống một dòng", "Down one row"), action: .down),
            KeyBinding(.pageUp, help: t.pick("Lên một trang", "Page up"), action: .pageUp),
            KeyBinding(.pageDown, help: t.pick("Xuống một trang", "Page down"), action: .pageDown),
            // g is the go-to box on every screen (Keys.global); Home goes to the top.
            KeyBinding(.home, help: t.pick("Về đầu danh sách", "First row"), action: .top),
            KeyBinding([.end, .character("G")], help: t.pick("Về cuối danh sách", "Last row"), action: .bottom),
        ]
    }

    static func search(_ t: Texts) -> KeyBinding<Action> {
        KeyBinding(.character("/"), label: t.pick("Tìm", "Find"), help: t.pick("Lọc danh sách này theo chữ, không cần dấu", "Filter this list by text (tone marks optional)"), action: .startSearch)
    }

    /// Nộp, duyệt, mở khóa the selected unit's year (the year on screen).
    static func approval(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding(.character("N"), label: t.pick("Nộp", "Submit"), help: t.pick("Nộp số liệu năm của đơn vị đang chọn", "Submit the selected unit's year"), action: .submitYear),
            KeyBinding(.character("D"), label: t.pick("Duyệt", "Approve"), help: t.pick("Duyệt và khóa số liệu đã nộp của đơn vị đang chọn", "Approve and lock the selected unit's submitted year"), action: .approveYear),
            KeyBinding(.character("K"), help: t.pick("Mở khóa số liệu đã duyệt (kèm lý do)", "Unlock an approved year (with a reason)"), action: .unlockYear),
        ]
    }

    static func unitChanges(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding(.character("r"), help: t.pick("Đổi tên đơn vị", "Rename the unit"), action: .renameUnit),
            KeyBinding(.character("m"), help: t.pick("Chuyển đơn vị sang cấp trên khác", "Move the unit under another"), action: .moveUnit),
            KeyBinding(.character("n"), help: t.pick("Sáp nhập đơn vị", "Merge the unit"), action: .mergeUnit),
        ]
    }
}
