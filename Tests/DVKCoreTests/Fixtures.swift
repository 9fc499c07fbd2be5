@testable import DVKCore

/// A tiny province built in code: one district with communes, one agency.
struct Fixture {
    var units: [OrgUnit] = []
    var models: [Model] = []
    var evaluations: [Evaluation] = []
    var surveys: [SatisfactionSurvey] = []
    var plans: [PlanAdoption] = []
    private var nextModel: Model.ID = 1

    static let province: OrgUnit.ID = 1
    static let district: OrgUnit.ID = 2
    static let agency: OrgUnit.ID = 3

    init(communes: Int = 2) {
        units = [
            OrgUnit(id: Fixture.province, name: "Tỉnh Thử", kind: .province),
            OrgUnit(id: Fixture.district, name: "Huyện Thử", kind: .district, parentID: Fixture.province),
            OrgUnit(id: Fixture.agency, name: "Sở Thử", kind: .agency, parentID: Fixture.province),
        ]
        for i in 0..<communes {
            units.append(OrgUnit(id: Fixture.commune(i), name: "Xã \(i)", kind: .commune, parentID: Fixture.district))
        }
    }

    static func commune(_ i: Int) -> OrgUnit.ID { 100 + Int64(i) }

    /// Adds `count` collective models launched in `launched` with a verdict for `year` (nil: pending).
    @discardableResult
    mutating func add(_ count: Int, to unit: OrgUnit.ID, field: String = "economy", kind: ModelKind = .collective,
                      launched: Day = Day(year: 2023, month: 3, day: 1)!, removed: Day? = nil,
                      verdict: Bool? = true, year: Int = 2023) -> [Model.ID] {
        var ids: [Model.ID] = []
        for _ in 0..<count {
            let id = nextModel
            nextModel += 1
            models.append(Model(id: id, unitID: unit, kind: kind, title: "Mô hình \(id)", fieldCode: field,
                                launchedOn: launched, removedOn: removed, removalReason: removed == nil ? nil : "Hình thức"))
            if let verdict { evaluations.append(Evaluation(modelID: id, year: year, effective: verdict)) }
            ids.append(id)
        }
        return ids
    }

    /// Ten effective models spread over the four fields (3/3/2/2).
    mutating func addSpreadTen(to unit: OrgUnit.ID, year: Int = 2023) {
        add(3, to: unit, field: "economy", year: year)
        add(3, to: unit, field: "cultureSociety", year: year)
        add(2, to: unit, field: "defenceSecurity", year: year)
        add(2, to: unit, field: "politicalSystem", year: year)
    }

    func facts(year: Int) -> [OrgUnit.ID: UnitYearFacts] {
        var out: [OrgUnit.ID: UnitYearFacts] = [:]
        for (unit, counts) in CountingRules.counts(models: models, evaluations: evaluations, year: year) {
            out[unit, default: UnitYearFacts()].models = counts
        }
        for s in surveys where s.year == year { out[s.unitID, default: UnitYearFacts()].survey = s }
        for p in plans where p.year == year { out[p.unitID, default: UnitYearFacts()].plan = p }
        return out
    }

    func progress(year: Int = 2023, targets: [Target] = Target.defaults) -> [OrgUnit.ID: UnitProgress] {
        ProgressCalculator(tree: UnitTree(units: units, year: year), targets: targets, fields: Field.standard,
                           facts: facts(year: year)).computeAll()
    }
}

extension UnitProgress {
    func target(_ metric: TargetMetric) -> TargetProgress { progress(for: metric)! }
}
