import DVKCore
import Foundation
import GRDB

/// The remaining named writes of data entry: awards and changes to units.
extension AppDatabase {
    @discardableResult
    public func addAward(_ a: Award) throws -> Audited<Int64> {
        let issues: [ValidationIssue] = a.recipient.trimmingCharacters(in: .whitespaces).isEmpty
            ? [ValidationIssue(field: "recipient", problem: .required)] : []
        if !issues.isEmpty { throw StoreError.invalid(record: "khen thưởng", issues: issues) }
        return try audited(adding: "award") { db in
            try db.execute(sql: """
                INSERT INTO award (kind, issuer, decision_number, decided_on, recipient, model_id, unit_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [a.kind.rawValue, VietnameseText.normalized(a.issuer), VietnameseText.normalized(a.decisionNumber),
                                 a.decidedOn?.iso, VietnameseText.normalized(a.recipient), a.modelID, a.unitID])
            return db.lastInsertedRowID
        }
    }

    /// Đổi tên: the name and its sort and search keys change together.
    @discardableResult
    public func renameUnit(_ id: OrgUnit.ID, to name: String) throws -> AuditID {
        let clean = VietnameseText.normalized(name.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !clean.isEmpty else { throw StoreError.invalid(record: "đơn vị", issues: [ValidationIssue(field: "name", problem: .required)]) }
        return try audited("unit", id, action: "update") { db in
            try db.execute(sql: "UPDATE unit SET name = ?, sort_key = ?, search_key = ? WHERE id = ?",
                           arguments: [clean, VietnameseText.sortKey(clean), VietnameseText.searchKey(clean), id])
        }.auditID
    }

    /// Chuyển đơn vị sang cấp trên khác. A unit cannot move under itself or its own descendants.
    @discardableResult
    public func moveUnit(_ id: OrgUnit.ID, under parent: OrgUnit.ID?) throws -> AuditID {
        try audited("unit", id, action: "move") { db in
            var current = parent
            while let c = current {
                if c == id { throw StoreError.invalid(record: "đơn vị", issues: [ValidationIssue(field: "parentID", problem: .unknownChoice("#\(c)", allowed: []))]) }
                current = try Int64.fetchOne(db, sql: "SELECT parent_id FROM unit WHERE id = ?", arguments: [c])
            }
            try UnitRules.refusePlacement(id, under: parent, db)
            try db.execute(sql: "UPDATE unit SET parent_id = ? WHERE id = ?", arguments: [parent, id])
            try UnitRules.refuseCycles(db)
        }.auditID
    }

    /// The audit log, newest first, a window at a time, optionally narrowed to
    /// an officer, an entity and a day range (yyyy-MM-dd, inclusive).
    public func auditLog(officer: String? = nil, entity: String? = nil, from: Day? = nil, to: Day? = nil,
                         limit: Int = 200, offset: Int = 0) throws -> [AuditEntry] {
        var filters: [String] = []
        var args: StatementArguments = []
        if let officer { filters.append("officer = ?"); args += [officer] }
        if let entity { filters.append("entity = ?"); args += [entity] }
        if let from { filters.append("substr(at, 1, 10) >= ?"); args += [from.iso] }
        if let to { filters.append("substr(at, 1, 10) <= ?"); args += [to.iso] }
        args += [limit, offset]
        let whereSQL = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
        let finalArgs = args
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT a.*, \(Audit.undoneColumn) FROM audit_log a \(whereSQL) ORDER BY id DESC LIMIT ? OFFSET ?",
                             arguments: finalArgs).map(AuditEntry.init(row:))
        }
    }
}

extension AppDatabase {
    /// Another model with the same title (tone marks and case ignored) in the
    /// same unit and launch year: data entry asks before adding a second one.
    public func hasSimilarModel(title: String, unit: OrgUnit.ID, year: Int?, excluding: Model.ID? = nil) throws -> Bool {
        try similarModel(title: title, unit: unit, year: year, excluding: excluding) != nil
    }

    /// The title of that other model, as stored.
    public func similarModel(title: String, unit: OrgUnit.ID, year: Int?, excluding: Model.ID? = nil) throws -> String? {
        let key = VietnameseText.searchKey(title)
        return try read { db in
            try String.fetchOne(db, sql: """
                SELECT title FROM model WHERE search_key = ? AND unit_id = ? AND id <> ?
                  AND (? IS NULL OR CAST(substr(coalesce(launched_on, registered_on), 1, 4) AS INTEGER) = ?)
                LIMIT 1
                """, arguments: [key, unit, excluding ?? -1, year, year])
        }
    }
}
