import DVKCore
import GRDB

/// Rules on the unit graph that every write must keep, checked in the store
/// so no path (a form, an import, an undo) can break them.
enum UnitRules {
    enum Link: String, Sendable {
        case parent = "parent_ref"
        case successor = "merged_into_ref"
    }

    /// A unit that lies on a loop of parents or of successors, if any.
    ///
    /// A parent loop hangs every roll-up; a merger loop (A into B, B into A)
    /// makes the models of both count nowhere.
    static func firstCycle(_ db: Database) throws -> (unit: OrgUnit.ID, link: Link)? {
        var parent: [Int64: Int64] = [:]
        var successor: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, parent_id, merged_into_id FROM unit") {
            // Decoded leniently: a hand-edited 'x' in an id column must be reported, not trap.
            guard let id = Int64.fromDatabaseValue(row["id"]) else { continue }
            if let p = Int64.fromDatabaseValue(row["parent_id"]) { parent[id] = p }
            if let s = Int64.fromDatabaseValue(row["merged_into_id"]) { successor[id] = s }
        }
        if let u = cycleMember(parent) { return (u, .parent) }
        if let u = cycleMember(successor) { return (u, .successor) }
        return nil
    }

    /// Walks each chain once (colouring nodes), so the check is linear in the number of units.
    private static func cycleMember(_ next: [Int64: Int64]) -> Int64? {
        var done: Set<Int64> = []
        for start in next.keys where !done.contains(start) {
            var path: Set<Int64> = []
            var current: Int64? = start
            while let c = current, !done.contains(c) {
                if path.contains(c) { return c }
                path.insert(c)
                current = next[c]
            }
            done.formUnion(path)
        }
        return nil
    }

    /// The placement rules of `UnitPlacement`, checked against the stored
    /// units: a commune under a hospital is refused here whatever path asks.
    /// Crossing provinces is the form's question, so the store allows it.
    static func refusePlacement(_ unit: OrgUnit.ID, under parent: OrgUnit.ID?, _ db: Database) throws {
        guard let parent else { return }
        // Only the two units' kinds are needed: no whole-table read on every add or move.
        func stored(_ id: OrgUnit.ID) throws -> (name: String, kind: UnitKind)? {
            try Row.fetchOne(db, sql: "SELECT name, kind FROM unit WHERE id = ?", arguments: [id])
                .map { ($0["name"] ?? "", UnitKind(rawValue: $0["kind"] ?? "") ?? .agency) }
        }
        guard let me = try stored(unit), let p = try stored(parent) else { return }
        if !UnitPlacement.mayParent(p.kind, me.kind) {
            throw StoreError.invalid(record: me.name, issues: [ValidationIssue(field: "parent", problem:
                .parentKindNotAllowed(child: me.kind, parent: p.kind, parentName: p.name,
                                      allowed: UnitKind.allCases.filter { UnitPlacement.mayParent($0, me.kind) }))])
        }
    }

    static func refuseMerge(_ unit: OrgUnit.ID, into successor: OrgUnit.ID, lastDay: Day, _ db: Database) throws {
        let units = try unitMap(db)
        guard let me = units[unit], let target = units[successor] else { return }
        if let problem = UnitPlacement.mergeProblem(me, into: target, lastDay: lastDay, units: units, acrossProvinces: true) {
            throw StoreError.invalid(record: me.name, issues: [ValidationIssue(field: "into", problem: problem)])
        }
    }

    private static func unitMap(_ db: Database) throws -> [OrgUnit.ID: OrgUnit] {
        var out: [OrgUnit.ID: OrgUnit] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT id, name, kind, parent_id, valid_from, valid_to, merged_into_id FROM unit") {
            guard let id = Int64.fromDatabaseValue(r["id"]) else { continue }
            out[id] = OrgUnit(id: id, name: r["name"] ?? "", kind: UnitKind(rawValue: r["kind"] ?? "") ?? .agency,
                              parentID: Int64.fromDatabaseValue(r["parent_id"]),
                              validFrom: Rows.day(r["valid_from"]), validTo: Rows.day(r["valid_to"]),
                              mergedIntoID: Int64.fromDatabaseValue(r["merged_into_id"]))
        }
        return out
    }

    /// Throws the officer's message when the write just made would close a loop.
    static func refuseCycles(_ db: Database) throws {
        guard let (unit, link) = try firstCycle(db) else { return }
        let name = try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [unit]) ?? "#\(unit)"
        throw StoreError.invalid(record: name, issues: [ValidationIssue(field: link == .parent ? "parentID" : "mergedIntoID",
                                                                         problem: link == .parent ? .parentCycle : .mergerCycle)])
    }

    /// A unit merged into one of its own subunits would hand its children to
    /// that subunit, which then sits under itself: every roll-up of a later
    /// year would never end (the key fuzzer found it).
    static func refuseMergeIntoOwnSubunit(_ unit: OrgUnit.ID, _ successor: OrgUnit.ID, _ db: Database) throws {
        var current: Int64? = successor
        var seen: Set<Int64> = []
        while let c = current, seen.insert(c).inserted {
            if c == unit {
                let name = try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [unit]) ?? "#\(unit)"
                throw StoreError.invalid(record: name, issues: [ValidationIssue(field: "mergedIntoID", problem: .mergeIntoOwnSubunit)])
            }
            current = try Int64.fetchOne(db, sql: "SELECT parent_id FROM unit WHERE id = ?", arguments: [c])
        }
    }
}
