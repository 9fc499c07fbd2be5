import DVKCore
import TerminalUI

/// Tổng quan: one line per target (value, goal, gauge, status), the spread
/// of effective models across fields, the trend over the phase, and what
/// needs attention.
extension OverviewState {
    func render(_ app: AppState, into b: inout Buffer, area: Rect) { OverviewView.render(self, app, into: &b, area: area) }
}

enum OverviewView {

    static func render(_ os: OverviewState, _ s: AppState, into b: inout Buffer, area: Rect) {
        let t = s.texts
        guard let o = s.overview else {
            b.write(s.isLoading ? t.loading : t.noData, x: area.x + 2, y: area.y + 1, role: .muted)
            return
        }
        let rows = OverviewState.rows(o, area)
        targets(o, s, t, &b, rows[0])
        let charts = Layout.horizontal(rows[1], [.percent(50), .fill(1)])
        fields(o, s, t, &b, charts[0])
        trend(o, s, t, &b, charts[1])
        alerts(o, os, s, t, &b, rows[2])
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
        for (i, text) in OverviewState.lineageLines(o, s.lang).enumerated() {
            b.write(text, x: inner.x + 1, y: inner.y + o.unit.targets.count + 1 + i, maxWidth: inner.width - 2)
        }
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

    /// Every unit behind or at risk, with its reason; scrolls, and Enter opens the unit.
    static func alerts(_ o: Overview, _ os: OverviewState, _ s: AppState, _ t: Texts, _ b: inout Buffer, _ area: Rect) {
        var title = "\(t.words.alerts) (\(VietnameseNumber.integer(o.alerts.count, s.lang)))"
        let panel = Panel(title: title)
        let inner = panel.inner(of: area).inset(dx: 1, dy: 0)
        if o.alerts.count > inner.height, inner.height > 0 {
            // The position says there is more below, as a scroll bar would.
            title += " · " + t.pick("dòng ", "row ") + "\(os.selected + 1)/\(o.alerts.count) · ↑↓"
        }
        Panel(title: title).render(into: &b, area: area)
        if o.alerts.isEmpty {
            b.write(t.nothingToFlag, x: inner.x, y: inner.y, role: .muted)
            return
        }
        for (row, index) in (os.offset..<min(o.alerts.count, os.offset + inner.height)).enumerated() {
            let alert = o.alerts[index]
            // A published total that does not add up is not a status: it gets its own mark.
            let isMismatch = alert.reasons.contains { if case .mismatch = $0 { true } else { false } }
            let glyph = isMismatch ? "!" : Words.glyph(alert.status)
            let isSelected = index == os.selected
            let line = Rect(x: inner.x - 1, y: inner.y + row, width: inner.width + 2, height: 1)
            if isSelected { b.fill(line, role: .selected) }
            b.write("\(glyph) \(alert.text(s.lang))", x: inner.x, y: inner.y + row,
                    role: isSelected ? .selected : StatusStyle.role(alert.status), maxWidth: inner.width)
        }
    }
}
