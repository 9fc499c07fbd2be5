import DVKCore
import Foundation
import GRDB

/// The store's side of the rules: every audited write passes here, inside
/// its transaction, before its audit row is written. What the write touched
/// is read off the record's images (before and after), so a form save, an
/// import row and an undo are held to the same rules, and a write to an
/// approved year is refused whatever asked for it.
enum AccessGuard {
    /// Markers of a whole import or generation: their rows are checked one by one.
    static let markers: Set<String> = ["folder", "database"]
    /// Written only by their own named writes, which check their own rules.
    static let selfChecked: Set<String> = ["officer", "approval"]

    static func refusal(_ officer: Officer, _ action: AccessAction, unit: OrgUnit.ID?, _ db: Database) throws -> AccessRefusal? {
        let scopeName = try OfficerQueries.unitName(officer.scope, db)
        guard let unit else { return AccessPolicy.check(officer, action, scopeName: scopeName) }
        let named = NamedUnit(id: unit, name: try OfficerQueries.unitName(unit, db))
        let chain = officer.scope == nil ? [] : try OfficerQueries.chain(of: unit, db)
        return AccessPolicy.check(officer, action, unit: named, chain: chain, scopeName: scopeName)
    }

    /// A first load or a generated set writes rows wholesale, not one by
    /// one through the checks: only an editor of the whole store may.
    static func refuseUnlessStoreWide(_ actor: Actor) throws {
        if let r = AccessPolicy.check(actor.officer, .enter, unit: nil, chain: [], scopeName: actor.officer.scope.map { "#\($0)" } ?? "") {
            throw StoreError.refused(r)
        }
    }

    static func check(_ db: Database, _ actor: Actor, entity: String, before: String?, after: String?) throws {
        if selfChecked.contains(entity) { return }
        if markers.contains(entity) {
            let needs = AccessPolicy.required(.enter)
            if actor.officer.role < needs {
                throw StoreError.refused(.roleTooLow(officer: actor.officer.name, role: actor.officer.role, needs: needs, action: .enter))
            }
            return
        }
        let images = [before, after].compactMap { $0 }.compactMap(image)
        let touched = try images.flatMap { try touches(entity, $0, db) }
        if touched.isEmpty {
            if let r = try refusal(actor.officer, .enter, unit: nil, db) { throw StoreError.refused(r) }
            return
        }
        for unit in Set(touched.map(\.unit)) {
            if let r = try refusal(actor.officer, .enter, unit: unit, db) { throw StoreError.refused(r) }
        }
        for t in Set(touched.filter { $0.year != nil }) {
            if try ApprovalQueries.state(unit: t.unit, year: t.year!, db) == .approved {
                throw StoreError.approval(.locked(unit: try OfficerQueries.unitName(t.unit, db), year: t.year!))
            }
        }
    }

    struct Touch: Hashable {
        let unit: OrgUnit.ID
        let year: Int?
    }

    /// The units (and years) a record belongs to: a model to its unit and
    /// the year it started, an evaluation to its model's unit and year, a
    /// survey or plan to its unit and year, a unit to itself and its parent.
    static func touches(_ entity: String, _ row: [String: Any], _ db: Database) throws -> [Touch] {
        let int = { (key: String) in (row[key] as? NSNumber)?.int64Value }
        let year = { (key: String) in (row[key] as? String).flatMap { Int($0.prefix(4)) } }
        func unitOf(model: Int64?) throws -> OrgUnit.ID? {
            guard let model else { return nil }
            return try OrgUnit.ID.fetchOne(db, sql: "SELECT unit_id FROM model WHERE id = ?", arguments: [model])
        }
        switch entity {
        case "unit":
            return [int("id"), int("parent_id")].compactMap { $0 }.map { Touch(unit: $0, year: nil) }
        case "model":
            return [int("unit_id"), int("follows_unit_id")].compactMap { $0 }
                .map { Touch(unit: $0, year: year("launched_on") ?? year("registered_on")) }
        case "evaluation":
            return try unitOf(model: int("model_id")).map { [Touch(unit: $0, year: int("year").map(Int.init))] } ?? []
        case "survey", "plan_adoption":
            return int("unit_id").map { [Touch(unit: $0, year: int("year").map(Int.init))] } ?? []
        case "recognition":
            return try unitOf(model: int("model_id")).map { [Touch(unit: $0, year: year("decided_on"))] } ?? []
        case "award":
            let unit = try int("unit_id") ?? unitOf(model: int("model_id"))
            return unit.map { [Touch(unit: $0, year: year("decided_on"))] } ?? []
        default:
            return []
        }
    }

    static func image(_ json: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
    }
}
