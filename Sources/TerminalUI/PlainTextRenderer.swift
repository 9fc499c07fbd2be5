/// A buffer as plain text: what golden files and `--plain` output hold.
/// There is no colour here, so screens must already show status by glyph or
/// word; that is what keeps black-and-white printouts meaningful.
public enum PlainTextRenderer {
    /// One string per row, trailing spaces trimmed.
    public static func lines(_ buffer: Buffer) -> [String] {
        (0..<buffer.height).map { y in
            var line = ""
            for cell in buffer.row(y) where !cell.isContinuation { line += cell.text }
            return trimTrailingSpaces(line)
        }
    }

    /// Rows joined by "\n" (no newline after the last row).
    public static func render(_ buffer: Buffer) -> String {
        lines(buffer).joined(separator: "\n")
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            guard line[before] == " " else { break }
            end = before
        }
        return String(line[..<end])
    }
}
