import Testing
@testable import DVKCore

@Suite("Counting rules at their edges")
struct CountingRulesTests {
    let commune = Fixture.commune(0)

    @Test func exactlyTenSpreadModelsMeetTheTarget() {
        var f = Fixture()
        f.addSpreadTen(to: commune)
        let p = f.progress()[commune]!.target(.effectiveModelsPerUnit)
        #expect(p.value == 10)
        #expect(p.status == .met)
        #expect(p.fieldsShort.isEmpty)
    }

    @Test func nineEffectiveAndThreePendingIsAtRiskNotMet() {
        var f = Fixture()
        f.add(3, to: commune, field: "economy")
        f.add(2, to: commune, field: "cultureSociety")
        f.add(2, to: commune, field: "defenceSecurity")
        f.add(2, to: commune, field: "politicalSystem")
        f.add(3, to: commune, field: "economy", verdict: nil)
        let u = f.progress()[commune]!
        #expect(u.models.effective == 9)
        #expect(u.models.pending == 3)
        #expect(u.models.inForce == 12)
        #expect(u.target(.effectiveModelsPerUnit).value == 9)
        #expect(u.target(.effectiveModelsPerUnit).status == .atRisk)
    }

    @Test func modelRemovedDuringTheYearCountsOnlyForEarlierYears() {
        var f = Fixture()
        let id = f.add(1, to: commune, launched: Day(year: 2022, month: 2, day: 1)!,
                       removed: Day(year: 2023, month: 6, day: 30)!, year: 2022)[0]
        f.evaluations.append(Evaluation(modelID: id, year: 2023, effective: true))
        #expect(CountingRules.counts(models: f.models, evaluations: f.evaluations, year: 2022)[commune]?.effective == 1)
        #expect(CountingRules.counts(models: f.models, evaluations: f.evaluations, year: 2023)[commune] == nil)
    }

    @Test func modelRemovedOnNewYearsEveDoesNotCountThatYear() {
        var f = Fixture()
        f.add(1, to: commune, launched: Day(year: 2023, month: 1, day: 5)!, removed: Day(year: 2023, month: 12, day: 31)!)
        #expect(CountingRules.counts(models: f.models, evaluations: f.evaluations, year: 2023)[commune] == nil)
    }

    @Test func modelLaunchedInDecemberCountsForThatYear() {
        var f = Fixture()
        f.add(1, to: commune, launched: Day(year: 2023, month: 12, day: 15)!, verdict: nil)
        f.add(1, to: commune, launched: Day(year: 2023, month: 12, day: 31)!)
        let c = CountingRules.counts(models: f.models, evaluations: f.evaluations, year: 2023)[commune]!
        #expect(c.pending == 1)
        #expect(c.effective == 1)
        #expect(CountingRules.counts(models: f.models, evaluations: f.evaluations, year: 2022)[commune] == nil)
    }

    @Test func registeredButNeverLaunchedCountsForNothing() {
        var f = Fixture()
        f.models.append(Model(id: 99, unitID: commune, title: "Mới đăng ký", fieldCode: "economy",
                              registeredOn: Day(year: 2023, month: 1, day: 1)!))
        f.evaluations.append(Evaluation(modelID: 99, year: 2023, effective: true))
        #expect(CountingRules.counts(models: f.models, evaluations: f.evaluations, year: 2023).isEmpty)
    }

    @Test func individualExemplarsAreCountedApart() {
        var f = Fixture()
        f.add(2, to: commune, kind: .individual)
        f.add(1, to: commune, kind: .individual, verdict: false)
        let c = CountingRules.counts(models: f.models, evaluations: f.evaluations, year: 2023)[commune]!
        #expect(c.effectiveIndividuals == 2)
        #expect(c.effective == 0)
        #expect(c.inForce == 0)
    }

    @Test func ineffectiveModelsAreInForceButNotEffective() {
        var f = Fixture()
        f.add(2, to: commune, verdict: false)
        let c = CountingRules.counts(models: f.models, evaluations: f.evaluations, year: 2023)[commune]!
        #expect(c.ineffective == 2)
        #expect(c.inForce == 2)
        #expect(c.maintained == 0)
    }

    @Test func aFieldWithNoneMakesTenModelsAtRisk() {
        var f = Fixture()
        f.add(4, to: commune, field: "economy")
        f.add(4, to: commune, field: "cultureSociety")
        f.add(4, to: commune, field: "politicalSystem")
        let p = f.progress()[commune]!.target(.effectiveModelsPerUnit)
        #expect(p.value == 12)
        #expect(p.status == .atRisk)
        #expect(p.fieldsShort == ["defenceSecurity"])
    }

    /// A commune that sent nothing in is “chưa báo cáo”, not “0/10”:
    /// no count to judge, and its reports are all missing.
    @Test func aCommuneThatSentNothingIsNotReportedRatherThanZero() {
        let f = Fixture()
        let c = f.progress()[commune]!
        let p = c.target(.effectiveModelsPerUnit)
        #expect(p.value == nil)
        #expect(p.status == .noData)
        #expect(c.overallStatus == .noData)
        #expect(c.own.isSilent)
        #expect(c.reporting.silent == 1)
        #expect(c.reporting.complete == 0)
    }
}
