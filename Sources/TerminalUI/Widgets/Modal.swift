/// A centred dialog: a titled panel, text wrapped by display width, and a
/// line of choices.
///
///     ┌ Title ─────────────────┐
///     │ Text wrapped to fit,   │
///     │ word by word.          │
///     │                        │
///     │    [ Yes ]    No       │
///     └────────────────────────┘
///
/// The selected choice is bracketed and in `.focus`, so it shows on paper
/// and in mono too; brackets are blanks on the others, so moving the
/// selection never shifts the line.
public struct Modal: Hashable, Sendable {
    public var title: String
    public var text: String
    public var choices: [String]
    public var selected: Int?
    /// E.g. `.error` for a failure message.
    public var textRole: StyleRole
    /// The widest the text wraps to, so long messages stay readable.
    public var maxTextWidth: Int

    public init(title: String, text: String, choices: [String] = [], selected: Int? = nil,
                textRole: StyleRole = .normal, maxTextWidth: Int = 48) {
        self.title = title
        self.text = text
        self.choices = choices
        self.selected = selected
        self.textRole = textRole
        self.maxTextWidth = maxTextWidth
    }

    /// A message with one way out, e.g. "Enter OK".
    public static func message(title: String, text: String, dismiss: String, textRole: StyleRole = .normal) -> Modal {
        Modal(title: title, text: text, choices: [dismiss], textRole: textRole)
    }

    /// A question with an accept and a cancel choice; `selected` 0 is accept.
    public static func confirm(title: String, text: String, accept: String, cancel: String, selected: Int = 1) -> Modal {
        Modal(title: title, text: text, choices: [accept, cancel], selected: selected)
    }

    /// The choices line, e.g. "[ Yes ]    No  ".
    public var choiceLine: String {
        choices.indices.map(choiceText).joined(separator: " ")
    }

    /// The panel's rect in `area`, and the wrapped lines it holds.
    public func layout(in area: Rect) -> (frame: Rect, lines: [String]) {
        let wrapWidth = max(1, min(maxTextWidth, area.width - 4))
        let lines = TextWrap.lines(text, width: wrapWidth)
        let content = max(lines.map { CellWidth.of($0) }.max() ?? 0,
                          CellWidth.of(Buffer.prepare(choiceLine)),
                          CellWidth.of(Buffer.prepare(title)) + 2)
        let rows = lines.count + (choices.isEmpty ? 0 : 2)
        return (area.centered(width: content + 4, height: rows + 2), lines)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let (frame, lines) = layout(in: area.intersection(buffer.area))
        guard !frame.isEmpty else { return }
        let panel = Panel(title: title, isFocused: true)
        panel.render(into: &buffer, area: frame)
        let inner = panel.inner(of: frame).inset(dx: 1, dy: 0)
        guard !inner.isEmpty else { return }
        var textRows = inner.height
        if !choices.isEmpty {
            drawChoices(into: &buffer, x: inner.x, y: inner.maxY - 1, width: inner.width)
            textRows = max(0, textRows - 2)
        }
        for (i, line) in lines.prefix(textRows).enumerated() {
            // Rows left out of a short panel: the last one shown ends on "…".
            let text = i == textRows - 1 && lines.count > textRows ? Self.continued(line, width: inner.width) : line
            buffer.write(text, x: inner.x, y: inner.y + i, width: inner.width, alignment: .left, role: textRole)
        }
    }

    private func drawChoices(into buffer: inout Buffer, x: Int, y: Int, width: Int) {
        let total = CellWidth.of(Buffer.prepare(choiceLine))
        var column = x + max(0, (width - total) / 2)
        let limit = x + width
        for i in choices.indices {
            if i > 0 { column += 1 }
            column += buffer.write(choiceText(i), x: column, y: y, role: i == selected ? .focus : .normal,
                                   maxWidth: max(0, limit - column))
        }
    }

    /// `line` with "…" after it, or in its last cell when it fills the width.
    private static func continued(_ line: String, width: Int) -> String {
        CellWidth.of(line) < width ? line + Truncation.ellipsis : Truncation.marked(line, width: width)
    }

    private func choiceText(_ i: Int) -> String {
        i == selected ? "[ \(choices[i]) ]" : "  \(choices[i])  "
    }
}
