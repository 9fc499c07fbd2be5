import Foundation
import TerminalUI

/// Plain-text rows of a buffer, for comparing against literal lines.
func lines(_ buffer: Buffer) -> [String] { PlainTextRenderer.lines(buffer) }

/// Role rows of a buffer, for comparing against literal lines.
func roles(_ buffer: Buffer) -> [String] { RoleRenderer.lines(buffer) }

/// True when `text` holds a C0 control other than the line breaks the
/// renderers put between rows, DEL or a C1 control.
func containsControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { s in
        (s.value < 0x20 && s != "\n") || (0x7F..<0xA0).contains(s.value)
    }
}

func nfd(_ text: String) -> String { text.decomposedStringWithCanonicalMapping }
func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }
