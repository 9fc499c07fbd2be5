import DVKCore
import TerminalUI

/// Draws the whole screen from the state into a buffer: the terminal, the
/// golden files and the printouts all show this one grid.
public enum View {
    public static let minimumSize = Size(width: 80, height: 24)

    public static func render(_ s: AppState) -> Buffer {
        var b = Buffer(size: s.size)
        guard s.size.width >= minimumSize.width, s.size.height >= minimumSize.height else {
            tooSmall(s, &b)
            return b
        }
        Chrome.render(s, &b)
        let body = Layouts.body(s.size)
        if s.isEmptyDatabase {
            emptyDatabase(s, &b, body)
            return b
        }
        if s.mode == .grid {
            GridView.render(s, into: &b, body: body)
            return b
        }
        switch s.screen {
        case .overview: OverviewView.render(s, into: &b, area: body)
        case .units: UnitsView.render(s, into: &b, area: body)
        case .models: ModelsView.render(s, into: &b, area: body)
        case .satisfaction: SatisfactionView.render(s, into: &b, area: body)
        case .history: HistoryView.render(s, into: &b, area: body)
        }
        if s.mode == .form { FormView.render(s, into: &b, body: body) }
        if s.mode == .help { HelpView.render(s, into: &b, area: b.area) }
        return b
    }

    /// Where the terminal cursor shows: in the text being typed, else hidden.
    public static func cursor(_ s: AppState) -> Point? {
        guard s.size.width >= minimumSize.width, s.size.height >= minimumSize.height else { return nil }
        let body = Layouts.body(s.size)
        switch s.mode {
        case .form: return FormView.cursor(s, body: body)
        case .grid: return GridView.cursor(s, body: body)
        case .search:
            let text = Chrome.statusText(s)
            // A long search runs past the status line; the cursor stays on screen.
            return Point(x: min(max(0, CellWidth.of(text) - 1), s.size.width - 1), y: s.size.height - 2)
        default: return nil
        }
    }

    /// A new database: say what it holds and how to get data, rather than an empty frame.
    static func emptyDatabase(_ s: AppState, _ b: inout Buffer, _ body: Rect) {
        let t = Texts(s.lang)
        let panel = Panel(title: t.pick("Chưa có dữ liệu", "No data yet"))
        let area = body.centered(width: min(body.width - 4, 70), height: 8)
        panel.render(into: &b, area: area)
        let text = t.pick(
            "Cơ sở dữ liệu này mới có các chỉ tiêu mặc định của Đề án 13, chưa có đơn vị nào. Chạy `dvk demo` để xem dữ liệu mẫu, hoặc nạp dữ liệu của đơn vị từ các tệp CSV (xem docs/DATA.md).",
            "This database has the default targets of Đề án 13 and no units yet. Run `dvk demo` to see the demo data, or load your units from CSV files (see docs/DATA.md).")
        let inner = panel.inner(of: area).inset(dx: 1, dy: 0)
        for (i, line) in TextWrap.lines(text, width: inner.width).enumerated() where i < inner.height {
            b.write(line, x: inner.x, y: inner.y + i)
        }
    }

    /// Below the minimum the screens would be unreadable: say so plainly.
    static func tooSmall(_ s: AppState, _ b: inout Buffer) {
        let lines = Texts(s.lang).tooSmall(width: s.size.width, height: s.size.height)
            .flatMap { TextWrap.lines($0, width: max(1, s.size.width - 2)) }
        let top = max(0, (s.size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (s.size.width - CellWidth.of(line)) / 2)
            b.write(line, x: x, y: top + i, role: i == 0 ? .error : .normal)
        }
    }
}

/// Where things are on screen, shared by drawing and mouse handling.
enum Layouts {
    /// Rows 0–1 are the header, the last two the status line and the key bar.
    static func body(_ size: Size) -> Rect {
        Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 4))
    }

    /// The table area of the current screen (the rows a click or a scroll can hit).
    static func table(_ s: AppState) -> Rect? {
        let body = body(s.size)
        switch s.screen {
        case .overview: return nil
        case .units: return UnitsView.tableArea(body)
        case .models: return ModelsView.tableArea(body, s.size)
        case .satisfaction: return SatisfactionView.tableArea(body)
        case .history: return HistoryView.tableArea(body)
        }
    }

    static func visibleRows(_ s: AppState) -> Int {
        table(s).map(Table.visibleRows(in:)) ?? 0
    }

    /// The list index under screen row `y`, if any.
    static func row(at y: Int, _ s: AppState) -> Int? {
        guard let area = table(s), y > area.y, y < area.maxY else { return nil }
        let index = offset(s) + (y - area.y - 1)
        return index < Update.rowCount(s) ? index : nil
    }

    /// The first list row shown: kept from the state so the list does not jump.
    static func offset(_ s: AppState) -> Int {
        switch s.screen {
        case .overview: return 0
        case .units, .satisfaction: return s.units.offset
        case .models: return s.models.offset
        case .history: return max(0, s.historySelected - visibleRows(s) + 1)
        }
    }
}
