import DVKCore
import TerminalUI

/// Opening forms: which form an entry key means for a unit or a model, and
/// reading the record a form would replace before it opens.
enum Entry {
    static func unitRequest(_ a: Action, _ u: OrgUnit) -> Step {
        switch a {
        case .openGrid: return .request(.openGrid(u))
        case .renameUnit: return .request(.open(FormKind(RenameUnitForm(unit: u))))
        case .moveUnit: return .request(.open(FormKind(MoveUnitForm(unit: u))))
        case .mergeUnit: return .request(.open(FormKind(MergeUnitForm(unit: u))))
        case .survey, .plan:
            // The year is filled in when the app opens it (`prepare`).
            return .request(.open(a == .survey ? FormKind(SurveyForm(unit: u, year: 0)) : FormKind(PlanForm(unit: u, year: 0))))
        default: return Step()
        }
    }

    /// Nộp and duyệt save at once; mở khóa asks for its reason first.
    static func approvalRequest(_ a: Action, _ u: OrgUnit, year: Int) -> Step {
        switch a {
        case .submitYear: return .request(.save(.approval(.submit, unit: u.id, year: year, reason: "")))
        case .approveYear: return .request(.save(.approval(.approve, unit: u.id, year: year, reason: "")))
        case .unlockYear: return .request(.open(FormKind(UnlockForm(unit: u, year: year))))
        default: return Step()
        }
    }

    static func modelForm(_ a: Action, _ m: Model) -> FormKind {
        switch a {
        case .evaluate: return FormKind(EvaluationForm(model: m))
        case .recognise: return FormKind(RecognitionForm(model: m))
        case .removeModel: return FormKind(RemovalForm(model: m))
        case .award: return FormKind(AwardForm(model: m))
        default: return FormKind(ModelForm(editing: m))
        }
    }

    /// Opens `kind` at once, or after the store said what it would replace.
    static func prepare(_ kind: FormKind, _ s: inout AppState) -> [Effect] {
        if let why = s.entryRefusal {
            s.notice = .info(why)
            return []
        }
        let kind = FormKind(kind.form.placed(s))
        if kind.form.recordKey != nil { return [.prepareForm(kind)] }
        return FormUpdate.open(kind, &s)
    }
}
