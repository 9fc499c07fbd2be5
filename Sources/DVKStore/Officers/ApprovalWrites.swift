import DVKCore
import GRDB

enum ApprovalQueries {
    static func state(unit: OrgUnit.ID, year: Int, _ db: Database) throws -> ApprovalState? {
        try String.fetchOne(db, sql: "SELECT state FROM approval WHERE unit_id = ? AND year = ?", arguments: [unit, year])
            .flatMap(ApprovalState.init(rawValue:))
    }

    static func decode(_ row: Row) -> Approval {
        Approval(unitID: row["unit_id"], year: row["year"], state: ApprovalState(rawValue: row["state"]) ?? .submitted,
                 submittedBy: row["submitted_by"], decidedBy: row["decided_by"], reason: row["reason"])
    }
}

extension AppDatabase {
    /// Where each unit's year stands; units never submitted are absent.
    public func approvals(year: Int) throws -> [OrgUnit.ID: Approval] {
        try read { db in
            guard try db.tableExists("approval") else { return [:] }
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM approval WHERE year = ?", arguments: [year]).map(ApprovalQueries.decode)
            return Dictionary(rows.map { ($0.unitID, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    public func approval(unit: OrgUnit.ID, year: Int) throws -> Approval? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM approval WHERE unit_id = ? AND year = ?", arguments: [unit, year]).map(ApprovalQueries.decode)
        }
    }

    /// Nộp, duyệt or mở khóa one unit's year, audited (the reason goes into
    /// the row and so into the log). Who may take each step is the access
    /// policy's; which step may follow which is the approval flow's.
    @discardableResult
    public func takeApprovalStep(_ step: ApprovalStep, unit: OrgUnit.ID, year: Int, reason: String = "") throws -> AuditID {
        let actor = self.actor
        return try write { db in
          try Audit.write(db, actor: actor, "approval", key: [unit.databaseValue, year.databaseValue], action: step.rawValue) { db, _ in
            let action: AccessAction = switch step { case .submit: .submit; case .approve: .approve; case .unlock: .unlock }
            if let r = try AccessGuard.refusal(actor.officer, action, unit: unit, db) { throw StoreError.refused(r) }
            let name = try OfficerQueries.unitName(unit, db)
            let current = try ApprovalQueries.state(unit: unit, year: year, db)
            let next: ApprovalState
            switch ApprovalFlow.next(from: current, step, unit: name, year: year, reason: reason) {
            case let .success(s): next = s
            case let .failure(r): throw StoreError.approval(r)
            }
            let who = actor.officer.name
            switch step {
            case .submit:
                try db.execute(sql: """
                    INSERT INTO approval (unit_id, year, state, submitted_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT (unit_id, year) DO UPDATE SET state = excluded.state, submitted_by = excluded.submitted_by
                    """, arguments: [unit, year, next.rawValue, who])
            case .approve, .unlock:
                try db.execute(sql: "UPDATE approval SET state = ?, decided_by = ?, reason = ? WHERE unit_id = ? AND year = ?",
                               arguments: [next.rawValue, who, step == .unlock ? reason : nil, unit, year])
            }
            return ((), [unit.databaseValue, year.databaseValue])
          }
        }.auditID
    }
}
