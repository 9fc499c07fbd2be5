import DVKCore
import DVKDashboard
import DVKStore
import Foundation

/// Performs a `SaveRequest` through the store's named writes.
enum Saving {
    static func perform(_ request: SaveRequest, on db: AppDatabase, lang: Language) -> SaveOutcome {
        do {
            var modelID: Model.ID?
            var audits: [Int64] = []
            switch request {
            case let .addModel(m, confirmed):
                if !confirmed, try db.hasSimilarModel(title: m.title, unit: m.unitID, year: (m.launchedOn ?? m.registeredOn)?.year) {
                    return .duplicate(title: m.title)
                }
                modelID = try db.addModel(m)
            case let .updateModel(m):
                try db.updateModel(m)
                modelID = m.id
            case let .evaluation(e): try db.recordEvaluation(e)
            case let .recognition(r): try db.addRecognition(r)
            case let .removal(id, day, reason): try db.removeModel(id, on: day, reason: reason)
            case let .award(a): try db.addAward(a)
            case let .survey(s): try db.recordSurvey(s)
            case let .plan(p): try db.recordPlan(p)
            case let .addUnit(u): try db.addUnit(u)
            case let .renameUnit(id, name): try db.renameUnit(id, to: name)
            case let .moveUnit(id, parent): try db.moveUnit(id, under: parent)
            case let .mergeUnit(id, into, day): try db.mergeUnit(id, into: into, lastDay: day)
            case let .target(t): try db.updateTarget(t)
            case let .gridRow(m, year, effective):
                if m.id == 0 {
                    modelID = try db.addModel(m)
                    if let a = try db.lastAuditID() { audits.append(a) }
                } else {
                    var existing = try db.model(id: m.id) ?? m
                    existing.title = m.title
                    existing.fieldCode = m.fieldCode
                    existing.kind = m.kind
                    existing.launchedOn = m.launchedOn
                    try db.updateModel(existing)
                    modelID = m.id
                    if let a = try db.lastAuditID() { audits.append(a) }
                }
                if let effective, let id = modelID {
                    try db.recordEvaluation(Evaluation(modelID: id, year: year, effective: effective))
                    if let a = try db.lastAuditID() { audits.append(a) }
                }
                return .saved(auditIDs: audits, modelID: modelID)
            }
            guard let audit = try db.lastAuditID() else { return .refused("?", field: nil) }
            return .saved(auditIDs: [audit], modelID: modelID)
        } catch let e as StoreError {
            if case let .invalid(_, issues) = e, let first = issues.first {
                return .refused(first.message(lang), field: first.field)
            }
            return .refused(e.message(lang), field: nil)
        } catch {
            return .refused("\(error)", field: nil)
        }
    }
}
