import DVKCore
import TerminalUI

/// One key table per mode. The key bar, the help overlay and dispatch all
/// read these tables, so what the screen says a key does is what it does.
public enum KeyTables {
    public static func normal(_ lang: Language, screen: Screen = .overview, readOnly: Bool = false) -> KeyMap<Action> {
        let t = Texts(lang)
        // Entry keys show in the key bar on the screen they belong to.
        func on(_ screens: Screen..., label: String) -> String { screens.contains(screen) && !readOnly ? label : "" }
        return KeyMap([
            KeyBinding([.character("?"), .function(1)], label: t.pick("Giúp", "Help"), help: t.pick("Trợ giúp", "Help (this key table)"), action: .help),
            KeyBinding([.character("q"), .function(10), .ctrl("c")], label: t.pick("Thoát", "Quit"), help: t.pick("Thoát", "Quit"), action: .quit),
            KeyBinding(.character("5"), help: t.pick("Màn hình Nhật ký", "History screen"), action: .show(.history)),
            KeyBinding(.character("a"), label: on(.models, .units, label: t.pick("Thêm", "Add")), help: t.pick("Thêm mô hình (Mô hình) / đơn vị (Đơn vị)", "Add a model / a unit"), action: .addRecord),
            KeyBinding(.character("b"), label: on(.models, label: t.pick("Nhập nhanh", "Grid")), help: t.pick("Bảng nhập nhanh nhiều mô hình", "Fast entry grid"), action: .openGrid),
            KeyBinding(.character("v"), label: on(.models, label: t.pick("Đánh giá", "Evaluate")), help: t.pick("Đánh giá hiệu quả năm", "Yearly evaluation"), action: .evaluate),
            KeyBinding(.character("c"), help: t.pick("Công nhận mô hình", "Recognise the model"), action: .recognise),
            KeyBinding(.character("x"), help: t.pick("Loại bỏ mô hình (có lý do)", "Remove the model (with a reason)"), action: .removeModel),
            KeyBinding(.character("w"), help: t.pick("Khen thưởng", "Award"), action: .award),
            KeyBinding(.character("y"), label: on(.units, .satisfaction, label: t.pick("Hài lòng", "Survey")), help: t.pick("Nhập chỉ số hài lòng", "Enter a satisfaction survey"), action: .survey),
            KeyBinding(.character("o"), help: t.pick("Nhập kế hoạch", "Enter a plan adoption"), action: .plan),
            KeyBinding(.character("r"), help: t.pick("Đổi tên đơn vị", "Rename the unit"), action: .renameUnit),
            KeyBinding(.character("m"), help: t.pick("Chuyển đơn vị sang cấp trên khác", "Move the unit"), action: .moveUnit),
            KeyBinding(.character("n"), help: t.pick("Sáp nhập đơn vị", "Merge the unit"), action: .mergeUnit),
            KeyBinding(.character("T"), help: t.pick("Sửa chỉ tiêu", "Edit a target"), action: .editTarget),
            KeyBinding(.character("u"), label: on(.overview, .units, .models, .satisfaction, .history, label: t.pick("Hoàn tác", "Undo")), help: t.pick("Hoàn tác thay đổi vừa lưu", "Undo the last change"), action: .undo),
            KeyBinding(.ctrl("r"), help: t.pick("Làm lại", "Redo"), action: .redo),
            KeyBinding(.character("1"), help: t.pick("Màn hình Tổng quan", "Overview screen"), action: .show(.overview)),
            KeyBinding(.character("2"), help: t.pick("Màn hình Đơn vị", "Units screen"), action: .show(.units)),
            KeyBinding(.character("3"), help: t.pick("Màn hình Mô hình", "Models screen"), action: .show(.models)),
            KeyBinding(.character("4"), help: t.pick("Màn hình Hài lòng", "Satisfaction screen"), action: .show(.satisfaction)),
            KeyBinding(.tab, help: t.pick("Màn hình kế tiếp", "Next screen"), action: .nextScreen),
            KeyBinding(.backTab, help: t.pick("Màn hình trước", "Previous screen"), action: .previousScreen),
            KeyBinding([.up, .character("k")], help: t.pick("Lên một dòng", "Up one row"), action: .up),
            KeyBinding([.down, .character("j")], help: t.pick("Xuống một dòng", "Down one row"), action: .down),
            KeyBinding(.pageUp, help: t.pick("Lên một trang", "Page up"), action: .pageUp),
            KeyBinding(.pageDown, help: t.pick("Xuống một trang", "Page down"), action: .pageDown),
            KeyBinding([.home, .character("g")], help: t.pick("Về đầu danh sách", "First row"), action: .top),
            KeyBinding([.end, .character("G")], help: t.pick("Về cuối danh sách", "Last row"), action: .bottom),
            KeyBinding([.enter, .right, .character("l")], label: screen == .models ? (readOnly ? "" : t.pick("Sửa", "Edit")) : t.pick("Xem", "Open"), help: t.pick("Xem đơn vị cấp dưới", "Drill into the selected unit"), action: .drillIn),
            KeyBinding([.backspace, .left, .character("h"), .escape], label: t.pick("Lùi", "Back"), help: t.pick("Quay lại cấp trên", "Back up a level / screen"), action: .back),
            KeyBinding(.character("["), label: t.pick("Năm−", "Year−"), help: t.pick("Năm trước", "Previous year"), action: .previousYear),
            KeyBinding(.character("]"), label: t.pick("Năm+", "Year+"), help: t.pick("Năm sau", "Next year"), action: .nextYear),
            KeyBinding(.character("/"), label: t.pick("Tìm", "Find"), help: t.pick("Tìm, không cần dấu", "Search (tone marks optional; Esc clears)"), action: .startSearch),
            KeyBinding(.character("s"), label: t.pick("Xếp", "Sort"), help: t.pick("Đổi cột sắp xếp", "Cycle the sort column (Units)"), action: .cycleSort),
            KeyBinding(.character("f"), label: t.pick("Lọc", "Filter"), help: t.pick("Lọc trạng thái, LV", "Filter by status (Units) / field (Models)"), action: .cycleFilter),
            KeyBinding(.character("t"), help: t.pick("Lọc: tập thể / cá nhân", "Filter by kind (Models)"), action: .cycleKind),
            KeyBinding(.character("e"), help: t.pick("Lọc: kết quả đánh giá", "Filter by evaluation (Models)"), action: .cycleStatus),
            KeyBinding(.character("p"), label: t.pick("In", "Print"), help: t.pick("In ra .txt và .html", "Print this screen to .txt and .html"), action: .print),
        ])
    }

    public static func form(_ lang: Language) -> KeyMap<Action> {
        let t = Texts(lang)
        return KeyMap([
            KeyBinding([.function(2), .ctrl("s")], label: t.pick("Lưu", "Save"), help: t.pick("Lưu", "Save"), action: .save),
            KeyBinding(.escape, label: t.pick("Hủy", "Cancel"), help: t.pick("Hủy (hỏi trước nếu đã sửa)", "Cancel (asks when changed)"), action: .cancelForm),
            KeyBinding(.tab, label: t.pick("Trường sau", "Next"), help: t.pick("Trường sau", "Next field"), action: .nextField),
            KeyBinding(.backTab, help: t.pick("Trường trước", "Previous field"), action: .previousField),
            KeyBinding([.function(6), .ctrl("t")], label: "Telex", help: t.pick("Bật/tắt gõ Telex", "Telex typing on/off"), action: .toggleTelex),
        ])
    }

    public static func grid(_ lang: Language) -> KeyMap<Action> {
        let t = Texts(lang)
        return KeyMap([
            KeyBinding(.tab, label: t.pick("Ô sau", "Next cell"), help: t.pick("Ô sau (cuối dòng: lưu, sang dòng mới)", "Next cell (end of row: save, new row)"), action: .nextField),
            KeyBinding(.backTab, help: t.pick("Ô trước", "Previous cell"), action: .previousField),
            KeyBinding([.function(2), .ctrl("s")], label: t.pick("Lưu dòng", "Save row"), help: t.pick("Lưu dòng", "Save the row"), action: .save),
            KeyBinding(.escape, label: t.pick("Đóng", "Close"), help: t.pick("Đóng bảng (lưu dòng đang nhập, hỏi trước khi bỏ dòng lỗi)", "Close (saves the row; asks before dropping rows in error)"), action: .cancelForm),
            KeyBinding([.function(6), .ctrl("t")], label: "Telex", help: t.pick("Bật/tắt gõ Telex", "Telex typing on/off"), action: .toggleTelex),
        ])
    }

    public static func help(_ lang: Language) -> KeyMap<Action> {
        let t = Texts(lang)
        return KeyMap([
            KeyBinding([.escape, .character("?"), .function(1), .enter, .character("q")], label: t.pick("Đóng", "Close"),
                       help: t.pick("Đóng trợ giúp", "Close help"), action: .closeOverlay),
            KeyBinding([.function(10), .ctrl("c")], label: t.pick("Thoát", "Quit"), help: t.pick("Thoát", "Quit"), action: .quit),
        ])
    }

    /// Search mode: printable keys go to the draft (see `message(for:)`).
    public static func search(_ lang: Language) -> KeyMap<Action> {
        let t = Texts(lang)
        return KeyMap([
            KeyBinding(.enter, label: t.pick("Xong", "Done"), help: t.pick("Giữ kết quả tìm", "Keep the search"), action: .commitSearch),
            KeyBinding(.escape, label: t.pick("Xóa tìm", "Clear"), help: t.pick("Xóa tìm kiếm", "Clear the search"), action: .cancelSearch),
            KeyBinding(.backspace, label: t.pick("Xóa ký tự", "Delete"), help: t.pick("Xóa ký tự cuối", "Delete a character"), action: .deleteBackward),
            KeyBinding([.up], help: t.pick("Lên một dòng", "Up one row"), action: .up),
            KeyBinding([.down], help: t.pick("Xuống một dòng", "Down one row"), action: .down),
            KeyBinding([.ctrl("c")], help: t.pick("Thoát", "Quit"), action: .quit),
        ])
    }

    public static func table(for mode: Mode, _ lang: Language, screen: Screen = .overview, readOnly: Bool = false) -> KeyMap<Action> {
        switch mode {
        case .normal: return normal(lang, screen: screen, readOnly: readOnly)
        case .help: return help(lang)
        case .search: return search(lang)
        case .form: return form(lang)
        case .grid: return grid(lang)
        }
    }

    /// The message a key sends in the current state, or nil when it means nothing.
    public static func message(for key: Key, in state: AppState) -> Msg? {
        switch key {
        case let .resize(w, h): return .resized(Size(width: w, height: h))
        case let .mouse(event):
            switch event {
            case let .click(x, y): return .clicked(x: x, y: y)
            case .wheelUp: return .scrolled(down: false)
            case .wheelDown: return .scrolled(down: true)
            }
        default: break
        }
        if let action = table(for: state.mode, state.lang, screen: state.screen).action(for: key) { return .action(action) }
        if state.mode == .search, case let .character(c) = key { return .typed(c) }
        if state.mode == .search, case let .paste(text) = key { return .pasted(text) }
        if state.mode == .form || state.mode == .grid { return .formKey(key) }
        return nil
    }
}
