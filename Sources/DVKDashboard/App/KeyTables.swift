import DVKCore
import TerminalUI

/// One key table per mode. The key bar, the help overlay and dispatch all
/// read these tables, so what the screen says a key does is what it does.
public enum KeyTables {
    public static func normal(_ lang: Language) -> KeyMap<Action> {
        let t = Texts(lang)
        return KeyMap([
            KeyBinding([.character("?"), .function(1)], label: t.pick("Giúp", "Help"), help: t.pick("Trợ giúp", "Help (this key table)"), action: .help),
            KeyBinding([.character("q"), .function(10), .ctrl("c")], label: t.pick("Thoát", "Quit"), help: t.pick("Thoát", "Quit"), action: .quit),
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
            KeyBinding([.enter, .right, .character("l")], label: t.pick("Xem", "Open"), help: t.pick("Xem đơn vị cấp dưới", "Drill into the selected unit"), action: .drillIn),
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

    public static func table(for mode: Mode, _ lang: Language) -> KeyMap<Action> {
        switch mode {
        case .normal: return normal(lang)
        case .help: return help(lang)
        case .search: return search(lang)
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
        if let action = table(for: state.mode, state.lang).action(for: key) { return .action(action) }
        if state.mode == .search, case let .character(c) = key { return .typed(c) }
        return nil
    }
}
