import Testing
import TerminalUI

enum ToyAction: Equatable, Sendable { case quit, help, up, down, open, save, hidden }

let toyKeys = KeyMap<ToyAction>([
    KeyBinding(.character("q"), label: "Thoát", help: "Thoát chương trình", action: .quit),
    KeyBinding([.character("?"), .function(1)], label: "Trợ giúp", help: "Mở trợ giúp", action: .help),
    KeyBinding([.up, .character("k")], help: "Lên", action: .up),
    KeyBinding([.down, .character("j")], help: "Xuống", action: .down),
    KeyBinding(.enter, label: "Mở", help: "Mở mục đã chọn", action: .open),
    KeyBinding(.ctrl("s"), help: "", action: .save),
    // A second binding of q is shadowed by the first.
    KeyBinding(.character("q"), help: "", action: .hidden),
])

@Suite struct KeyMapTests {
    @Test func dispatchUsesTheFirstBindingOfAKey() {
        #expect(toyKeys.action(for: .character("q")) == .quit)
        #expect(toyKeys.action(for: .function(1)) == .help)
        #expect(toyKeys.action(for: .character("j")) == .down)
        #expect(toyKeys.action(for: .ctrl("s")) == .save)
        #expect(toyKeys.action(for: .character("x")) == nil)
        #expect(toyKeys.action(for: .character("Q")) == nil)
    }

    @Test func keyBarAndHelpComeFromTheSameTable() {
        #expect(toyKeys.keyBarHints == [
            KeyHint(key: "q", label: "Thoát"),
            KeyHint(key: "?", label: "Trợ giúp"),
            KeyHint(key: "Enter", label: "Mở"),
        ])
        #expect(toyKeys.helpEntries == [
            HelpEntry(keys: "q", description: "Thoát chương trình"),
            HelpEntry(keys: "? F1", description: "Mở trợ giúp"),
            HelpEntry(keys: "↑ k", description: "Lên"),
            HelpEntry(keys: "↓ j", description: "Xuống"),
            HelpEntry(keys: "Enter", description: "Mở mục đã chọn"),
        ])
        var buffer = Buffer(width: 40, height: 1)
        KeyBar(toyKeys.keyBarHints).render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == ["q Thoát  ? Trợ giúp  Enter Mở"])
    }

    @Test func keyDisplayNames() {
        let names: [(Key, String)] = [
            (.up, "↑"), (.down, "↓"), (.left, "←"), (.right, "→"), (.enter, "Enter"), (.escape, "Esc"),
            (.pageDown, "PgDn"), (.pageUp, "PgUp"), (.function(1), "F1"), (.function(12), "F12"),
            (.ctrl("s"), "^S"), (.tab, "Tab"), (.backTab, "⇧Tab"), (.character("q"), "q"),
            (.character("ế"), "ế"), (.character(" "), "Space"), (.home, "Home"), (.end, "End"),
            (.backspace, "Bksp"), (.delete, "Del"),
        ]
        for (key, name) in names {
            #expect(key.displayName == name)
        }
    }
}
