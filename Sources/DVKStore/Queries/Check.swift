import DVKCore
import GRDB

/// One thing `dvk check` found wrong, said so the officer knows what it means.
public struct CheckProblem: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// SQLite's own page and index check (`PRAGMA integrity_check`).
        case integrity
        /// A row that points at a unit, model or field that is not there.
        case foreignKey
        /// `unit_year_count` disagrees with a recount from the models.
        case derivedCount
        /// A loop of parents or mergers.
        case cycle
        /// A stored value no rule allows (a hand-edited file).
        case storedValue
    }

    public var kind: Kind
    public var detail: String

    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public func message(_ lang: Language) -> String {
        switch (kind, lang) {
        case (.integrity, .vi): return "Tệp hỏng (integrity_check): \(detail)"
        case (.integrity, .en): return "Damaged file (integrity_check): \(detail)"
        case (.foreignKey, .vi): return "Tham chiếu tới dòng không còn: \(detail)"
        case (.foreignKey, .en): return "Reference to a missing row: \(detail)"
        case (.derivedCount, .vi): return "Số đếm tổng hợp không khớp khi đếm lại: \(detail)"
        case (.derivedCount, .en): return "Derived counts differ from a recount: \(detail)"
        case (.cycle, .vi): return "Vòng lặp đơn vị: \(detail)"
        case (.cycle, .en): return "Unit loop: \(detail)"
        case (.storedValue, .vi): return "Giá trị đã lưu không hợp lệ: \(detail)"
        case (.storedValue, .en): return "Invalid stored value: \(detail)"
        }
    }
}

extension AppDatabase {
    /// Everything `dvk check` verifies; an empty list means the file is sound.
    /// Reads only, so it can run on a read-only copy or a backup.
    public func check() throws -> [CheckProblem] {
        var problems = try read { db -> [CheckProblem] in
            var found: [CheckProblem] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check(100)") where line != "ok" {
                found.append(CheckProblem(kind: .integrity, detail: line))
            }
            // A damaged file makes the other checks read garbage: report the damage alone.
            if !found.isEmpty { return found }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row["table"] ?? "?", parent: String = row["parent"] ?? "?"
                let rowid: Int64? = row["rowid"]
                found.append(CheckProblem(kind: .foreignKey, detail: "\(table) #\(rowid.map(String.init) ?? "?") → \(parent)"))
            }
            if let years = try CountQueries.storedYears(db) {
                for year in years {
                    let differing = try Int.fetchOne(db, sql: """
                        SELECT count(*) FROM (
                          SELECT * FROM (SELECT unit_id, field_code, kind, in_force, effective, ineffective FROM unit_year_count WHERE year = :year
                                         EXCEPT \(CountQueries.liveSQL()))
                          UNION ALL
                          SELECT * FROM (\(CountQueries.liveSQL()) EXCEPT
                                         SELECT unit_id, field_code, kind, in_force, effective, ineffective FROM unit_year_count WHERE year = :year))
                        """, arguments: CountQueries.arguments(year: year)) ?? 0
                    if differing > 0 { found.append(CheckProblem(kind: .derivedCount, detail: "năm \(year): \(differing) dòng")) }
                }
            }
            if let home = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'home_unit'"),
               try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE id = ?", arguments: [home]) == 0 {
                found.append(CheckProblem(kind: .storedValue, detail: "home_unit = “\(home)” (không có đơn vị này)"))
            }
            for row in try Row.fetchAll(db, sql: "SELECT code, unit_kinds FROM target") {
                let kinds = String.fromDatabaseValue(row["unit_kinds"]) ?? ""
                if UnitKindList.parse(kinds) == nil {
                    found.append(CheckProblem(kind: .storedValue, detail: "target.\(String.fromDatabaseValue(row["code"]) ?? "?").unit_kinds = “\(kinds)”"))
                }
            }
            if let (unit, link) = try UnitRules.firstCycle(db) {
                let name = try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [unit]) ?? "#\(unit)"
                found.append(CheckProblem(kind: .cycle, detail: "\(name) (\(link == .parent ? "cấp trên" : "sáp nhập"))"))
            }
            return found
        }
        if problems.isEmpty {
            do { _ = try targets(); _ = try dataAsOf() } catch let StoreError.storedValueInvalid(what, value) {
                problems.append(CheckProblem(kind: .storedValue, detail: "\(what) = “\(value)”"))
            }
        }
        return problems
    }

    /// SQLite's fast page check, for the dashboard to run in the background on open.
    public func quickCheck() throws -> Bool {
        try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(1)") == ["ok"] }
    }
}
