import DVKCore
import Foundation
import TerminalUI

/// `dvk status` as text: the blocks of `StatusText` drawn into terminal
/// buffers and read back by the plain-text renderer. Widths, alignment, the
/// sanitiser and NFC are the toolkit's, so the CLI table lines up exactly as
/// the screen and the printed snapshots do.
public enum StatusReport {
    /// Columns of a table are this many blanks apart.
    public static let columnGap = 2

    /// The whole report, one line per item, trailing spaces trimmed, ending in a newline.
    public static func text(_ o: Overview, lang: Language, dataAsOf: Day? = nil) -> String {
        lines(StatusText.blocks(o, lang: lang, dataAsOf: dataAsOf)).joined(separator: "\n") + "\n"
    }

    public static func lines(_ blocks: [StatusText.Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case let .line(text): return [line(text)]
            case let .table(t): return PlainTextRenderer.lines(buffer(t))
            }
        }
    }

    /// One row, wide enough for its text: no cluster is wider than its
    /// UTF-8 bytes (the sanitiser's "·" included), and the renderer trims
    /// the blanks after it. A country's alert list is some ten thousand
    /// lines, not worth measuring twice.
    static func line(_ text: String) -> String {
        var b = Buffer(width: text.utf8.count, height: 1)
        b.write(text, x: 0, y: 0)
        return PlainTextRenderer.render(b)
    }

    /// The header, a rule under each column, then the rows; each column as
    /// wide as its widest cell.
    public static func buffer(_ t: StatusText.Table) -> Buffer {
        let all = [t.header] + t.rows
        let widths = t.header.indices.map { i in all.map { i < $0.count ? width($0[i]) : 0 }.max() ?? 0 }
        var xs: [Int] = [], x = 0
        for w in widths {
            xs.append(x)
            x += w + columnGap
        }
        var b = Buffer(width: max(0, x - columnGap), height: all.count + 1)
        func draw(_ cells: [String], y: Int, role: StyleRole) {
            for (i, cell) in cells.enumerated() where i < widths.count {
                b.write(cell, x: xs[i], y: y, width: widths[i], alignment: t.rightAligned.contains(i) ? .right : .left, role: role)
            }
        }
        draw(t.header, y: 0, role: .header)
        for (i, w) in widths.enumerated() where w > 0 {
            b.write(String(repeating: "─", count: w), x: xs[i], y: 1, role: .muted)
        }
        for (r, row) in t.rows.enumerated() { draw(row, y: r + 2, role: .normal) }
        return b
    }

    /// Columns `text` takes when written into a buffer: measured as `Buffer.write`
    /// draws it (sanitised, NFC), with the toolkit's `CellWidth`.
    static func width(_ text: String) -> Int {
        CellWidth.of(sanitize(text).precomposedStringWithCanonicalMapping)
    }
}
