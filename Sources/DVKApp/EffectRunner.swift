import DVKCore
import DVKDashboard
import DVKDocuments
import DVKExport
import DVKStore
import Foundation

/// Performs the dashboard's effects against the store and answers with
/// messages. Errors become a `.failed` message with a one-line text, so a
/// damaged or locked database shows in the status line instead of crashing.
public struct EffectRunner {
    public let db: AppDatabase
    public let snapshots: SnapshotWriter
    public let lang: Language
    /// Years already rolled up: drilling in and out within a year reads nothing again.
    public let cache = SnapshotCache()

    public init(db: AppDatabase, snapshots: SnapshotWriter, lang: Language) {
        self.db = db
        self.snapshots = snapshots
        self.lang = lang
    }

    public func perform(_ effect: Effect) -> [Msg] {
        do {
            switch effect {
            case let .loadOverview(id, year, map):
                // Read first: a change landing during the load makes a form opened on it ask, never overwrite.
                let mark = try db.latestAuditID()
                guard var o = Overview.make(from: try cache.snapshot(year: year, map: map, unit: id, from: db), unit: id) else {
                    return [.failed(Words(lang).pick("Không tìm thấy đơn vị #\(id) trong năm \(year).", "Unit #\(id) not found in \(year)."))]
                }
                o.approvals = try db.approvals(year: year).mapValues(\.state)
                return [.storeMark(mark), .overviewLoaded(o)]
            case let .loadTrend(ids, years, unit):
                return [.trendLoaded(unit: unit, try cache.trend(unit: unit, years: years, ids: ids) { try db.effectiveByYear(unitIDs: ids, years: years) })]
            case let .loadModels(query):
                return [.modelsLoaded(try cache.models(query) { try db.models(query) })]
            case let .loadModelDetail(id):
                return [.detailLoaded(try db.modelDetail(id))]
            case let .loadSatisfaction(id, years, map):
                return [.satisfactionLoaded(try cache.grid(unit: id, years: years, map: map) {
                    try SatisfactionGrid.build(from: db, unit: id, years: years, map: map)
                })]
            case let .print(job):
                do {
                    return [.printed(paths: try snapshots.write(job, lang: lang))]
                } catch {
                    // Foundation's reason is English and names no folder.
                    return [.failed(Words(lang).pick(
                        "Không in được vào thư mục “\(snapshots.folder)”: kiểm tra thư mục có tồn tại, cho phép ghi và còn chỗ trống.",
                        "Cannot print into “\(snapshots.folder)”: check that the folder exists, is writable and has space."))]
                }
            case let .printList(job):
                return [try files(job, formats: [.txt, .html], done: Words(lang).pick("Đã in cả danh sách", "Printed the whole list"))]
            case let .export(job):
                return [try files(job, formats: [.xlsx, .csv], done: Words(lang).pick("Đã xuất", "Exported"))]
            case let .writeReport(job):
                return [try report(job)]
            case let .save(request, basis):
                let (outcome, conflict) = Saving.perform(request, on: db, basis: basis, lang: lang)
                // Every figure may have moved: no rolled-up year is kept.
                if case .saved = outcome { cache.clear() }
                if conflict { return [.saved(request, outcome), .formRebased(try db.latestAuditID())] }
                return [.saved(request, outcome)]
            case let .revert(id, undo):
                do {
                    try db.revert(auditID: id, undo ? .undo : .redo)
                    cache.clear()
                    let what = HistoryDescription.summary(try describe(db.changeEntries(id)), lang: lang)
                    return [.reverted(auditID: id, undo: undo, result: .success(what))]
                } catch let e as StoreError {
                    return [.reverted(auditID: id, undo: undo, result: .failure(RevertFailure(e.message(lang))))]
                }
            case let .loadHistory(q):
                // Made readable here, once: the history screen draws strings and parses nothing.
                return [.historyLoaded(try describe(db.auditLog(officer: q.officer, entity: q.entity, from: q.since, limit: q.limit)))]
            case let .prepareForm(kind):
                return [.formReady(kind.with(try stored(kind.recordKey)))]
            case let .searchUnits(text, today, limit):
                return [.unitsFound(text: text, try db.searchUnits(text, limit: limit, today: today))]
            case let .preview(request, years):
                do {
                    return [.consequences(request, try Consequences.lines(request, db: db, cache: cache, lang: lang, years: years))]
                } catch let e as StoreError {
                    // Refused already while trying it: said under the field, as a save's refusal is.
                    return [.saved(request, Saving.refusal(e, lang))]
                } catch let r as Refused {
                    return [.saved(request, .refused(r.text, field: r.field))]
                }
            case .quit:
                return []
            }
        } catch let e as ExplainedError {
            return [.failed(e.message(lang))]
        } catch {
            return [.failed("\(error.localizedDescription)")]
        }
    }
}

extension EffectRunner {
    /// A list into the printouts folder, once per format.
    func files(_ job: ListJob, formats: [ListFiles.Format], done: String) throws -> Msg {
        let table = try ListFiles.table(job, db: db, lang: lang)
        let base = try outputFolder() + "/" + ListFiles.fileStem(job, at: snapshots.clock())
        var paths: [String] = []
        for f in formats {
            let path = base + "." + f.rawValue
            try ListFiles.write(table, header: snapshots.header(job.header, lang: lang), to: path, format: f, lang: lang)
            paths.append(path)
        }
        return .filesWritten(done, paths: paths)
    }

    /// The report of the unit and year on screen, as .docx to finish in Word and .html to print.
    func report(_ job: ReportJob) throws -> Msg {
        let w = Words(lang)
        guard let doc = try ReportMaker.document(db: db, unit: job.unitID, period: .year(job.year), map: job.map, lang: lang, cache: cache) else {
            return .failed(w.pick("Không có số liệu năm \(job.year) để lập báo cáo.", "No figures for \(job.year) to report."))
        }
        let base = try outputFolder() + "/" + ReportMaker.fileStem(unitName: job.unitName, period: .year(job.year), at: snapshots.clock())
        let paths = [base + ".docx", base + ".html"]
        try ReportMaker.write(doc, to: paths[0], format: .docx)
        try ReportMaker.write(doc, to: paths[1], format: .html)
        return .filesWritten(w.pick("Đã lập báo cáo", "Report written"), paths: paths)
    }

    func outputFolder() throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: snapshots.folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ExportError.cannotCreateFolder(path: snapshots.folder)
        }
        return snapshots.folder
    }
}

extension EffectRunner {
    /// Audit rows made readable, with the names of what they mention looked up once.
    func describe(_ log: [AuditEntry]) throws -> [HistoryEntry] {
        let records = log.map {
            HistoryRecord(id: $0.id, at: $0.at, officer: $0.officer, action: $0.action, entity: $0.entity,
                          entityID: $0.entityID, before: $0.beforeJSON, after: $0.afterJSON, isUndone: $0.isUndone)
        }
        return try HistoryDescription.describe(records, lang: lang, timeZone: .current) { refs in
            let models = try db.modelTitles(ids: refs.models)
            let units = try db.unitNames(ids: refs.units.union(models.values.map(\.unitID)))
            return HistoryNames(units: units, models: models.mapValues { HistoryNames.ModelName(title: $0.title, unitID: $0.unitID) },
                                fields: try db.fields())
        }
    }

    /// The record a form would replace, as stored now.
    func stored(_ key: RecordKey?) throws -> StoredRecord? {
        switch key {
        case let .survey(unit, year)?: return try db.survey(unit: unit, year: year).map(StoredRecord.survey)
        case let .plan(unit, year)?: return try db.plan(unit: unit, year: year).map(StoredRecord.plan)
        case .unitTree?: return .unitTree(try db.allUnits())
        case .reportSettings?: return .reportSettings(try db.reportSettings())
        case nil: return nil
        }
    }
}
