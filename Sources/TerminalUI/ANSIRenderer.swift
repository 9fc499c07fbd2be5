/// A buffer as text with ANSI SGR escapes, for `--ansi` output to a terminal
/// or pager. The only escapes in the output are the SGR codes written here:
/// cell text is sanitized when it enters the buffer.
public enum ANSIRenderer {
    /// With `colorsEnabled` false, roles use their monochrome attributes,
    /// so NO_COLOR/--mono output still distinguishes focus, headers, errors.
    /// A line never ends in a styled state, so a cut-off or `head`-ed output
    /// never leaves the terminal coloured.
    public static func render(_ buffer: Buffer, colorsEnabled: Bool = true) -> String {
        var lines: [String] = []
        lines.reserveCapacity(buffer.height)
        for y in 0..<buffer.height {
            var line = ""
            var current = StyleRole.normal
            for cell in buffer.row(y) where !cell.isContinuation {
                if cell.role != current {
                    line += sgr(for: cell.role, colorsEnabled: colorsEnabled)
                    current = cell.role
                }
                line += cell.text
            }
            if current != .normal { line += reset }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static let reset = "\u{1B}[0m"

    /// The full SGR for a role, starting from a reset so attributes of the
    /// previous role never leak into this one.
    public static func sgr(for role: StyleRole, colorsEnabled: Bool) -> String {
        let style = role.style
        var codes = ["0"]
        let attributes = colorsEnabled ? style.attributes : style.monoAttributes
        if attributes.contains(.bold) { codes.append("1") }
        if attributes.contains(.dim) { codes.append("2") }
        if attributes.contains(.underline) { codes.append("4") }
        if attributes.contains(.reverse) { codes.append("7") }
        if colorsEnabled {
            if style.foreground != .default { codes.append(String(30 + style.foreground.rawValue)) }
            if style.background != .default { codes.append(String(40 + style.background.rawValue)) }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
