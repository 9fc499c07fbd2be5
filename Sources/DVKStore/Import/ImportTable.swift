import DVKCore
import GRDB

/// How a re-import reads, matches and compares the rows of one table.
///
/// The staging database (the folder loaded on its own, by the first-import
/// code, so its checks and messages are the same) and the real one share
/// the schema, so one SELECT reads both; references come out as the `ref`
/// the files write, so a unit or model is the same row in both whatever its id.
struct ImportTable: Sendable {
    enum Kind: Sendable {
        case text, day, flag, number, money, permille, decimal, year, code
        /// `meta.value`: a date (data_as_of) or a unit ref (home_unit).
        case setting
    }

    /// A column of the natural key rows are matched by; `lookup` is the
    /// indexed expression that finds it in SQL, nil where the column is
    /// compared folded (a decision number written with other case or tone
    /// marks is the same decision).
    struct Key: Sendable {
        let column: String
        let lookup: String?
        var kind: Kind = .code
    }

    /// Which stored records are history a re-import leaves alone.
    enum Guard: Sendable {
        case none, removedModel, endedUnit
    }

    let entity: String
    let file: String
    /// Selected columns: `row_id` (the stored id, or NULL), `line_key` (the key
    /// the importer noted the file line by), the key columns, `columns`.
    let select: String
    let from: String
    var filter = "1"
    let keys: [Key]
    let columns: [(name: String, kind: Kind)]
    /// The column an added row is named by in the plan.
    var label: String?
    var guardRule: Guard = .none

    var sql: String { "SELECT \(select) FROM \(from) WHERE \(filter)" }

    /// In the order the importer reads the files, which is the order writes must follow.
    static let all: [ImportTable] = [
        ImportTable(entity: "field", file: "fields.csv",
                    select: "NULL AS row_id, f.code AS line_key, f.code, f.name_vi, f.name_en, f.sort_order",
                    from: "field f", keys: [Key(column: "code", lookup: "f.code")],
                    columns: [("name_vi", .text), ("name_en", .text), ("sort_order", .number)]),
        ImportTable(entity: "target", file: "targets.csv",
                    select: "t.id AS row_id, t.code AS line_key, t.code, t.metric, t.threshold, t.unit_kinds, t.phase_start, t.phase_end, t.min_per_field, t.at_risk_ratio, t.directive",
                    from: "target t", keys: [Key(column: "code", lookup: "t.code")],
                    columns: [("metric", .code), ("threshold", .decimal), ("unit_kinds", .code), ("phase_start", .year), ("phase_end", .year),
                              ("min_per_field", .number), ("at_risk_ratio", .decimal), ("directive", .text)]),
        ImportTable(entity: "unit", file: "units.csv",
                    select: """
                        u.id AS row_id, CAST(u.id AS TEXT) AS line_key, u.ref, u.official_code, u.name, u.kind,
                        coalesce(p.ref, p.name) AS parent_ref, u.valid_from, u.valid_to, coalesce(s.ref, s.name) AS merged_into_ref, u.is_demo, u.source
                        """,
                    from: "unit u LEFT JOIN unit p ON p.id = u.parent_id LEFT JOIN unit s ON s.id = u.merged_into_id",
                    keys: [Key(column: "ref", lookup: "u.ref")],
                    columns: [("official_code", .text), ("name", .text), ("kind", .code), ("parent_ref", .code), ("valid_from", .day),
                              ("valid_to", .day), ("merged_into_ref", .code), ("is_demo", .flag), ("source", .text)],
                    label: "name", guardRule: .endedUnit),
        ImportTable(entity: "model", file: "models.csv",
                    select: """
                        m.id AS row_id, CAST(m.id AS TEXT) AS line_key, m.ref, coalesce(u.ref, u.name) AS unit_ref, m.kind, m.title, m.field_code,
                        m.description, m.goals, m.expected_outputs, m.funds_vnd, m.work_days, m.registered_on, m.launched_on, m.removed_on,
                        m.removal_reason, m.is_demo, m.source
                        """,
                    from: "model m JOIN unit u ON u.id = m.unit_id",
                    keys: [Key(column: "ref", lookup: "m.ref")],
                    columns: [("unit_ref", .code), ("kind", .code), ("title", .text), ("field_code", .code), ("description", .text),
                              ("goals", .text), ("expected_outputs", .text), ("funds_vnd", .money), ("work_days", .number),
                              ("registered_on", .day), ("launched_on", .day), ("removed_on", .day), ("removal_reason", .text),
                              ("is_demo", .flag), ("source", .text)],
                    label: "title", guardRule: .removedModel),
        ImportTable(entity: "evaluation", file: "evaluations.csv",
                    select: "NULL AS row_id, e.model_id || '/' || e.year AS line_key, coalesce(m.ref, '#' || m.id) AS model_ref, e.year, e.effective, e.note",
                    from: "evaluation e JOIN model m ON m.id = e.model_id",
                    keys: [Key(column: "model_ref", lookup: "m.ref"), Key(column: "year", lookup: "e.year", kind: .year)],
                    columns: [("effective", .flag), ("note", .text)]),
        ImportTable(entity: "recognition", file: "recognitions.csv",
                    select: "r.id AS row_id, CAST(r.id AS TEXT) AS line_key, coalesce(m.ref, '#' || m.id) AS model_ref, r.level, r.decision_number, r.decided_on, r.issuer",
                    from: "recognition r JOIN model m ON m.id = r.model_id",
                    keys: [Key(column: "model_ref", lookup: "m.ref"), Key(column: "level", lookup: "r.level"),
                           Key(column: "decision_number", lookup: nil)],
                    columns: [("decision_number", .text), ("decided_on", .day), ("issuer", .text)]),
        ImportTable(entity: "award", file: "awards.csv",
                    select: """
                        a.id AS row_id, CAST(a.id AS TEXT) AS line_key, a.kind, a.decision_number, a.recipient,
                        CASE WHEN a.model_id IS NULL THEN NULL ELSE coalesce(m.ref, '#' || a.model_id) END AS model_ref,
                        CASE WHEN a.unit_id IS NULL THEN NULL ELSE coalesce(u.ref, '#' || a.unit_id) END AS unit_ref,
                        a.issuer, a.decided_on, a.source
                        """,
                    from: "award a LEFT JOIN model m ON m.id = a.model_id LEFT JOIN unit u ON u.id = a.unit_id",
                    keys: [Key(column: "kind", lookup: "a.kind"), Key(column: "decision_number", lookup: nil),
                           Key(column: "recipient", lookup: nil), Key(column: "model_ref", lookup: "m.ref"), Key(column: "unit_ref", lookup: "u.ref")],
                    columns: [("decision_number", .text), ("recipient", .text), ("issuer", .text), ("decided_on", .day), ("source", .text)]),
        ImportTable(entity: "survey", file: "surveys.csv",
                    select: "NULL AS row_id, s.unit_id || '/' || s.year AS line_key, coalesce(u.ref, '#' || u.id) AS unit_ref, s.year, s.permille, s.respondents, s.source, s.is_demo",
                    from: "survey s JOIN unit u ON u.id = s.unit_id",
                    keys: [Key(column: "unit_ref", lookup: "u.ref"), Key(column: "year", lookup: "s.year", kind: .year)],
                    columns: [("permille", .permille), ("respondents", .number), ("source", .text), ("is_demo", .flag)]),
        ImportTable(entity: "plan_adoption", file: "plans.csv",
                    select: "NULL AS row_id, p.unit_id || '/' || p.year AS line_key, coalesce(u.ref, '#' || u.id) AS unit_ref, p.year, p.adopted, p.disseminated, p.is_demo",
                    from: "plan_adoption p JOIN unit u ON u.id = p.unit_id",
                    keys: [Key(column: "unit_ref", lookup: "u.ref"), Key(column: "year", lookup: "p.year", kind: .year)],
                    columns: [("adopted", .flag), ("disseminated", .flag), ("is_demo", .flag)]),
        ImportTable(entity: "reported_figure", file: "reported_figures.csv",
                    select: "f.id AS row_id, CAST(f.id AS TEXT) AS line_key, coalesce(u.ref, '#' || u.id) AS unit_ref, f.year, f.scope, f.field_code, f.count, f.qualifier, f.source",
                    from: "reported_figure f JOIN unit u ON u.id = f.unit_id",
                    keys: [Key(column: "unit_ref", lookup: "u.ref"), Key(column: "year", lookup: "f.year", kind: .year),
                           Key(column: "scope", lookup: "f.scope"), Key(column: "field_code", lookup: "f.field_code")],
                    columns: [("count", .number), ("qualifier", .code), ("source", .text)]),
        // Directives are cited by number and date (docs: DOMAIN.md), so those are their key.
        ImportTable(entity: "directive", file: "directives.csv",
                    select: "d.id AS row_id, CAST(d.id AS TEXT) AS line_key, d.kind, d.number, d.issued_on, d.issuer, d.title, d.source",
                    from: "directive d",
                    keys: [Key(column: "kind", lookup: "d.kind"), Key(column: "number", lookup: "d.number"),
                           Key(column: "issued_on", lookup: "d.issued_on", kind: .day)],
                    columns: [("issuer", .text), ("title", .text), ("source", .text)], label: "title"),
        ImportTable(entity: "meta", file: "settings.csv",
                    select: """
                        NULL AS row_id, x.key AS line_key, x.key,
                        CASE x.key WHEN 'home_unit' THEN (SELECT coalesce(u.ref, u.name) FROM unit u WHERE u.id = CAST(x.value AS INTEGER)) ELSE x.value END AS value
                        """,
                    from: "meta x", filter: "x.key IN ('home_unit', 'data_as_of')",
                    keys: [Key(column: "key", lookup: "x.key")],
                    columns: [("value", .setting)]),
    ]

    /// A stored value as the plan shows and compares it: blank text and NULL
    /// are the same (a form stores one, a file the other).
    static func value(_ stored: DatabaseValue?, _ kind: Kind) -> ImportValue {
        // Written without enum cases as functions: the release compiler (Swift 6.3)
        // crashed in CopyPropagation on `.map(ImportValue.day)` here.
        let v = stored ?? .null
        if v.isNull { return .none }
        let raw = ImportValue.code(v.description)
        let text = String.fromDatabaseValue(v)
        switch kind {
        case .text:
            guard let s = text else { return raw }
            return s.isEmpty ? .none : .text(s)
        case .code:
            guard let s = text else { return raw }
            return s.isEmpty ? .none : .code(s)
        case .day:
            guard let s = text else { return raw }
            if let d = Day(parsing: s) { return .day(d) }
            return s.isEmpty ? .none : .code(s)
        case .setting:
            guard let s = text else { return raw }
            if let d = Day(parsing: s) { return .day(d) }
            return .code(s)
        case .flag:
            if let f = Bool.fromDatabaseValue(v) { return .flag(f) }
            return raw
        case .number, .money, .permille, .year:
            guard let n = Int64.fromDatabaseValue(v) else { return raw }
            switch kind {
            case .money: return .money(n)
            case .permille: return .permille(n)
            case .year: return .year(n)
            default: return .number(n)
            }
        case .decimal:
            if let d = Double.fromDatabaseValue(v) { return .decimal(d) }
            return raw
        }
    }

    /// The key as the officer reads it in the file: `M-1001, 2024`.
    func keyText(_ row: [String: DatabaseValue]) -> String {
        keys.compactMap { k -> String? in
            switch ImportTable.value(row[k.column], k.kind) {
            case .none: return nil
            case let .text(t), let .code(t): return t
            case let other: return other.text(.vi)
            }
        }.joined(separator: ", ")
    }

    /// The key as rows are matched: folded where `lookup` is nil.
    func matchKey(_ row: [String: DatabaseValue]) -> [String] {
        keys.map { k in
            let text = String.fromDatabaseValue(row[k.column] ?? .null) ?? (row[k.column]?.description ?? "")
            return k.lookup == nil ? VietnameseText.searchKey(text) : text
        }
    }

    /// What the officer calls a column in the plan.
    static func label(_ column: String, _ lang: Language) -> String {
        let w = Words(lang)
        switch column {
        case "official_code": return w.pick("mã hành chính", "official code")
        case "name": return w.pick("tên", "name")
        case "title": return w.pick("tên", "title")
        case "kind": return w.pick("loại", "kind")
        case "parent_ref": return w.pick("cấp trên", "parent")
        case "valid_from": return w.pick("hiệu lực từ", "valid from")
        case "valid_to": return w.pick("hiệu lực đến", "valid to")
        case "merged_into_ref": return w.pick("sáp nhập vào", "merged into")
        case "is_demo": return w.pick("dữ liệu mẫu", "demo")
        case "source": return w.pick("nguồn", "source")
        case "unit_ref": return w.pick("đơn vị", "unit")
        case "model_ref": return w.pick("mô hình", "model")
        case "field_code": return w.pick("lĩnh vực", "field")
        case "description": return w.pick("mô tả", "description")
        case "goals": return w.pick("mục tiêu", "goals")
        case "expected_outputs": return w.pick("kết quả dự kiến", "expected outputs")
        case "funds_vnd": return w.pick("kinh phí", "funds")
        case "work_days": return w.pick("ngày công", "work days")
        case "registered_on": return w.pick("ngày đăng ký", "registered on")
        case "launched_on": return w.pick("ngày ra mắt", "launched on")
        case "removed_on": return w.pick("ngày loại bỏ", "removed on")
        case "removal_reason": return w.pick("lý do loại bỏ", "removal reason")
        case "effective": return w.pick("hiệu quả", "effective")
        case "note": return w.pick("ghi chú", "note")
        case "decision_number": return w.pick("số quyết định", "decision number")
        case "decided_on": return w.pick("ngày quyết định", "decided on")
        case "issuer": return w.pick("cơ quan ban hành", "issuer")
        case "recipient": return w.pick("người/đơn vị nhận", "recipient")
        case "permille": return w.pick("tỷ lệ hài lòng", "satisfaction")
        case "respondents": return w.pick("số người được hỏi", "respondents")
        case "adopted": return w.pick("có kế hoạch", "adopted")
        case "disseminated": return w.pick("đã phổ biến", "disseminated")
        case "count": return w.pick("số lượng", "count")
        case "qualifier": return w.pick("mức", "qualifier")
        case "name_vi": return w.pick("tên tiếng Việt", "Vietnamese name")
        case "name_en": return w.pick("tên tiếng Anh", "English name")
        case "sort_order": return w.pick("thứ tự", "order")
        case "metric": return w.pick("chỉ số", "metric")
        case "threshold": return w.pick("ngưỡng", "threshold")
        case "unit_kinds": return w.pick("loại đơn vị", "unit kinds")
        case "phase_start": return w.pick("năm bắt đầu", "first year")
        case "phase_end": return w.pick("năm kết thúc", "last year")
        case "min_per_field": return w.pick("tối thiểu mỗi lĩnh vực", "minimum per field")
        case "at_risk_ratio": return w.pick("tỷ lệ gần đạt", "at-risk ratio")
        case "directive": return w.pick("văn bản", "directive")
        case "value": return w.pick("giá trị", "value")
        default: return column
        }
    }
}
