import DVKCore
import Foundation
import GRDB

/// A folder loaded on its own into an in-memory database by the first-import
/// code: every check and message of `dvk import` applies before anything is
/// compared, and nothing of the real database is touched.
struct StagedFolder: Sendable {
    let summary: ImportSummary
    /// The staged rows of each table that came from a file, in file order, with their line.
    let rows: [String: [(line: Int, values: [String: DatabaseValue])]]
}

extension AppDatabase {
    /// Whether the database holds any unit: with none, a folder is a first import.
    func holdsData() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM unit)") ?? false }
    }

    /// Stages `tables` beside this database. The database's own fields are
    /// staged first, so a model may use a field an earlier import added.
    func stage(_ tables: SeedFiles) throws -> StagedFolder {
        let fields = try self.fields()
        let validator = validator
        let staging = try AppDatabase.inMemory(officer: officer)
        return try staging.write { db in
            for f in fields {
                try db.execute(sql: "INSERT OR IGNORE INTO field (code, name_vi, name_en, sort_order) VALUES (?, ?, ?, ?)",
                               arguments: [f.code, f.nameVI, f.nameEN, f.sortOrder])
            }
            var importer = SeedImporter(db: db, validator: validator)
            try importer.run(tables)
            var rows: [String: [(line: Int, values: [String: DatabaseValue])]] = [:]
            for table in ImportTable.all {
                let lines = importer.lines[table.entity] ?? [:]
                guard !lines.isEmpty else { continue }
                var found: [(line: Int, values: [String: DatabaseValue])] = []
                for row in try Row.fetchAll(db, sql: table.sql) {
                    guard let key = String.fromDatabaseValue(row["line_key"]), let line = lines[key] else { continue }
                    found.append((line, AppDatabase.values(row)))
                }
                rows[table.entity] = found.sorted { $0.line < $1.line }
            }
            return StagedFolder(summary: importer.summary, rows: rows)
        }
    }

    static func values(_ row: Row) -> [String: DatabaseValue] {
        var out: [String: DatabaseValue] = [:]
        for (column, value) in row { out[column] = value }
        return out
    }

    /// Compares the staged rows with this database, row by row (see `ImportPlan`).
    /// Runs inside the import's transaction, or a read for a dry run.
    func plan(_ staged: StagedFolder) throws -> ImportPlan {
        let today = AppDatabase.today()
        return try read { db in
            var plan = ImportPlan()
            for table in ImportTable.all {
                var seen: [[String]: Int] = [:]
                for (line, row) in staged.rows[table.entity] ?? [] {
                    let key = table.matchKey(row)
                    // The first import accepts two directives with one number and date; matched
                    // by that key, the second would overwrite the first here.
                    if let first = seen[key] {
                        throw StoreError.importFailed(file: table.file, line: line, message:
                            "dòng này cùng khóa (\(table.keyText(row))) với dòng \(first): khi nạp lại, mỗi bản ghi chỉ được ghi một dòng")
                    }
                    seen[key] = line
                    plan.items.append(try AppDatabase.item(table, line: line, row: row, today: today, db))
                }
            }
            return plan
        }
    }

    private static func item(_ table: ImportTable, line: Int, row: [String: DatabaseValue], today: Day, _ db: Database) throws -> ImportItem {
        let lookups = table.keys.filter { $0.lookup != nil }
        let sql = table.sql + lookups.map { k in " AND \(k.lookup!) " + ((row[k.column]?.isNull ?? true) ? "IS NULL" : "= ?") }.joined()
        let arguments = StatementArguments(lookups.compactMap { k in (row[k.column]?.isNull ?? true) ? nil : row[k.column] })
        let key = table.matchKey(row)
        let candidates = try Row.fetchAll(db, sql: sql, arguments: arguments).map(values).filter { table.matchKey($0) == key }
        func changes(_ stored: [String: DatabaseValue]) -> [ImportChange] {
            table.columns.compactMap { c in
                let old = ImportTable.value(stored[c.name], c.kind), new = ImportTable.value(row[c.name], c.kind)
                return old == new ? nil : ImportChange(column: c.name, old: old, new: new)
            }
        }
        func make(_ outcome: ImportItem.Outcome, _ changes: [ImportChange] = [], skip: ImportSkipReason? = nil, rowID: Int64? = nil) -> ImportItem {
            let label = table.label.flatMap { String.fromDatabaseValue(row[$0] ?? .null) }
            return ImportItem(file: table.file, line: line, key: table.keyText(row), outcome: outcome, changes: changes, skipReason: skip,
                              label: outcome == .added ? label : nil, entity: table.entity, values: row, rowID: rowID)
        }
        if candidates.isEmpty { return make(.added) }
        if candidates.contains(where: { changes($0).isEmpty }) { return make(.unchanged) }
        guard candidates.count == 1, let stored = candidates.first else { return make(.skipped, skip: .ambiguous(candidates.count)) }
        let found = changes(stored)
        let rowID = Int64.fromDatabaseValue(stored["row_id"] ?? .null)
        if let reason = skipReason(table.guardRule, stored, today: today) { return make(.skipped, found, skip: reason, rowID: rowID) }
        return make(.changed, found, rowID: rowID)
    }

    /// A removed model, a merged unit or one past its last day is history:
    /// a file read months ago must not rewrite it. Data entry can still.
    private static func skipReason(_ rule: ImportTable.Guard, _ stored: [String: DatabaseValue], today: Day) -> ImportSkipReason? {
        func day(_ column: String) -> Day? { String.fromDatabaseValue(stored[column] ?? .null).flatMap(Day.init(parsing:)) }
        switch rule {
        case .none: return nil
        case .removedModel:
            guard !(stored["removed_on"]?.isNull ?? true) else { return nil }
            return .modelRemoved(day("removed_on"))
        case .endedUnit:
            if let into = String.fromDatabaseValue(stored["merged_into_ref"] ?? .null) { return .unitMerged(into: into, lastDay: day("valid_to")) }
            if let end = day("valid_to"), end < today { return .unitEnded(end) }
            return nil
        }
    }
}
