import DVKCore

/// A validated change, ready for the store. One case per named write.
public enum SaveRequest: Hashable, Sendable {
    /// `confirmedDuplicate`: the officer said yes to “same title, same unit, same year”.
    case addModel(Model, confirmedDuplicate: Bool)
    case updateModel(Model)
    case evaluation(Evaluation)
    case recognition(Recognition)
    case removal(Model.ID, on: Day, reason: String)
    case award(Award)
    case survey(SatisfactionSurvey)
    case plan(PlanAdoption)
    case addUnit(OrgUnit)
    case renameUnit(OrgUnit.ID, name: String)
    case moveUnit(OrgUnit.ID, parent: OrgUnit.ID?)
    case mergeUnit(OrgUnit.ID, into: OrgUnit.ID, lastDay: Day)
    case target(Target)
    /// Report settings, each stored as its text (“|” between lines).
    case settings([Setting: String])
    /// Nộp, duyệt or mở khóa (with its reason) one unit's year.
    case approval(ApprovalStep, unit: OrgUnit.ID, year: Int, reason: String)
    /// A grid row: the model, and its verdict for the grid's year when given.
    case gridRow(Model, year: Int, effective: Bool?, confirmedDuplicate: Bool = false)
}

/// What the store said about a save.
public enum SaveOutcome: Hashable, Sendable {
    /// Saved; its audit rows in order (for undo, one at a time) and the id of
    /// the saved model or the added unit, if any.
    case saved(change: Int64, modelID: Model.ID?, unitID: OrgUnit.ID? = nil)
    /// Another model has the same title in the same unit and year: ask first.
    case duplicate(title: String)
    /// Refused, with the message to show and the field it concerns, if known.
    case refused(String, field: String?)
}
