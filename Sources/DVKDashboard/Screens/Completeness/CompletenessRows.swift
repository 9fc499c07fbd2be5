import DVKCore

/// One row per unit, as values: the screen draws them, `P` prints them and
/// `e` exports them, so all three say the same.
enum CompletenessRows {
    static func columns(_ lang: Language) -> [DVKCore.TableColumn] {
        let w = Words(lang)
        return [
            DVKCore.TableColumn(w.unit, width: 30),
            DVKCore.TableColumn(w.pick("Báo cáo", "Reported"), width: 16),
            DVKCore.TableColumn(w.pick("Đủ (%)", "Complete (%)"), width: 8, alignsRight: true),
            DVKCore.TableColumn(w.pick("Mô hình", "Models"), width: 8, alignsRight: true),
            DVKCore.TableColumn(w.pick("Chờ ĐG", "Pending"), width: 7, alignsRight: true),
            DVKCore.TableColumn(w.pick("Đánh giá", "Evaluations"), width: 14),
            DVKCore.TableColumn(w.pick("Khảo sát", "Survey"), width: 12),
            DVKCore.TableColumn(w.pick("Kế hoạch", "Plan"), width: 15),
            DVKCore.TableColumn(w.pick("Nộp, duyệt", "Approval"), width: 13),
        ]
    }

    static func table(_ units: [UnitProgress], own: OrgUnit.ID?, approvals: [OrgUnit.ID: ApprovalState], _ lang: Language) -> DataTable {
        DataTable(title: Words(lang).pick("Tình hình báo cáo", "Reporting"), columns: columns(lang),
                  rows: units.map { TableRow(values($0, isOwn: $0.unit.id == own, approval: approvals[$0.unit.id], lang), isDemo: $0.unit.isDemo) })
    }

    /// A unit that reports for itself shows its own answers; a parent shows
    /// how many of the units below it have sent each one in.
    static func values(_ u: UnitProgress, isOwn: Bool, approval: ApprovalState?, _ lang: Language) -> [TableValue] {
        let w = Words(lang)
        let r = u.reporting
        let single = r.expected == 1 && u.own.expectsAny
        let notReported = w.pick("chưa báo cáo", "not reported")
        let status: TableValue = r.silent == r.expected ? .text("– " + notReported)
            : r.complete == r.expected ? .text("✓ " + w.pick("đủ", "complete"))
            : single ? .text("… " + w.pick("còn thiếu", "incomplete"))
            : .text("\(VietnameseNumber.integer(r.complete, lang))/\(VietnameseNumber.integer(r.expected, lang)) " + w.pick("đủ", "complete"))
        func part(_ done: Int, of expected: Int, own: TableValue) -> TableValue {
            // Not asked of this unit: blank, so “–” always means “not sent in”.
            if expected == 0 { return .text("") }
            if single { return own }
            return .text("\(VietnameseNumber.integer(done, lang))/\(VietnameseNumber.integer(expected, lang))")
        }
        let o = u.own
        let evaluation: TableValue = o.modelsInForce == 0 ? .text("–")
            : o.pending > 0 ? .text(w.pick("còn \(VietnameseNumber.integer(o.pending, lang)) chờ", "\(o.pending) pending"))
            : .text("✓ " + w.pick("đã đánh giá", "evaluated"))
        let sat = u.progress(for: .satisfaction)?.value
        // A figure means it came in; a spreadsheet gets it as a percentage.
        let survey: TableValue = o.surveyed ? (sat.map(TableValue.percent) ?? .text("✓")) : .text("–")
        // Sent in is not the same as adopted: the plan's own standing follows the mark.
        // Sent in is not yet in force: the words say which step is missing, as the overview's alert does.
        let plan: TableValue = !o.planned ? .text("–")
            : o.planAdopted == nil ? .text("✓ " + w.pick("có", "yes"))
            : o.planAdopted == true ? .text("… " + w.pick("chưa phổ biến", "not disseminated"))
            : .text("… " + w.pick("chưa ban hành", "not adopted"))
        return [
            .text(isOwn ? u.ownRowName(lang) : u.unit.name),
            status,
            // A share of one unit says nothing its verdict does not.
            single ? .text("") : .percent(CompletenessState.share(r.complete, of: r.expected)),
            .integer(u.models.inForce),
            .integer(u.models.pending),
            part(r.modelsDone, of: r.modelsExpected, own: evaluation),
            part(r.surveyed, of: r.surveyExpected, own: survey),
            part(r.planned, of: r.planExpected, own: plan),
            .text(ApprovalState.label(approval, lang)),
        ]
    }
}
