import DVKCore

/// One row of the audit log as the history screen shows it.
public struct HistoryEntry: Hashable, Sendable {
    public var id: Int64
    public var at: String
    public var officer: String
    public var action: String
    public var entity: String
    public var entityID: String?
    public var before: String?
    public var after: String?

    public init(id: Int64, at: String, officer: String, action: String, entity: String, entityID: String?, before: String?, after: String?) {
        self.id = id
        self.at = at
        self.officer = officer
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }
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
