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
        switch s.mode {
        case let .grid(g):
            GridView.render(g, s, into: &b, body: body)
            return b
        case let .form(f) where s.isEmptyDatabase:
            FormView.render(f, s, into: &b, body: body)
            return b
        default: break
        }
        if s.isEmptyDatabase {
            emptyDatabase(s, &b, body)
            if s.mode == .help { HelpView.render(s, into: &b, area: b.area) }
            return b
        }
        s.screen.model.render(s, into: &b, area: body)
        switch s.mode {
        case let .form(f): FormView.render(f, s, into: &b, body: body)
        case .help: HelpView.render(s, into: &b, area: b.area)
        case let .goTo(g): GoToView.render(g, s, into: &b, body: body)
        default: break
        }
        return b
    }

    /// What `p` prints: the very frame on screen, and the header above it.
    public static func printJob(_ s: AppState) -> PrintJob {
        let unitName = s.overview?.unit.unit.name ?? ""
        return PrintJob(screen: s.screen.id, unitName: unitName, year: s.location.year, buffer: render(s), header: header(s))
    }

    /// What `P` prints and `E` exports: the screen's whole list, not the rows that fit.
    public static func listJob(_ s: AppState) -> ListJob? {
        guard !s.isEmptyDatabase else { return nil }
        let unitName = s.overview?.unit.unit.name ?? ""
        let source: ListSource
        if let m = s.screen.models {
            guard let q = m.exportQuery() else { return nil }
            source = .models(q, fields: s.overview?.fields ?? [])
        } else {
            guard var table = s.screen.model.table(s) else { return nil }
            table.context = header(s) + notes(s)
            source = .table(table)
        }
        return ListJob(screen: s.screen.id, unitName: unitName, year: s.location.year, header: header(s) + notes(s), source: source)
    }

    /// The screen's filter and sort line, without what only the screen needs
    /// (the key hints “[f]”, the row the cursor is on).
    static func notes(_ s: AppState) -> [String] {
        s.screen.model.listNotes(s).map { line in
            line.components(separatedBy: " · ")
                .filter { !$0.hasPrefix(s.texts.pick("dòng ", "row ")) }
                .map { $0.replacingOccurrences(of: #" \[[a-z]\]"#, with: "", options: .regularExpression) }
                .joined(separator: " · ")
        }
    }

    /// Title, unit, year, map, data as of and officer: the head of every printout.
    static func header(_ s: AppState) -> [String] {
        let w = Words(s.lang)
        let unitName = s.overview?.unit.unit.name ?? ""
        var header = [
            "\(w.title) — \(s.screen.id.title(s.lang))",
            "\(w.unit): \((s.overview?.path.map(\.name) ?? [unitName]).joined(separator: " › "))",
            "\(w.year.capitalized): \(s.location.year)",
            w.mapView(s.map),
        ]
        if let d = s.dataAsOf { header.append("\(w.dataAsOf): \(d)") }
        if !s.officer.isEmpty { header.append(w.pick("Cán bộ: ", "Officer: ") + s.officer) }
        return header
    }

    /// Where the terminal cursor shows: in the text being typed, else hidden.
    public static func cursor(_ s: AppState) -> Point? {
        guard s.size.width >= minimumSize.width, s.size.height >= minimumSize.height else { return nil }
        let body = Layouts.body(s.size)
        switch s.mode {
        case let .form(f): return FormView.cursor(f, s, body: body)
        case let .grid(g): return GridView.cursor(g, s, body: body)
        case let .goTo(g): return GoToView.cursor(g, s, body: body)
        case .search:
            let text = Chrome.statusText(s)
            // A long search runs past the status line; the cursor stays on screen.
            return Point(x: min(max(0, CellWidth.of(text) - 1), s.size.width - 1), y: s.size.height - 2)
        default: return nil
        }
    }

    /// A new database: say what it holds and how to get data, rather than an empty frame.
    static func emptyDatabase(_ s: AppState, _ b: inout Buffer, _ body: Rect) {
        let t = s.texts
        let panel = Panel(title: t.pick("Chưa có dữ liệu", "No data yet"))
        let area = body.centered(width: min(body.width - 4, 70), height: 8)
        panel.render(into: &b, area: area)
        let text = t.pick(
            "Cơ sở dữ liệu này mới có các chỉ tiêu mặc định của Đề án 13, chưa có đơn vị nào. Nhấn a để thêm đơn vị đầu tiên, chạy `dvk demo` để xem dữ liệu mẫu, hoặc nạp dữ liệu của đơn vị từ các tệp CSV (xem docs/DATA.md).",
            "This database has the default targets of Đề án 13 and no units yet. Press a to add the first unit, run `dvk demo` to see the demo data, or load your units from CSV files (see docs/DATA.md).")
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
