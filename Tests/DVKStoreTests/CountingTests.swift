import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// The SQL counts (`facts(year:)`, from `unit_year_count` or live) equal the
/// domain's `CountingRules` on the same models and evaluations.
@Suite struct CountingTests {
    /// A small data set covering the counting edges, built with the named writes.
    struct EdgeSet {
        let db: AppDatabase
        let communeA: OrgUnit.ID    // exactly 10 effective in 2023; no defence–security model
        let communeB: OrgUnit.ID    // 9 effective + 3 pending + 1 ineffective in 2023
        let agency: OrgUnit.ID      // individual exemplars and an ineffective collective
        let emptyCommune: OrgUnit.ID
        let aModels: [Model.ID]
        let bEffective: [Model.ID]
        let removedInYear: Model.ID
        let launchedInDecember: Model.ID
        let neverLaunched: Model.ID
    }

    static func buildEdgeSet() throws -> EdgeSet {
        let db = try AppDatabase.inMemory(officer: "kiểm thử đếm")
        let province = try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province)).value
        let district = try db.addUnit(OrgUnit(id: 0, name: "Huyện Thử", kind: .district, parentID: province)).value
        let a = try db.addUnit(OrgUnit(id: 0, name: "Xã An", kind: .commune, parentID: district)).value
        let b = try db.addUnit(OrgUnit(id: 0, name: "Xã Bình", kind: .commune, parentID: district)).value
        let empty = try db.addUnit(OrgUnit(id: 0, name: "Xã Cường", kind: .commune, parentID: district)).value
        let agency = try db.addUnit(OrgUnit(id: 0, name: "Sở Tư pháp", kind: .agency, parentID: province)).value
        let day = Fixture.day

        func add(_ unit: OrgUnit.ID, _ field: String, kind: ModelKind = .collective, registered: String? = nil,
                 launched: String?, title: String = "Mô hình") throws -> Model.ID {
            try db.addModel(Model(id: 0, unitID: unit, kind: kind, title: title, fieldCode: field,
                                  registeredOn: registered.map(day), launchedOn: launched.map(day))).value
        }
        func evaluate(_ id: Model.ID, _ year: Int, _ effective: Bool) throws {
            try db.recordEvaluation(Evaluation(modelID: id, year: year, effective: effective))
        }

        // Commune A: exactly 10 effective in 2023 (3 economy, 3 culture, 4 political system,
        // none in defence–security), launched 2022, all effective in 2022 and 2023.
        let aFields = ["economy", "economy", "economy", "cultureSociety", "cultureSociety", "cultureSociety",
                       "politicalSystem", "politicalSystem", "politicalSystem", "politicalSystem"]
        var aModels: [Model.ID] = []
        for (i, f) in aFields.enumerated() {
            let id = try add(a, f, registered: "10/01/2022", launched: "01/03/2022", title: "Mô hình An \(i + 1)")
            try evaluate(id, 2022, true)
            try evaluate(id, 2023, true)
            aModels.append(id)
        }

        // Commune B: 9 effective in 2023 over all four fields, launched 2021.
        let bFields = ["economy", "economy", "cultureSociety", "cultureSociety", "defenceSecurity",
                       "defenceSecurity", "politicalSystem", "politicalSystem", "politicalSystem"]
        var bEffective: [Model.ID] = []
        for (i, f) in bFields.enumerated() {
            let id = try add(b, f, launched: "05/05/2021", title: "Mô hình Bình \(i + 1)")
            try evaluate(id, 2023, true)
            bEffective.append(id)
        }
        // ... 3 pending in 2023: two launched 2022 with no 2023 verdict, one launched 15/12/2023.
        let p1 = try add(b, "economy", launched: "01/02/2022", title: "Chờ đánh giá 1")
        try evaluate(p1, 2022, true)
        _ = try add(b, "cultureSociety", launched: "20/08/2022", title: "Chờ đánh giá 2")
        let december = try add(b, "defenceSecurity", registered: "01/11/2023", launched: "15/12/2023", title: "Ra mắt tháng 12")
        // ... 1 ineffective in 2023.
        let bad = try add(b, "politicalSystem", launched: "01/01/2022", title: "Chưa hiệu quả")
        try evaluate(bad, 2022, true)
        try evaluate(bad, 2023, false)
        // ... removed during 2023: counts for 2021 (pending) and 2022 (effective), not 2023.
        let removed = try add(b, "economy", launched: "01/02/2021", title: "Bị loại bỏ")
        try evaluate(removed, 2022, true)
        try db.removeModel(removed, on: day("30/06/2023"), reason: "Hình thức, không duy trì")
        // ... registered, never launched: counts for nothing.
        let never = try add(b, "cultureSociety", registered: "01/03/2023", launched: nil, title: "Chỉ đăng ký")
        try evaluate(never, 2023, true)

        // Agency: an effective individual exemplar, one never evaluated, an ineffective collective.
        let star = try add(agency, "politicalSystem", kind: .individual, launched: "01/04/2022", title: "Điển hình")
        try evaluate(star, 2023, true)
        let star2 = try add(agency, "economy", kind: .individual, launched: "01/04/2022", title: "Điển hình 2")
        try evaluate(star2, 2022, false)
        let weak = try add(agency, "politicalSystem", launched: "01/04/2022", title: "Một cửa")
        try evaluate(weak, 2023, false)

        return EdgeSet(db: db, communeA: a, communeB: b, agency: agency, emptyCommune: empty, aModels: aModels,
                       bEffective: bEffective, removedInYear: removed, launchedInDecember: december, neverLaunched: never)
    }

    private func expectMatchesReference(_ db: AppDatabase, years: [Int], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for year in years {
            let store = try Fixture.storeCounts(db, year: year)
            let reference = try Fixture.referenceCounts(db, year: year)
            #expect(store == reference, "year \(year)", sourceLocation: sourceLocation)
        }
    }

    @Test func edgeSetMatchesTheReferenceInsideAndOutsideTheStoredYears() throws {
        let s = try Self.buildEdgeSet()
        let stored = try #require(try Fixture.storedYears(s.db))
        // From the first launch (2021) to at least next year and the target phase end.
        #expect(stored.lowerBound == 2021)
        #expect(stored.upperBound >= max(2025, AppDatabase.today().year + 1))
        let outside = [2015, 2020, stored.upperBound + 1, stored.upperBound + 5]
        try expectMatchesReference(s.db, years: Array(stored) + outside)

        // The reference itself says what the edges should give.
        let c2023 = try s.db.facts(year: 2023).mapValues(\.models)
        #expect(c2023[s.communeA] == ModelCounts(inForce: 10, effective: 10, pending: 0, ineffective: 0,
                                                 effectiveByField: ["economy": 3, "cultureSociety": 3, "politicalSystem": 4],
                                                 effectiveIndividuals: 0))
        #expect(c2023[s.communeA]?.effectiveByField["defenceSecurity"] == nil)
        #expect(c2023[s.communeB] == ModelCounts(inForce: 13, effective: 9, pending: 3, ineffective: 1,
                                                 effectiveByField: ["economy": 2, "cultureSociety": 2, "defenceSecurity": 2, "politicalSystem": 3],
                                                 effectiveIndividuals: 0))
        #expect(c2023[s.agency] == ModelCounts(inForce: 1, effective: 0, pending: 0, ineffective: 1,
                                               effectiveByField: [:], effectiveIndividuals: 1))
        #expect(c2023[s.emptyCommune] == nil)

        // The removed model still counts for 2022 (effective) and 2021 (pending); December's only from 2023.
        let c2022 = try s.db.facts(year: 2022).mapValues(\.models)
        #expect(c2022[s.communeB]?.inForce == 9 + 1 + 1 + 1 + 1) // 9 from 2021, p1, p2, bad, removed
        #expect(c2022[s.communeB]?.effective == 3)                 // p1, bad, removed
        #expect(c2022[s.communeB]?.effectiveByField == ["economy": 2, "politicalSystem": 1])
        let c2021 = try s.db.facts(year: 2021).mapValues(\.models)
        #expect(c2021[s.communeB] == ModelCounts(inForce: 10, effective: 0, pending: 10, ineffective: 0,
                                                 effectiveByField: [:], effectiveIndividuals: 0))
        #expect(c2021[s.communeA] == nil)

        // Live path (a year past the stored range): everything in force, nothing evaluated.
        let live = try s.db.facts(year: stored.upperBound + 5).mapValues(\.models)
        #expect(live[s.communeA]?.pending == 10)
        #expect(live[s.communeB]?.inForce == 13)
        #expect(live[s.communeB]?.pending == 13)
    }

    @Test func movingAModelAndFlippingAnEvaluationChangeTheFactsAtOnce() throws {
        let s = try Self.buildEdgeSet()
        let stored = try #require(try Fixture.storedYears(s.db))
        let years = Array(stored) + [stored.upperBound + 3]

        // Move one of B's effective economy models to A.
        var moved = try #require(try s.db.model(id: s.bEffective[0]))
        #expect(moved.fieldCode == "economy")
        moved.unitID = s.communeA
        try s.db.updateModel(moved)
        var c = try s.db.facts(year: 2023).mapValues(\.models)
        #expect(c[s.communeA]?.effective == 11)
        #expect(c[s.communeA]?.effectiveByField["economy"] == 4)
        #expect(c[s.communeB]?.effective == 8)
        #expect(c[s.communeB]?.effectiveByField["economy"] == 1)
        #expect(c[s.communeB]?.inForce == 12)
        #expect(try s.db.facts(year: 2021).mapValues(\.models)[s.communeA]?.pending == 1)
        try expectMatchesReference(s.db, years: years)

        // Flip one of A's 2023 verdicts to ineffective.
        try s.db.recordEvaluation(Evaluation(modelID: s.aModels[9], year: 2023, effective: false))
        c = try s.db.facts(year: 2023).mapValues(\.models)
        #expect(c[s.communeA]?.effective == 10)
        #expect(c[s.communeA]?.ineffective == 1)
        #expect(c[s.communeA]?.effectiveByField["politicalSystem"] == 3)
        try expectMatchesReference(s.db, years: years)

        // ... and a pending one to effective.
        try s.db.recordEvaluation(Evaluation(modelID: s.launchedInDecember, year: 2023, effective: true))
        c = try s.db.facts(year: 2023).mapValues(\.models)
        #expect(c[s.communeB]?.pending == 2)
        #expect(c[s.communeB]?.effective == 9)
        #expect(c[s.communeB]?.effectiveByField["defenceSecurity"] == 3)
        try expectMatchesReference(s.db, years: years)

        // Launching the registered model counts it from its launch year.
        var launched = try #require(try s.db.model(id: s.neverLaunched))
        launched.launchedOn = Fixture.day("01/09/2023")
        try s.db.updateModel(launched)
        c = try s.db.facts(year: 2023).mapValues(\.models)
        #expect(c[s.communeB]?.effective == 10) // its 2023 verdict was recorded earlier
        try expectMatchesReference(s.db, years: years)

        // A launch earlier than every stored year widens the stored range.
        let early = try s.db.addModel(Model(id: 0, unitID: s.emptyCommune, title: "Mô hình sớm", fieldCode: "economy",
                                            launchedOn: Fixture.day("01/06/2018"))).value
        try s.db.recordEvaluation(Evaluation(modelID: early, year: 2019, effective: true))
        #expect(try Fixture.storedYears(s.db)?.lowerBound == 2018)
        #expect(try s.db.facts(year: 2019).mapValues(\.models)[s.emptyCommune]?.effective == 1)
        try expectMatchesReference(s.db, years: Array(2016...(stored.upperBound + 3)))

        // Removing a model takes it out of its removal year at once.
        try s.db.removeModel(s.aModels[0], on: Fixture.day("31/12/2023"), reason: "Không còn hoạt động")
        c = try s.db.facts(year: 2023).mapValues(\.models)
        #expect(c[s.communeA]?.inForce == 10)
        #expect(c[s.communeA]?.effectiveByField["economy"] == 3)
        #expect(try s.db.facts(year: 2022).mapValues(\.models)[s.communeA]?.effective == 10)
        try expectMatchesReference(s.db, years: Array(2016...(stored.upperBound + 3)))
    }

    @Test func demoSeedsMatchTheReferenceEveryYear() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importFolder(Fixture.seedsFolder)
        let stored = try #require(try Fixture.storedYears(db))
        for year in 2020...2026 {
            let store = try Fixture.storeCounts(db, year: year)
            let reference = try Fixture.referenceCounts(db, year: year)
            #expect(store == reference, "year \(year) (stored: \(stored.contains(year)))")
        }
        #expect(try Fixture.storeCounts(db, year: 2023).values.reduce(0) { $0 + $1.effective } > 0)
        // Outside the stored range the live query must agree too.
        for year in [stored.lowerBound - 1, stored.upperBound + 1, stored.upperBound + 4] {
            #expect(try Fixture.storeCounts(db, year: year) == Fixture.referenceCounts(db, year: year), "live year \(year)")
        }
    }
}
