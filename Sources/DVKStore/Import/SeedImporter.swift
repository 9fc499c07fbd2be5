import DVKCore
import Foundation
import GRDB

/// What an import added, per table.
public struct ImportSummary: Sendable, Equatable {
    public var rows: [String: Int] = [:]
    public var total: Int { rows.values.reduce(0, +) }

    /// "2.150 dòng: 46 đơn vị, 365 mô hình, …", in the officer's words, in file order.
    public func text(_ lang: Language) -> String {
        let order = ["field", "target", "meta", "setting", "unit", "model", "evaluation", "recognition", "award", "survey", "plan_adoption",
                     "reported_figure", "directive"]
        let keys = rows.keys.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
        return keys.map { "\(VietnameseNumber.integer(rows[$0] ?? 0, lang)) \(Words(lang).recordKind($0, plural: true))" }.joined(separator: ", ")
    }
}

/// Loads a folder of CSV files (the format of `seeds/`, described in
/// docs/DATA.md) in one transaction: a bad row stops the import with its
/// file, line and reason, and nothing is stored. This is the first import,
/// into a database with no units; `importOrUpdate` decides between it and
/// an update by `ref` (ImportApply.swift).
extension AppDatabase {
    public func importFolder(_ folder: URL, lang: Language = .vi) throws -> ImportSummary {
        try loadFirst(try SeedFiles(folder: folder, lang: lang), folder: folder)
    }

    func loadFirst(_ tables: SeedFiles, folder: URL) throws -> ImportSummary {
        let actor = actor
        let validator = validator
        try AccessGuard.refuseUnlessStoreWide(actor)
        return try write { db in
            var importer = SeedImporter(db: db, validator: validator)
            try importer.run(tables)
            try CountQueries.refreshAll(db, currentYear: AppDatabase.today().year)
            let summary = importer.summary
            let after = summary.rows.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",")
            try Audit.record(db, actor: actor, action: "import", entity: "folder", entityID: folder.path,
                             before: nil, after: "{\(after)}")
            return summary
        }
    }
}

extension AppDatabase {
    /// Refuses a folder to import that is missing or not a folder, before
    /// anything else: `dvk import` calls it before it opens (and so creates) a
    /// database, so `dvk import /nonexistent` on a new home makes nothing.
    public static func checkImportFolder(_ folder: URL, lang: Language = .vi) throws {
        var isDirectory: ObjCBool = false
        let path = folder.path
        // One line: a path with a newline must not forge a second message line.
        let shown = String(path.map { $0.isNewline ? " " : $0 })
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.importFailed(file: shown, line: 0, message: Words(lang).pick("thư mục không tồn tại", "no such folder"))
        }
        guard isDirectory.boolValue else {
            throw StoreError.importFailed(file: shown, line: 0, message: Words(lang).pick("không phải thư mục (cần thư mục chứa units.csv và các tệp CSV khác)",
                                                                                          "not a folder (a folder holding units.csv and the other CSV files is needed)"))
        }
    }
}

/// The files of a seed folder, read before the transaction starts.
struct SeedFiles {
    let fields, targets, units, models, evaluations, recognitions, awards, surveys, plans, figures, directives, settings: CSVTable

    init(folder: URL, lang: Language = .vi) throws {
        try AppDatabase.checkImportFolder(folder, lang: lang)
        func t(_ name: String, required: Bool = false) throws -> CSVTable {
            try CSVTable(url: folder.appendingPathComponent(name), required: required)
        }
        fields = try t("fields.csv")
        targets = try t("targets.csv")
        units = try t("units.csv", required: true)
        models = try t("models.csv")
        evaluations = try t("evaluations.csv")
        recognitions = try t("recognitions.csv")
        awards = try t("awards.csv")
        surveys = try t("surveys.csv")
        plans = try t("plans.csv")
        figures = try t("reported_figures.csv")
        directives = try t("directives.csv")
        settings = try t("settings.csv")
    }
}

struct SeedImporter {
    let db: Database
    let validator: Validator
    var summary = ImportSummary()
    /// Each stored row's file line, by table and the row's key as the audit
    /// log writes it ("12", "12/2024", "home_unit"): a re-import stages the
    /// folder with this importer and names the lines of what it would change.
    var lines: [String: [String: Int]] = [:]
    private var unitIDs: [String: OrgUnit.ID] = [:]
    private var modelIDs: [String: Model.ID] = [:]
    private var models: [Model.ID: Model] = [:]
    private var fieldCodes: Set<String> = []

    init(db: Database, validator: Validator) {
        self.db = db
        self.validator = validator
    }

    mutating func run(_ f: SeedFiles) throws {
        try fields(f.fields)
        try targets(f.targets)
        try units(f.units)
        try models(f.models)
        try evaluations(f.evaluations)
        try recognitions(f.recognitions)
        try awards(f.awards)
        try surveys(f.surveys)
        try plans(f.plans)
        try figures(f.figures)
        try directives(f.directives)
        try settings(f.settings)
    }

    private mutating func count(_ table: String) { summary.rows[table, default: 0] += 1 }

    private mutating func note(_ table: String, _ key: String, _ r: CSVRecord) { lines[table, default: [:]][key] = r.line }

    private func check(_ issues: [ValidationIssue], _ r: CSVRecord) throws {
        guard let first = issues.first else { return }
        throw r.fail(SeedImporter.column(for: first.field), first.message(.vi))
    }

    /// The CSV column of a `Validator` field key: the keys are the forms'
    /// camelCase names (`registeredOn`), the files' columns snake_case
    /// (`registered_on`); where the names differ they are listed.
    static func column(for field: String) -> String {
        switch field {
        case "modelID": return "model_ref"
        case "fundsVND": return "funds_vnd"
        default:
            var column = ""
            var previous: Character?
            for ch in field {
                if ch.isUppercase, let p = previous, p.isLowercase || p.isNumber { column += "_" }
                column += ch.lowercased()
                previous = ch
            }
            return column
        }
    }

    /// Runs one row's statement; a constraint SQLite still refuses (a rule the
    /// checks above missed) is named with the row's file and line, not as
    /// bare SQLite text.
    private func stored<T>(_ r: CSVRecord, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.importFailed(file: r.file, line: r.line, message: "cơ sở dữ liệu từ chối dòng này (\(e.message ?? "ràng buộc"))")
        }
    }

    private func unit(_ r: CSVRecord, _ column: String) throws -> OrgUnit.ID? {
        guard let ref = r.optional(column) else { return nil }
        guard let id = unitIDs[ref] else { throw r.fail(column, "không có đơn vị mã \(CSVRecord.quoted(ref)) trong units.csv") }
        return id
    }

    private func field(_ r: CSVRecord, _ column: String) throws -> String? {
        guard let code = r.optional(column) else { return nil }
        guard fieldCodes.contains(code) else {
            throw r.fail(column, "lĩnh vực \(CSVRecord.quoted(code)) không có; chọn \(fieldCodes.sorted().joined(separator: ", "))")
        }
        return code
    }

    private mutating func fields(_ t: CSVTable) throws {
        fieldCodes = Set(try String.fetchAll(db, sql: "SELECT code FROM field"))
        for r in try t.rows(expecting: ["code", "name_vi", "name_en", "sort_order"]) {
            let code = try r.required("code")
            let arguments: StatementArguments = [code, try r.required("name_vi"), try r.required("name_en"),
                                                 try r.requiredInt("sort_order", in: NumberLimits.countThreshold)]
            try stored(r) {
                try db.execute(sql: """
                    INSERT INTO field (code, name_vi, name_en, sort_order) VALUES (?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, sort_order = excluded.sort_order
                    """, arguments: arguments)
            }
            fieldCodes.insert(code)
            note("field", code, r)
            count("field")
        }
    }

    private mutating func targets(_ t: CSVTable) throws {
        let rows = try t.rows(expecting: ["code", "metric", "threshold", "unit_kinds", "phase_start", "phase_end"])
        if !rows.isEmpty { try db.execute(sql: "DELETE FROM target") }
        var seenCodes: [String: Int] = [:]
        for r in rows {
            guard let kinds = UnitKindList.parse(try r.required("unit_kinds")) else {
                throw r.fail("unit_kinds", "loại đơn vị không hợp lệ; chọn trong \(UnitKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let metric = try r.choice("metric", TargetMetric.self)
            // Read wide so a negative or a percent over 100 gets the validator's message;
            // past that, the message names the range the metric really takes.
            let shown = metric == .effectiveModelsPerUnit ? NumberLimits.countThreshold : NumberLimits.percent
            guard let threshold = try r.double("threshold", in: NumberLimits.anyFigure, shown: shown) else {
                throw r.fail("threshold", "chưa có giá trị (bắt buộc)")
            }
            let code = try r.required("code")
            if let first = seenCodes[code] { throw r.fail("code", "chỉ tiêu \(CSVRecord.quoted(code)) bị trùng (đã có ở dòng \(first))") }
            seenCodes[code] = r.line
            let target = Target(code: code, metric: metric,
                                threshold: threshold, unitKinds: kinds,
                                phase: PlanPhase(startYear: try r.requiredInt("phase_start"), endYear: try r.requiredInt("phase_end")),
                                minPerField: try r.int("min_per_field", in: NumberLimits.countThreshold),
                                atRiskRatio: try atRiskRatio(r),
                                directive: r.optional("directive") ?? "")
            try check(validator.check(target), r)
            try stored(r) { try TargetRow.insert(target, db) }
            note("target", code, r)
            count("target")
        }
    }

    /// Above 0 and at most 1 (the schema refuses 0): 0.8 when not given.
    private func atRiskRatio(_ r: CSVRecord) throws -> Double {
        guard let ratio = try r.double("at_risk_ratio", in: 0...1) else { return 0.8 }
        guard ratio > 0 else { throw r.fail("at_risk_ratio", "phải lớn hơn 0 và không quá 1 (ví dụ 0,8)") }
        return ratio
    }

    private mutating func units(_ t: CSVTable) throws {
        let rows = try t.rows(expecting: ["ref", "name", "kind"])
        var links: [(CSVRecord, OrgUnit.ID)] = []
        var kinds: [OrgUnit.ID: UnitKind] = [:]
        for r in rows {
            let ref = try r.required("ref")
            if unitIDs[ref] != nil { throw r.fail("ref", "mã \(CSVRecord.quoted(ref)) bị trùng") }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE ref = ?", arguments: [ref]) == true {
                throw r.fail("ref", "đơn vị mã \(CSVRecord.quoted(ref)) đã có trong cơ sở dữ liệu (tệp này đã được nạp?)")
            }
            let u = OrgUnit(id: 0, officialCode: r.optional("official_code"), name: try r.required("name"),
                            kind: try r.choice("kind", UnitKind.self), validFrom: try r.day("valid_from"),
                            validTo: try r.day("valid_to"), isDemo: try r.bool("demo"))
            try check(validator.check(u), r)
            let source = r.optional("source") ?? ""
            unitIDs[ref] = try stored(r) { try UnitWrites.insert(u, ref: ref, source: source, db) }
            links.append((r, unitIDs[ref]!))
            kinds[unitIDs[ref]!] = u.kind
            note("unit", String(unitIDs[ref]!), r)
            count("unit")
        }
        // Parents and successors may appear later in the file: link them in a second pass.
        for (r, id) in links {
            let parent = try unit(r, "parent_ref")
            let successor = try unit(r, "merged_into_ref")
            if parent == id || successor == id { throw r.fail(parent == id ? "parent_ref" : "merged_into_ref", "đơn vị không thể trỏ tới chính nó") }
            if successor != nil && r.optional("valid_to") == nil {
                throw r.fail("valid_to", "đơn vị sáp nhập phải có ngày kết thúc hiệu lực")
            }
            // The placement rules of data entry hold for a file too: no commune under a hospital.
            if let me = kinds[id], let p = parent, let pk = kinds[p], !UnitPlacement.mayParent(pk, me) {
                let problem = ValidationProblem.parentKindNotAllowed(child: me, parent: pk, parentName: r.text("parent_ref"),
                                                                     allowed: UnitKind.allCases.filter { UnitPlacement.mayParent($0, me) })
                throw r.fail("parent_ref", ValidationIssue(field: "parent", problem: problem).message(.vi))
            }
            if let me = kinds[id], let s = successor, let sk = kinds[s], sk != me {
                throw r.fail("merged_into_ref", ValidationIssue(field: "into", problem: .mergeLevelMismatch(kind: me, targetKind: sk)).message(.vi))
            }
            try stored(r) { try db.execute(sql: "UPDATE unit SET parent_id = ?, merged_into_id = ? WHERE id = ?", arguments: [parent, successor, id]) }
        }
        if let (id, link) = try UnitRules.firstCycle(db),
           let r = links.first(where: { $0.1 == id })?.0 ?? links.first?.0 {
            throw r.fail(link.rawValue, link == .parent ? "vòng lặp cấp trên (đơn vị là cấp trên của chính nó)"
                                                         : "vòng lặp sáp nhập (các đơn vị sáp nhập vào nhau)")
        }
    }

    private mutating func models(_ t: CSVTable) throws {
        for r in try t.rows(expecting: ["ref", "unit_ref", "kind", "title", "field"]) {
            let ref = try r.required("ref")
            if modelIDs[ref] != nil { throw r.fail("ref", "mã \(CSVRecord.quoted(ref)) bị trùng") }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM model WHERE ref = ?", arguments: [ref]) == true {
                throw r.fail("ref", "mô hình mã \(CSVRecord.quoted(ref)) đã có trong cơ sở dữ liệu")
            }
            guard let unit = try unit(r, "unit_ref") else { throw r.fail("unit_ref", "chưa có giá trị (bắt buộc)") }
            guard let field = try field(r, "field") else { throw r.fail("field", "chưa có giá trị (bắt buộc)") }
            let funds = try r.optional("funds_vnd").map { t -> Int64 in
                // An infinite value (a number too long for a Double) is out of range below.
                guard let v = VietnameseNumber.parse(t, isCount: true) ?? CSVRecord.number(t) else {
                    throw r.fail("funds_vnd", "\(CSVRecord.quoted(t)) không phải số tiền (ví dụ 2,9 tỷ hoặc 350000000)")
                }
                guard let vnd = NumberLimits.rounded(v, in: NumberLimits.fundsVND) else { throw r.outOfRange("funds_vnd", t, NumberLimits.fundsVND) }
                return vnd
            }
            var m = Model(id: 0, unitID: unit, kind: try r.choice("kind", ModelKind.self), title: try r.required("title"),
                          fieldCode: field, description: r.optional("description") ?? "", goals: r.optional("goals") ?? "",
                          expectedOutputs: r.optional("expected_outputs") ?? "", fundsVND: funds, workDays: try r.int("work_days", in: NumberLimits.workDays),
                          registeredOn: try r.day("registered_on"), launchedOn: try r.day("launched_on"),
                          removedOn: try r.day("removed_on"), removalReason: r.optional("removal_reason"), isDemo: try r.bool("demo"))
            try check(validator.check(m), r)
            let source = r.optional("source") ?? ""
            let row = m
            m.id = try stored(r) { try ModelWrites.insert(row, ref: ref, source: source, db) }
            modelIDs[ref] = m.id
            models[m.id] = m
            note("model", String(m.id), r)
            count("model")
        }
    }

    private func model(_ r: CSVRecord) throws -> Model {
        let ref = try r.required("model_ref")
        guard let id = modelIDs[ref], let m = models[id] else { throw r.fail("model_ref", "không có mô hình mã \(CSVRecord.quoted(ref)) trong models.csv") }
        return m
    }

    private mutating func evaluations(_ t: CSVTable) throws {
        var seen: [[Int64]: Int] = [:]
        for r in try t.rows(expecting: ["model_ref", "year", "effective"]) {
            let e = Evaluation(modelID: try model(r).id, year: try r.requiredInt("year"), effective: try r.bool("effective"),
                               note: r.optional("note") ?? "")
            if let first = seen[[e.modelID, Int64(e.year)]] {
                throw r.fail("year", "mô hình \(CSVRecord.quoted(r.text("model_ref"))) đã được đánh giá năm \(e.year) (đã có ở dòng \(first))")
            }
            seen[[e.modelID, Int64(e.year)]] = r.line
            try check(validator.check(e), r)
            try stored(r) {
                try db.execute(sql: "INSERT INTO evaluation (model_id, year, effective, note) VALUES (?, ?, ?, ?)",
                               arguments: [e.modelID, e.year, e.effective, e.note])
            }
            note("evaluation", "\(e.modelID)/\(e.year)", r)
            count("evaluation")
        }
    }

    private mutating func recognitions(_ t: CSVTable) throws {
        var seen: [String: Int] = [:]
        for r in try t.rows(expecting: ["model_ref", "level", "decision_number"]) {
            let m = try model(r)
            let rec = Recognition(modelID: m.id, level: try r.choice("level", RecognitionLevel.self),
                                  decisionNumber: try r.required("decision_number"), decidedOn: try r.day("decided_on"),
                                  issuer: r.optional("issuer") ?? "")
            let key = "\(m.id)|\(rec.level.rawValue)|\(VietnameseText.searchKey(rec.decisionNumber))"
            if let first = seen[key] { throw r.fail("decision_number", "công nhận này đã có ở dòng \(first)") }
            seen[key] = r.line
            try check(validator.check(rec, of: m), r)
            try stored(r) {
                try db.execute(sql: "INSERT INTO recognition (model_id, level, decision_number, decided_on, issuer) VALUES (?, ?, ?, ?, ?)",
                               arguments: [rec.modelID, rec.level.rawValue, rec.decisionNumber, rec.decidedOn?.iso, rec.issuer])
            }
            note("recognition", String(db.lastInsertedRowID), r)
            count("recognition")
        }
    }

    private mutating func awards(_ t: CSVTable) throws {
        var seen: [[String]: Int] = [:]
        for r in try t.rows(expecting: ["kind", "issuer", "decision_number", "decided_on", "recipient"]) {
            let modelID = try r.optional("model_ref").map { _ in try model(r).id }
            let kind = try r.choice("kind", AwardKind.self)
            let decision = r.optional("decision_number") ?? ""
            let recipient = r.optional("recipient") ?? ""
            let unitID = try unit(r, "unit_ref")
            // The same decision for the same recipient (model, unit) twice is one award counted twice.
            let key = [kind.rawValue, VietnameseText.searchKey(decision), VietnameseText.searchKey(recipient),
                       modelID.map(String.init) ?? "", unitID.map(String.init) ?? ""]
            if let first = seen[key] {
                throw r.fail("decision_number", "khen thưởng này (cùng loại, số quyết định, người/đơn vị nhận) bị trùng (đã có ở dòng \(first))")
            }
            seen[key] = r.line
            let decidedOn = try r.day("decided_on")
            try stored(r) {
                try db.execute(sql: """
                    INSERT INTO award (kind, issuer, decision_number, decided_on, recipient, model_id, unit_id, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [kind.rawValue, r.optional("issuer") ?? "", decision, decidedOn?.iso, recipient,
                                     modelID, unitID, r.optional("source") ?? ""])
            }
            note("award", String(db.lastInsertedRowID), r)
            count("award")
        }
    }

    private mutating func surveys(_ t: CSVTable) throws {
        var seenSurveys: [[Int64]: Int] = [:]
        for r in try t.rows(expecting: ["unit_ref", "year", "percent"]) {
            guard let unit = try unit(r, "unit_ref") else { throw r.fail("unit_ref", "chưa có giá trị (bắt buộc)") }
            // Read wide so 120 gets the validator's percent message; past that, the message says 0 to 100.
            guard let percent = try r.double("percent", in: NumberLimits.anyFigure, shown: NumberLimits.percent) else {
                throw r.fail("percent", "chưa có giá trị (bắt buộc)")
            }
            let s = SatisfactionSurvey(unitID: unit, year: try r.requiredInt("year"), permille: Int((percent * 10).rounded()),
                                       respondents: try r.int("respondents", in: NumberLimits.respondents), source: r.optional("source") ?? "")
            if let first = seenSurveys[[unit, Int64(s.year)]] {
                throw r.fail("year", "đã có khảo sát của đơn vị này năm \(s.year) ở dòng \(first)")
            }
            seenSurveys[[unit, Int64(s.year)]] = r.line
            try check(validator.check(s), r)
            let isDemo = try r.bool("demo")
            try stored(r) { try SurveyWrites.upsert(s, isDemo: isDemo, db) }
            note("survey", "\(unit)/\(s.year)", r)
            count("survey")
        }
    }

    private mutating func plans(_ t: CSVTable) throws {
        var seenPlans: [[Int64]: Int] = [:]
        for r in try t.rows(expecting: ["unit_ref", "year", "adopted", "disseminated"]) {
            guard let unit = try unit(r, "unit_ref") else { throw r.fail("unit_ref", "chưa có giá trị (bắt buộc)") }
            let p = PlanAdoption(unitID: unit, year: try r.requiredInt("year"), adopted: try r.bool("adopted"),
                                 disseminated: try r.bool("disseminated"))
            if let first = seenPlans[[unit, Int64(p.year)]] {
                throw r.fail("year", "đã có kế hoạch của đơn vị này năm \(p.year) ở dòng \(first)")
            }
            seenPlans[[unit, Int64(p.year)]] = r.line
            try check(validator.check(p), r)
            let isDemo = try r.bool("demo")
            try stored(r) { try SurveyWrites.upsert(p, isDemo: isDemo, db) }
            note("plan_adoption", "\(unit)/\(p.year)", r)
            count("plan_adoption")
        }
    }

    private mutating func figures(_ t: CSVTable) throws {
        var seen: [[String]: Int] = [:]
        for r in try t.rows(expecting: ["unit_ref", "year", "scope", "field", "count"]) {
            guard let unit = try unit(r, "unit_ref") else { throw r.fail("unit_ref", "chưa có giá trị (bắt buộc)") }
            let year = try r.requiredInt("year")
            try check(validator.checkYear(year), r)
            let qualifier = r.optional("qualifier") ?? ""
            guard FigureQualifier(rawValue: qualifier) != nil else { throw r.fail("qualifier", "\(CSVRecord.quoted(qualifier)) phải trống, over hoặc nearly") }
            let scope = try r.choice("scope", FigureScope.self)
            let fieldCode = try field(r, "field")
            // Two figures for one unit, year, scope and field (or two totals): which one is the published one?
            let key = [String(unit), String(year), scope.rawValue, fieldCode ?? ""]
            if let first = seen[key] {
                let what = fieldCode.map { "lĩnh vực \(CSVRecord.quoted($0))" } ?? "tổng (không ghi lĩnh vực)"
                throw r.fail("field", "số liệu của đơn vị này năm \(year), phạm vi \(scope.rawValue), \(what) bị trùng (đã có ở dòng \(first))")
            }
            seen[key] = r.line
            let count = try r.requiredInt("count", in: NumberLimits.publishedCount)
            try stored(r) {
                try db.execute(sql: """
                    INSERT INTO reported_figure (unit_id, year, scope, field_code, count, qualifier, source) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [unit, year, scope.rawValue, fieldCode, count, qualifier, r.optional("source") ?? ""])
            }
            note("reported_figure", String(db.lastInsertedRowID), r)
            self.count("reported_figure")
        }
    }

    private mutating func directives(_ t: CSVTable) throws {
        for r in try t.rows(expecting: ["kind", "number"]) {
            let arguments: StatementArguments = [try r.required("kind"), try r.required("number"), try r.day("issued_on")?.iso,
                                                 r.optional("issuer") ?? "", r.optional("title") ?? "", r.optional("source") ?? ""]
            try stored(r) {
                try db.execute(sql: "INSERT INTO directive (kind, number, issued_on, issuer, title, source) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: arguments)
            }
            note("directive", String(db.lastInsertedRowID), r)
            count("directive")
        }
    }

    private mutating func settings(_ t: CSVTable) throws {
        var seen: [String: Int] = [:]
        for r in try t.rows(expecting: ["key", "value"]) {
            let key = try r.required("key")
            // Given twice, the last would silently win.
            if let first = seen[key] { throw r.fail("key", "thiết lập \(CSVRecord.quoted(key)) bị trùng (đã có ở dòng \(first))") }
            seen[key] = r.line
            var value = try r.required("value")
            switch Setting(rawValue: key) {
            case .homeUnit?:
                guard let id = unitIDs[value] else { throw r.fail("value", "không có đơn vị mã \(CSVRecord.quoted(value))") }
                value = String(id)
            case .dataAsOf?:
                guard let d = try r.day("value") else { throw r.fail("value", "chưa có giá trị") }
                // A date before 2000 or far ahead would make every year the board works in invalid.
                try check(validator.checkYear(d.year, field: "value"), r)
                value = d.iso
            case .reportIssuer?, .reportNumber?, .reportPlace?, .reportSignerTitle?, .reportSigner?, .reportRecipients?:
                // Free text for the report's header and signature; “|” separates lines.
                value = VietnameseText.normalized(value)
            case nil:
                throw r.fail("key", "\(CSVRecord.quoted(key)) không phải thiết lập đã biết (home_unit, data_as_of, " + Setting.report.map(\.rawValue).joined(separator: ", ") + ")")
            }
            try stored(r) { try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value]) }
            note("meta", key, r)
            count("setting")
        }
    }
}
