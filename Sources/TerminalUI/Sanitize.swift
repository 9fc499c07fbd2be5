/// The placeholder drawn where data contained a control character.
public let controlPlaceholder: Character = "·"

/// Makes text safe to put in a cell.
///
/// Data (names, notes, imported files) may contain ESC, BEL or C1 codes;
/// written raw they would become terminal escape sequences, or hide and
/// reorder text in a printout. Every control character is replaced by a
/// visible "·", so the data stays truthful and nothing can be injected.
/// Tab, CR and line breaks become one space each because a cell row is one
/// line: the words stay separated and the layout stays put.
public func sanitize(_ text: String) -> String {
    // Printable ASCII is by far the common case: no allocation.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
    var out = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
        let v = scalar.value
        defer { previousWasCR = v == 0x0D }
        switch v {
        case 0x0A where previousWasCR:
            continue  // CRLF is one line break, one space
        case 0x09, 0x0A, 0x0D, 0x2028, 0x2029:
            out.append(" ")
        case 0x00..<0x20, 0x7F..<0xA0:
            out.append(contentsOf: controlPlaceholder.unicodeScalars)
        default:
            out.append(scalar)
        }
    }
    return String(out)
}
