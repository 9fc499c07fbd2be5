import DVKCore
import DVKDashboard
import DVKStore
import Foundation

/// Performs a `SaveRequest` through the store's named writes; each hands
/// back the audit row it wrote, which undo names.
enum Saving {
    /// A save from a form opened at `basis`; `conflict` when it was refused
    /// because someone else changed the record since.
    static func perform(_ request: SaveRequest, on store: AppDatabase, basis: Int64?, lang: Language) -> (SaveOutcome, conflict: Bool) {
        do {
            return (try store.inOneChange(since: basis) { db in try write(request, db) }, false)
        } catch let e as StoreError {
            if case .changedMeanwhile = e { return (refusal(e, lang), true) }
            return (refusal(e, lang), false)
        } catch {
            return (.refused("\(error)", field: nil), false)
        }
    }

    static func perform(_ request: SaveRequest, on store: AppDatabase, lang: Language) -> SaveOutcome {
        do {
            // One request is one change: a grid row's model and verdict are stored, and undone, together.
            return try store.inOneChange { db in try write(request, db) }
        } catch let e as StoreError {
            return refusal(e, lang)
        } catch {
            return .refused("\(error)", field: nil)
        }
    }

    static func refusal(_ e: StoreError, _ lang: Language) -> SaveOutcome {
        if case let .invalid(_, issues) = e, let first = issues.first {
            return .refused(first.message(lang), field: first.field)
        }
        return .refused(e.message(lang), field: nil)
    }

    /// The request's writes on `db` (inside a change the caller opened); a refusal throws.
    static func write(_ request: SaveRequest, _ db: AppDatabase) throws -> SaveOutcome {
        var modelID: Model.ID?
        var unitID: OrgUnit.ID?
        var audits: [AuditID] = []
        switch request {
        case let .addModel(m, confirmed):
            // The question quotes the model on record, not the title as typed.
            if !confirmed, let title = try db.similarModel(title: m.title, unit: m.unitID, year: (m.launchedOn ?? m.registeredOn)?.year) {
                return .duplicate(title: title)
            }
            let added = try db.addModel(m)
            (modelID, audits) = (added.value, [added.auditID])
        case let .updateModel(m):
            (modelID, audits) = (m.id, [try db.updateModel(m)])
        case let .evaluation(e): audits = [try db.recordEvaluation(e)]
        case let .recognition(r): audits = [try db.addRecognition(r).auditID]
        case let .removal(id, day, reason): audits = [try db.removeModel(id, on: day, reason: reason)]
        case let .award(a): audits = [try db.addAward(a).auditID]
        case let .survey(s): audits = [try db.recordSurvey(s)]
        case let .plan(p): audits = [try db.recordPlan(p)]
        case let .addUnit(u):
            let added = try db.addUnit(u)
            (unitID, audits) = (added.value, [added.auditID])
        case let .renameUnit(id, name): audits = [try db.renameUnit(id, to: name)]
        case let .moveUnit(id, parent): audits = [try db.moveUnit(id, under: parent)]
        case let .mergeUnit(id, into, day): audits = [try db.mergeUnit(id, into: into, lastDay: day)]
        case let .target(t): audits = [try db.updateTarget(t)]
        case let .approval(step, unit, year, reason):
            audits = [try ApprovalSteps.take(step, unit: unit, year: year, reason: reason, db: db, lang: .vi)]
        case let .settings(values):
            // Only what changed is written: an unchanged form saves nothing to undo.
            let stored = try db.reportSettings()
            for key in Setting.report { if let v = values[key], v != stored[key] { audits.append(try db.setSetting(key, v)) } }
            if audits.isEmpty { throw StoreError.unchanged(what: Words(.vi).pick("Thiết lập báo cáo", "Report settings")) }
        case let .gridRow(m, year, effective, confirmed):
            if m.id == 0, !confirmed, let title = try db.similarModel(title: m.title, unit: m.unitID, year: (m.launchedOn ?? m.registeredOn)?.year) {
                return .duplicate(title: title)
            }
            if m.id == 0 {
                let added = try db.addModel(m)
                (modelID, audits) = (added.value, [added.auditID])
            } else {
                var existing = try db.model(id: m.id) ?? m
                existing.title = m.title
                existing.fieldCode = m.fieldCode
                existing.kind = m.kind
                existing.launchedOn = m.launchedOn
                (modelID, audits) = (m.id, [try db.updateModel(existing)])
            }
            if let effective, let id = modelID {
                audits.append(try db.recordEvaluation(Evaluation(modelID: id, year: year, effective: effective)))
            }
        }
        // Every write of the request joined one change, named by its first audit row.
        return .saved(change: audits.min() ?? 0, modelID: modelID, unitID: unitID)
    }
}
