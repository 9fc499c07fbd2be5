import CNcursesw
import TerminalUI

/// Role → curses attributes and colour pair, decided once at start-up from
/// the shared `StyleRole.style` table, so the screen matches `--ansi` output.
struct CursesPalette {
    private var attributes: [StyleRole: attr_t] = [:]
    private var pairs: [StyleRole: Int16] = [:]
    let usesColor: Bool

    /// Sets up colour pairs when colour is wanted and available; otherwise
    /// falls back to the roles' monochrome attributes.
    init(useColor: Bool) {
        var colorOK = useColor && has_colors()
        if colorOK {
            colorOK = start_color() != ERR
        }
        // Pair 0 is fixed by curses; roles take 1...n.
        if colorOK, shim_COLORS() < 8 || Int(shim_COLOR_PAIRS()) <= StyleRole.allCases.count {
            colorOK = false
        }
        usesColor = colorOK
        // -1 ("the terminal's own colour") needs use_default_colors; without
        // it, fall back to white on black.
        let defaultsOK = colorOK && use_default_colors() != ERR

        for (index, role) in StyleRole.allCases.enumerated() {
            let style = role.style
            if colorOK {
                let pair = Int16(index + 1)
                let fg = Self.color(style.foreground, fallback: Int16(COLOR_WHITE), defaultsOK: defaultsOK)
                let bg = Self.color(style.background, fallback: Int16(COLOR_BLACK), defaultsOK: defaultsOK)
                _ = init_pair(pair, fg, bg)
                pairs[role] = pair
                attributes[role] = Self.attr(style.attributes)
            } else {
                pairs[role] = 0
                attributes[role] = Self.attr(style.monoAttributes)
            }
        }
    }

    func attributes(for role: StyleRole) -> attr_t { attributes[role] ?? shim_A_NORMAL() }
    func pair(for role: StyleRole) -> Int16 { pairs[role] ?? 0 }

    private static func color(_ color: TerminalColor, fallback: Int16, defaultsOK: Bool) -> Int16 {
        if color == .default { return defaultsOK ? -1 : fallback }
        return Int16(color.rawValue)
    }

    private static func attr(_ attributes: TextAttributes) -> attr_t {
        var result = shim_A_NORMAL()
        if attributes.contains(.bold) { result |= shim_A_BOLD() }
        if attributes.contains(.underline) { result |= shim_A_UNDERLINE() }
        if attributes.contains(.reverse) { result |= shim_A_REVERSE() }
        if attributes.contains(.dim) { result |= shim_A_DIM() }
        return result
    }
}
