import Foundation

/// Where the user is: "A › B › Cấp ba", the last item in `.focus`. When
/// too long, leading items give way first ("… › B › Cấp ba"). Items left
/// out always show as "…": with no room for "… › " the separator is
/// squeezed ("…›Cấp ba"), and with none for that either the current item
/// loses its start instead ("…p ba"), because the current place is what the
/// line is for.
public struct Breadcrumb: Hashable, Sendable {
    public var items: [String]
    public var separator: String

    public init(_ items: [String], separator: String = " › ") {
        self.items = items
        self.separator = separator
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        guard let last = items.last else { return }
        let (prefix, current) = fitted(width: area.width, last: last)
        let used = buffer.write(prefix, x: area.x, y: area.y, maxWidth: area.width)
        buffer.write(current, x: area.x + used, y: area.y, role: .focus, maxWidth: area.width - used)
    }

    /// The text before the last item, and the last item, as they fit.
    private func fitted(width: Int, last: String) -> (prefix: String, current: String) {
        let lastWidth = CellWidth.of(Buffer.prepare(last))
        let parents = items.dropLast()
        for dropped in 0...parents.count {
            let parts = (dropped > 0 ? [Truncation.ellipsis] : []) + parents.dropFirst(dropped)
            let prefix = parts.isEmpty ? "" : parts.joined(separator: separator) + separator
            if CellWidth.of(Buffer.prepare(prefix)) + lastWidth <= width { return (prefix, last) }
        }
        // No room for "… › ": the separator without its blanks ("…›").
        let squeezed = Truncation.ellipsis + separator.trimmingCharacters(in: .whitespaces)
        if !parents.isEmpty, CellWidth.of(Buffer.prepare(squeezed)) + lastWidth <= width { return (squeezed, last) }
        // Nor that: the end of the current place, after a "…" that stands
        // for what was left out.
        let current = Buffer.prepare(last)
        if parents.isEmpty { return ("", Truncation.start(current, width: width)) }
        return ("", String(Truncation.marked(String(current.reversed()), width: width).reversed()))
    }
}
