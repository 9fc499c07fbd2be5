import CNcursesw
import TerminalUI

/// Turns what `wget_wch` returned into a `Key`.
enum CursesKeyDecoder {
    /// Key codes given (define_key) to the bracketed-paste markers; ncurses
    /// leaves codes above KEY_MAX to the program.
    static let pasteStart: Int32 = KEY_MAX + 1
    static let pasteEnd: Int32 = KEY_MAX + 2
    static let pasteStartSequence = BracketedPaste.startSequence
    static let pasteEndSequence = BracketedPaste.endSequence

    /// A plain code point (`wget_wch` returned OK). Vietnamese letters from
    /// an IME arrive here as single code points (ế is U+1EBF).
    static func character(_ code: UInt32) -> Key {
        switch code {
        case 9: return .tab
        // nonl() keeps Enter as CR; LF (Ctrl-J) means the same to a user.
        case 10, 13: return .enter
        case 27: return .escape
        // Terminals send DEL or Ctrl-H for Backspace, depending on settings.
        case 8, 127: return .backspace
        case 1...26:
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<32, 0x80..<0xA0:
            return .unknown
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown }
            return .character(Character(scalar))
        }
    }

    /// A key code (`wget_wch` returned KEY_CODE_YES). Resize and mouse need
    /// the terminal, so the caller handles those.
    static func keyCode(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case shim_KEY_F(1)...shim_KEY_F(63): return .function(Int(code - shim_KEY_F(0)))
        default: return .unknown
        }
    }

    static func mouse(_ event: MEVENT) -> Key {
        let state = event.bstate
        if state & (shim_BUTTON1_PRESSED() | shim_BUTTON1_CLICKED()) != 0 {
            return .mouse(.click(x: Int(event.x), y: Int(event.y)))
        }
        if state & shim_BUTTON4_PRESSED() != 0 { return .mouse(.wheelUp) }
        if state & shim_BUTTON5_PRESSED() != 0 { return .mouse(.wheelDown) }
        return .unknown
    }
}
