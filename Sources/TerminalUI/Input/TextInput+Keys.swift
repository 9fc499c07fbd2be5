extension TextInput {
    /// Applies an editing key; returns false for keys a one-line field
    /// doesn't use (Enter, Tab, Esc, ↑, ↓, ...), which the caller handles.
    /// Keys at a limit (← at the start) are still consumed, so they don't
    /// leak into the screen's own bindings while typing.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .ctrl("a"): home()
        case .end, .ctrl("e"): end()
        case .backspace: backspace()
        case .delete: delete()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("u"): deleteToStart()
        default: return false
        }
        return true
    }

    /// The part of the text to show in a field `width` columns wide, and
    /// the cursor's column in it.
    ///
    /// A pure function of the value, so the same state always draws the
    /// same way: the text starts at its beginning while the cursor fits,
    /// otherwise it scrolls just enough to put the cursor (and the whole
    /// wide character under it) in the last columns. Widths are display
    /// columns, so wide characters count 2 and are never cut in half.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let characters = Array(text)
        let widths = characters.map { CellWidth.of($0) }
        // At the end the cursor sits on a blank column after the text.
        var used = cursor < characters.count ? max(1, widths[cursor]) : 1
        var start = cursor
        while start > 0, used + widths[start - 1] <= width {
            start -= 1
            used += widths[start]
        }
        var shown = ""
        var column = 0
        for i in start..<characters.count {
            if column + widths[i] > width { break }
            shown.append(characters[i])
            column += widths[i]
        }
        return (shown, widths[start..<cursor].reduce(0, +))
    }
}
