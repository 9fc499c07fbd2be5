import DVKCore
import TerminalUI

/// The key tables. The dispatcher, the key bar and the help overlay all read
/// `table(_:)`, so a key shown on a screen is a key that works there, and a
/// key means one thing on one screen.
public enum Keys {
    /// Keys that mean the same on every screen.
    static func global(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding([.character("?"), .function(1)], label: t.pick("Giúp", "Help"), help: t.pick("Trợ giúp (phím của màn hình này)", "Help (this screen's keys)"), action: .help),
            KeyBinding([.character("q"), .function(10), .ctrl("c")], label: t.pick("Thoát", "Quit"), help: t.pick("Thoát", "Quit"), action: .quit),
            KeyBinding([.character("g"), .character(":")], label: t.pick("Đi đến", "Go to"),
                       help: t.pick("Đi đến đơn vị (gõ tên)", "Go to a unit (type its name)"), action: .openGoTo),
            KeyBinding(.character("1"), help: t.pick("Màn hình Tổng quan", "Overview screen"), action: .show(.overview)),
            KeyBinding(.character("2"), help: t.pick("Màn hình Đơn vị", "Units screen"), action: .show(.units)),
            KeyBinding(.character("3"), help: t.pick("Màn hình Mô hình", "Models screen"), action: .show(.models)),
            KeyBinding(.character("4"), help: t.pick("Màn hình Hài lòng", "Satisfaction screen"), action: .show(.satisfaction)),
            KeyBinding(.character("5"), help: t.pick("Màn hình Nhật ký", "History screen"), action: .show(.history)),
            KeyBinding(.character("6"), help: t.pick("Màn hình Tình hình báo cáo", "Reporting screen"), action: .show(.completeness)),
            KeyBinding(.tab, help: t.pick("Màn hình kế tiếp", "Next screen"), action: .nextScreen),
            KeyBinding(.backTab, help: t.pick("Màn hình trước", "Previous screen"), action: .previousScreen),
            KeyBinding([.backspace, .left, .character("h"), .escape], label: t.pick("Lùi", "Back"), help: t.pick("Quay lại nơi vừa xem", "Back to where you were"), action: .back),
            KeyBinding(.character("["), label: t.pick("Năm−", "Year−"), help: t.pick("Năm trước", "Previous year"), action: .previousYear),
            KeyBinding(.character("]"), label: t.pick("Năm+", "Year+"), help: t.pick("Năm sau", "Next year"), action: .nextYear),
            KeyBinding(.character("M"), label: t.pick("Địa giới", "Map"),
                       help: t.pick("Địa giới hiện nay/thời đó", "Map: today/then"), action: .toggleMap),
            KeyBinding(.character("p"), label: t.pick("In", "Print"), help: t.pick("In màn hình ra .txt và .html", "Print this screen to .txt and .html"), action: .print),
            KeyBinding(.character("P"), help: t.pick("In cả danh sách ra trang A4", "Print the whole list on A4 pages"), action: .printList),
            KeyBinding(.character("E"), help: t.pick("Xuất danh sách ra .xlsx, .csv", "Export the list to .xlsx, .csv"), action: .export),
            KeyBinding(.character("R"), help: t.pick("Lập báo cáo (.docx, .html)", "Write the report (.docx, .html)"), action: .report),
        ]
    }

    static func undo(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding(.character("u"), label: t.pick("Hoàn tác", "Undo"), help: t.pick("Hoàn tác thay đổi vừa lưu", "Undo the last change"), action: .undo),
            KeyBinding(.ctrl("r"), help: t.pick("Làm lại", "Redo"), action: .redo),
        ]
    }

    /// Normal mode on `screen`: help and quit first, then the screen's own
    /// keys (what the key bar shows first is what the screen is for), then the rest.
    /// `readOnly`: nothing may be entered (a read-only file, a viewer);
    /// `mayApprove`: the officer is an approver. Keys they may not use stay
    /// bound, so pressing one says why nothing happens, but the key bar and
    /// the help no longer offer them.
    static func normal(_ t: Texts, screen: Screen, readOnly: Bool, mayApprove: Bool = true, viewer: Bool = false) -> [KeyBinding<Action>] {
        let g = global(t)
        var own = ScreenDispatch.keys(screen, t, readOnly: readOnly) + undo(t)
        let why = viewer ? t.pick(" (vai trò chỉ xem)", " (viewer role)") : t.pick(" (đang chỉ đọc)", " (read-only now)")
        own = own.map { b in
            if readOnly, Action.entry.contains(b.action) || b.action == .undo || b.action == .redo {
                return KeyBinding(b.keys, help: b.help + why, action: b.action)
            }
            if !mayApprove || readOnly, Action.approval.contains(b.action) {
                return KeyBinding(b.keys, help: b.help + (readOnly ? why : t.pick(" (cần vai trò duyệt)", " (approvers only)")), action: b.action)
            }
            return b
        }
        return Array(g.prefix(2)) + own + g.dropFirst(2)
    }

    static func form(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding([.function(2), .ctrl("s")], label: t.pick("Lưu", "Save"), help: t.pick("Lưu", "Save"), action: .save),
            // Ctrl-C is an officer's reflex for "get me out": it asks like Esc rather than lose what was typed.
            KeyBinding([.escape, .ctrl("c")], label: t.pick("Hủy", "Cancel"), help: t.pick("Hủy (hỏi trước nếu đã sửa)", "Cancel (asks when changed)"), action: .cancelForm),
            KeyBinding(.tab, label: t.pick("Trường sau", "Next"), help: t.pick("Trường sau", "Next field"), action: .nextField),
            KeyBinding(.backTab, help: t.pick("Trường trước", "Previous field"), action: .previousField),
            KeyBinding([.function(6), .ctrl("t")], label: "Telex", help: t.pick("Bật/tắt gõ Telex", "Telex typing on/off"), action: .toggleTelex),
        ]
    }

    static func grid(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding(.tab, label: t.pick("Ô sau", "Next cell"), help: t.pick("Ô sau (cuối dòng: lưu, sang dòng mới)", "Next cell (end of row: save, new row)"), action: .nextField),
            KeyBinding(.backTab, help: t.pick("Ô trước", "Previous cell"), action: .previousField),
            KeyBinding([.function(2), .ctrl("s")], label: t.pick("Lưu dòng", "Save row"), help: t.pick("Lưu dòng", "Save the row"), action: .save),
            KeyBinding([.escape, .ctrl("c")], label: t.pick("Đóng", "Close"), help: t.pick("Đóng bảng (lưu dòng đang nhập, hỏi trước khi bỏ dòng lỗi)", "Close (saves the row; asks before dropping rows in error)"), action: .cancelForm),
            KeyBinding([.function(6), .ctrl("t")], label: "Telex", help: t.pick("Bật/tắt gõ Telex", "Telex typing on/off"), action: .toggleTelex),
        ]
    }

    static func help(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding([.escape, .character("?"), .function(1), .enter, .character("q")], label: t.pick("Đóng", "Close"),
                       help: t.pick("Đóng trợ giúp", "Close help"), action: .closeOverlay),
            KeyBinding([.function(10), .ctrl("c")], label: t.pick("Thoát", "Quit"), help: t.pick("Thoát", "Quit"), action: .quit),
        ]
    }

    /// Search mode: printable keys go to the draft (see `message(for:)`).
    static func search(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding(.enter, label: t.pick("Xong", "Done"), help: t.pick("Giữ kết quả tìm", "Keep the search"), action: .commitSearch),
            KeyBinding(.escape, label: t.pick("Xóa tìm", "Clear"), help: t.pick("Xóa tìm kiếm", "Clear the search"), action: .cancelSearch),
            KeyBinding(.backspace, label: t.pick("Xóa ký tự", "Delete"), help: t.pick("Xóa ký tự cuối", "Delete a character"), action: .deleteBackward),
            KeyBinding([.up], help: t.pick("Lên một dòng", "Up one row"), action: .up),
            KeyBinding([.down], help: t.pick("Xuống một dòng", "Down one row"), action: .down),
            KeyBinding([.ctrl("c")], help: t.pick("Thoát", "Quit"), action: .quit),
        ]
    }

    /// The table in force: the mode's, and in normal mode the current screen's.
    public static func table(_ s: AppState) -> KeyMap<Action> {
        if s.isEmptyDatabase, s.mode == .normal { return KeyMap(empty(s.texts, readOnly: s.isReadOnly)) }
        if s.mode.kind == .normal {
            return KeyMap(normal(s.texts, screen: s.screen.id, readOnly: s.entryRefusal != nil, mayApprove: s.approvalRefusal == nil,
                                 viewer: !s.isReadOnly && s.entryRefusal != nil))
        }
        return table(s.mode.kind, s.texts, screen: s.screen.id, readOnly: s.isReadOnly)
    }

    /// A database with no unit yet: no screen has anything to show; the first unit can be added.
    static func empty(_ t: Texts, readOnly: Bool) -> [KeyBinding<Action>] {
        let add = KeyBinding(.character("a"), label: t.pick("Thêm đơn vị", "Add a unit"), help: t.pick("Thêm đơn vị đầu tiên (cấp cao nhất)", "Add the first (top) unit"), action: Action.addRecord)
        return Array(global(t).prefix(2)) + (readOnly ? [] : [add])
    }

    static func table(_ mode: ModeKind, _ t: Texts, screen: Screen, readOnly: Bool) -> KeyMap<Action> {
        switch mode {
        case .normal: KeyMap(normal(t, screen: screen, readOnly: readOnly))
        case .help: KeyMap(help(t))
        case .search: KeyMap(search(t))
        case .form: KeyMap(form(t))
        case .grid: KeyMap(grid(t))
        case .goTo: KeyMap(GoToState.keys(t))
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
        if let action = table(state).action(for: key) { return .action(action) }
        switch (state.mode.kind, key) {
        case let (.search, .character(c)): return .typed(c)
        case let (.search, .paste(text)): return .pasted(text)
        case (.form, _), (.grid, _): return .formKey(key)
        case (.goTo, _): return .goToKey(key)
        default: return nil
        }
    }
}
