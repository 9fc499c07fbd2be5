import DVKCore
import TerminalUI

/// Everything that can happen to the dashboard.
public enum Msg: Sendable {
    case action(Action)
    /// A printable key typed while a search is being edited.
    case typed(Character)
    /// Text pasted (bracketed paste) while a search is being edited.
    case pasted(String)
    case resized(Size)
    case clicked(x: Int, y: Int)
    case scrolled(down: Bool)
    case overviewLoaded(Overview)
    case trendLoaded(unit: OrgUnit.ID, [Int: Int])
    case modelsLoaded(ModelPage)
    case detailLoaded(ModelDetail?)
    case satisfactionLoaded(SatisfactionGrid)
    case printed(paths: [String])
    /// Files made by an export or a report: what was made, and where.
    case filesWritten(String, paths: [String])
    /// A form to open, with the record it would replace read from the store.
    case formReady(FormKind)
    case saved(SaveRequest, SaveOutcome)
    /// What a save would change, line by line, for the officer to confirm.
    case consequences(SaveRequest, [String])
    /// Success carries what the change did, in a sentence.
    case reverted(auditID: Int64, undo: Bool, result: Result<String, RevertFailure>)
    case historyLoaded([HistoryEntry])
    /// An editing key while a form is open.
    case formKey(Key)
    /// An editing key while the go-to box is open.
    case goToKey(Key)
    /// The units whose names hold what was typed in the go-to box.
    case unitsFound(text: String, [UnitCandidate])
    case failed(String)
    /// The newest audit row as the screen's figures were read: what a form opened now is based on.
    case storeMark(Int64)
    /// Another officer saved: everything on screen is read again, in place.
    case storeChanged
    /// A save refused because the record changed since the form opened:
    /// the form is now based on the newest row, so F2 again overwrites on purpose.
    case formRebased(Int64)
}
