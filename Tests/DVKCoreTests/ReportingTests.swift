import Testing
@testable import DVKCore

/// Tình hình báo cáo: which reports each unit has sent in, rolled up; and a
/// commune with nothing (or nothing evaluated) reads “chưa báo cáo”, not zero.
@Suite struct ReportingTests {
    let commune = Fixture.commune(0)

    @Test func aCommuneWithAPlanButNoModelsIsBehindAtZero() {
        var f = Fixture()
        f.plans.append(PlanAdoption(unitID: commune, year: 2023, adopted: true, disseminated: true))
        let c = f.progress()[commune]!
        let p = c.target(.effectiveModelsPerUnit)
        // It reported, and has no model: that is a zero, and it is behind.
        #expect(p.value == 0)
        #expect(p.status == .behind)
        #expect(p.fieldsShort.count == 4)
        #expect(!c.own.isSilent)
        #expect(c.own.planned && !c.own.surveyed)
        #expect(!c.own.isComplete)
    }

    @Test func modelsAllAwaitingTheirEvaluationAreNotReportedYet() {
        var f = Fixture()
        f.add(12, to: commune, verdict: nil)
        f.surveys.append(SatisfactionSurvey(unitID: commune, year: 2023, permille: 930))
        let c = f.progress()[commune]!
        #expect(c.target(.effectiveModelsPerUnit).status == .noData)
        #expect(c.overallStatus == .noData)
        #expect(c.own.pending == 12)
        #expect(!c.own.modelsDone)
        #expect(!c.own.isSilent)
    }

    @Test func everyReportInMakesTheCommuneComplete() {
        var f = Fixture()
        f.addSpreadTen(to: commune)
        f.plans.append(PlanAdoption(unitID: commune, year: 2023, adopted: true, disseminated: true))
        f.surveys.append(SatisfactionSurvey(unitID: commune, year: 2023, permille: 930))
        let c = f.progress()[commune]!
        #expect(c.own.isComplete)
        #expect(c.reporting.complete == 1 && c.reporting.expected == 1)
        #expect(c.target(.effectiveModelsPerUnit).status == .met)
    }

    @Test func aParentCountsItsUnitsThatReported() {
        var f = Fixture()
        f.addSpreadTen(to: Fixture.commune(0))
        f.plans.append(PlanAdoption(unitID: Fixture.commune(0), year: 2023, adopted: true, disseminated: true))
        f.surveys.append(SatisfactionSurvey(unitID: Fixture.commune(0), year: 2023, permille: 930))
        f.add(3, to: Fixture.commune(1), verdict: nil)
        let district = f.progress()[Fixture.district]!
        let r = district.reporting
        #expect(r.expected >= 2)
        #expect(r.complete >= 1)
        // Commune 1 sent models in, so it is not silent; its evaluations are missing.
        #expect(r.modelsDone < r.modelsExpected)
        #expect(r.silent == r.expected - r.reporting)
        // The district's share still counts every commune: one that sent nothing does not meet the target.
        let share = district.target(.effectiveModelsPerUnit)
        #expect(share.isShare)
        #expect(share.unitsMeeting == 1)
    }
}
