import DVKCore
import Foundation

/// One audit row as the store keeps it: the input of `HistoryDescription`.
public struct HistoryRecord: Hashable, Sendable {
    public var id: Int64
    public var at: String
    public var officer: String
    public var action: String
    public var entity: String
    public var entityID: String?
    public var before: String?
    public var after: String?
    /// Taken back by an undo that no redo has put back since.
    public var isUndone: Bool

    public init(id: Int64, at: String, officer: String, action: String, entity: String, entityID: String?, before: String?, after: String?,
                isUndone: Bool = false) {
        self.isUndone = isUndone
        self.id = id
        self.at = at
        self.officer = officer
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }
}

/// The names the history shows in place of ids, looked up once per load.
public struct HistoryNames: Hashable, Sendable {
    public struct ModelName: Hashable, Sendable {
        public var title: String
        public var unitID: OrgUnit.ID
        public init(title: String, unitID: OrgUnit.ID) {
            self.title = title
            self.unitID = unitID
        }
    }

    /// Unit names as they are now, by id.
    public var units: [OrgUnit.ID: String]
    /// Model titles and units, by id.
    public var models: [Model.ID: ModelName]
    /// The fields of the database (their names replace field codes).
    public var fields: [Field]

    public init(units: [OrgUnit.ID: String] = [:], models: [Model.ID: ModelName] = [:], fields: [Field] = Field.standard) {
        self.units = units
        self.models = models
        self.fields = fields
    }
}

/// Makes audit rows readable, once, when the history is loaded: the JSON
/// images are parsed here and nowhere else, ids become names, codes become
/// words and numbers and dates take the Vietnamese form. Pure: the same
/// row, names, language and time zone give the same entry.
public enum HistoryDescription {
    /// What an audit row is about, as the history names it (and filters by it).
    static func entityName(_ e: String, _ t: Texts) -> String {
        let name = t.words.recordKind(e)
        // An entity dvk does not know is shown as stored, not dressed up as a word.
        return name == e ? e : name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The ids a batch of rows mentions, to look their names up in one go.
    public struct References: Hashable, Sendable {
        public var units: Set<OrgUnit.ID> = []
        public var models: Set<Model.ID> = []
        public init() {}
    }

    /// One row. `timeZone` is the one `when` is told in.
    public static func describe(_ raw: HistoryRecord, names: HistoryNames, lang: Language, timeZone: TimeZone = .current) -> HistoryEntry {
        ParsedRecord(raw).entry(HistoryContext(names: names, lang: lang, timeZone: timeZone))
    }

    /// A batch, as the history is loaded: each row is parsed once, and
    /// `names` is asked once for every unit and model the rows mention.
    public static func describe(_ records: [HistoryRecord], lang: Language, timeZone: TimeZone = .current,
                                names: (References) throws -> HistoryNames) rethrows -> [HistoryEntry] {
        let parsed = records.map(ParsedRecord.init)
        var refs = References()
        for p in parsed { p.collect(into: &refs) }
        let context = HistoryContext(names: try names(refs), lang: lang, timeZone: timeZone)
        return parsed.map { $0.entry(context) }
    }

    /// One change in a sentence, as undo and redo report it: “thêm mô hình
    /// “…” ở Xã …”, and how many more rows the change held.
    public static func summary(_ change: [HistoryEntry], lang: Language) -> String {
        let t = Texts(lang)
        guard let first = change.first else { return t.pick("thay đổi", "change") }
        let what = first.what.prefix(1).lowercased() + first.what.dropFirst()
        var line = "\(first.actionName) \(what)"
        if let unit = first.unitName, first.entity != "unit" { line += t.pick(" ở ", " in ") + unit }
        // A unit's move or merger says from what to what: "Cấp trên: Huyện Văn Chấn → Tỉnh Yên Bái".
        if first.entity == "unit", let c = first.changes.first, first.changes.count <= 2 { line += " (\(c.line))" }
        // What came with it, by kind: "kèm 1 đánh giá", an import's "kèm 3 mô hình, 1 khảo sát".
        var kinds: [(String, Int)] = []
        for e in change.dropFirst() {
            let name = entityName(e.entity, t).lowercased()
            if let i = kinds.firstIndex(where: { $0.0 == name }) { kinds[i].1 += 1 } else { kinds.append((name, 1)) }
        }
        if !kinds.isEmpty {
            line += t.pick(", kèm ", ", with ") + kinds.map { "\(VietnameseNumber.integer($0.1, lang)) \($0.0)" }.joined(separator: ", ")
        }
        return line
    }

    /// The ids one row mentions.
    public static func references(_ raw: HistoryRecord) -> References {
        var refs = References()
        ParsedRecord(raw).collect(into: &refs)
        return refs
    }
}

// MARK: - Parsing

/// A column value of a JSON image. Anything nested (only a damaged image
/// has it) is kept as its text.
enum ImageValue: Decodable, Hashable {
    case null
    case int(Int64)
    case number(Double)
    case bool(Bool)
    case text(String)
    case other(String)

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let s = try? c.decode(String.self) { self = .text(s) }
        else if let a = try? c.decode([ImageValue].self) { self = .other("[\(a.count)]") }
        else if let o = try? c.decode([String: ImageValue].self) { self = .other("{\(o.count)}") }
        else { self = .other("?") }
    }

    var int: Int64? {
        switch self {
        case let .int(i): return i
        case let .number(d) where d.rounded() == d && abs(d) < 9e18: return Int64(d)
        case let .bool(b): return b ? 1 : 0
        default: return nil
        }
    }

    var number: Double? {
        switch self {
        case let .int(i): return Double(i)
        case let .number(d): return d
        default: return nil
        }
    }

    var text: String? {
        if case let .text(s) = self { return s }
        return nil
    }
}

/// What one row's images hold, read once.
struct ParsedRecord {
    let raw: HistoryRecord
    /// nil: no image (an addition has no before, a removal no after) or a damaged one.
    let before: [String: ImageValue]?
    let after: [String: ImageValue]?
    let beforeDamaged: Bool
    let afterDamaged: Bool

    init(_ raw: HistoryRecord) {
        self.raw = raw
        (before, beforeDamaged) = ParsedRecord.image(raw.before)
        (after, afterDamaged) = ParsedRecord.image(raw.after)
    }

    static func image(_ json: String?) -> ([String: ImageValue]?, Bool) {
        guard let json else { return (nil, false) }
        guard let image = try? JSONDecoder().decode([String: ImageValue].self, from: Data(json.utf8)) else { return (nil, true) }
        return (image, false)
    }

    /// The newest non-null value of a column: after, else before.
    func value(_ key: String) -> ImageValue? {
        for image in [after, before] {
            if let v = image?[key], v != .null { return v }
        }
        return nil
    }

    func int(_ key: String) -> Int64? { value(key)?.int }
    func text(_ key: String) -> String? {
        guard let s = value(key)?.text?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        return s
    }

    /// `12`, `3/2025`: the first id and the year of the entity id.
    var idParts: (id: Int64?, year: Int?) {
        let parts = (raw.entityID ?? "").split(separator: "/")
        return (parts.first.flatMap { Int64($0) }, parts.count > 1 ? Int(parts[1]) : nil)
    }

    var year: Int? { int("year").map { Int(clamping: $0) } ?? idParts.year }

    /// The model an evaluation, recognition or award is about.
    var modelID: Model.ID? {
        switch raw.entity {
        case "model": return int("id") ?? idParts.id
        case "evaluation": return int("model_id") ?? idParts.id
        default: return int("model_id")
        }
    }

    func collect(into refs: inout HistoryDescription.References) {
        for key in ["unit_id", "parent_id", "merged_into_id", "follows_unit_id"] {
            for image in [before, after] { if let id = image?[key]?.int { refs.units.insert(id) } }
        }
        for image in [before, after] { if let id = image?["model_id"]?.int { refs.models.insert(id) } }
        switch raw.entity {
        case "unit", "survey", "plan_adoption": if let id = raw.entity == "unit" ? (int("id") ?? idParts.id) : idParts.id { refs.units.insert(id) }
        case "model", "evaluation": if let id = modelID { refs.models.insert(id) }
        default: break
        }
    }

    /// The unit the record belongs to.
    func unitID(_ names: HistoryNames) -> OrgUnit.ID? {
        switch raw.entity {
        case "unit": return int("id") ?? idParts.id
        case "survey", "plan_adoption": return int("unit_id") ?? idParts.id
        case "model": return int("unit_id") ?? modelID.flatMap { names.models[$0]?.unitID }
        case "award": return int("unit_id") ?? modelID.flatMap { names.models[$0]?.unitID }
        case "evaluation", "recognition": return modelID.flatMap { names.models[$0]?.unitID }
        default: return nil
        }
    }
}

// MARK: - Describing

/// Everything a description needs besides the row.
struct HistoryContext {
    let names: HistoryNames
    let t: Texts
    let timeZone: TimeZone
    let isoFormatter: ISO8601DateFormatter

    init(names: HistoryNames, lang: Language, timeZone: TimeZone) {
        self.names = names
        self.t = Texts(lang)
        self.timeZone = timeZone
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        self.isoFormatter = f
    }

    func unitName(_ id: OrgUnit.ID) -> String { names.units[id] ?? t.pick("đơn vị #\(id)", "unit #\(id)") }

    /// “mô hình “Chính quyền điện tử””, or “mô hình #5” when it is gone.
    func modelRef(_ id: Model.ID?) -> String {
        guard let id else { return t.pick("mô hình (không rõ)", "unknown model") }
        if let title = names.models[id]?.title { return t.pick("mô hình", "model") + " " + quoted(title) }
        return t.pick("mô hình #\(id)", "model #\(id)")
    }

    func fieldName(_ code: String) -> String {
        (names.fields.first { $0.code == code } ?? Field.standard.first { $0.code == code })?.name(t.lang) ?? code
    }

    func quoted(_ s: String) -> String { "“\(s)”" }

    /// 2026-11-21T12:55:08Z → 21/11/2026 19:55 in Vietnam.
    func when(_ iso: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let date = isoFormatter.date(from: iso) {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            if let y = c.year, let m = c.month, let d = c.day, let h = c.hour, let mi = c.minute, let day = Day(year: y, month: m, day: d) {
                return "\(day) \(two(h)):\(two(mi))"
            }
        }
        // Not the stored form (a hand-edited row): its day and time as written.
        let parts = iso.split(separator: "T")
        guard parts.count == 2, let d = Day(parsing: String(parts[0])) else { return iso }
        return "\(d) \(parts[1].prefix(5))"
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    func actionName(_ a: String) -> String {
        if a.hasPrefix("undo") { return t.pick("hoàn tác", "undo") }
        if a.hasPrefix("redo") { return t.pick("làm lại", "redo") }
        switch a {
        case "add": return t.pick("thêm", "add")
        case "update": return t.pick("sửa", "change")
        case "merge": return t.pick("sáp nhập", "merge")
        case "move": return t.pick("chuyển", "move")
        case "reassign": return t.pick("chuyển sang đơn vị kế tục", "reassign")
        case "import": return t.pick("nạp tệp", "import")
        case "generate": return t.pick("sinh dữ liệu", "generate")
        default: return a
        }
    }

    /// Entities, and tables in an import summary.
    func entityName(_ e: String) -> String { HistoryDescription.entityName(e, t) }

    func settingName(_ key: String) -> String {
        Setting(rawValue: key).map(t.words.setting) ?? key
    }

    func metricName(_ m: TargetMetric) -> String {
        switch m {
        case .planCoverage: return t.pick("Tổ chức có kế hoạch, phổ biến", "Organisations with a plan")
        case .effectiveModelsPerUnit: return t.pick("Mô hình hiệu quả mỗi xã", "Effective models per commune")
        case .modelCoverage: return t.pick("Cơ quan, đơn vị có mô hình", "Agencies with a model")
        case .satisfaction: return t.pick("Hài lòng", "Satisfaction")
        }
    }

    /// Column names as a form names them.
    func label(_ key: String, entity: String) -> String {
        if entity == "folder" { return entityName(key) }
        if entity == "meta", key == "value" { return t.pick("Giá trị", "Value") }
        let names: [String: (String, String)] = [
            "title": ("Tên", "Title"), "name": ("Tên", "Name"), "field_code": ("Lĩnh vực", "Field"), "kind": ("Loại", "Kind"),
            "unit_id": ("Đơn vị", "Unit"), "registered_on": ("Ngày đăng ký", "Registered"), "launched_on": ("Ngày ra mắt", "Launched"),
            "removed_on": ("Ngày loại bỏ", "Removed"), "removal_reason": ("Lý do loại bỏ", "Removal reason"),
            "description": ("Mô tả", "Description"), "goals": ("Mục tiêu", "Goals"), "expected_outputs": ("Kết quả dự kiến", "Outputs"),
            "funds_vnd": ("Kinh phí", "Budget"), "work_days": ("Ngày công", "Work-days"), "year": ("Năm", "Year"),
            "effective": ("Hiệu quả", "Effective"), "note": ("Ghi chú", "Note"), "permille": ("Hài lòng", "Satisfaction"),
            "respondents": ("Số người trả lời", "Respondents"), "adopted": ("Ban hành", "Adopted"), "disseminated": ("Phổ biến", "Disseminated"),
            "threshold": ("Ngưỡng", "Threshold"), "parent_id": ("Cấp trên", "Parent"), "valid_from": ("Hiệu lực từ", "Valid from"),
            "valid_to": ("Hiệu lực đến", "Valid to"), "merged_into_id": ("Sáp nhập vào", "Merged into"),
            "follows_unit_id": ("Tính cho đơn vị kế tục", "Counts for successor"),
            "official_code": ("Mã đơn vị", "Official code"), "decision_number": ("Số quyết định", "Decision no."),
            "decided_on": ("Ngày quyết định", "Decided on"), "level": ("Cấp", "Level"), "issuer": ("Cơ quan", "Issuer"),
            "recipient": ("Người nhận", "Recipient"), "model_id": ("Mô hình", "Model"), "code": ("Mã", "Code"),
            "metric": ("Chỉ số", "Measure"), "unit_kinds": ("Loại đơn vị", "Unit kinds"), "phase_start": ("Từ năm", "From year"),
            "phase_end": ("Đến năm", "To year"), "min_per_field": ("Tối thiểu mỗi lĩnh vực", "Minimum per field"),
            "at_risk_ratio": ("Ngưỡng gần đạt", "At-risk share"), "directive": ("Văn bản", "Directive"),
            "communes": ("Số xã", "Communes"), "rows": ("Số dòng", "Rows"), "seed": ("Hạt giống", "Seed"),
        ]
        return names[key].map { t.pick($0.0, $0.1) } ?? key
    }

    /// The order a form shows columns in; others follow alphabetically.
    static let order = [
        "name", "title", "kind", "field_code", "unit_id", "model_id", "year", "official_code", "parent_id", "valid_from", "valid_to",
        "merged_into_id", "registered_on", "launched_on", "removed_on", "removal_reason", "effective", "permille", "respondents",
        "adopted", "disseminated", "level", "decision_number", "decided_on", "issuer", "recipient", "funds_vnd", "work_days",
        "description", "goals", "expected_outputs", "note", "code", "metric", "threshold", "unit_kinds", "phase_start", "phase_end",
        "min_per_field", "at_risk_ratio", "directive", "value",
    ]

    static let dates: Set<String> = ["registered_on", "launched_on", "removed_on", "decided_on", "valid_from", "valid_to", "issued_on"]
    static let booleans: Set<String> = ["effective", "adopted", "disseminated"]
    static let blank = "–"
    static let emptyText = "“”"

    /// One value in words. `key` and `entity` say what the value is.
    func show(_ v: ImageValue?, key: String, entity: String, image: [String: ImageValue]?) -> String {
        guard let v, v != .null else { return HistoryContext.blank }
        if let s = v.text, s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return HistoryContext.emptyText }
        let lang = t.lang
        switch key {
        case "field_code":
            if let s = v.text { return fieldName(s) }
        case "kind":
            guard let s = v.text else { break }
            switch entity {
            case "model": if let k = ModelKind(rawValue: s) { return t.kind(k) }
            case "unit": if let k = UnitKind(rawValue: s) { return t.words.kind(k) }
            case "award": if let k = AwardKind(rawValue: s) { return t.award(k) }
            default: break
            }
        case "level":
            if let s = v.text, let l = RecognitionLevel(rawValue: s) { return t.level(l) }
        case _ where HistoryContext.booleans.contains(key):
            if let i = v.int, i == 0 || i == 1 { return i == 1 ? t.pick("có", "yes") : t.pick("không", "no") }
        case "permille":
            if let p = v.number { return VietnameseNumber.percent(p / 10, lang) }
        case "funds_vnd":
            if let n = v.int { return VietnameseNumber.money(n, lang) }
        case "unit_id", "parent_id", "merged_into_id", "follows_unit_id":
            if let id = v.int { return unitName(id) }
        case "model_id":
            if let id = v.int { return names.models[id].map { quoted($0.title) } ?? t.pick("mô hình #\(id)", "model #\(id)") }
        case _ where HistoryContext.dates.contains(key):
            if let s = v.text, let d = Day(parsing: s) { return d.description }
        case "metric":
            if let s = v.text, let m = TargetMetric(rawValue: s) { return metricName(m) }
        case "unit_kinds":
            if let s = v.text, let kinds = UnitKindList.parse(s) { return kinds.map { t.words.kind($0) }.joined(separator: ", ") }
        case "threshold":
            if let n = v.number { return VietnameseNumber.decimal(n, lang) }
        case "at_risk_ratio":
            if let n = v.number { return VietnameseNumber.percent(n * 100, lang) }
        case "year", "phase_start", "phase_end", "seed", "code":
            if let n = v.int { return String(n) }
        case "value" where entity == "meta":
            if image?["key"]?.text == Setting.dataAsOf.rawValue, let s = v.text, let d = Day(parsing: s) { return d.description }
        default:
            break
        }
        switch v {
        case let .int(n): return VietnameseNumber.integer(Int(clamping: n), lang)
        case let .number(d): return VietnameseNumber.decimal(d, places: 2, lang)
        case let .bool(b): return b ? t.pick("có", "yes") : t.pick("không", "no")
        case let .text(s): return s
        case let .other(s): return s
        case .null: return HistoryContext.blank
        }
    }
}

extension ParsedRecord {
    func entry(_ c: HistoryContext) -> HistoryEntry {
        let unit = unitID(c.names)
        let unitName: String? = unit.map { id in
            if let name = c.names.units[id] { return name }
            if raw.entity == "unit", let name = text("name") { return name }
            return c.unitName(id)
        }
        return HistoryEntry(id: raw.id, at: raw.at, officer: raw.officer, action: raw.action, entity: raw.entity, entityID: raw.entityID,
                            unitID: unit, unitName: unitName, what: what(c),
                            when: c.when(raw.at), actionName: c.actionName(raw.action), changes: changes(c), isUndone: raw.isUndone)
    }

    /// “Khảo sát hài lòng năm 2025”, “Mô hình “…””, “Đánh giá 2025 của mô hình “…””.
    func what(_ c: HistoryContext) -> String {
        let t = c.t
        let fallback = c.entityName(raw.entity) + (raw.entityID.map { " #\($0)" } ?? "")
        switch raw.entity {
        case "model":
            let title = text("title") ?? modelID.flatMap { c.names.models[$0]?.title }
            let word = text("kind") == ModelKind.individual.rawValue ? t.pick("Điển hình", "Exemplar") : t.pick("Mô hình", "Model")
            return title.map { word + " " + c.quoted($0) } ?? fallback
        case "evaluation":
            let y = year.map(String.init) ?? "?"
            return t.pick("Đánh giá \(y) của \(c.modelRef(modelID))", "\(y) evaluation of \(c.modelRef(modelID))")
        case "recognition":
            let level = text("level").flatMap(RecognitionLevel.init(rawValue:)).map { " (\(t.level($0)))" } ?? ""
            return t.pick("Công nhận \(c.modelRef(modelID))", "Recognition of \(c.modelRef(modelID))") + level
        case "award":
            let kind = text("kind").flatMap(AwardKind.init(rawValue:)).map { t.award($0) } ?? c.entityName("award")
            if let r = text("recipient") { return kind + ": " + r }
            return modelID.map { kind + ": " + c.modelRef($0) } ?? kind
        case "survey":
            return year.map { t.pick("Khảo sát hài lòng năm \($0)", "Satisfaction survey \($0)") } ?? fallback
        case "plan_adoption":
            return year.map { t.pick("Kế hoạch năm \($0)", "Plan for \($0)") } ?? fallback
        case "unit":
            let name = text("name") ?? (int("id") ?? idParts.id).flatMap { c.names.units[$0] }
            return name.map { c.entityName("unit") + " " + c.quoted($0) } ?? fallback
        case "target":
            guard let m = text("metric").flatMap(TargetMetric.init(rawValue:)), let th = value("threshold")?.number else {
                return text("code").map { c.entityName("target") + " " + c.quoted($0) } ?? fallback
            }
            let target = Target(code: text("code") ?? "", metric: m, threshold: th, unitKinds: [],
                                phase: PlanPhase(startYear: 2000, endYear: 2000), minPerField: int("min_per_field").map { Int(clamping: $0) })
            return c.entityName("target") + ": " + t.words.targetTitle(target)
        case "meta":
            let key = text("key") ?? raw.entityID ?? "?"
            return c.entityName("meta") + ": " + c.settingName(key)
        case "folder":
            return t.pick("Nạp dữ liệu từ thư mục", "Import of folder") + (raw.entityID.map { " " + c.quoted($0) } ?? "")
        case "database":
            return t.pick("Sinh dữ liệu mẫu", "Generated demo data")
        default:
            return fallback
        }
    }

    /// One line per changed column. Keys kept for sorting, search and
    /// identity are left out, and so are empty values on both sides. A
    /// damaged image says so, and its side reads “?”.
    func changes(_ c: HistoryContext) -> [HistoryChange] {
        var hidden: Set<String> = ["sort_key", "search_key", "id", "is_demo", "source", "ref"]
        if raw.entity == "meta" { hidden.insert("key") }
        var out: [HistoryChange] = []
        if beforeDamaged || afterDamaged {
            let unreadable = c.t.pick("không đọc được", "unreadable")
            out.append(HistoryChange(label: c.t.pick("Dữ liệu nhật ký hỏng", "Damaged log data"),
                                     before: beforeDamaged ? unreadable : HistoryContext.blank, after: afterDamaged ? unreadable : HistoryContext.blank))
        }
        let keys = Set((before ?? [:]).keys).union((after ?? [:]).keys).subtracting(hidden).sorted { a, b in
            let ia = HistoryContext.order.firstIndex(of: a) ?? Int.max, ib = HistoryContext.order.firstIndex(of: b) ?? Int.max
            return ia != ib ? ia < ib : a < b
        }
        let blanks: Set<String> = [HistoryContext.blank, HistoryContext.emptyText]
        for k in keys {
            let a = beforeDamaged ? "?" : c.show(before?[k], key: k, entity: raw.entity, image: before)
            let b = afterDamaged ? "?" : c.show(after?[k], key: k, entity: raw.entity, image: after)
            if a == b || (blanks.contains(a) && blanks.contains(b)) { continue }
            out.append(HistoryChange(label: c.label(k, entity: raw.entity), before: a, after: b))
        }
        return out
    }
}
