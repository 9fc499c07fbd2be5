/// The placeholder drawn where data contained a control character.
public let controlPlaceholder: Character = "·"

/// Makes text safe to put in a cell.
///
/// Data (names, notes, imported files) may contain ESC, BEL or C1 codes;
/// written raw they would become terminal escape sequences, or hide and
/// reorder text in a printout. Every control character, and every bidi
/// override, embedding, isolate or mark (U+202E can make "Xã A" read as
/// another name), is replaced by a visible "·", so the data stays truthful
/// and nothing can be injected or spoofed. Tab, CR and line breaks become
/// one space each because a cell row is one line: the words stay separated
/// and the layout stays put.
///
/// This is the one sanitiser: the terminal, stdout, stderr and every
/// written file go through it (see docs/RELIABILITY.md).
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
        case 0x00..<0x20, 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            out.append(contentsOf: controlPlaceholder.unicodeScalars)
        default:
            out.append(scalar)
        }
    }
    return String(out)
}

/// `sanitize` for text of several lines (a status table, a message): each
/// line is made safe and the line breaks between them are kept.
public func sanitizeLines(_ text: String) -> String {
    if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitize(String($0)) }.joined(separator: "\n")
}
