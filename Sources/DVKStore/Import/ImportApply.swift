import DVKCore
import Foundation
import GRDB

/// What `dvk import` did.
public enum ImportOutcome: Sendable, Equatable {
    /// A first import into a database with no units (`importFolder`).
    case loaded(ImportSummary)
    /// A re-import: the plan applied, and the change that holds it (nil when
    /// the plan had nothing to write, so no change was made).
    case updated(ImportPlan, change: ChangeID?)
}

extension AppDatabase {
    /// `dvk import DIR`: a first import into an empty database, else the
    /// plan of `planImport` applied through the named, audited writes in one
    /// transaction, which is one change (`dvk undo` takes it back whole).
    public func importOrUpdate(_ folder: URL, lang: Language = .vi) throws -> ImportOutcome {
        // A viewer is told before any file is read, not after a plan that may change nothing.
        let needs = AccessPolicy.required(.enter)
        if actor.officer.role < needs {
            throw StoreError.refused(.roleTooLow(officer: actor.officer.name, role: actor.officer.role, needs: needs, action: .enter))
        }
        let tables = try SeedFiles(folder: folder, lang: lang)
        guard try holdsData() else { return .loaded(try loadFirst(tables, folder: folder)) }
        let staged = try stage(tables)
        return try inOneChange { tx in
            // Planned again inside the transaction: what is written is what the plan says, whoever wrote since.
            let plan = try tx.plan(staged)
            guard plan.hasWrites else { return .updated(plan, change: nil) }
            try tx.apply(plan, lang: lang)
            return try tx.write { db in
                try CountQueries.refreshAll(db, currentYear: AppDatabase.today().year)
                return .updated(plan, change: ChangeGroups.current(db))
            }
        }
    }

    /// `dvk import --dry-run DIR`: what importing the folder would do. Reads only.
    public func planImport(_ folder: URL, lang: Language = .vi) throws -> ImportPlan {
        let tables = try SeedFiles(folder: folder, lang: lang)
        let staged = try stage(tables)
        guard try holdsData() else { return ImportPlan(firstImport: staged.summary) }
        return try plan(staged)
    }

    /// The dry run against the database file at `path`, opened for reading
    /// only; when there is no file yet, nothing is created and the plan is a
    /// first import.
    public static func planImport(_ folder: URL, databaseAt path: String, officer: String, lang: Language = .vi) throws -> ImportPlan {
        try checkImportFolder(folder, lang: lang)
        switch try DatabaseFile.inspect(path) {
        case .missing, .empty:
            var plan = try inMemory(officer: officer).planImport(folder, lang: lang)
            plan.databaseMissing = true
            return plan
        case .regular:
            // Reading a WAL-mode file makes SQLite create -wal and -shm: a dry run leaves the folder as it found it.
            let companions = DatabaseFile.Companions(DatabaseFile.resolved(path))
            defer { companions.removeNew() }
            let stored = try openReadOnly(path: path, officer: officer)
            let plan = try stored.planImport(folder, lang: lang)
            if plan.hasWrites { try stored.rehearse(folder, lang: lang) }
            return plan
        }
    }

    /// Applies the import to an in-memory copy of this database and throws
    /// away the copy: a row the store's rules refuse (a commune under a
    /// hospital) is refused by the dry run exactly as by the import.
    func rehearse(_ folder: URL, lang: Language) throws {
        let copy = try DatabaseQueue(configuration: AppDatabase.configuration(busyTimeout: 0))
        do {
            try writer.backup(to: copy)
        } catch let e as DatabaseError {
            throw AppDatabase.translate(e, path: path)
        }
        _ = try AppDatabase(writer: copy, account: actor.account, actingFor: actor.officer.name, path: path).importOrUpdate(folder, lang: lang)
    }

    /// Writes each added or changed item, tables in file order, each through
    /// its named write. A write the store refuses (a rule the staging could not
    /// see, such as a recognition of a stored model not launched) stops the
    /// import with the row's file and line, and the transaction rolls back.
    func apply(_ plan: ImportPlan, lang: Language) throws {
        var refs = ImportRefs()
        for table in ImportTable.all {
            let items = plan.items.filter { $0.entity == table.entity && ($0.outcome == .added || $0.outcome == .changed) }
            if table.entity == "unit" {
                try applyUnits(items, &refs, lang)
                continue
            }
            for item in items { try applying(item, lang) { try write(item, &refs) } }
        }
    }

    /// New units go in parents (and successors) first, so each is added with
    /// its links in one write; links a loop of new units leaves unset are
    /// set by a second write, as the first import does.
    private func applyUnits(_ items: [ImportItem], _ refs: inout ImportRefs, _ lang: Language) throws {
        var pending = items.filter { $0.outcome == .added }
        var late: [ImportItem] = []
        while !pending.isEmpty {
            let ready = try pending.filter { item in
                try [item.text("parent_ref"), item.text("merged_into_ref")].allSatisfy { ref in
                    guard let ref else { return true }
                    return try refs.hasUnit(ref, self) || !pending.contains { $0.text("ref") == ref }
                }
            }
            let batch = ready.isEmpty ? pending : ready
            for item in batch {
                try applying(item, lang) {
                    let ref = item.text("ref")
                    let loose = ready.isEmpty
                    var u = try unit(item, &refs, linked: !loose)
                    u.id = try addUnit(u, ref: ref, source: item.text("source") ?? "").value
                    refs.units[ref ?? ""] = u.id
                    if loose { late.append(item) }
                }
            }
            pending.removeAll { p in batch.contains { $0.line == p.line } }
        }
        for item in late + items.filter({ $0.outcome == .changed }) {
            try applying(item, lang) {
                var u = try unit(item, &refs, linked: true)
                guard let id = item.rowID ?? refs.units[item.text("ref") ?? ""] else { return }
                u.id = id
                try updateUnitFromImport(u, source: item.text("source") ?? "")
            }
        }
    }

    private func unit(_ item: ImportItem, _ refs: inout ImportRefs, linked: Bool) throws -> OrgUnit {
        OrgUnit(id: item.rowID ?? 0, officialCode: item.text("official_code"), name: item.text("name") ?? "",
                kind: UnitKind(rawValue: item.text("kind") ?? "") ?? .agency,
                parentID: linked ? try refs.unit(item.text("parent_ref"), self) : nil,
                validFrom: item.day("valid_from"), validTo: item.day("valid_to"),
                mergedIntoID: linked ? try refs.unit(item.text("merged_into_ref"), self) : nil,
                isDemo: item.flag("is_demo"))
    }

    private func write(_ item: ImportItem, _ refs: inout ImportRefs) throws {
        let added = item.outcome == .added
        switch item.entity {
        case "field":
            try putFieldFromImport(Field(code: item.text("code") ?? "", nameVI: item.text("name_vi") ?? "", nameEN: item.text("name_en") ?? "",
                                         sortOrder: Int(item.int("sort_order") ?? 0)))
        case "target":
            try updateTarget(Target(code: item.text("code") ?? "", metric: TargetMetric(rawValue: item.text("metric") ?? "") ?? .satisfaction,
                                    threshold: item.double("threshold") ?? 0, unitKinds: UnitKindList.parse(item.text("unit_kinds") ?? "") ?? [],
                                    phase: PlanPhase(startYear: Int(item.int("phase_start") ?? 0), endYear: Int(item.int("phase_end") ?? 0)),
                                    minPerField: item.int("min_per_field").map { Int($0) }, atRiskRatio: item.double("at_risk_ratio") ?? 0.8,
                                    directive: item.text("directive") ?? ""))
        case "model":
            let m = Model(id: item.rowID ?? 0, unitID: try refs.unit(item.text("unit_ref"), self) ?? 0,
                          kind: ModelKind(rawValue: item.text("kind") ?? "") ?? .collective, title: item.text("title") ?? "",
                          fieldCode: item.text("field_code") ?? "", description: item.text("description") ?? "", goals: item.text("goals") ?? "",
                          expectedOutputs: item.text("expected_outputs") ?? "", fundsVND: item.int("funds_vnd"),
                          workDays: item.int("work_days").map { Int($0) }, registeredOn: item.day("registered_on"),
                          launchedOn: item.day("launched_on"), removedOn: item.day("removed_on"),
                          removalReason: item.text("removal_reason"), isDemo: item.flag("is_demo"))
            if added {
                refs.models[item.text("ref") ?? ""] = try addModel(m, ref: item.text("ref"), source: item.text("source") ?? "").value
            } else {
                try updateModelFromImport(m, source: item.text("source") ?? "")
            }
        case "evaluation":
            try recordEvaluation(Evaluation(modelID: try refs.model(item.text("model_ref"), self), year: Int(item.int("year") ?? 0),
                                            effective: item.flag("effective"), note: item.text("note") ?? ""))
        case "recognition":
            let r = Recognition(modelID: try refs.model(item.text("model_ref"), self),
                                level: RecognitionLevel(rawValue: item.text("level") ?? "") ?? .commune,
                                decisionNumber: item.text("decision_number") ?? "", decidedOn: item.day("decided_on"), issuer: item.text("issuer") ?? "")
            if let id = item.rowID, !added { try updateRecognitionFromImport(id, r) } else { try addRecognition(r) }
        case "award":
            let a = Award(kind: AwardKind(rawValue: item.text("kind") ?? "") ?? .commendation, issuer: item.text("issuer") ?? "",
                          decisionNumber: item.text("decision_number") ?? "", decidedOn: item.day("decided_on"), recipient: item.text("recipient") ?? "",
                          modelID: try item.text("model_ref").map { try refs.model($0, self) }, unitID: try refs.unit(item.text("unit_ref"), self))
            try putAwardFromImport(added ? nil : item.rowID, a, source: item.text("source") ?? "")
        case "survey":
            try recordSurvey(SatisfactionSurvey(unitID: try refs.unit(item.text("unit_ref"), self) ?? 0, year: Int(item.int("year") ?? 0),
                                                permille: Int(item.int("permille") ?? 0), respondents: item.int("respondents").map { Int($0) },
                                                source: item.text("source") ?? ""), isDemo: item.flag("is_demo"))
        case "plan_adoption":
            try recordPlan(PlanAdoption(unitID: try refs.unit(item.text("unit_ref"), self) ?? 0, year: Int(item.int("year") ?? 0),
                                        adopted: item.flag("adopted"), disseminated: item.flag("disseminated")), isDemo: item.flag("is_demo"))
        case "reported_figure":
            let f = ReportedFigure(unitID: try refs.unit(item.text("unit_ref"), self) ?? 0, year: Int(item.int("year") ?? 0),
                                   scope: FigureScope(rawValue: item.text("scope") ?? "") ?? .collective, fieldCode: item.text("field_code"),
                                   count: Int(item.int("count") ?? 0), qualifier: FigureQualifier(rawValue: item.text("qualifier") ?? "") ?? .exact,
                                   source: item.text("source") ?? "")
            try putFigureFromImport(added ? nil : item.rowID, f)
        case "directive":
            let d = Directive(kind: item.text("kind") ?? "", number: item.text("number") ?? "", issuedOn: item.day("issued_on"),
                              issuer: item.text("issuer") ?? "", title: item.text("title") ?? "")
            try putDirectiveFromImport(added ? nil : item.rowID, d, source: item.text("source") ?? "")
        case "meta":
            guard let key = item.text("key").flatMap(Setting.init(rawValue:)) else { return }
            let value = item.text("value") ?? ""
            try setSetting(key, key == .homeUnit ? String(try refs.unit(value, self) ?? 0)
                           : key == .dataAsOf ? (Day(parsing: value)?.iso ?? value) : value)
        default:
            return
        }
    }

    /// Runs one item's write; what the store refuses is named by the row's file and line.
    private func applying(_ item: ImportItem, _ lang: Language, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as StoreError {
            switch e {
            case .invalid, .notFound, .constraint, .cannotRevert:
                throw StoreError.importFailed(file: item.file, line: item.line, message: e.message(lang))
            default: throw e
            }
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.importFailed(file: item.file, line: item.line, message: "cơ sở dữ liệu từ chối dòng này (\(e.message ?? "ràng buộc"))")
        }
    }
}

/// The ids of the refs an import writes: looked up once, and filled in as rows are added.
struct ImportRefs {
    var units: [String: OrgUnit.ID] = [:]
    var models: [String: Model.ID] = [:]

    mutating func hasUnit(_ ref: String, _ db: AppDatabase) throws -> Bool {
        if units[ref] != nil { return true }
        guard let id = try db.read({ d in try Int64.fetchOne(d, sql: "SELECT id FROM unit WHERE ref = ?", arguments: [ref]) }) else { return false }
        units[ref] = id
        return true
    }

    mutating func unit(_ ref: String?, _ db: AppDatabase) throws -> OrgUnit.ID? {
        guard let ref else { return nil }
        guard try hasUnit(ref, db), let id = units[ref] else { throw StoreError.notFound(what: "đơn vị mã “\(ref)”") }
        return id
    }

    mutating func model(_ ref: String?, _ db: AppDatabase) throws -> Model.ID {
        let ref = ref ?? ""
        if let id = models[ref] { return id }
        guard let id = try db.read({ d in try Int64.fetchOne(d, sql: "SELECT id FROM model WHERE ref = ?", arguments: [ref]) }) else {
            throw StoreError.notFound(what: "mô hình mã “\(ref)”")
        }
        models[ref] = id
        return id
    }
}

extension ImportItem {
    func text(_ column: String) -> String? {
        guard let v = values[column], let s = String.fromDatabaseValue(v), !s.isEmpty else { return nil }
        return s
    }

    func int(_ column: String) -> Int64? { values[column].flatMap { Int64.fromDatabaseValue($0) } }
    func double(_ column: String) -> Double? { values[column].flatMap { Double.fromDatabaseValue($0) } }
    func flag(_ column: String) -> Bool { values[column].flatMap { Bool.fromDatabaseValue($0) } ?? false }
    func day(_ column: String) -> Day? { text(column).flatMap(Day.init(parsing:)) }
}
