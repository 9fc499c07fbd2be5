/// The content of `dvk status`: lines and tables of cells, in reading order.
/// Laying them out (column widths, alignment) is the renderer's job, done
/// with the terminal toolkit's one display-width function, so the CLI table,
/// the screen and the printout measure text the same way. Status is spelled
/// out with a glyph and a word so it reads the same on a black-and-white
/// printout.
public enum StatusText {
    /// One piece of the report.
    public enum Block: Hashable, Sendable {
        /// A line of text, as is ("" is a blank line).
        case line(String)
        /// Columns separated by two blanks, a rule under the header.
        case table(Table)
    }

    public struct Table: Hashable, Sendable {
        public var header: [String]
        /// One cell per header column.
        public var rows: [[String]]
        /// Columns whose cells are aligned right (numbers).
        public var rightAligned: Set<Int>

        public init(header: [String], rows: [[String]], rightAligned: Set<Int>) {
            self.header = header
            self.rows = rows
            self.rightAligned = rightAligned
        }
    }

    /// Every string is data as it is stored: the renderer sanitises what it
    /// draws, so a newline or an escape in a unit's name can neither forge a
    /// line nor reach the terminal.
    public static func blocks(_ o: Overview, lang: Language, dataAsOf: Day? = nil) -> [Block] {
        let w = Words(lang)
        var out: [Block] = []
        out.append(.line("\(w.title) — \(o.unit.unit.name) — \(w.year) \(o.year)"))
        out.append(.line(o.path.map(\.name).joined(separator: " › ") + " · " + w.mapView(o.map)))
        if let from = o.mergedFrom { out.append(.line("\(from.name) \(w.merged) \(o.unit.unit.name)")) }
        for line in w.lineage(o.lineage, of: o.unit.unit, year: o.year) { out.append(.line(line)) }
        if let phaseTarget = o.unit.targets.first {
            var line = "\(w.phase) \(phaseTarget.target.phase)"
            if !phaseTarget.target.directive.isEmpty { line += " · \(phaseTarget.target.directive)" }
            if !phaseTarget.inPhase { line += " (\(o.year): \(w.outsidePhase))" }
            if let d = dataAsOf { line += " · \(w.dataAsOf) \(d)" }
            out.append(.line(line))
        }
        out.append(.line(""))

        let targetRows = o.unit.targets.map { t in
            t.applicable
                ? [w.targetTitle(t.target), value(t, lang), goal(t, lang), w.statusWithGlyph(t.status), note(t, o.fields, w)]
                : [w.targetTitle(t.target), "", "", "– " + w.notApplicable, ""]
        }
        out.append(.table(Table(header: [w.target, w.result, w.threshold, w.statusHeader, ""], rows: targetRows, rightAligned: [1, 2])))
        out.append(.line(""))
        out.append(.line(w.modelsLine(o.unit.models)))
        out.append(.line(o.fields.sorted { $0.sortOrder < $1.sortOrder }.map {
            "\($0.name(lang)) \(VietnameseNumber.integer(o.unit.models.effectiveByField[$0.code] ?? 0, lang))"
        }.joined(separator: " · ")))

        if !o.children.isEmpty {
            out.append(.line(""))
            out.append(.line("\(w.children) (\(VietnameseNumber.integer(o.children.count, lang)))"))
            let fieldCodes = o.fields.sorted { $0.sortOrder < $1.sortOrder }.map(\.code)
            let header = [w.unit, w.kindHeader, w.effective, w.pending] + fieldCodes.map(w.fieldShort) + [w.satisfaction, w.plan, w.statusHeader]
            let rows = o.children.map { c -> [String] in
                let sat = c.progress(for: .satisfaction)?.value.map { VietnameseNumber.fixed($0, places: 1, lang) + "%" } ?? "–"
                let plan = c.progress(for: .planCoverage).map { planCell($0, lang, w) } ?? "–"
                let fieldCells = fieldCodes.map { VietnameseNumber.integer(c.models.effectiveByField[$0] ?? 0, lang) }
                return [c.unit.name, w.kind(of: c.unit), effectiveCell(c, lang), VietnameseNumber.integer(c.models.pending, lang)]
                    + fieldCells + [sat, plan, w.statusWithGlyph(c.overallStatus)]
            }
            out.append(.table(Table(header: header, rows: rows, rightAligned: Set(2..<(header.count - 1)))))
        }

        if !o.alerts.isEmpty {
            out.append(.line(""))
            out.append(.line("\(w.alerts) (\(VietnameseNumber.integer(o.alerts.count, lang))):"))
            // “!” marks a total that does not add up, as on the screen.
            for a in o.alerts { out.append(.line("  \(a.isMismatch ? "!" : Words.glyph(a.status)) \(a.text(lang))")) }
        }
        return out
    }

    public static func value(_ t: TargetProgress, _ lang: Language) -> String {
        guard let v = t.value else { return "–" }
        if t.isShare {
            return "\(VietnameseNumber.percent(v, lang)) (\(VietnameseNumber.integer(t.unitsMeeting, lang))/\(VietnameseNumber.integer(t.unitsJudged, lang)))"
        }
        switch t.target.metric {
        case .effectiveModelsPerUnit: return VietnameseNumber.decimal(v, places: 0, lang)
        default: return VietnameseNumber.percent(v, lang)
        }
    }

    public static func goal(_ t: TargetProgress, _ lang: Language) -> String {
        if !t.isShare && t.target.metric == .effectiveModelsPerUnit { return "≥ " + VietnameseNumber.decimal(t.threshold, lang) }
        return "≥ " + VietnameseNumber.percent(t.threshold, lang)
    }

    static func note(_ t: TargetProgress, _ fields: [Field], _ w: Words) -> String {
        var parts: [String] = []
        if !t.fieldsShort.isEmpty { parts.append(w.fieldsShort(t.fieldsShort, fields: fields)) }
        if t.unweighted { parts.append(w.unweighted) }
        return parts.joined(separator: "; ")
    }

    public static func effectiveCell(_ c: UnitProgress, _ lang: Language) -> String {
        let n = VietnameseNumber.integer(c.models.effective, lang)
        if let t = c.progress(for: .effectiveModelsPerUnit), !t.isShare, t.applicable, t.value == nil {
            return "– " + Words(lang).status(.noData).lowercased()
        }
        if let t = c.progress(for: .effectiveModelsPerUnit), !t.isShare {
            return "\(n)/\(VietnameseNumber.decimal(t.threshold, lang))"
        }
        return n
    }

    public static func planCell(_ t: TargetProgress, _ lang: Language, _ w: Words) -> String {
        switch t.unitsJudged {
        case 0: return "–"
        case 1: return t.unitsMeeting == 1 ? w.yes : w.no
        default: return "\(VietnameseNumber.integer(t.unitsMeeting, lang))/\(VietnameseNumber.integer(t.unitsJudged, lang))"
        }
    }
}
