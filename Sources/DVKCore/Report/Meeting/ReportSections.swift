/// The report's body, section by section: each a heading and its text and tables.
enum ReportSections {
    /// Why the report is written: the directive behind the targets, by number and date.
    static func basis(_ input: ReportInput, _ o: Overview, _ lang: Language) -> [ReportBlock] {
        let w = Words(lang)
        let cited = o.unit.targets.map(\.target.directive).filter { !$0.isEmpty }
        var directives: [String] = []
        for text in cited where !directives.contains(text) { directives.append(text) }
        let full = directives.map { text in directive(matching: text, in: input.directives).map { cite($0, lang) } ?? text }
        var out: [ReportBlock] = []
        let basis = full.isEmpty ? "" : w.pick("Thực hiện \(full.joined(separator: "; ")), ", "Under \(full.joined(separator: "; ")), ")
        // The board speaks, about the unit the report covers.
        let voice = MeetingReport.narrator(input.settings.issuer)
        let place = MeetingReport.inText(o.unit.unit.name)
        out.append(.paragraph(basis + w.pick("\(voice) báo cáo kết quả thực hiện phong trào thi đua “Dân vận khéo” \(input.period.words(lang)) của \(place) như sau:",
                                              "\(voice) reports the results of the “Dân vận khéo” movement \(input.period.words(lang)) in \(place) as follows.")))
        var scope = w.pick("Số liệu tổng hợp từ sổ theo dõi phong trào", "Figures from the movement's register")
        if let d = input.dataAsOf { scope += w.pick(", đến ngày \(d)", ", as of \(d)") }
        scope += "; " + w.mapView(o.map).lowercased()
        if case let .halfYear(y) = input.period {
            let asOf = input.dataAsOf.map { w.pick("đến ngày \($0)", "as of \($0)") } ?? w.pick("đến nay", "so far")
            scope += w.pick(". Đánh giá mô hình ghi theo năm, không theo ngày: số mô hình hiệu quả là số đã đánh giá cho năm \(y) \(asOf); kế hoạch, khảo sát và tình hình báo cáo cũng tính \(asOf); khen thưởng, công nhận tính từ 01/01 đến 30/06/\(y).",
                            ". Evaluations are recorded by year, not by day: effective models are those evaluated for \(y) \(asOf); plans, surveys and reporting are \(asOf) too; honours count from 01/01 to 30/06/\(y).")
        } else {
            scope += "."
        }
        out.append(.note(scope))
        return out
    }

    static func directive(matching text: String, in list: [Directive]) -> Directive? {
        let folded = VietnameseText.searchKey(text)
        return list.first { d in folded.contains(VietnameseText.searchKey("\(d.kind) số \(d.number)")) || folded.contains(VietnameseText.searchKey("\(d.kind) \(d.number)")) }
    }

    /// “Đề án số 13 ngày 16/03/2023 của Ban Thường vụ Tỉnh ủy Yên Bái về …”.
    static func cite(_ d: Directive, _ lang: Language) -> String {
        var s = "\(d.kind) số \(d.number)"
        if let day = d.issuedOn { s += " ngày \(day)" }
        if !d.issuer.isEmpty { s += " của \(d.issuer)" }
        if !d.title.isEmpty { s += " về “\(d.title)”" }
        return s
    }

    static func targets(_ input: ReportInput, _ lang: Language) -> [ReportBlock] {
        let w = Words(lang)
        var out: [ReportBlock] = [.heading(w.pick("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "I. TARGETS"))]
        guard let last = input.overviews.last else { return out }
        let applicable = last.unit.targets.indices.filter { i in input.overviews.contains { $0.unit.targets.indices.contains(i) && $0.unit.targets[i].applicable } }
        if input.overviews.count == 1 {
            let columns = [TableColumn(w.target, width: 40), TableColumn(w.threshold, width: 10, alignsRight: true),
                           TableColumn(w.result, width: 16, alignsRight: true), TableColumn(w.pick("Đánh giá", "Status"), width: 16)]
            let rows = applicable.map { i -> TableRow in
                let t = last.unit.targets[i]
                return TableRow([.text(w.targetTitle(t.target)), .text(StatusText.goal(t, lang)), .text(StatusText.value(t, lang)),
                                 .text(w.statusWithGlyph(t.status))])
            }
            out.append(.table(DataTable(title: w.target, columns: columns, rows: rows)))
        } else {
            // A phase: one column per year, the phase's verdict the last year's.
            let columns = [TableColumn(w.target, width: 36), TableColumn(w.threshold, width: 9, alignsRight: true)]
                + input.overviews.map { TableColumn(String($0.year), width: 14, alignsRight: true) }
                + [TableColumn(w.pick("Đánh giá", "Status"), width: 14)]
            let rows = applicable.map { i -> TableRow in
                let t = last.unit.targets[i]
                let years = input.overviews.map { o -> TableValue in
                    guard o.unit.targets.indices.contains(i), o.unit.targets[i].applicable else { return .empty }
                    return .text(StatusText.value(o.unit.targets[i], lang))
                }
                return TableRow([.text(w.targetTitle(t.target)), .text(StatusText.goal(t, lang))] + years + [.text(w.statusWithGlyph(t.status))])
            }
            out.append(.table(DataTable(title: w.target, columns: columns, rows: rows)))
        }
        // A sentence in a report: commas, not the screen's dots.
        let models = w.modelsLine(last.unit.models).replacingOccurrences(of: " · ", with: ", ") + "."
        out.append(.paragraph(input.overviews.count > 1 ? w.pick("Năm \(last.year): ", "\(last.year): ") + models : models))
        return out
    }

    static func fields(_ input: ReportInput, _ o: Overview, _ lang: Language) -> [ReportBlock] {
        let w = Words(lang)
        let fields = o.fields.sorted { $0.sortOrder < $1.sortOrder }
        let columns = [TableColumn(w.pick("Lĩnh vực", "Field"), width: 30)]
            + input.overviews.map { TableColumn(w.pick("Năm \($0.year)", "\($0.year)"), width: 10, alignsRight: true) }
        var rows = fields.map { f in
            TableRow([.text(f.name(lang))] + input.overviews.map { .integer($0.unit.models.effectiveByField[f.code] ?? 0) })
        }
        rows.append(TableRow([.text(w.pick("Tổng số mô hình tập thể hiệu quả", "Effective collective models"))]
                             + input.overviews.map { .integer($0.unit.models.effective) }))
        rows.append(TableRow([.text(w.pick("Điển hình cá nhân", "Individual exemplars"))]
                             + input.overviews.map { .integer($0.unit.models.effectiveIndividuals) }))
        return [.subheading(w.pick("1. Mô hình hiệu quả theo lĩnh vực", "1. Effective models by field")),
                .table(DataTable(title: w.pick("Lĩnh vực", "Fields"), columns: columns, rows: rows))]
    }

    /// Published figures beside what the register counts, each total checked against its parts.
    static func figures(_ input: ReportInput, _ o: Overview, _ lang: Language) -> [ReportBlock] {
        let w = Words(lang)
        guard !input.figures.isEmpty else { return [] }
        let fields = Dictionary(uniqueKeysWithValues: o.fields.map { ($0.code, $0) })
        let mismatched = Set(o.mismatches.map { "\($0.unitID)|\($0.scope.rawValue)" })
        let columns = [TableColumn(w.unit, width: 24), TableColumn(w.pick("Số liệu", "Figure"), width: 26),
                       TableColumn(w.pick("Công bố", "Published"), width: 11, alignsRight: true),
                       TableColumn(w.pick("Sổ theo dõi", "Register"), width: 11, alignsRight: true),
                       TableColumn(w.pick("Ghi chú", "Remark"), width: 28)]
        // Each unit's total first, then its fields in their usual order.
        let order = Dictionary(uniqueKeysWithValues: o.fields.map { ($0.code, $0.sortOrder) })
        let sorted = input.figures.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.unitID != y.unitID || x.scope != y.scope { return a.offset < b.offset }
            return (x.fieldCode.flatMap { order[$0] } ?? -1) < (y.fieldCode.flatMap { order[$0] } ?? -1)
        }.map(\.element)
        let rows = sorted.map { f -> TableRow in
            let name = o.unitNames[f.unitID] ?? "#\(f.unitID)"
            let what = scopeWords(f.scope, lang) + (f.fieldCode.flatMap { fields[$0]?.name(lang) }.map { " — " + $0 } ?? "")
            let counted = counted(f, input.progress[f.unitID])
            var remarks: [String] = []
            if f.fieldCode == nil, let m = o.mismatches.first(where: { $0.unitID == f.unitID && $0.scope == f.scope }) {
                remarks.append(w.pick("tổng \(m.total) ≠ cộng các lĩnh vực \(m.sum)", "total \(m.total) ≠ fields \(m.sum)"))
            } else if f.fieldCode == nil, mismatched.contains("\(f.unitID)|\(f.scope.rawValue)") {
                remarks.append(w.pick("tổng không khớp", "total does not add up"))
            }
            if let c = counted, f.qualifier == .exact, c != f.count {
                remarks.append(w.pick("sổ theo dõi ghi \(c)", "the register has \(c)"))
            }
            if f.qualifier != .exact { remarks.append(f.qualifier == .over ? w.pick("số công bố “trên”", "published as “over”") : w.pick("số công bố “gần”", "published as “nearly”")) }
            return TableRow([.text(name), .text(what), .integer(f.count), counted.map(TableValue.integer) ?? .empty,
                             .text(remarks.joined(separator: "; "))])
        }
        var out: [ReportBlock] = [.subheading(w.pick("2. Số liệu công bố và số liệu theo dõi", "2. Published and counted figures")),
                                  .table(DataTable(title: w.pick("Số liệu công bố", "Published figures"), columns: columns, rows: rows))]
        if !o.mismatches.isEmpty {
            out.append(.note(w.pick("Có \(o.mismatches.count) tổng số công bố không khớp với cộng các lĩnh vực; cần đối chiếu lại với đơn vị báo cáo trước khi sử dụng.",
                                    "\(o.mismatches.count) published totals do not add up over their fields; check them with the reporting unit before use.")))
        }
        return out
    }

    /// The register's count for a published figure: models in force for a total, effective per field, exemplars.
    static func counted(_ f: ReportedFigure, _ p: UnitProgress?) -> Int? {
        guard let p else { return nil }
        switch f.scope {
        case .collective: return f.fieldCode.map { p.models.effectiveByField[$0] ?? 0 } ?? p.models.inForce
        case .individual: return f.fieldCode == nil ? p.models.effectiveIndividuals : nil
        default: return nil
        }
    }

    static func scopeWords(_ s: FigureScope, _ lang: Language) -> String {
        let w = Words(lang)
        switch s {
        case .collective: return w.pick("Mô hình tập thể", "Collective models")
        case .individual: return w.pick("Điển hình cá nhân", "Individual exemplars")
        case .recognised: return w.pick("Mô hình được công nhận", "Models recognised")
        case .commendedCollective: return w.pick("Tập thể được khen thưởng", "Collectives commended")
        case .commendedIndividual: return w.pick("Cá nhân được khen thưởng", "Individuals commended")
        case .meritCertificate: return w.pick("Bằng khen", "Merit certificates")
        }
    }

    static func behind(_ o: Overview, _ lang: Language) -> [ReportBlock] {
        let w = Words(lang)
        let alerts = o.alerts.filter { !$0.isMismatch && ($0.status == .behind || $0.status == .atRisk) }
        var out: [ReportBlock] = [.heading(w.pick("II. ĐƠN VỊ CHƯA ĐẠT, GẦN ĐẠT CHỈ TIÊU NĂM \(o.year)",
                                                  "II. UNITS BEHIND OR NEARLY THERE IN \(o.year)"))]
        guard !alerts.isEmpty else {
            out.append(.paragraph(w.pick("Không có đơn vị nào chưa đạt hoặc gần đạt chỉ tiêu.", "No unit is behind or nearly there.")))
            return out
        }
        let columns = [TableColumn(w.unit, width: 30), TableColumn(w.pick("Đánh giá", "Status"), width: 14), TableColumn(w.pick("Lý do", "Why"), width: 50)]
        let rows = alerts.map { a in
            TableRow([.text(a.unitName), .text(w.statusWithGlyph(a.status)), .text(a.reasons.map { $0.text(lang) }.joined(separator: "; "))],
                     isDemo: a.unit?.isDemo ?? false)
        }
        out.append(.table(DataTable(title: w.pick("Đơn vị chưa đạt", "Units behind"), columns: columns, rows: rows)))
        return out
    }

    static func reporting(_ o: Overview, _ lang: Language) -> [ReportBlock] {
        let w = Words(lang)
        let r = o.unit.reporting
        var out: [ReportBlock] = [.heading(w.pick("III. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ NĂM \(o.year)", "III. REPORTING BY UNITS IN \(o.year)"))]
        guard r.expected > 0 else {
            out.append(.paragraph(w.pick("Không có đơn vị nào phải báo cáo.", "No unit is asked to report.")))
            return out
        }
        let pct = VietnameseNumber.fixed(Double(r.complete) * 100 / Double(r.expected), places: 1, lang)
        out.append(.paragraph(w.pick("Có \(r.complete)/\(r.expected) đơn vị đã báo cáo đủ (\(pct)%), \(r.silent) đơn vị chưa báo cáo gì. Số đơn vị đã gửi: khảo sát hài lòng \(r.surveyed)/\(r.surveyExpected), kế hoạch \(r.planned)/\(r.planExpected); đã đánh giá xong mô hình \(r.modelsDone)/\(r.modelsExpected) đơn vị.",
                                     "\(r.complete)/\(r.expected) units reported in full (\(pct)%), \(r.silent) sent nothing. Units that sent: surveys \(r.surveyed)/\(r.surveyExpected), plans \(r.planned)/\(r.planExpected); models fully evaluated in \(r.modelsDone)/\(r.modelsExpected) units.")))
        // The unit itself reports too (a district's own survey and plan): it is a row, so the counts add up.
        let own = o.unit.own.expectsAny && !o.unit.own.isComplete ? [o.unit.ownReportRow] : []
        let late = own + o.children.filter { $0.reporting.expected > 0 && $0.reporting.complete < $0.reporting.expected }
        if !late.isEmpty {
            // The count of units in full only where a row stands for several units.
            let parents = late.contains { $0.reporting.expected > 1 }
            let columns = [TableColumn(w.unit, width: 30)]
                + (parents ? [TableColumn(w.pick("Đơn vị báo cáo đủ", "Units in full"), width: 12, alignsRight: true)] : [])
                + [TableColumn(w.pick("Còn thiếu", "Missing"), width: 50)]
            let rows = late.map { c -> TableRow in
                let name = TableValue.text(c.unit.id == o.unit.unit.id ? c.ownRowName(lang) : c.unit.name)
                let share: [TableValue] = parents ? [c.reporting.expected == 1 ? .text("") : .text("\(c.reporting.complete)/\(c.reporting.expected)")] : []
                return TableRow([name] + share + [.text(missing(c, lang))], isDemo: c.unit.isDemo)
            }
            out.append(.table(DataTable(title: w.pick("Đơn vị chưa báo cáo đủ", "Units not in full"), columns: columns, rows: rows)))
        }
        return out
    }


    /// What a unit still owes, in words: its own items, or how many units below it owe each.
    static func missing(_ c: UnitProgress, _ lang: Language) -> String {
        let w = Words(lang)
        let q = c.reporting
        var out: [String] = []
        if q.expected == 1 {
            let o = c.own
            if o.expectsModels && !o.modelsDone {
                out.append(o.modelsInForce == 0 ? w.pick("chưa có mô hình nào", "no model")
                           : w.pick("\(o.pending)/\(o.modelsInForce) mô hình chờ đánh giá", "\(o.pending) of \(o.modelsInForce) models to evaluate"))
            }
            if o.expectsSurvey && !o.surveyed { out.append(w.pick("chưa gửi khảo sát hài lòng", "no survey")) }
            if o.expectsPlan && !o.planned { out.append(w.pick("chưa gửi kế hoạch", "no plan")) }
            return out.joined(separator: "; ")
        }
        if q.modelsDone < q.modelsExpected {
            out.append(w.pick("\(q.modelsExpected - q.modelsDone) đơn vị chưa đánh giá xong mô hình", "\(q.modelsExpected - q.modelsDone) units with models to evaluate"))
        }
        if q.surveyed < q.surveyExpected { out.append(w.pick("\(q.surveyExpected - q.surveyed) đơn vị chưa gửi khảo sát", "\(q.surveyExpected - q.surveyed) without a survey")) }
        if q.planned < q.planExpected { out.append(w.pick("\(q.planExpected - q.planned) đơn vị chưa gửi kế hoạch", "\(q.planExpected - q.planned) without a plan")) }
        return out.joined(separator: "; ")
    }

    static func honours(_ input: ReportInput, _ lang: Language) -> [ReportBlock] {
        let w = Words(lang)
        var out: [ReportBlock] = [.heading(w.pick("IV. CÔNG NHẬN, KHEN THƯỞNG TRONG KỲ", "IV. RECOGNITIONS AND AWARDS"))]
        let days = input.period.days
        guard !input.honours.isEmpty else {
            out.append(.paragraph(w.pick("Từ ngày \(days.lowerBound) đến ngày \(days.upperBound) chưa có quyết định công nhận, khen thưởng nào được ghi nhận.",
                                         "No recognition or award is recorded from \(days.lowerBound) to \(days.upperBound).")))
            return out
        }
        let recognised = input.honours.filter { if case .recognition = $0.kind { true } else { false } }.count
        out.append(.paragraph(w.pick("Từ ngày \(days.lowerBound) đến ngày \(days.upperBound): \(recognised) lượt công nhận mô hình, \(input.honours.count - recognised) lượt khen thưởng.",
                                     "From \(days.lowerBound) to \(days.upperBound): \(recognised) recognitions, \(input.honours.count - recognised) awards.")))
        // One row per decision: a board recognises dozens of models in one decision.
        struct Decision: Hashable { let kind: Honour.Kind; let number: String; let day: Day?; let issuer: String }
        var order: [Decision] = []
        var groups: [Decision: [Honour]] = [:]
        for h in input.honours {
            let d = Decision(kind: h.kind, number: h.decisionNumber, day: h.decidedOn, issuer: h.issuer)
            if groups[d] == nil { order.append(d) }
            groups[d, default: []].append(h)
        }
        let columns = [TableColumn(w.pick("Hình thức", "Kind"), width: 12), TableColumn(w.pick("Quyết định", "Decision"), width: 18),
                       TableColumn(w.pick("Cơ quan quyết định", "Issuer"), width: 22),
                       TableColumn(w.pick("Số lượt", "Count"), width: 10, alignsRight: true),
                       TableColumn(w.pick("Mô hình, tập thể, cá nhân", "Recipients"), width: 40)]
        let rows = order.map { d -> TableRow in
            let list = groups[d]!
            // Every recipient: an official report names them all.
            let names = list.map(recipient).joined(separator: "; ")
            let decision = d.number + (d.day.map { w.pick(" ngày ", " of ") + $0.description } ?? "")
            return TableRow([.text(list[0].kindWords(lang)), .text(decision), .text(d.issuer),
                             .integer(list.count), .text(names)], isDemo: list.contains(where: \.isDemo))
        }
        out.append(.table(DataTable(title: w.pick("Công nhận, khen thưởng", "Honours"), columns: columns, rows: rows)))
        return out
    }

    /// “Mô hình A (xã B)”, the unit left out when the name already says it.
    static func recipient(_ h: Honour) -> String {
        guard !h.recipient.isEmpty else { return h.unitName }
        if VietnameseText.searchKey(h.recipient).contains(VietnameseText.searchKey(UnitLevel.split(h.unitName).rest)) { return h.recipient }
        return "\(h.recipient) (\(MeetingReport.inText(h.unitName)))"
    }

    static func closing(_ lang: Language) -> [ReportBlock] {
        let w = Words(lang)
        return [.heading(w.pick("V. NHIỆM VỤ THỜI GIAN TỚI", "V. NEXT STEPS")),
                .note(w.pick("(Phần này cán bộ soạn thảo viết tiếp trong Word hoặc LibreOffice trước khi trình ký.)",
                             "(The drafting officer writes this part in Word or LibreOffice before signing.)"))]
    }
}
