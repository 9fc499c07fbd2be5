extension TextInput {
    /// Applies an editing key; returns false for keys a one-line field
    /// doesn't use (Enter, Tab, Esc, ↑, ↓, ...), which the caller handles.
    /// Keys at a limit (← at the start) are still consumed, so they don't
    /// leak into the screen's own bindings while typing.
    /// A paste goes in whole, as one edit, cut at `limit`; a caller that
    /// wants to say so calls `insert` itself and reads what was left out.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .paste(let pasted): insert(pasted)
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
        // Only the Characters around the cursor are measured, so a long
        // field draws as fast as a short one.
        // At the end the cursor sits on a blank column after the text.
        var used = cursorIndex < text.endIndex ? max(1, CellWidth.of(text[cursorIndex])) : 1
        var start = cursorIndex
        var cursorColumn = 0
        while start > text.startIndex {
            let previous = text.index(before: start)
            let w = CellWidth.of(text[previous])
            guard used + w <= width else { break }
            start = previous
            used += w
            cursorColumn += w
        }
        var shown = ""
        var column = 0
        var i = start
        while i < text.endIndex {
            let w = CellWidth.of(text[i])
            if column + w > width { break }
            shown.append(text[i])
            column += w
            i = text.index(after: i)
        }
        return (shown, cursorColumn)
    }
}
