import DVKCore
import Foundation
import GRDB

/// The named writes a re-import needs where data entry has none: a whole
/// row of a file put back as the file says it (data entry renames, moves
/// and merges a unit one step at a time; a file corrects every column at
/// once). Each is audited like every other write, so `dvk undo` takes it back.
extension AppDatabase {
    private func refuseInvalid(_ issues: [ValidationIssue], _ what: String) throws {
        if !issues.isEmpty { throw StoreError.invalid(record: what, issues: issues) }
    }

    @discardableResult
    func updateUnitFromImport(_ u: OrgUnit, source: String) throws -> AuditID {
        try refuseInvalid(validator.check(u), u.name)
        return try audited("unit", u.id, action: "update") { db in
            let name = VietnameseText.normalized(u.name)
            try db.execute(sql: """
                UPDATE unit SET official_code = ?, name = ?, sort_key = ?, search_key = ?, kind = ?, parent_id = ?, valid_from = ?,
                  valid_to = ?, merged_into_id = ?, is_demo = ?, source = ? WHERE id = ?
                """, arguments: [u.officialCode, name, VietnameseText.sortKey(name), VietnameseText.searchKey(name), u.kind.rawValue,
                                 u.parentID, u.validFrom?.iso, u.validTo?.iso, u.mergedIntoID, u.isDemo, VietnameseText.normalized(source), u.id])
            try UnitRules.refuseCycles(db)
            // The placement rules hold for a corrected file as for a form: no commune under a hospital.
            try UnitRules.refusePlacement(u.id, under: u.parentID, db)
            if let successor = u.mergedIntoID { try UnitRules.refuseMergeIntoOwnSubunit(u.id, successor, db) }
        }.auditID
    }

    /// `updateModel` plus the model's source, which forms do not edit.
    @discardableResult
    func updateModelFromImport(_ m: Model, source: String) throws -> AuditID {
        try refuseInvalid(validator.check(m), m.title)
        return try audited("model", m.id, action: "update") { db in
            let oldUnit = try Int64.fetchOne(db, sql: "SELECT unit_id FROM model WHERE id = ?", arguments: [m.id])
            try ModelWrites.update(m, db)
            try db.execute(sql: "UPDATE model SET source = ? WHERE id = ?", arguments: [VietnameseText.normalized(source), m.id])
            let year = AppDatabase.today().year
            try CountQueries.refresh(unit: m.unitID, touching: ModelWrites.years(m), db, currentYear: year)
            if let oldUnit, oldUnit != m.unitID { try CountQueries.refresh(unit: oldUnit, touching: [], db, currentYear: year) }
        }.auditID
    }

    @discardableResult
    func updateRecognitionFromImport(_ id: Int64, _ r: Recognition) throws -> AuditID {
        let validator = validator
        return try audited("recognition", id, action: "update") { db in
            guard let m = try Row.fetchOne(db, sql: "SELECT * FROM model WHERE id = ?", arguments: [r.modelID]).map(Rows.model) else {
                throw StoreError.notFound(what: "mô hình #\(r.modelID)")
            }
            let issues = validator.check(r, of: m)
            if !issues.isEmpty { throw StoreError.invalid(record: m.title, issues: issues) }
            try db.execute(sql: "UPDATE recognition SET model_id = ?, level = ?, decision_number = ?, decided_on = ?, issuer = ? WHERE id = ?",
                           arguments: [r.modelID, r.level.rawValue, VietnameseText.normalized(r.decisionNumber), r.decidedOn?.iso,
                                       VietnameseText.normalized(r.issuer), id])
        }.auditID
    }

    /// An award as a file gives it: with its source, and with the recipient
    /// blank when the file leaves it so (the form insists on one).
    @discardableResult
    func putAwardFromImport(_ id: Int64?, _ a: Award, source: String) throws -> AuditID {
        let values: [(any DatabaseValueConvertible)?] = [a.kind.rawValue, VietnameseText.normalized(a.issuer), VietnameseText.normalized(a.decisionNumber),
                                                         a.decidedOn?.iso, VietnameseText.normalized(a.recipient), a.modelID, a.unitID,
                                                         VietnameseText.normalized(source)]
        let columns = ["kind", "issuer", "decision_number", "decided_on", "recipient", "model_id", "unit_id", "source"]
        return try put("award", id, columns: columns, values: StatementArguments(values))
    }

    @discardableResult
    func putFigureFromImport(_ id: Int64?, _ f: ReportedFigure) throws -> AuditID {
        let issues = validator.checkYear(f.year)
        try refuseInvalid(issues, "số liệu \(f.year)")
        return try put("reported_figure", id, columns: ["unit_id", "year", "scope", "field_code", "count", "qualifier", "source"],
                       values: [f.unitID, f.year, f.scope.rawValue, f.fieldCode, f.count, f.qualifier.rawValue, VietnameseText.normalized(f.source)])
    }

    @discardableResult
    func putDirectiveFromImport(_ id: Int64?, _ d: Directive, source: String) throws -> AuditID {
        try put("directive", id, columns: ["kind", "number", "issued_on", "issuer", "title", "source"],
                values: [VietnameseText.normalized(d.kind), VietnameseText.normalized(d.number), d.issuedOn?.iso,
                         VietnameseText.normalized(d.issuer), VietnameseText.normalized(d.title), VietnameseText.normalized(source)])
    }

    @discardableResult
    func putFieldFromImport(_ f: Field) throws -> AuditID {
        try audited("field", f.code) { db in
            try db.execute(sql: """
                INSERT INTO field (code, name_vi, name_en, sort_order) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, sort_order = excluded.sort_order
                """, arguments: [f.code, VietnameseText.normalized(f.nameVI), VietnameseText.normalized(f.nameEN), f.sortOrder])
        }.auditID
    }

    /// Adds a row of `entity` (`id` nil) or rewrites the columns of row `id`, audited.
    private func put(_ entity: String, _ id: Int64?, columns: [String], values: StatementArguments) throws -> AuditID {
        guard let id else {
            return try audited(adding: entity) { db in
                try db.execute(sql: "INSERT INTO \(entity) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                               arguments: values)
                return db.lastInsertedRowID
            }.auditID
        }
        return try audited(entity, id, action: "update") { db in
            try db.execute(sql: "UPDATE \(entity) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                           arguments: values + [id])
        }.auditID
    }
}

/// One change as `dvk undo` names it: when, by whom, and how many rows of
/// each table it wrote.
public struct ChangeSummary: Sendable, Equatable {
    public struct Rows: Sendable, Equatable {
        public let entity: String
        public let count: Int
    }

    public let id: ChangeID
    public let at: String
    public let officer: String
    /// The tables in the order the change first wrote them.
    public let rows: [Rows]
    /// Taken back by an undo that no redo has put back since.
    public let isUndone: Bool

    /// `2 mô hình, 1 khảo sát hài lòng`.
    public func rowsText(_ lang: Language) -> String {
        rows.map { "\(VietnameseNumber.integer($0.count, lang)) \(Words(lang).recordKind($0.entity, plural: true))" }.joined(separator: ", ")
    }
}

/// The result of `dvk undo`: the change taken back (or put back) and the new change that did it.
public struct RevertOutcome: Sendable, Equatable {
    public let reverted: ChangeSummary
    public let change: ChangeID
}

extension AppDatabase {
    /// The change holding audit row `id`, or nil when there is no such row.
    public func changeSummary(_ id: AuditID) throws -> ChangeSummary? {
        try read { db in try AppDatabase.changeSummary(id, db) }
    }

    static func changeSummary(_ id: AuditID, _ db: Database) throws -> ChangeSummary? {
        guard let change = try ChangeID.fetchOne(db, sql: "SELECT COALESCE(change_id, id) FROM audit_log WHERE id = ?", arguments: [id]),
              let first = try Row.fetchOne(db, sql: "SELECT a.id, a.at, a.officer, \(Audit.undoneColumn) FROM audit_log a WHERE a.id = ?",
                                           arguments: [change]) else { return nil }
        var rows: [ChangeSummary.Rows] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT entity, count(*) AS n, min(id) AS first FROM audit_log WHERE COALESCE(change_id, id) = ? GROUP BY entity ORDER BY first
            """, arguments: [change]) {
            rows.append(ChangeSummary.Rows(entity: row["entity"], count: row["n"]))
        }
        return ChangeSummary(id: change, at: first["at"], officer: first["officer"], rows: rows,
                             isUndone: (first["undone"] as Bool?) ?? false)
    }

    /// When change `id` is itself an undo or a redo: which, and of which change.
    static func revertedChange(_ id: ChangeID, _ db: Database) throws -> (RevertDirection, ChangeID)? {
        guard let action = try String.fetchOne(db, sql: "SELECT action FROM audit_log WHERE id = ?", arguments: [id]) else { return nil }
        let parts = action.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let kind = RevertDirection(rawValue: String(parts[0])), let row = AuditID(parts[1]),
              let original = try ChangeID.fetchOne(db, sql: "SELECT COALESCE(change_id, id) FROM audit_log WHERE id = ?", arguments: [row])
        else { return nil }
        return (kind, original)
    }

    /// `dvk undo CHANGE` (or `--redo`): the whole change, in one transaction.
    /// A change that is not there, already undone (or, to redo, not undone),
    /// itself an undo or redo, or a first import is refused before anything
    /// is written; a later edit of the same fields is refused by `revert`.
    public func undoChange(_ id: AuditID, _ direction: RevertDirection = .undo) throws -> RevertOutcome {
        try inOneChange { tx in
            guard let summary = try tx.read({ db in try AppDatabase.changeSummary(id, db) }) else {
                throw StoreError.cannotRevert(reason: "không có thay đổi #\(id) trong nhật ký")
            }
            if summary.rows.contains(where: { $0.entity == "folder" || $0.entity == "database" }) {
                throw StoreError.cannotRevert(reason: "thay đổi #\(summary.id) là lần nạp đầu tiên vào cơ sở dữ liệu trống; muốn bỏ nó, hãy tạo lại cơ sở dữ liệu hoặc khôi phục bản sao lưu")
            }
            // Undoing an undo would put the data back while the history still
            // calls the first change undone: name the change to redo instead.
            if let (kind, original) = try tx.read({ db in try AppDatabase.revertedChange(summary.id, db) }) {
                throw StoreError.cannotRevert(reason: kind == .undo
                    ? "thay đổi #\(summary.id) là lần hoàn tác thay đổi #\(original); muốn làm lại, dùng dvk undo --redo \(original)"
                    : "thay đổi #\(summary.id) là lần làm lại thay đổi #\(original); muốn hoàn tác, dùng dvk undo \(original)")
            }
            switch (direction, summary.isUndone) {
            case (.undo, true):
                throw StoreError.cannotRevert(reason: "thay đổi #\(summary.id) đã được hoàn tác rồi (làm lại: dvk undo --redo \(summary.id))")
            case (.redo, false):
                throw StoreError.cannotRevert(reason: "thay đổi #\(summary.id) chưa bị hoàn tác nên không có gì để làm lại")
            default: break
            }
            let change = try tx.revert(auditID: summary.id, direction)
            return RevertOutcome(reverted: summary, change: change)
        }
    }
}
