import DVKCore
import Foundation
import TerminalUI

/// Nhật ký: the audit log, newest first, and the before/after of the selected entry.
enum HistoryView {
    static func split(_ body: Rect) -> (table: Rect, detail: Rect) {
        let list = Rect(x: body.x, y: body.y + 1, width: body.width, height: max(0, body.height - 1))
        let parts = Layout.vertical(list, [.fill(1), .fixed(min(10, max(4, list.height / 2)))])
        return (parts[0], parts[1])
    }

    static func tableArea(_ body: Rect) -> Rect { split(body).table }

    static func render(_ s: AppState, into b: inout Buffer, area: Rect) {
        let t = Texts(s.lang)
        let entries = visible(s)
        var summary = [t.pick("\(entries.count) thay đổi", "\(entries.count) changes")]
        summary.append(t.pick("loại [f]: ", "kind [f]: ") + (s.historyQuery.entity.map { entityName($0, t) } ?? t.all))
        summary.append(t.pick("cán bộ [e]: ", "officer [e]: ") + (s.historyQuery.officer ?? t.all))
        summary.append(t.pick("từ ngày [s]: ", "since [s]: ") + (s.historyQuery.since?.description ?? t.all))
        summary.append(t.pick("đơn vị [t]: ", "unit [t]: ") + (s.historyQuery.underCurrentUnit ? (s.overview?.unit.unit.name ?? "") : t.all))
        b.write(summary.joined(separator: " · "), x: area.x + 1, y: area.y, role: .muted, maxWidth: area.width - 2)
        let (tableRect, detailRect) = split(area)
        let columns = [TableColumn(t.pick("Lúc", "When"), width: 17), TableColumn(t.pick("Cán bộ", "Officer"), width: 14),
                       TableColumn(t.pick("Thao tác", "Action"), width: 12), TableColumn(t.pick("Đối tượng", "What"), width: .min(20))]
        let rows = entries.map { e -> [TableCell] in
            [TableCell(time(e.at)), TableCell(e.officer), TableCell(actionName(e.action, t)),
             TableCell(entityName(e.entity, t) + " " + (e.entityID.map { "#\($0)" } ?? "") + " " + label(e))]
        }
        Table(columns: columns, source: rows, selected: rows.isEmpty ? nil : s.historySelected,
              offset: max(0, s.historySelected - Table.visibleRows(in: tableRect) + 1),
              placeholder: t.pick("Chưa có thay đổi nào.", "No changes yet.")).render(into: &b, area: tableRect)
        let panel = Panel(title: t.pick("Trước → sau", "Before → after"))
        panel.render(into: &b, area: detailRect)
        guard entries.indices.contains(s.historySelected) else { return }
        let inner = panel.inner(of: detailRect).inset(dx: 1, dy: 0)
        let lines = diff(entries[s.historySelected], t)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            b.write(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
        }
    }

    /// The loaded entries after the unit filter: records whose unit (or, for
    /// a unit, itself) lies under the unit on screen. Evaluations and
    /// recognitions name only their model and are left out by this filter.
    static func visible(_ s: AppState) -> [HistoryEntry] {
        guard s.historyQuery.underCurrentUnit, let ids = s.overview.map({ Set($0.subtreeUnitIDs) }) else { return s.history }
        return s.history.filter { e in
            let image = object(e.after).isEmpty ? object(e.before) : object(e.after)
            let unit = (e.entity == "unit" ? image["id"] : image["unit_id"]) as? NSNumber
            return unit.map { ids.contains($0.int64Value) } ?? false
        }
    }

    static func time(_ iso: String) -> String {
        // 2026-11-21T19:55:08Z → 21/11/2026 19:55
        let parts = iso.split(separator: "T")
        guard parts.count == 2, let d = Day(parsing: String(parts[0])) else { return iso }
        return "\(d) \(parts[1].prefix(5))"
    }

    static func actionName(_ a: String, _ t: Texts) -> String {
        if a.hasPrefix("undo") { return t.pick("hoàn tác", "undo") }
        if a.hasPrefix("redo") { return t.pick("làm lại", "redo") }
        switch a {
        case "add": return t.pick("thêm", "add")
        case "update": return t.pick("sửa", "change")
        case "merge": return t.pick("sáp nhập", "merge")
        case "import": return t.pick("nạp tệp", "import")
        case "generate": return t.pick("sinh dữ liệu", "generate")
        default: return a
        }
    }

    static let entities = ["model", "evaluation", "recognition", "award", "survey", "plan_adoption", "unit", "target"]

    static func entityName(_ e: String, _ t: Texts) -> String {
        switch e {
        case "model": return t.pick("mô hình", "model")
        case "evaluation": return t.pick("đánh giá", "evaluation")
        case "recognition": return t.pick("công nhận", "recognition")
        case "award": return t.pick("khen thưởng", "award")
        case "survey": return t.pick("hài lòng", "survey")
        case "plan_adoption": return t.pick("kế hoạch", "plan")
        case "unit": return t.pick("đơn vị", "unit")
        case "target": return t.pick("chỉ tiêu", "target")
        default: return e
        }
    }

    static func object(_ json: String?) -> [String: Any] {
        guard let json, let o = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        return o
    }

    /// The entry's title or name, when it has one.
    static func label(_ e: HistoryEntry) -> String {
        let o = object(e.after).isEmpty ? object(e.before) : object(e.after)
        return (o["title"] as? String) ?? (o["name"] as? String) ?? ""
    }

    /// Column names as an officer reads them.
    static func columnName(_ c: String, _ t: Texts) -> String {
        let names: [String: (String, String)] = [
            "title": ("Tên", "Title"), "name": ("Tên", "Name"), "field_code": ("Lĩnh vực", "Field"), "kind": ("Loại", "Kind"),
            "unit_id": ("Đơn vị", "Unit"), "registered_on": ("Ngày đăng ký", "Registered"), "launched_on": ("Ngày ra mắt", "Launched"),
            "removed_on": ("Ngày loại bỏ", "Removed"), "removal_reason": ("Lý do loại bỏ", "Removal reason"),
            "description": ("Mô tả", "Description"), "goals": ("Mục tiêu", "Goals"), "expected_outputs": ("Kết quả dự kiến", "Outputs"),
            "funds_vnd": ("Kinh phí", "Budget"), "work_days": ("Ngày công", "Work-days"), "year": ("Năm", "Year"),
            "effective": ("Hiệu quả", "Effective"), "note": ("Ghi chú", "Note"), "permille": ("Hài lòng (‰)", "Satisfaction (‰)"),
            "respondents": ("Số người trả lời", "Respondents"), "adopted": ("Ban hành", "Adopted"), "disseminated": ("Phổ biến", "Disseminated"),
            "threshold": ("Ngưỡng", "Threshold"), "parent_id": ("Cấp trên", "Parent"), "valid_to": ("Hiệu lực đến", "Valid to"),
            "merged_into_id": ("Sáp nhập vào", "Merged into"), "decision_number": ("Số quyết định", "Decision no."),
            "decided_on": ("Ngày quyết định", "Decided on"), "level": ("Cấp", "Level"), "issuer": ("Cơ quan", "Issuer"),
            "recipient": ("Người nhận", "Recipient"), "model_id": ("Mô hình", "Model"),
        ]
        return names[c].map { t.pick($0.0, $0.1) } ?? c
    }

    /// One line per changed column: “Tên: A → B”. Keys kept for sorting and
    /// search are left out, and so are empty values on both sides.
    static func diff(_ e: HistoryEntry, _ t: Texts) -> [String] {
        let before = object(e.before), after = object(e.after)
        let hidden: Set<String> = ["sort_key", "search_key", "id", "is_demo", "source", "ref"]
        let keys = Set(before.keys).union(after.keys).subtracting(hidden).sorted()
        func show(_ v: Any?) -> String {
            switch v {
            case nil, is NSNull: return "–"
            case let s as String: return s.isEmpty ? "“”" : s
            case let n as NSNumber: return n.stringValue
            default: return "\(v!)"
            }
        }
        let blank: Set<String> = ["–", "“”"]
        return keys.compactMap { k in
            let a = show(before[k]), b = show(after[k])
            if a == b || (blank.contains(a) && blank.contains(b)) { return nil }
            return "\(columnName(k, t)): \(a) → \(b)"
        }
    }
}
