import DVKCore
import Foundation
import GRDB

extension AppDatabase {
    /// Units of the whole database whose name holds every word typed, tone
    /// marks and case ignored (“suoi giang” finds “Xã Suối Giàng”), or whose
    /// official code or import ref is what was typed. The name typed exactly
    /// (with or without its level word) comes first, then units in force on
    /// `today` before those that ended, then Vietnamese name order. Nothing
    /// typed lists the top-level units, so every root of the database is a
    /// key away.
    public func searchUnits(_ text: String, limit: Int = 50, today: Day) throws -> [UnitCandidate] {
        let typed = VietnameseText.normalized(text.trimmingCharacters(in: .whitespacesAndNewlines))
        let key = VietnameseText.searchKey(typed)
        let words = key.split(separator: " ").map { AppDatabase.likeEscaped(String($0)) }
        var args: StatementArguments = ["typed": typed, "today": today.iso, "limit": max(0, limit)]
        let filter: String
        if words.isEmpty {
            filter = "u.parent_id IS NULL"
        } else {
            var terms: [String] = []
            for (i, word) in words.enumerated() {
                terms.append("u.search_key LIKE '%' || :w\(i) || '%' ESCAPE '\\'")
                args += ["w\(i)": word]
            }
            filter = "(\(terms.joined(separator: " AND ")) OR u.official_code = :typed OR u.ref = :typed)"
        }
        // “van chan” is exactly Huyện Văn Chấn's name once its level word is set aside.
        let exactKeys = [key] + AppDatabase.levelPrefixes.map { $0 + " " + key }
        args += ["exact": AppDatabase.jsonStrings(exactKeys)]
        let sql = """
            SELECT u.*, p.name AS parent_name, s.name AS successor_name,
                   (u.name = :typed OR u.search_key IN (SELECT value FROM json_each(:exact))) AS is_exact,
                   ((u.valid_from IS NULL OR u.valid_from <= :today) AND (u.valid_to IS NULL OR u.valid_to >= :today)) AS in_force
            FROM unit u
            LEFT JOIN unit p ON p.id = u.parent_id
            LEFT JOIN unit s ON s.id = u.merged_into_id
            WHERE \(filter)
            ORDER BY is_exact DESC, in_force DESC, u.sort_key, u.id
            LIMIT :limit
            """
        let arguments = args
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { r in
                UnitCandidate(unit: Rows.unit(r), parentName: r["parent_name"], successorName: r["successor_name"])
            }
        }
    }

    /// A JSON array of strings, for `json_each` (SQLite escapes nothing for us).
    static func jsonStrings(_ items: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
