import DVKCore
import TerminalUI

/// Tổng quan: one line per target (value, goal, gauge, status), the spread
/// of effective models across fields, the trend over the phase, and what
/// needs attention.
enum OverviewView {
    static func render(_ s: AppState, into b: inout Buffer, area: Rect) {
        let t = Texts(s.lang)
        guard let o = s.overview else {
            b.write(s.isLoading ? t.loading : t.noData, x: area.x + 2, y: area.y + 1, role: .muted)
            return
        }
        let rows = Layout.vertical(area, [.fixed(o.unit.targets.count + 3), .fixed(7), .fill(1)])
        targets(o, s, t, &b, rows[0])
        let charts = Layout.horizontal(rows[1], [.percent(50), .fill(1)])
        fields(o, s, t, &b, charts[0])
        trend(o, s, t, &b, charts[1])
        alerts(o, s, t, &b, rows[2])
    }

    static func targets(_ o: Overview, _ s: AppState, _ t: Texts, _ b: inout Buffer, _ area: Rect) {
        var title = "\(t.targetsTitle) \(t.words.year) \(o.year)"
        if let first = o.unit.targets.first?.target {
            title += " · \(t.words.phase) \(first.phase)"
            if !first.phase.contains(o.year) { title += " (\(t.words.outsidePhase))" }
            if !first.directive.isEmpty { title += " · \(first.directive)" }
        }
        let panel = Panel(title: title)
        panel.render(into: &b, area: area)
        let inner = panel.inner(of: area)
        // Fixed columns, so every gauge starts and ends at the same place.
        let titleWidth = min(42, inner.width * 2 / 5)
        let valueWidth = 15, statusWidth = 17
        for (i, p) in o.unit.targets.enumerated() where i < inner.height {
            let y = inner.y + i
            b.write(t.words.targetTitle(p.target, compact: inner.width < 100), x: inner.x + 1, y: y, maxWidth: titleWidth - 2)
            guard p.applicable else {
                b.write("– " + t.words.notApplicable, x: inner.maxX - statusWidth, y: y, role: .muted, maxWidth: statusWidth)
                continue
            }
            var gauge = StatusStyle.gauge(p, lang: s.lang)
            let value = gauge.label
            gauge.label = ""
            let gaugeWidth = inner.width - titleWidth - valueWidth - statusWidth - 2
            gauge.render(into: &b, area: Rect(x: inner.x + titleWidth, y: y, width: gaugeWidth, height: 1))
            let valueText = Truncation.end(value, width: valueWidth)
            b.write(valueText, x: inner.maxX - statusWidth - 1 - CellWidth.of(valueText), y: y, role: StatusStyle.role(p.status))
            b.write(t.words.statusWithGlyph(p.status), x: inner.maxX - statusWidth, y: y, role: StatusStyle.role(p.status), maxWidth: statusWidth)
        }
        let line = t.words.modelsLine(o.unit.models, compact: inner.width < 100)
        b.write(line, x: inner.x + 1, y: inner.y + o.unit.targets.count, role: .muted, maxWidth: inner.width - 2)
    }

    static func fields(_ o: Overview, _ s: AppState, _ t: Texts, _ b: inout Buffer, _ area: Rect) {
        let panel = Panel(title: t.byField)
        panel.render(into: &b, area: area)
        let minimum = o.unit.progress(for: .effectiveModelsPerUnit).flatMap { $0.isShare ? nil : $0.target.minPerField }
        let bars = o.fields.sorted { $0.sortOrder < $1.sortOrder }.map { f -> BarChart.Bar in
            let n = o.unit.models.effectiveByField[f.code] ?? 0
            let role: StyleRole = minimum.map { n >= $0 ? .met : .behind } ?? .normal
            let short = minimum.map { n < $0 ? " ✗" : "" } ?? ""
            let label = area.width >= 70 ? f.name(s.lang) : area.width >= 46 ? t.words.fieldMedium(f.code) : t.words.fieldShort(f.code)
            return BarChart.Bar(label: label, value: Double(n), valueText: VietnameseNumber.integer(n, s.lang) + short, role: role)
        }
        BarChart(bars: bars).render(into: &b, area: panel.inner(of: area).inset(dx: 1, dy: 0))
    }

    static func trend(_ o: Overview, _ s: AppState, _ t: Texts, _ b: inout Buffer, _ area: Rect) {
        let years = Array(s.phaseYears)
        let panel = Panel(title: "\(t.trend) \(years.first ?? o.year)–\(years.last ?? o.year)")
        panel.render(into: &b, area: area)
        let inner = panel.inner(of: area).inset(dx: 1, dy: 0)
        guard !s.trend.isEmpty else {
            b.write(t.loading, x: inner.x, y: inner.y, role: .muted)
            return
        }
        let values = years.map { s.trend[$0].map(Double.init) }
        // One column per year, three cells wide, so each year's bar stands over its label.
        let spark = Sparkline(values: values.flatMap { [$0, $0, $0] }, maxValue: values.compactMap { $0 }.max(), role: .header)
        spark.render(into: &b, area: Rect(x: inner.x, y: inner.y, width: min(inner.width, years.count * 3), height: 1))
        for (i, y) in years.enumerated() where i + 1 < inner.height {
            let n = s.trend[y].map { VietnameseNumber.integer($0, s.lang) } ?? "–"
            b.write("\(y): \(n)", x: inner.x, y: inner.y + 1 + i, role: y == o.year ? .focus : .normal, maxWidth: inner.width)
        }
    }

    static func alerts(_ o: Overview, _ s: AppState, _ t: Texts, _ b: inout Buffer, _ area: Rect) {
        let panel = Panel(title: "\(t.words.alerts) (\(o.alerts.count))")
        panel.render(into: &b, area: area)
        let inner = panel.inner(of: area).inset(dx: 1, dy: 0)
        if o.alerts.isEmpty {
            b.write(t.nothingToFlag, x: inner.x, y: inner.y, role: .muted)
            return
        }
        for (i, alert) in o.alerts.enumerated() where i < inner.height {
            let glyph: String
            if case .mismatch = alert { glyph = "!" } else { glyph = Words.glyph(alert.status) }
            b.write("\(glyph) \(alert.text(s.lang))", x: inner.x, y: inner.y + i, role: StatusStyle.role(alert.status), maxWidth: inner.width)
        }
        if o.alerts.count > inner.height, inner.height > 0 {
            let more = s.lang == .vi ? "… và \(o.alerts.count - inner.height + 1) mục nữa" : "… and \(o.alerts.count - inner.height + 1) more"
            b.fill(Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
            b.write(more, x: inner.x, y: inner.maxY - 1, role: .muted)
        }
    }
}
