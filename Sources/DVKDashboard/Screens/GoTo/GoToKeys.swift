import DVKCore
import TerminalUI

/// The go-to box's keys. Everything not here edits what is typed
/// (`Keys.message` sends it as `.goToKey`), so letters, ← → Home End and
/// Backspace work on the text as in any field.
extension GoToState {
    static func keys(_ t: Texts) -> [KeyBinding<Action>] {
        [
            KeyBinding(.enter, label: t.pick("Đi đến", "Go"), help: t.pick("Mở đơn vị đang chọn", "Open the chosen unit"), action: .chooseUnit),
            KeyBinding(.escape, label: t.pick("Đóng", "Close"), help: t.pick("Đóng, ở lại chỗ cũ", "Close, stay where you are"), action: .closeOverlay),
            KeyBinding(.up, label: t.pick("Lên", "Up"), help: t.pick("Lên một dòng", "Up one row"), action: .up),
            KeyBinding(.down, label: t.pick("Xuống", "Down"), help: t.pick("Xuống một dòng", "Down one row"), action: .down),
            KeyBinding(.pageUp, help: t.pick("Lên một trang", "Page up"), action: .pageUp),
            KeyBinding(.pageDown, help: t.pick("Xuống một trang", "Page down"), action: .pageDown),
            KeyBinding([.ctrl("c")], help: t.pick("Thoát", "Quit"), action: .quit),
        ]
    }
}
