import DVKCore

/// A unit put under another parent. The pick list offers only the parents
/// `UnitPlacement` allows, nearest first, with none chosen; saving first
/// shows what follows from the move.
public struct MoveUnitForm: UnitTreeForm {
    var unit: OrgUnit
    /// Every unit, read before the form opens.
    var units: [OrgUnit.ID: OrgUnit] = [:]

    func title(_ t: Texts) -> String { t.pick("Chuyển cấp trên: ", "Move: ") + unit.name }

    func fields(_ c: FormContext) -> [FieldSpec] { fields(c, acrossProvinces: false) }

    func fields(_ c: FormContext, acrossProvinces: Bool) -> [FieldSpec] {
        let p = c.t.pick
        return [FieldSpec(.parent, p("Cấp trên mới", "New parent"), .choice(choices(c, acrossProvinces: acrossProvinces)), required: true, startsUnset: true),
                FieldSpec(.acrossProvinces, p("Cho phép tỉnh khác", "Allow another province"), .toggle)]
    }

    /// Allowed parents except the current one, labelled with their kind and the parent they sit under.
    func choices(_ c: FormContext, acrossProvinces: Bool) -> [Choice] {
        UnitPlacement.moveTargets(for: unit, units: units, on: c.today, acrossProvinces: acrossProvinces)
            .filter { $0.id != unit.parentID }
            .map { Choice(String($0.id), UnitChoiceLabel.of($0, units, c.t)) }
    }

    func fill(_ f: inout FormState, _ c: FormContext) {}

    func changed(_ key: FieldKey, _ f: inout FormState, _ c: FormContext) {
        guard key == .acrossProvinces else { return }
        let chosen = f.choice(.parent)?.value
        f.fields = fields(c, acrossProvinces: f.toggles[.acrossProvinces] ?? false)
        f.picks[.parent] = nil
        f.pick(.parent, chosen)
    }

    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues> {
        guard let id = r.id(.parent), let parent = units[id] else {
            return .failure(FieldIssues([.parent: ValidationIssue(field: "parent", problem: .required)]))
        }
        let problem = UnitPlacement.moveProblem(unit, under: parent, units: units, on: r.context.today, acrossProvinces: r.toggle(.acrossProvinces))
        return r.result(.moveUnit(unit.id, parent: id), problem.map { [ValidationIssue(field: "parent", problem: $0)] } ?? [])
    }
}

/// A form that places a unit among all the others (a move, a merger): every
/// unit is read before it opens, and saving shows the consequence first.
protocol UnitTreeForm: EntryForm {
    var units: [OrgUnit.ID: OrgUnit] { get set }
}

extension UnitTreeForm {
    var recordKey: RecordKey? { .unitTree }
    var confirmsConsequences: Bool { true }

    func with(_ record: StoredRecord?) -> Self {
        var f = self
        if case let .unitTree(list)? = record { f.units = Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        return f
    }
}

/// How a unit reads in a move or merge pick list: enough to tell two
/// communes of the same name apart.
enum UnitChoiceLabel {
    static func of(_ u: OrgUnit, _ units: [OrgUnit.ID: OrgUnit], _ t: Texts) -> String {
        let above = u.parentID.flatMap { units[$0]?.name }
        return u.name + " (" + t.words.kind(of: u) + (above.map { ", " + t.pick("thuộc ", "in ") + $0 } ?? "") + ")"
    }
}
