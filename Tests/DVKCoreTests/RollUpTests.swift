import Testing
@testable import DVKCore

@Suite("Roll-up to ancestors")
struct RollUpTests {
    @Test func districtJudgesTheShareOfCommunesMeetingTheTarget() {
        var f = Fixture(communes: 4)
        for i in 0..<3 { f.addSpreadTen(to: Fixture.commune(i)) }
        f.add(5, to: Fixture.commune(3))
        let d = f.progress()[Fixture.district]!
        let t = d.target(.effectiveModelsPerUnit)
        #expect(t.isShare)
        #expect(t.unitsMeeting == 3 && t.unitsJudged == 4)
        #expect(t.value == 75)
        #expect(t.status == .behind) // 75% < 80% of 100%
        #expect(d.models.effective == 35)
        #expect(d.models.effectiveByField["economy"] == 3 * 3 + 5)
    }

    @Test func provinceCountsAgenciesWithAModel() {
        var f = Fixture()
        f.units.append(OrgUnit(id: 4, name: "Sở Khác", kind: .agency, parentID: Fixture.province))
        f.add(1, to: Fixture.agency, verdict: nil) // in force, not yet evaluated: still maintained
        let p = f.progress()[Fixture.province]!.target(.modelCoverage)
        #expect(p.unitsMeeting == 1 && p.unitsJudged == 2)
        #expect(p.value == 50)
        #expect(p.status == .behind)
        #expect(f.progress()[Fixture.commune(0)]!.target(.modelCoverage).applicable == false)
    }

    @Test func agencyWhoseOnlyModelWasIneffectiveHasNoModel() {
        var f = Fixture()
        f.add(1, to: Fixture.agency, verdict: false)
        #expect(f.progress()[Fixture.agency]!.target(.modelCoverage).value == 0)
    }

    @Test func planCoverageNeedsAdoptedAndDisseminated() {
        var f = Fixture(communes: 2)
        f.plans = [
            PlanAdoption(unitID: Fixture.commune(0), year: 2023, adopted: true, disseminated: true),
            PlanAdoption(unitID: Fixture.commune(1), year: 2023, adopted: true, disseminated: false),
            PlanAdoption(unitID: Fixture.district, year: 2023, adopted: true, disseminated: true),
        ]
        let d = f.progress()[Fixture.district]!.target(.planCoverage)
        #expect(d.unitsMeeting == 2 && d.unitsJudged == 3)
        // The agency sent no plan: counted as not having one.
        let p = f.progress()[Fixture.province]!.target(.planCoverage)
        #expect(p.unitsMeeting == 2 && p.unitsJudged == 4)
    }

    @Test func satisfactionRollsUpWeightedByRespondents() {
        var f = Fixture(communes: 2)
        f.surveys = [
            SatisfactionSurvey(unitID: Fixture.commune(0), year: 2023, permille: 800, respondents: 100),
            SatisfactionSurvey(unitID: Fixture.commune(1), year: 2023, permille: 950, respondents: 300),
        ]
        let d = f.progress()[Fixture.district]!.target(.satisfaction)
        #expect(d.value == 91.25) // (80×100 + 95×300) / 400
        #expect(d.status == .met)
        #expect(!d.unweighted)
        #expect(f.progress()[Fixture.commune(0)]!.target(.satisfaction).status == .atRisk) // 80 ≥ 0.8 × 90
    }

    @Test func satisfactionWithoutRespondentsIsUnweightedAndSaysSo() {
        var f = Fixture(communes: 2)
        f.surveys = [
            SatisfactionSurvey(unitID: Fixture.commune(0), year: 2023, permille: 800, respondents: 100),
            SatisfactionSurvey(unitID: Fixture.commune(1), year: 2023, permille: 950),
        ]
        let d = f.progress()[Fixture.district]!.target(.satisfaction)
        #expect(d.value == 87.5)
        #expect(d.unweighted)
        #expect(d.status == .atRisk)
    }

    @Test func aUnitsOwnPublishedIndexWinsOverItsChildren() {
        var f = Fixture(communes: 1)
        f.surveys = [
            SatisfactionSurvey(unitID: Fixture.commune(0), year: 2023, permille: 700, respondents: 100),
            SatisfactionSurvey(unitID: Fixture.district, year: 2023, permille: 925, respondents: 1000),
        ]
        #expect(f.progress()[Fixture.district]!.target(.satisfaction).value == 92.5)
    }

    @Test func communeMergedMidPhaseRollsIntoItsSuccessor() {
        var f = Fixture(communes: 2)
        let gone = Fixture.commune(0), successor = Fixture.commune(1)
        f.units[3].validTo = Day(year: 2023, month: 12, day: 31)!
        f.units[3].mergedIntoID = successor
        f.add(6, to: gone, year: 2024)
        f.add(4, to: successor, field: "politicalSystem", year: 2024)
        // In 2023 the merged commune still stands on its own.
        let before = f.progress(year: 2023)
        #expect(before[gone] != nil)
        // From 2024 its models count for the successor, and it is no longer listed.
        let after = f.progress(year: 2024)
        #expect(after[gone] == nil)
        #expect(after[successor]!.models.effective == 10)
        #expect(after[Fixture.district]!.target(.effectiveModelsPerUnit).unitsJudged == 1)
        #expect(UnitTree(units: f.units, year: 2024).children[Fixture.district] == [successor])
        // History stays readable: the 2023 tree still has both communes.
        #expect(UnitTree(units: f.units, year: 2023).children[Fixture.district]?.count == 2)
    }

    /// Two communes merged into a third that has no plan of its own: it has
    /// one only when both had theirs, whichever order the facts come in. (The
    /// first predecessor met used to decide: one of the two cases failed.)
    @Test func aSuccessorWithoutItsOwnPlanNeedsEveryMergedPlan() {
        let (a, b, successor) = (Fixture.commune(0), Fixture.commune(1), Fixture.commune(2))
        for (aAdopted, bAdopted, want) in [(true, false, 0.0), (false, true, 0.0), (true, true, 100.0)] {
            var f = Fixture(communes: 3)
            for i in f.units.indices where [a, b].contains(f.units[i].id) {
                f.units[i].validTo = Day(year: 2024, month: 6, day: 30)
                f.units[i].mergedIntoID = successor
            }
            f.plans = [PlanAdoption(unitID: a, year: 2024, adopted: aAdopted, disseminated: true),
                       PlanAdoption(unitID: b, year: 2024, adopted: bAdopted, disseminated: true)]
            #expect(f.progress(year: 2024)[successor]!.target(.planCoverage).value == want)
        }
    }

    @Test func statusThresholdsAndAtRiskRatio() {
        #expect(ProgressStatus.judge(value: 10, threshold: 10, atRiskRatio: 0.8) == .met)
        #expect(ProgressStatus.judge(value: 8, threshold: 10, atRiskRatio: 0.8) == .atRisk)
        #expect(ProgressStatus.judge(value: 7.99, threshold: 10, atRiskRatio: 0.8) == .behind)
        #expect(ProgressStatus.judge(value: nil, threshold: 10, atRiskRatio: 0.8) == .noData)
        #expect(ProgressStatus.judge(value: 9, threshold: 10, atRiskRatio: 0.95) == .behind)
    }

    @Test func targetsAreDataAnotherProvinceSetsOthers() {
        var f = Fixture()
        f.add(6, to: Fixture.commune(0))
        let six = Target(code: "m6", metric: .effectiveModelsPerUnit, threshold: 6, unitKinds: [.commune],
                         phase: PlanPhase(startYear: 2021, endYear: 2025))
        #expect(f.progress(targets: [six])[Fixture.commune(0)]!.target(.effectiveModelsPerUnit).status == .met)
        #expect(f.progress(targets: Target.defaults)[Fixture.commune(0)]!.target(.effectiveModelsPerUnit).status == .behind)
    }

    @Test func yearOutsideThePhaseIsFlagged() {
        let f = Fixture()
        #expect(f.progress(year: 2022)[Fixture.province]!.targets.allSatisfy { !$0.inPhase })
        #expect(f.progress(year: 2023)[Fixture.province]!.targets.allSatisfy { $0.inPhase })
    }
}
