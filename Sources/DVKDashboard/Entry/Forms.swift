import DVKCore
import Foundation
import TerminalUI

/// The entry forms: their fields, their starting values, and how typed
/// values become a validated `SaveRequest` (or messages per field).
enum Forms {
    // MARK: - Opening

    static func open(_ kind: FormKind, _ s: AppState) -> FormState {
        let t = Texts(s.lang)
        var f = FormState(kind: kind, title: title(kind, t), fields: fields(kind, s))
        for spec in f.fields {
            switch spec.kind {
            case .toggle: f.toggles[spec.key] = false
            case .choice: f.picks[spec.key] = 0
            default: f.inputs[spec.key] = TextInput("")
            }
        }
        fill(&f, kind, s)
        return f
    }

    static func title(_ kind: FormKind, _ t: Texts) -> String {
        switch kind {
        case .newModel: return t.pick("Thêm mô hình, điển hình", "Add a model or exemplar")
        case let .editModel(m): return t.pick("Sửa mô hình: ", "Edit model: ") + m.title
        case let .evaluation(m): return t.pick("Đánh giá hiệu quả: ", "Evaluation: ") + m.title
        case let .recognition(m): return t.pick("Công nhận: ", "Recognition: ") + m.title
        case let .removal(m): return t.pick("Loại bỏ mô hình: ", "Remove model: ") + m.title
        case let .award(m): return t.pick("Khen thưởng: ", "Award: ") + m.title
        case let .survey(u): return t.pick("Chỉ số hài lòng: ", "Satisfaction survey: ") + u.name
        case let .plan(u): return t.pick("Kế hoạch: ", "Plan: ") + u.name
        case let .newUnit(p): return t.pick("Thêm đơn vị trực thuộc ", "Add a unit under ") + p.name
        case let .renameUnit(u): return t.pick("Đổi tên: ", "Rename: ") + u.name
        case let .moveUnit(u): return t.pick("Chuyển cấp trên: ", "Move: ") + u.name
        case let .mergeUnit(u): return t.pick("Sáp nhập: ", "Merge: ") + u.name
        case .target: return t.pick("Sửa chỉ tiêu", "Edit a target")
        }
    }

    static func fields(_ kind: FormKind, _ s: AppState) -> [FieldSpec] {
        let t = Texts(s.lang)
        let p = t.pick
        let years = Int64(Validator.earliestYear)...Int64(max(Validator.earliestYear, Validator(today: s.today).latestYear))
        let yearField = FieldSpec("year", p("Năm", "Year"), .year, required: true, range: years)
        switch kind {
        case .newModel, .editModel:
            return [
                FieldSpec("title", p("Tên mô hình", "Title"), required: true),
                FieldSpec("kind", p("Loại", "Kind"), .choice(ModelKind.allCases.map { Choice($0.rawValue, t.kind($0)) }), required: true),
                FieldSpec("unit", p("Đơn vị", "Unit"), .choice(unitChoices(s, kinds: nil)), required: true),
                FieldSpec("field", p("Lĩnh vực", "Field"), .choice(fieldChoices(s)), required: true),
                FieldSpec("registeredOn", p("Ngày đăng ký", "Registered on"), .date, hint: "dd/mm/yyyy"),
                FieldSpec("launchedOn", p("Ngày ra mắt", "Launched on"), .date, hint: "dd/mm/yyyy"),
                FieldSpec("description", p("Mô tả", "Description")),
                FieldSpec("goals", p("Mục tiêu", "Goals")),
                FieldSpec("expectedOutputs", p("Kết quả dự kiến", "Expected outputs")),
                FieldSpec("fundsVND", p("Kinh phí (đồng)", "Budget (VND)"), .money, hint: p("ví dụ 2,9 tỷ", "e.g. 2.9 billion"),
                          range: NumberLimits.fundsVND),
                FieldSpec("workDays", p("Ngày công", "Work-days"), .count, range: NumberLimits.workDays),
            ]
        case .evaluation:
            return [yearField,
                    FieldSpec("effective", p("Hoạt động hiệu quả", "Effective"), .toggle),
                    FieldSpec("note", p("Ghi chú", "Note"))]
        case .recognition:
            return [FieldSpec("level", p("Cấp công nhận", "Level"), .choice(RecognitionLevel.allCases.map { Choice($0.rawValue, t.level($0)) }), required: true),
                    FieldSpec("decisionNumber", p("Số quyết định", "Decision no."), required: true),
                    FieldSpec("decidedOn", p("Ngày quyết định", "Decided on"), .date, required: true, hint: "dd/mm/yyyy"),
                    FieldSpec("issuer", p("Cơ quan ra quyết định", "Issued by"))]
        case .removal:
            return [FieldSpec("removedOn", p("Ngày loại bỏ", "Removed on"), .date, required: true, hint: "dd/mm/yyyy"),
                    FieldSpec("removalReason", p("Lý do", "Reason"), required: true)]
        case .award:
            return [FieldSpec("kind", p("Hình thức", "Kind"), .choice(AwardKind.allCases.map { Choice($0.rawValue, t.award($0)) }), required: true),
                    FieldSpec("issuer", p("Cơ quan khen", "Issued by"), required: true),
                    FieldSpec("decisionNumber", p("Số quyết định", "Decision no.")),
                    FieldSpec("decidedOn", p("Ngày quyết định", "Decided on"), .date, hint: "dd/mm/yyyy"),
                    FieldSpec("recipient", p("Người / tập thể được khen", "Recipient"), required: true)]
        case .survey:
            return [yearField,
                    FieldSpec("percent", p("Chỉ số hài lòng (%)", "Satisfaction (%)"), .decimal, required: true, hint: p("ví dụ 92,5", "e.g. 92.5"),
                              range: NumberLimits.percent),
                    FieldSpec("respondents", p("Số người trả lời", "Respondents"), .count, range: NumberLimits.respondents),
                    FieldSpec("source", p("Nguồn", "Source"))]
        case .plan:
            return [yearField,
                    FieldSpec("adopted", p("Đã ban hành kế hoạch", "Plan adopted"), .toggle),
                    FieldSpec("disseminated", p("Đã phổ biến, tuyên truyền", "Disseminated"), .toggle)]
        case .newUnit:
            return [FieldSpec("name", p("Tên đơn vị", "Name"), required: true),
                    FieldSpec("kind", p("Loại đơn vị", "Kind"), .choice(UnitKind.allCases.map { Choice($0.rawValue, t.words.kind($0)) }), required: true),
                    FieldSpec("officialCode", p("Mã đơn vị hành chính", "Official code")),
                    FieldSpec("validFrom", p("Hiệu lực từ ngày", "Valid from"), .date, hint: "dd/mm/yyyy")]
        case .renameUnit:
            return [FieldSpec("name", p("Tên mới", "New name"), required: true)]
        case let .moveUnit(u):
            return [FieldSpec("parent", p("Cấp trên mới", "New parent"), .choice(unitChoices(s, kinds: nil, excluding: u.id, everywhere: true)), required: true)]
        case let .mergeUnit(u):
            return [FieldSpec("into", p("Sáp nhập vào", "Merge into"), .choice(unitChoices(s, kinds: [u.kind], excluding: u.id, everywhere: true)), required: true),
                    FieldSpec("lastDay", p("Ngày cuối còn hiệu lực", "Last day"), .date, required: true, hint: "dd/mm/yyyy")]
        case .target:
            let targets = s.overview?.unit.targets.map(\.target) ?? []
            return [FieldSpec("code", p("Chỉ tiêu", "Target"), .choice(targets.map { Choice($0.code, t.words.targetTitle($0)) }), required: true),
                    // The threshold's range follows the chosen target (`loadTarget`).
                    FieldSpec("threshold", p("Ngưỡng", "Threshold"), .decimal, required: true, range: NumberLimits.percent),
                    FieldSpec("phaseStart", p("Giai đoạn từ năm", "Phase from"), .year, required: true, range: years),
                    FieldSpec("phaseEnd", p("Đến năm", "to"), .year, required: true, range: years),
                    FieldSpec("minPerField", p("Tối thiểu mỗi lĩnh vực", "Minimum per field"), .count, range: NumberLimits.countThreshold)]
        }
    }

    static func fieldChoices(_ s: AppState) -> [Choice] {
        (s.overview?.fields ?? Field.standard).sorted { $0.sortOrder < $1.sortOrder }.map { Choice($0.code, $0.name(s.lang)) }
    }

    /// Units to choose from: the current unit's subtree (or every unit), by name.
    static func unitChoices(_ s: AppState, kinds: [UnitKind]?, excluding: OrgUnit.ID? = nil, everywhere: Bool = false) -> [Choice] {
        guard let o = s.overview else { return [] }
        let ids = everywhere ? Array(o.unitNames.keys) : o.subtreeUnitIDs
        var list = ids.filter { $0 != excluding }.compactMap { id in o.unitNames[id].map { (id, $0) } }
        if let kinds {
            let wanted = Set(kinds)
            list = list.filter { entry in o.unitKinds[entry.0].map(wanted.contains) ?? false }
        }
        let keyed = list.map { ($0.0, $0.1, VietnameseText.sortKey($0.1)) }.sorted { $0.2 < $1.2 }
        return keyed.map { Choice(String($0.0), $0.1) }
    }

    // MARK: - Starting values

    static func fill(_ f: inout FormState, _ kind: FormKind, _ s: AppState) {
        let year = String(s.location.year)
        func set(_ key: String, _ value: String?) { if let value { f.inputs[key] = TextInput(value) } }
        func pick(_ key: String, _ value: String?) {
            guard let value, let spec = f.fields.first(where: { $0.key == key }), case let .choice(options) = spec.kind,
                  let i = options.firstIndex(where: { $0.value == value }) else { return }
            f.picks[key] = i
        }
        switch kind {
        case .newModel:
            pick("unit", String(s.location.unitID))
            set("launchedOn", s.today.description)
        case let .editModel(m):
            set("title", m.title)
            pick("kind", m.kind.rawValue)
            pick("unit", String(m.unitID))
            pick("field", m.fieldCode)
            set("registeredOn", m.registeredOn?.description)
            set("launchedOn", m.launchedOn?.description)
            set("description", m.description)
            set("goals", m.goals)
            set("expectedOutputs", m.expectedOutputs)
            set("fundsVND", m.fundsVND.map { VietnameseNumber.integer(Int($0), s.lang) })
            set("workDays", m.workDays.map { String($0) })
        case .evaluation:
            set("year", year)
            f.toggles["effective"] = true
        case .recognition:
            set("decidedOn", s.today.description)
        case .removal:
            set("removedOn", s.today.description)
        case let .award(m):
            set("recipient", m.title)
        case .survey:
            set("year", year)
        case let .plan(u):
            set("year", year)
            f.toggles["adopted"] = true
            _ = u
        case .newUnit:
            pick("kind", UnitKind.commune.rawValue)
        case let .renameUnit(u):
            set("name", u.name)
        case .moveUnit, .mergeUnit:
            set("lastDay", Day.lastOf(year: s.location.year).description)
        case let .target(t):
            pick("code", t.code)
            loadTarget(&f, t, s.lang)
        }
        f.isDirty = false
    }

    /// Shows a target's current values (when the target choice changes too).
    static func loadTarget(_ f: inout FormState, _ t: Target, _ lang: Language) {
        if let i = f.fields.firstIndex(where: { $0.key == "threshold" }) {
            f.fields[i].range = t.metric == .effectiveModelsPerUnit ? NumberLimits.countThreshold : NumberLimits.percent
        }
        f.inputs["threshold"] = TextInput(VietnameseNumber.decimal(t.threshold, lang))
        f.inputs["phaseStart"] = TextInput(String(t.phase.startYear))
        f.inputs["phaseEnd"] = TextInput(String(t.phase.endYear))
        f.inputs["minPerField"] = TextInput(t.minPerField.map(String.init) ?? "")
    }

    // MARK: - Checking

    /// The message for one field as typed (leaving a field runs this).
    static func fieldError(_ f: FormState, _ spec: FieldSpec, _ lang: Language) -> String? {
        if case .choice = spec.kind {
            return spec.required && f.choice(spec.key) == nil ? ValidationIssue(field: spec.key, problem: .required).message(lang) : nil
        }
        if case .toggle = spec.kind { return nil }
        return FieldParse.problem(spec, f.text(spec.key)).map { ValidationIssue(field: spec.key, problem: $0).message(lang) }
    }

    /// Every field read and every rule checked: a request, or messages per field.
    static func request(_ f: FormState, _ s: AppState) -> (SaveRequest?, [String: String]) {
        var errors: [String: String] = [:]
        for spec in f.fields { if let e = fieldError(f, spec, s.lang) { errors[spec.key] = e } }
        // Field problems and rule problems are all said at once; a field's own message wins.
        let fieldErrors = errors
        let v = Validator(today: s.today)
        func day(_ k: String) -> Day? { Day(parsing: f.text(k)) }
        func spec(_ k: String) -> FieldSpec { f.fields.first { $0.key == k } ?? FieldSpec(k, k, .count) }
        // Out of range reads as nil here; the field's own message above says why.
        func int(_ k: String) -> Int? { FieldParse.integer(spec(k), f.text(k)) }
        func number(_ k: String) -> Double? {
            FieldParse.number(spec(k), f.text(k)).flatMap { FieldParse.rangeProblem(spec(k), f.text(k), $0) == nil ? $0 : nil }
        }
        func str(_ k: String) -> String { f.text(k).trimmingCharacters(in: .whitespacesAndNewlines) }
        func id(_ k: String) -> Int64? { f.choice(k).flatMap { Int64($0.value) } }
        func messages(_ issues: [ValidationIssue]) -> [String: String] {
            var out: [String: String] = [:]
            for i in issues where out[fieldKey(i.field)] == nil { out[fieldKey(i.field)] = i.message(s.lang) }
            return out
        }
        let request: SaveRequest
        var issues: [ValidationIssue] = []
        switch f.kind {
        case .newModel, .editModel:
            var m = Model(id: 0, unitID: id("unit") ?? s.location.unitID, kind: ModelKind(rawValue: f.choice("kind")?.value ?? "") ?? .collective,
                          title: str("title"), fieldCode: f.choice("field")?.value ?? "", description: str("description"),
                          goals: str("goals"), expectedOutputs: str("expectedOutputs"),
                          fundsVND: int("fundsVND").map(Int64.init), workDays: int("workDays"),
                          registeredOn: day("registeredOn"), launchedOn: day("launchedOn"))
            if case let .editModel(old) = f.kind {
                m.id = old.id
                m.removedOn = old.removedOn
                m.removalReason = old.removalReason
                m.isDemo = old.isDemo
                issues = v.check(m)
                request = .updateModel(m)
            } else {
                issues = v.check(m)
                request = .addModel(m, confirmedDuplicate: false)
            }
        case let .evaluation(m):
            let e = Evaluation(modelID: m.id, year: int("year") ?? 0, effective: f.toggles["effective"] ?? false, note: str("note"))
            issues = v.check(e)
            if let l = m.launchedOn, e.year < l.year {
                issues.append(ValidationIssue(field: "year", problem: .yearOutOfRange(e.year, min: l.year, max: v.latestYear)))
            }
            request = .evaluation(e)
        case let .recognition(m):
            let r = Recognition(modelID: m.id, level: RecognitionLevel(rawValue: f.choice("level")?.value ?? "") ?? .commune,
                                decisionNumber: str("decisionNumber"), decidedOn: day("decidedOn"), issuer: str("issuer"))
            issues = v.check(r, of: m)
            request = .recognition(r)
        case let .removal(m):
            var removed = m
            removed.removedOn = day("removedOn")
            removed.removalReason = str("removalReason")
            issues = v.check(removed)
            request = .removal(m.id, on: removed.removedOn ?? s.today, reason: str("removalReason"))
        case let .award(m):
            request = .award(Award(kind: AwardKind(rawValue: f.choice("kind")?.value ?? "") ?? .commendation, issuer: str("issuer"),
                                   decisionNumber: str("decisionNumber"), decidedOn: day("decidedOn"), recipient: str("recipient"),
                                   modelID: m.id, unitID: m.unitID))
            if let d = day("decidedOn") { issues = v.checkYear(d.year, field: "decidedOn") }
        case let .survey(u):
            let sv = SatisfactionSurvey(unitID: u.id, year: int("year") ?? 0, permille: number("percent").flatMap { NumberLimits.rounded($0 * 10, in: 0...1000) }.map { Int($0) } ?? 0,
                                        respondents: int("respondents"), source: str("source"))
            issues = v.check(sv)
            request = .survey(sv)
        case let .plan(u):
            let pa = PlanAdoption(unitID: u.id, year: int("year") ?? 0, adopted: f.toggles["adopted"] ?? false,
                                  disseminated: f.toggles["disseminated"] ?? false)
            issues = v.check(pa)
            request = .plan(pa)
        case let .newUnit(parent):
            let u = OrgUnit(id: 0, officialCode: str("officialCode").isEmpty ? nil : str("officialCode"), name: str("name"),
                            kind: UnitKind(rawValue: f.choice("kind")?.value ?? "") ?? .commune, parentID: parent.id, validFrom: day("validFrom"))
            issues = v.check(u)
            request = .addUnit(u)
        case let .renameUnit(u):
            request = .renameUnit(u.id, name: str("name"))
        case let .moveUnit(u):
            request = .moveUnit(u.id, parent: id("parent"))
        case let .mergeUnit(u):
            guard let into = id("into"), let last = day("lastDay") else {
                return (nil, fieldErrors.isEmpty ? ["into": ValidationIssue(field: "into", problem: .required).message(s.lang)] : fieldErrors)
            }
            if let from = u.validFrom, last < from {
                issues.append(ValidationIssue(field: "lastDay", problem: .notBefore(otherFieldVI: "ngày bắt đầu hiệu lực", otherFieldEN: "start date")))
            }
            request = .mergeUnit(u.id, into: into, lastDay: last)
        case let .target(old):
            let chosen = s.overview?.unit.targets.map(\.target).first { $0.code == f.choice("code")?.value } ?? old
            var t = chosen
            t.threshold = number("threshold") ?? t.threshold
            t.phase = PlanPhase(startYear: int("phaseStart") ?? t.phase.startYear, endYear: int("phaseEnd") ?? t.phase.endYear)
            t.minPerField = int("minPerField")
            issues = v.check(t)
            request = .target(t)
        }
        errors = messages(issues).merging(fieldErrors) { _, field in field }
        return errors.isEmpty ? (request, [:]) : (nil, errors)
    }

    /// Validator field names that differ from the form's keys.
    static func fieldKey(_ validatorField: String) -> String {
        switch validatorField {
        case "modelID": return "decisionNumber"
        case "percent": return "percent"
        case "phaseStart", "phaseEnd": return validatorField
        case "validTo": return "lastDay"
        default: return validatorField
        }
    }
}
