/// A vertical list of labelled fields:
///
///       Mã đơn vị      [ XA-01          ]
///     ▶ Tên đơn vị *   [ Suối Giàng     ]
///                      ⚠ Không được để trống
///       Loại           [ Xã           ▾ ]
///       Hoạt động      [ ☑ Có           ]
///
/// The focused field has a "▶" before its label and its box in `.focus`,
/// so focus shows on a black-and-white printout as well as on screen.
/// Labels share one column as wide as the widest (up to `maxLabelWidth`).
/// Under a field go its error (wrapped, `.error`) or else its hint
/// (`.muted`), so a field's height doesn't change with focus. When the
/// fields don't fit, whole fields scroll so the focused one and its notes
/// are in view. Title and footer belong to the caller (e.g. a `Panel`).
public struct Form: Hashable, Sendable {
    public var fields: [FormField]
    /// The first field shown, as kept in the caller's state; see `firstVisibleField(in:)`.
    public var offset: Int
    public var maxLabelWidth: Int
    /// The widest a value box gets, brackets included, so a wide screen
    /// doesn't stretch short values across it.
    public var maxBoxWidth: Int

    public static let focusMarker = "▶"

    public init(fields: [FormField], offset: Int = 0, maxLabelWidth: Int = 24, maxBoxWidth: Int = 40) {
        self.fields = fields
        self.offset = offset
        self.maxLabelWidth = maxLabelWidth
        self.maxBoxWidth = maxBoxWidth
    }

    public var focusedIndex: Int? { fields.firstIndex(where: \.isFocused) }

    /// The first field drawn in `area`: `offset`, moved just enough that the
    /// focused field and its notes fit, and moved back up rather than leave
    /// empty rows at the bottom while fields above are hidden. Store it as
    /// the next `offset` so scrolling only happens at the edges.
    public func firstVisibleField(in area: Rect) -> Int {
        guard !fields.isEmpty else { return 0 }
        let geometry = Geometry(form: self, width: area.width)
        let heights = fields.map { 1 + $0.notes(width: geometry.noteWidth).count }
        func rows(_ range: Range<Int>) -> Int { heights[range].reduce(0, +) }
        var first = min(max(0, offset), fields.count - 1)
        if let focused = focusedIndex {
            first = min(first, focused)
            // A focused block taller than the area shows from its top.
            while first < focused, rows(first..<(focused + 1)) > area.height { first += 1 }
        }
        while first > 0, rows((first - 1)..<fields.count) <= area.height { first -= 1 }
        return first
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let g = Geometry(form: self, width: area.width)
        var y = area.y
        for field in fields[firstVisibleField(in: area)...] {
            guard y < area.maxY else { break }
            draw(field, into: &buffer, x: area.x, y: y, geometry: g)
            y += 1
            for note in field.notes(width: g.noteWidth) where y < area.maxY {
                buffer.write(note.text, x: area.x + g.boxX, y: y, width: g.noteWidth, alignment: .left, role: note.role)
                y += 1
            }
        }
    }

    /// Where the terminal cursor goes: in the focused `.text` field's box,
    /// after the text or on the character it will edit. Nil when the focus
    /// is on another kind of field or scrolled out of `area`.
    public func cursorPosition(in area: Rect) -> Point? {
        guard let focused = focusedIndex, fields[focused].kind == .text else { return nil }
        let g = Geometry(form: self, width: area.width)
        guard g.contentWidth > 0 else { return nil }
        let first = firstVisibleField(in: area)
        guard focused >= first else { return nil }
        let y = area.y + fields[first..<focused].reduce(0) { $0 + 1 + $1.notes(width: g.noteWidth).count }
        guard y < area.maxY else { return nil }
        let column = Self.input(fields[focused]).visible(width: g.contentWidth).cursorColumn
        return Point(x: area.x + g.contentX + column, y: y)
    }

    // MARK: - Internals

    /// Column positions relative to the form's left edge.
    private struct Geometry {
        let labelWidth: Int
        let boxX: Int
        let boxWidth: Int
        /// Inside "[ " and " ]".
        var contentX: Int { boxX + 2 }
        var contentWidth: Int { max(0, boxWidth - 4) }
        /// Notes run from the box to the right edge.
        let noteWidth: Int

        init(form: Form, width: Int) {
            let widest = form.fields.map { CellWidth.of(Buffer.prepare($0.label)) + ($0.isRequired ? 2 : 0) }.max() ?? 0
            // The label column gives way first so a narrow form keeps a usable box.
            labelWidth = max(0, min(widest, form.maxLabelWidth, width - 3 - 10))
            boxX = 2 + labelWidth + 1
            boxWidth = max(0, min(form.maxBoxWidth, width - boxX))
            noteWidth = max(0, width - boxX)
        }
    }

    private static func input(_ field: FormField) -> TextInput {
        TextInput(field.value, cursor: field.cursor)
    }

    private func draw(_ field: FormField, into buffer: inout Buffer, x: Int, y: Int, geometry g: Geometry) {
        if field.isFocused { buffer.write(Self.focusMarker, x: x, y: y, role: .focus) }
        buffer.write(field.labelText(width: g.labelWidth), x: x + 2, y: y, width: g.labelWidth, alignment: .left)
        guard g.boxWidth >= 2 else { return }
        let role: StyleRole = field.isFocused ? .focus : .normal
        let box = Rect(x: x + g.boxX, y: y, width: g.boxWidth, height: 1)
        buffer.fill(box, role: role)
        buffer.write("[", x: box.x, y: y, role: role)
        buffer.write("]", x: box.maxX - 1, y: y, role: role)
        let cx = x + g.contentX, cw = g.contentWidth
        guard cw > 0 else { return }
        switch field.kind {
        case .text:
            let text = field.isFocused ? Self.input(field).visible(width: cw).text : Truncation.end(field.value, width: cw)
            buffer.write(text, x: cx, y: y, role: role, maxWidth: cw)
        case .choice:
            buffer.write(field.value, x: cx, y: y, width: max(0, cw - 2), alignment: .left, role: role)
            buffer.write("▾", x: cx + cw - 1, y: y, role: role)
        case .toggle(let isOn):
            buffer.write((isOn ? "☑ " : "☐ ") + field.value, x: cx, y: y, width: cw, alignment: .left, role: role)
        }
    }
}
