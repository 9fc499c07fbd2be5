/// One line of the help overlay: the keys and what they do.
public struct HelpEntry: Hashable, Sendable {
    public var keys: String
    public var description: String

    public init(keys: String, description: String) {
        self.keys = keys
        self.description = description
    }
}

/// A centred panel listing keys and what they do, in two columns, with a
/// footer (e.g. how to close it). Built from the same `KeyMap` as the key
/// bar, so help can't disagree with the keys. Entries that don't fit end
/// in a "…" row.
public struct HelpOverlay: Hashable, Sendable {
    public var title: String
    public var entries: [HelpEntry]
    public var footer: String

    public init(title: String, entries: [HelpEntry], footer: String = "") {
        self.title = title
        self.entries = entries
        self.footer = footer
    }

    public init<Action>(title: String, keyMap: KeyMap<Action>, footer: String = "") {
        self.init(title: title, entries: keyMap.helpEntries, footer: footer)
    }

    /// Rows available for entries inside a frame of `height`.
    private func entryRows(height: Int) -> Int { max(0, height - 2 - (footer.isEmpty ? 0 : 2)) }

    /// One column when every entry fits the height of `area`, else two side by side.
    public func columns(in area: Rect) -> Int {
        entries.count > entryRows(height: area.height) && area.width >= 60 ? 2 : 1
    }

    /// The panel's rect: as small as the content allows, centred in `area`.
    public func frame(in area: Rect) -> Rect {
        let pair = keyColumnWidth + 2 + (entries.map { width($0.description) }.max() ?? 0)
        let columns = columns(in: area)
        let content = max(columns == 2 ? pair * 2 + 3 : pair, width(footer), width(title) + 2)
        let rows = (entries.count + columns - 1) / columns + (footer.isEmpty ? 0 : 2)
        return area.centered(width: content + 4, height: rows + 2)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        let frame = frame(in: area)
        guard !frame.isEmpty else { return }
        let panel = Panel(title: title, isFocused: true)
        panel.render(into: &buffer, area: frame)
        let inner = panel.inner(of: frame).inset(dx: 1, dy: 0)
        guard !inner.isEmpty else { return }
        var rows = inner.height
        if !footer.isEmpty, rows >= 1 {
            buffer.write(footer, x: inner.x, y: inner.maxY - 1, width: inner.width, alignment: .left, role: .muted)
            rows = max(0, rows - 2)
        }
        let columns = columns(in: area)
        let columnWidth = columns == 2 ? (inner.width - 3) / 2 : inner.width
        let keyWidth = min(keyColumnWidth, columnWidth / 2)
        let capacity = rows * columns
        let shown = entries.count <= capacity ? entries.count : max(0, capacity - 1)
        for (i, entry) in entries.prefix(shown).enumerated() {
            // Fill the first column top to bottom, then the second.
            let column = i / max(1, rows), row = i % max(1, rows)
            let x = inner.x + column * (columnWidth + 3)
            let y = inner.y + row
            buffer.write(entry.keys, x: x, y: y, width: keyWidth, alignment: .left, role: .focus)
            buffer.write(entry.description, x: x + keyWidth + 2, y: y, width: columnWidth - keyWidth - 2, alignment: .left)
        }
        if shown < entries.count, rows > 0 {
            let i = shown
            buffer.write(Truncation.ellipsis, x: inner.x + (i / rows) * (columnWidth + 3), y: inner.y + i % rows, role: .muted)
        }
    }

    private var keyColumnWidth: Int { entries.map { width($0.keys) }.max() ?? 0 }

    private func width(_ text: String) -> Int { CellWidth.of(Buffer.prepare(text)) }
}
