import DVKCore

/// One row of the audit log as the history screen shows it. The stored keys
/// (`at`, `action`, `entity`, `entityID`) are kept for the filters; the
/// display fields are made once, when the log is loaded, by
/// `HistoryDescription`, so drawing a frame or pressing a key parses nothing.
/// The JSON images stay in `HistoryRecord`: nothing after loading reads them.
public struct HistoryEntry: Hashable, Sendable {
    public var id: Int64
    /// Stored form, ISO 8601 in UTC: 2026-11-21T12:55:08Z.
    public var at: String
    public var officer: String
    /// Stored form: add, update, merge, import, generate, undo:12, redo:12.
    public var action: String
    /// Stored form: model, evaluation, recognition, award, survey, plan_adoption, unit, target, meta, folder, database.
    public var entity: String
    public var entityID: String?

    /// The unit the record belongs to: the unit itself for a unit, its unit
    /// for a model, survey, plan or award, the model's unit for an
    /// evaluation or a recognition. nil for settings, targets and imports.
    public var unitID: OrgUnit.ID?
    /// That unit's name as it is now (“Xã Suối Giàng”); “đơn vị #3” when the
    /// unit is no longer in the database; nil when there is no unit.
    public var unitName: String?
    /// What was changed, in words: “Khảo sát hài lòng năm 2025”,
    /// “Mô hình “Dân vận khéo trong xây dựng nông thôn mới””.
    public var what: String
    /// When, local time: “21/11/2026 19:55”.
    public var when: String
    /// The action in words: “thêm”, “sửa”, “sáp nhập”, “hoàn tác”.
    public var actionName: String
    /// One line per changed column, in the order a form shows them.
    public var changes: [HistoryChange]
    /// Taken back by an undo (and not redone): the list marks it.
    public var isUndone: Bool

    public init(id: Int64, at: String, officer: String, action: String, entity: String, entityID: String?,
                unitID: OrgUnit.ID?, unitName: String?, what: String, when: String, actionName: String, changes: [HistoryChange],
                isUndone: Bool = false) {
        self.isUndone = isUndone
        self.id = id
        self.at = at
        self.officer = officer
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.unitID = unitID
        self.unitName = unitName
        self.what = what
        self.when = when
        self.actionName = actionName
        self.changes = changes
    }
}

/// One changed column of a history entry, ready to draw: “Hài lòng: 92% → 93,5%”.
public struct HistoryChange: Hashable, Sendable {
    /// The column as a form names it: “Lĩnh vực”.
    public var label: String
    /// The value before, in words (“Quốc phòng – an ninh”, “15/03/2025”, “93,5%”); “–” when there was none.
    public var before: String
    /// The value after; “–” when the record was removed or the column emptied.
    public var after: String

    public init(label: String, before: String, after: String) {
        self.label = label
        self.before = before
        self.after = after
    }

    /// “Lĩnh vực: Kinh tế → Quốc phòng – an ninh”.
    public var line: String { "\(label): \(before) → \(after)" }
}

/// Filters of the history screen.
public struct HistoryQuery: Hashable, Sendable {
    public var officer: String?
    public var entity: String?
    /// Only changes on or after this day.
    public var since: Day?
    /// Only changes to records of the unit on screen and the units below it.
    public var underCurrentUnit = false
    public var limit = 300

    public init(officer: String? = nil, entity: String? = nil, since: Day? = nil) {
        self.officer = officer
        self.entity = entity
        self.since = since
    }
}

public struct RevertFailure: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
