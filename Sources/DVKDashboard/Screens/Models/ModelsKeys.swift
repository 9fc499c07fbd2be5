import DVKCore
import TerminalUI

extension ModelsState {
    static func keys(_ t: Texts, readOnly: Bool) -> [KeyBinding<Action>] {
        var keys = ListKeys.moves(t) + [
            ListKeys.search(t),
            KeyBinding(.character("s"), label: t.pick("Xếp", "Sort"), help: t.pick("Sắp xếp: tên, đơn vị, lĩnh vực, đánh giá", "Sort: title, unit, field, result"), action: .cycleSort),
            KeyBinding(.character("f"), label: t.pick("Lọc", "Filter"), help: t.pick("Lọc theo lĩnh vực", "Filter by field"), action: .cycleFilter),
            KeyBinding(.character("t"), help: t.pick("Lọc: tập thể / cá nhân", "Filter by kind"), action: .cycleKind),
            KeyBinding(.character("e"), help: t.pick("Lọc: kết quả đánh giá", "Filter by evaluation"), action: .cycleStatus),
            KeyBinding(.character("d"), label: t.pick("Phạm vi", "Scope"), help: t.pick("Tìm trong đơn vị này / cả cơ sở dữ liệu", "Search this unit / the whole database"), action: .toggleScope),
        ]
        keys += [
            KeyBinding([.enter, .right, .character("l")], label: readOnly ? "" : t.pick("Sửa", "Edit"), help: t.pick("Sửa mô hình đang chọn", "Edit the selected model"), action: .drillIn),
            KeyBinding(.character("a"), label: t.pick("Thêm", "Add"), help: t.pick("Thêm mô hình, điển hình", "Add a model or exemplar"), action: .addRecord),
            KeyBinding(.character("b"), label: t.pick("Nhập nhanh", "Grid"), help: t.pick("Bảng nhập nhanh nhiều mô hình", "Fast entry grid"), action: .openGrid),
            KeyBinding(.character("v"), label: t.pick("Đánh giá", "Evaluate"), help: t.pick("Đánh giá hiệu quả năm", "Yearly evaluation"), action: .evaluate),
            KeyBinding(.character("c"), help: t.pick("Công nhận mô hình", "Recognise the model"), action: .recognise),
            KeyBinding(.character("x"), help: t.pick("Loại bỏ mô hình (có lý do)", "Remove the model (with a reason)"), action: .removeModel),
            KeyBinding(.character("w"), help: t.pick("Khen thưởng", "Award"), action: .award),
        ]
        return keys
    }
}
