import Foundation

/// The plain-text status table of `dvk status`. Status is spelled out with a
/// glyph and a word so it reads the same on a black-and-white printout.
public enum StatusText {
    /// `clean` is applied to every string that comes from data (names, the
    /// directive): the caller passes the one sanitiser, which lives in the
    /// terminal toolkit, so a newline or an escape in a unit's name can
    /// neither forge a line nor reach the terminal.
    public static func render(_ o: Overview, lang: Language, dataAsOf: Day? = nil,
                              clean: (String) -> String = { $0 }) -> String {
        let w = Words(lang)
        var out: [String] = []
        out.append("\(w.title) — \(clean(o.unit.unit.name)) — \(w.year) \(o.year)")
        out.append(o.path.map { clean($0.name) }.joined(separator: " › "))
        if let from = o.mergedFrom { out.append("\(clean(from.name)) \(w.merged) \(clean(o.unit.unit.name))") }
        if let phaseTarget = o.unit.targets.first {
            var line = "\(w.phase) \(phaseTarget.target.phase)"
            if !phaseTarget.target.directive.isEmpty { line += " · \(clean(phaseTarget.target.directive))" }
            if !phaseTarget.inPhase { line += " (\(o.year): \(w.outsidePhase))" }
            if let d = dataAsOf { line += " · \(w.dataAsOf) \(d)" }
            out.append(line)
        }
        out.append("")

        let targetRows = o.unit.targets.map { t in
            t.applicable
                ? [w.targetTitle(t.target), value(t, lang), goal(t, lang), w.statusWithGlyph(t.status), note(t, o.fields, w)]
                : [w.targetTitle(t.target), "", "", "– " + w.notApplicable, ""]
        }
        out += table(header: [w.target, w.result, w.threshold, w.statusHeader, ""], rows: targetRows,
                     rightAligned: [1, 2])
        out.append("")
        out.append(w.modelsLine(o.unit.models))
        out.append(o.fields.sorted { $0.sortOrder < $1.sortOrder }.map {
            "\($0.name(lang)) \(VietnameseNumber.integer(o.unit.models.effectiveByField[$0.code] ?? 0, lang))"
        }.joined(separator: " · "))

        if !o.children.isEmpty {
            out.append("")
            out.append("\(w.children) (\(VietnameseNumber.integer(o.children.count, lang)))")
            let fieldCodes = o.fields.sorted { $0.sortOrder < $1.sortOrder }.map(\.code)
            let header = [w.unit, w.kindHeader, w.effective, w.pending] + fieldCodes.map(w.fieldShort) + [w.satisfaction, w.plan, w.statusHeader]
            let rows = o.children.map { c -> [String] in
                let sat = c.progress(for: .satisfaction)?.value.map { VietnameseNumber.fixed($0, places: 1, lang) + "%" } ?? "–"
        let plan = c.progress(for: .planCoverage).map { planCell($0, lang, w) } ?? "–"
                let fieldCells = fieldCodes.map { VietnameseNumber.integer(c.models.effectiveByField[$0] ?? 0, lang) }
                return [clean(c.unit.name), w.kind(c.unit.kind), effectiveCell(c, lang), VietnameseNumber.integer(c.models.pending, lang)]
                    + fieldCells + [sat, plan, w.statusWithGlyph(c.overallStatus)]
            }
            out += table(header: header, rows: rows, rightAligned: Set(2..<(header.count - 1)))
        }

        if !o.mismatches.isEmpty {
            out.append("")
            out.append("\(w.alerts):")
            for m in o.mismatches {
                out.append("  ! \(clean(o.unitNames[m.unitID] ?? "?")) (\(m.year)): \(m.issue.message(lang))")
            }
        }
        return out.joined(separator: "\n") + "\n"
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

    /// Columns padded by display width, so Vietnamese and wide text align.
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { VietnameseText.displayWidth($0[i]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in VietnameseText.padded(c, toWidth: widths[i], alignRight: rightAligned.contains(i)) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.filter { $0 > 0 }.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return [line(header), rule] + rows.map(line)
    }
}
