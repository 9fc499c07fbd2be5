import TerminalUI

/// What a key means. Bound per screen and per mode in `Keys`.
public enum Action: Hashable, Sendable {
    case show(Screen)
    case nextScreen, previousScreen
    case up, down, pageUp, pageDown, top, bottom
    case drillIn, back
    case previousYear, nextYear
    /// Past years on today's map, or on the map of that time.
    case toggleMap
    case startSearch
    case cycleSort, cycleFilter, cycleKind, cycleStatus
    /// Models: this unit's models, or the whole database's.
    case toggleScope
    /// The go-to box over every unit of the database; Enter in it goes to the chosen one.
    case openGoTo, chooseUnit
    case print
    /// The whole list on A4 pages (P), to Excel and CSV (E), the meeting report (R).
    case printList, export, report
    case help
    case quit
    // Search mode
    case commitSearch, cancelSearch, deleteBackward
    // Help overlay
    case closeOverlay
    // Data entry (normal mode): what the form is for
    case addRecord, evaluate, recognise, removeModel, award, survey, plan
    case renameUnit, moveUnit, mergeUnit, editTarget, openGrid
    /// The report's issuer, number, signer and recipients.
    case reportSettings
    case undo, redo
    /// Nộp, duyệt, mở khóa the selected unit's year.
    case submitYear, approveYear, unlockYear
    // Form mode
    case nextField, previousField, save, toggleTelex, cancelForm, confirmYes, confirmNo

    /// Keys that would write: refused, with a reason, on a read-only database.
    static let entry: Set<Action> = [.addRecord, .evaluate, .recognise, .removeModel, .award, .survey, .plan,
                                     .renameUnit, .moveUnit, .mergeUnit, .editTarget, .openGrid, .reportSettings, .submitYear]
    /// Keys of the level above: an approver's.
    static let approval: Set<Action> = [.approveYear, .unlockYear]
}
