import Foundation
import GRDB

/// The audit log: one row per named write, inside that write's transaction,
/// so a change and its record of who made it commit or vanish together.
enum Audit {
    static func record(_ db: Database, officer: String, action: String, entity: String, entityID: String?,
                       before: String?, after: String?, at: Date = Date()) throws {
        try db.execute(sql: """
            INSERT INTO audit_log (at, officer, action, entity, entity_id, before_json, after_json)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [timestamp(at), officer, action, entity, entityID, before, after])
    }

    /// The whole row as sorted-key JSON: before/after images for the history screen and undo.
    static func snapshot(_ db: Database, table: String, where clause: String, _ args: StatementArguments) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE \(clause)", arguments: args) else { return nil }
        var dict: [String: Any] = [:]
        for (column, value) in row {
            switch value.storage {
            case .null: dict[column] = NSNull()
            case .int64(let i): dict[column] = i
            case .double(let d): dict[column] = d
            case .string(let s): dict[column] = s
            case .blob(let b): dict[column] = b.base64EncodedString()
            }
        }
        let data = try JSONSerialization.data(withJSONObject: dict, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func timestamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}

/// One audit log entry as read back.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: String
    public var officer: String
    public var action: String
    public var entity: String
    public var entityID: String?
    public var beforeJSON: String?
    public var afterJSON: String?
}
