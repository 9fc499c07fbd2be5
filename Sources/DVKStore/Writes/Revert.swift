import DVKCore
import Foundation
import GRDB

/// Undo and redo as writes of their own: the row is put back to the image
/// the audit log kept (before for undo, after for redo), and that is audited
/// too. Nothing is lost: every image stays in the log.
public enum RevertDirection: String, Sendable {
    case undo, redo
}

extension AppDatabase {
    /// Puts back everything the change holding audit row `id` did: as it was
    /// before (undo, last row first) or after (redo, first row first), in one
    /// transaction, itself one change. Returns the new change's id.
    @discardableResult
    public func revert(auditID id: AuditID, _ direction: RevertDirection) throws -> ChangeID {
        try write { db in
            let change = try ChangeID.fetchOne(db, sql: "SELECT COALESCE(change_id, id) FROM audit_log WHERE id = ?", arguments: [id])
            guard let change else { throw StoreError.notFound(what: "nhật ký #\(id)") }
            var rows = try AuditID.fetchAll(db, sql: "SELECT id FROM audit_log WHERE COALESCE(change_id, id) = ? ORDER BY id", arguments: [change])
            if direction == .undo { rows.reverse() }
            var first: AuditID?
            for row in rows {
                let written = try AppDatabase.revertRow(row, direction, actor: actor, db)
                first = first ?? written
            }
            return first ?? change
        }
    }

    /// The audit rows of one change, as the history reads them.
    public func changeEntries(_ id: ChangeID) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE COALESCE(change_id, id) = (SELECT COALESCE(change_id, id) FROM audit_log WHERE id = ?) ORDER BY id",
                             arguments: [id]).map(AuditEntry.init(row:))
        }
    }

    static func revertRow(_ id: AuditID, _ direction: RevertDirection, actor: Actor, _ db: Database) throws -> AuditID {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM audit_log WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(what: "nhật ký #\(id)")
        }
        let entity: String = row["entity"]
        guard let keys = Audit.keys[entity], !Audit.notRevertible.contains(entity) else {
            throw StoreError.cannotRevert(reason: "loại thay đổi “\(entity)” không hoàn tác được")
        }
        let beforeJSON: String? = row["before_json"], afterJSON: String? = row["after_json"]
        let target = try (direction == .undo ? beforeJSON : afterJSON).map(AppDatabase.decodeImage)
        let other = try (direction == .undo ? afterJSON : beforeJSON).map(AppDatabase.decodeImage)
        guard let keyImage = target ?? other else { throw StoreError.cannotRevert(reason: "nhật ký #\(id) không có ảnh dữ liệu") }
        let keyValues = keys.map { keyImage[$0] ?? .null }
        let clause = Audit.clause(entity)
        return try Audit.write(db, actor: actor, entity, key: keyValues, action: "\(direction.rawValue):\(id)") { db, current in
            let current = try current.map(AppDatabase.decodeImage)
            try AppDatabase.refuseIfChangedSince(id, entity: entity, entityID: row["entity_id"], expected: other,
                                                 target: target, current: current, db)
            if let image = target {
                // Only the fields this change touched go back, so another
                // officer's later edit of other fields of the record stays.
                let touched = other.map { o in image.keys.filter { image[$0] != o[$0] } } ?? Array(image.keys)
                let columns = (current == nil ? Array(image.keys) : touched).sorted()
                if current == nil {
                    try db.execute(sql: "INSERT INTO \(entity) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                                   arguments: StatementArguments(columns.map { image[$0]! }))
                } else if !columns.filter({ !keys.contains($0) }).isEmpty {
                    let sets = columns.filter { !keys.contains($0) }
                    try db.execute(sql: "UPDATE \(entity) SET \(sets.map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(clause)",
                                   arguments: StatementArguments(sets.map { image[$0]! } + keyValues))
                }
            } else {
                // Undoing an addition: the row goes, its images stay in the log.
                do {
                    try db.execute(sql: "DELETE FROM \(entity) WHERE \(clause)", arguments: StatementArguments(keyValues))
                } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                    throw StoreError.cannotRevert(reason: "đã có dữ liệu khác gắn với bản ghi này; hãy hoàn tác các thay đổi sau trước")
                }
            }
            try AppDatabase.refreshCounts(afterChangeTo: entity, images: [target, other].compactMap { $0 }, db)
            return ((), keyValues)
        }.auditID
    }

    /// Undo and redo put back what one change did; if someone changed the
    /// same fields since (another dashboard, another officer), putting them
    /// back would silently throw that later work away, so it is refused.
    static func refuseIfChangedSince(_ id: Int64, entity: String, entityID: String?, expected: [String: DatabaseValue]?,
                                     target: [String: DatabaseValue]?, current: [String: DatabaseValue]?, _ db: Database) throws {
        let conflict: [String]
        switch (expected, current) {
        case (nil, nil): conflict = []
        case (nil, .some): conflict = ["bản ghi đã được thêm lại"]
        case (.some, nil): conflict = ["bản ghi đã bị xóa"]
        case let (e?, c?):
            let touched = Set(e.keys.filter { target?[$0] != e[$0] })
            // Derived keys (sort and search) follow the field they come from.
            conflict = touched.filter { c[$0] != e[$0] && !$0.hasSuffix("_key") }.sorted().map { columnNames[$0] ?? $0 }
        }
        guard !conflict.isEmpty else { return }
        let later = try String.fetchOne(db, sql: "SELECT officer FROM audit_log WHERE entity = ? AND entity_id IS ? AND id > ? ORDER BY id DESC LIMIT 1",
                                        arguments: [entity, entityID, id])
        let who = later.map { " (bởi \($0))" } ?? ""
        throw StoreError.cannotRevert(reason: "đã có thay đổi sau đó\(who) ở \(conflict.joined(separator: ", ")); mở Nhật ký để xem")
    }

    /// What the officer calls the columns a conflict names.
    static let columnNames: [String: String] = [
        "title": "tên mô hình", "name": "tên", "description": "mô tả", "goals": "mục tiêu", "expected_outputs": "kết quả dự kiến",
        "funds_vnd": "kinh phí", "work_days": "ngày công", "registered_on": "ngày đăng ký", "launched_on": "ngày ra mắt",
        "removed_on": "ngày loại bỏ", "removal_reason": "lý do loại bỏ", "parent_id": "cấp trên", "field_code": "lĩnh vực",
        "unit_id": "đơn vị", "kind": "loại", "effective": "kết quả đánh giá", "note": "ghi chú", "permille": "tỷ lệ hài lòng",
        "respondents": "số người được hỏi", "adopted": "có kế hoạch", "disseminated": "đã phổ biến", "threshold": "ngưỡng",
        "value": "giá trị", "valid_to": "ngày hết hiệu lực", "merged_into_id": "đơn vị sáp nhập vào",
    ]

    static func decodeImage(_ json: String) throws -> [String: DatabaseValue] {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        var out: [String: DatabaseValue] = [:]
        for (k, v) in object {
            switch v {
            case is NSNull: out[k] = .null
            case let n as NSNumber:
                // JSON has one number type; whole values go back as integers
                // (a REAL column's affinity turns them back into reals).
                let d = n.doubleValue
                out[k] = d == d.rounded() && abs(d) < 9e15 ? n.int64Value.databaseValue : d.databaseValue
            case let s as String: out[k] = s.databaseValue
            default: out[k] = .null
            }
        }
        return out
    }

    /// Model and evaluation changes move the derived counts of their unit.
    static func refreshCounts(afterChangeTo entity: String, images: [[String: DatabaseValue]], _ db: Database) throws {
        var units: Set<Int64> = []
        switch entity {
        case "model":
            for image in images { if let u = Int64.fromDatabaseValue(image["unit_id"] ?? .null) { units.insert(u) } }
        case "evaluation":
            for image in images {
                if let m = Int64.fromDatabaseValue(image["model_id"] ?? .null),
                   let u = try Int64.fetchOne(db, sql: "SELECT unit_id FROM model WHERE id = ?", arguments: [m]) { units.insert(u) }
            }
        default: return
        }
        for u in units { try CountQueries.refresh(unit: u, touching: [], db, currentYear: AppDatabase.today().year) }
    }
}
