import DVKCore
import TerminalUI

/// The frame around every screen: tabs and year on top, the breadcrumb under
/// them, the status line and the key bar at the bottom.
enum Chrome {
    static func render(_ s: AppState, _ b: inout Buffer) {
        let t = s.texts
        let width = s.size.width
        // Row 0: screen tabs, year on the right.
        b.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .header)
        for (screen, x, label) in tabs(s) {
            b.write(label, x: x, y: 0, role: screen == s.screen.id ? .focus : .header)
        }
        let year = yearLabel(s)
        b.write(year, x: width - CellWidth.of(year) - 1, y: 0, role: .header)

        // Row 1: where we are, and how fresh the data is.
        let path = s.overview?.path.map(\.name) ?? []
        // Which map the figures are on is part of what they mean: always in view.
        var right = t.words.mapView(s.map)
        if let d = s.dataAsOf {
            // The place comes first: on a narrow screen the date loses its words before the breadcrumb its names.
            let full = right + " · \(t.words.dataAsOf) \(d)"
            let pathWidth = CellWidth.of(path.joined(separator: " › "))
            right = pathWidth + CellWidth.of(full) + 4 <= width ? full : right + " · \(d)"
        }
        let rightWidth = CellWidth.of(right)
        Breadcrumb(path.isEmpty ? ["…"] : path).render(into: &b, area: Rect(x: 1, y: 1, width: width - rightWidth - 3, height: 1))
        b.write(right, x: width - rightWidth - 1, y: 1, role: .muted)

        // Status line: the search being typed, else the last message, else what is loaded.
        let statusY = s.size.height - 2
        StatusLine(left: statusText(s), right: s.isLoading ? t.loading : "", role: s.notice?.kind == .error ? .error : .header)
            .render(into: &b, area: Rect(x: 0, y: statusY, width: width, height: 1))
        // Keys that do not fit are in the help, and the bar says so.
        KeyBar(Keys.table(s).keyBarHints, overflowLabel: t.pick("? thêm", "? more"))
            .render(into: &b, area: Rect(x: 0, y: s.size.height - 1, width: width, height: 1))
    }

    /// Each tab's screen, column and label: " 1 Tổng quan ".
    static func tabs(_ s: AppState) -> [(Screen, Int, String)] {
        let labels = tabLabels(s)
        let total = labels.reduce(0) { $0 + CellWidth.of($1.1) }
        // Tabs sit a column apart when there is room, else side by side.
        let gap = 1 + total + labels.count + CellWidth.of(yearLabel(s, tabsWidth: total)) + 1 <= s.size.width ? 1 : 0
        var x = 1
        var out: [(Screen, Int, String)] = []
        for (screen, label) in labels {
            out.append((screen, x, label))
            x += CellWidth.of(label) + gap
        }
        return out
    }

    /// " 1 Tổng quan ": each screen's tab.
    static func tabLabels(_ s: AppState) -> [(Screen, String)] {
        Screen.allCases.map { ($0, " \($0.rawValue) \($0.tabTitle(s.lang)) ") }
    }

    /// “◂[ Năm 2025 ]▸”, shorter when the tabs need the room (the last tab's
    /// own blank keeps them apart).
    static func yearLabel(_ s: AppState, tabsWidth: Int? = nil) -> String {
        let t = s.texts
        let y = s.location.year
        let tabs = tabsWidth ?? tabLabels(s).reduce(0) { $0 + CellWidth.of($1.1) }
        let labels = ["◂[ \(t.words.year.capitalized) \(y) ]▸", "◂[ \(y) ]▸", "◂ \(y) ▸"]
        return labels.first { 1 + tabs + CellWidth.of($0) + 1 <= s.size.width } ?? labels[2]
    }

    static func tab(at x: Int, _ s: AppState) -> Screen? {
        tabs(s).first { x >= $0.1 && x < $0.1 + CellWidth.of($0.2) }?.0
    }

    static func statusText(_ s: AppState) -> String {
        let t = s.texts
        if let draft = s.searchDraft { return " \(t.search): \(draft)▏" }
        if let n = s.notice { return (n.kind == .error ? " ⚠ " : " ") + n.text }
        if s.form?.telex == true || s.grid?.telex == true { return " " + t.telexOn }
        return ""
    }
}
