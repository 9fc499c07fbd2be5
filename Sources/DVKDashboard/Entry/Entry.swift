import DVKCore
import TerminalUI

/// Which form an entry key opens, from the screen it is pressed on.
enum Entry {
    static func open(_ a: Action, _ s: inout AppState) -> [Effect] {
        let t = Texts(s.lang)
        guard !s.isReadOnly else {
            s.message = t.readOnly
            return []
        }
        switch a {
        case .addRecord:
            if s.screen == .units, let parent = s.overview?.unit.unit { return FormUpdate.open(.newUnit(parent: parent), &s) }
            return FormUpdate.open(.newModel, &s)
        case .openGrid:
            return GridUpdate.open(&s)
        case .editModel, .evaluate, .recognise, .removeModel, .award:
            guard s.screen == .models, let m = selectedModel(s) else {
                s.message = t.selectModel
                return []
            }
            let kind: FormKind
            switch a {
            case .evaluate: kind = .evaluation(m)
            case .recognise: kind = .recognition(m)
            case .removeModel: kind = .removal(m)
            case .award: kind = .award(m)
            default: kind = .editModel(m)
            }
            return FormUpdate.open(kind, &s)
        case .survey, .plan, .renameUnit, .moveUnit, .mergeUnit:
            guard let u = selectedUnit(s) else {
                s.message = t.selectUnit
                return []
            }
            let kind: FormKind
            switch a {
            case .survey: kind = .survey(u)
            case .plan: kind = .plan(u)
            case .renameUnit: kind = .renameUnit(u)
            case .moveUnit: kind = .moveUnit(u)
            default: kind = .mergeUnit(u)
            }
            return FormUpdate.open(kind, &s)
        case .editTarget:
            guard let target = s.overview?.unit.targets.first?.target else { return [] }
            return FormUpdate.open(.target(target), &s)
        default:
            return []
        }
    }

    static func selectedModel(_ s: AppState) -> Model? {
        guard let page = s.models.page else { return nil }
        let i = s.models.selected - page.query.offset
        return page.rows.indices.contains(i) ? page.rows[i].model : nil
    }

    /// The selected row on the units and satisfaction screens; else the unit on screen.
    static func selectedUnit(_ s: AppState) -> OrgUnit? {
        switch s.screen {
        case .units:
            let kids = s.visibleChildren
            return kids.indices.contains(s.units.selected) ? kids[s.units.selected].unit : s.overview?.unit.unit
        case .satisfaction:
            let rows = s.satisfaction?.rows ?? []
            return rows.indices.contains(s.units.selected) ? rows[s.units.selected].unit : s.overview?.unit.unit
        default:
            return s.overview?.unit.unit
        }
    }
}
