import DVKCore
import DVKDashboard
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
                guard let o = Overview.make(from: try cache.snapshot(year: year, map: map, unit: id, from: db), unit: id) else {
                    return [.failed(Words(lang).pick("Không tìm thấy đơn vị #\(id) trong năm \(year).", "Unit #\(id) not found in \(year)."))]
                }
                return [.overviewLoaded(o)]
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
            case let .save(request):
                let outcome = Saving.perform(request, on: db, lang: lang)
                // Every figure may have moved: no rolled-up year is kept.
                if case .saved = outcome { cache.clear() }
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
        } catch let e as StoreError {
            return [.failed(e.message(lang))]
        } catch {
            return [.failed("\(error.localizedDescription)")]
        }
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
        case nil: return nil
        }
    }
}
