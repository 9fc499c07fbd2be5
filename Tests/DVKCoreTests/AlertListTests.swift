import Testing
@testable import DVKCore

/// `AlertList.build`: every unit behind or at risk, once, with its reasons, worst first.
@Suite struct AlertListTests {
    /// A commune that meets every target: ten spread models, a plan, 95%.
    private static func fine(_ f: inout Fixture, _ unit: OrgUnit.ID) {
        f.addSpreadTen(to: unit)
        f.plans.append(PlanAdoption(unitID: unit, year: 2023, adopted: true, disseminated: true))
        f.surveys.append(SatisfactionSurvey(unitID: unit, year: 2023, permille: 950))
    }

    /// Ten communes: three fine, seven behind or at risk in seven different ways.
    /// The district and the agency have a plan; the agency has one model.
    private static func tenCommunes() -> Fixture {
        var f = Fixture(communes: 10)
        for u in [Fixture.district, Fixture.agency] {
            f.plans.append(PlanAdoption(unitID: u, year: 2023, adopted: true, disseminated: true))
        }
        f.add(1, to: Fixture.agency)
        for i in 0..<10 { fine(&f, Fixture.commune(i)) }
        // Xã 0..2 stay fine. Xã 3: 7 effective (3 ineffective instead of the last three).
        f.models.removeAll { $0.unitID == Fixture.commune(3) && $0.fieldCode == "politicalSystem" }
        f.evaluations.removeAll { e in !f.models.contains { $0.id == e.modelID } }
        f.add(1, to: Fixture.commune(3), field: "politicalSystem", verdict: false)
        // Xã 4: 9 effective.
        dropOne(&f, Fixture.commune(4), field: "economy")
        // Xã 5: enough models, none in defence and security (12 = 5 + 4 + 0 + 3).
        f.models.removeAll { $0.unitID == Fixture.commune(5) }
        f.add(5, to: Fixture.commune(5), field: "economy")
        f.add(4, to: Fixture.commune(5), field: "cultureSociety")
        f.add(3, to: Fixture.commune(5), field: "politicalSystem")
        // Xã 6: no plan.
        f.plans.removeAll { $0.unitID == Fixture.commune(6) }
        // Xã 7: satisfaction 85%.
        f.surveys.removeAll { $0.unitID == Fixture.commune(7) }
        f.surveys.append(SatisfactionSurvey(unitID: Fixture.commune(7), year: 2023, permille: 850))
        // Xã 8: plan adopted but not disseminated, and 9 effective.
        f.plans.removeAll { $0.unitID == Fixture.commune(8) }
        f.plans.append(PlanAdoption(unitID: Fixture.commune(8), year: 2023, adopted: true, disseminated: false))
        dropOne(&f, Fixture.commune(8), field: "cultureSociety")
        // Xã 9: nothing at all.
        f.models.removeAll { $0.unitID == Fixture.commune(9) }
        f.evaluations.removeAll { e in !f.models.contains { $0.id == e.modelID } }
        return f
    }

    private static func dropOne(_ f: inout Fixture, _ unit: OrgUnit.ID, field: String) {
        guard let m = f.models.last(where: { $0.unitID == unit && $0.fieldCode == field }) else { return }
        f.models.removeAll { $0.id == m.id }
        f.evaluations.removeAll { $0.modelID == m.id }
    }

    private static func names(_ p: [OrgUnit.ID: UnitProgress]) -> [OrgUnit.ID: String] { p.mapValues(\.unit.name) }

    private static func build(_ p: [OrgUnit.ID: UnitProgress], mismatches: [FigureMismatch] = []) -> [Alert] {
        AlertList.build(p, excluding: Fixture.province, mismatches: mismatches, names: names(p))
    }

    private static func failing(_ p: [OrgUnit.ID: UnitProgress], excluding: OrgUnit.ID = Fixture.province) -> Set<OrgUnit.ID> {
        Set(p.values.filter { ($0.overallStatus == .behind || $0.overallStatus == .atRisk) && $0.unit.id != excluding }.map(\.unit.id))
    }

    @Test func everyFailingUnitIsListedOnceWithNoCap() {
        let p = Self.tenCommunes().progress()
        let alerts = Self.build(p)
        let communes = Set((3..<10).map(Fixture.commune))
        // Seven communes, and the district above them (9/11 have a plan, 5/10 communes meet the models target).
        #expect(Self.failing(p) == communes.union([Fixture.district]))
        #expect(alerts.count == 8)
        #expect(Set(alerts.compactMap { $0.unit?.id }) == Self.failing(p))
        #expect(alerts.filter { $0.unit?.kind == .commune }.count == 7)
        // The status shown is the unit's own overall status.
        for a in alerts { #expect(a.status == p[a.unit!.id]!.overallStatus) }
        // Looking at the district: its seven communes, itself left out.
        let fromDistrict = AlertList.build(p, excluding: Fixture.district, mismatches: [], names: Self.names(p))
            .filter { $0.unit?.kind == .commune }
        #expect(fromDistrict.count == 7)
    }

    @Test func moreThanFiveOfOneKindAreAllListed() {
        var f = Fixture(communes: 12)
        for i in 0..<12 {
            f.add(i % 4 + 3, to: Fixture.commune(i))  // 3…6 effective, all in one field
            f.plans.append(PlanAdoption(unitID: Fixture.commune(i), year: 2023, adopted: true, disseminated: true))
        }
        let p = f.progress()
        let alerts = Self.build(p).filter { $0.unit?.kind == .commune }
        #expect(alerts.count == 12)
        #expect(alerts.allSatisfy { $0.text(.vi).contains("/10 mô hình hiệu quả") })
    }

    @Test func aFieldShortfallSaysTheField() throws {
        let p = Self.tenCommunes().progress()
        let a = try #require(Self.build(p).first { $0.unit?.id == Fixture.commune(5) })
        #expect(a.status == .atRisk)
        #expect(a.reasons == [.fieldsShort([Alert.FieldCount(field: Field.standard[2], effective: 0)], minimum: 2)])
        #expect(a.text(.vi) == "Xã 5: lĩnh vực Quốc phòng – an ninh 0/2 mô hình (tối thiểu)")
        #expect(a.text(.en) == "Xã 5: field Defence and security 0/2 models (minimum)")
        // Not “12/10 mô hình hiệu quả”: the count is met, the spread is not.
        #expect(!a.text(.vi).contains("12/10"))
    }

    @Test func aCommuneBelowTheCountAndTheSpreadSaysBoth() throws {
        let p = Self.tenCommunes().progress()
        let a = try #require(Self.build(p).first { $0.unit?.id == Fixture.commune(3) })
        #expect(a.status == .atRisk)
        #expect(a.text(.vi) == "Xã 3: 8/10 mô hình hiệu quả; lĩnh vực Xây dựng hệ thống chính trị 0/2 mô hình (tối thiểu)")
        #expect(a.text(.en) == "Xã 3: 8/10 effective models; field Building the political system 0/2 models (minimum)")
        let empty = try #require(Self.build(p).first { $0.unit?.id == Fixture.commune(9) })
        // No model at all: every field is short, and the count says so alone.
        #expect(empty.text(.vi) == "Xã 9: 0/10 mô hình hiệu quả")
    }

    @Test func aMissingPlanSaysSo() throws {
        let alerts = Self.build(Self.tenCommunes().progress())
        let a = try #require(alerts.first { $0.unit?.id == Fixture.commune(6) })
        #expect(a.status == .behind)
        #expect(a.reasons == [.noPlan(year: 2023)])
        #expect(a.text(.vi) == "Xã 6: chưa có kế hoạch năm 2023")
        #expect(a.text(.en) == "Xã 6: no plan for 2023")
        // A plan adopted but not disseminated does not meet the target either, and says which step is missing; every reason is given.
        let b = try #require(alerts.first { $0.unit?.id == Fixture.commune(8) })
        #expect(b.text(.vi) == "Xã 8: kế hoạch năm 2023 chưa được phổ biến; 9/10 mô hình hiệu quả")
        #expect(b.reasons.first == .planNotInForce(year: 2023, adopted: true))
    }

    @Test func satisfactionAgencyAndTheUnitAbove() throws {
        var f = Self.tenCommunes()
        f.models.removeAll { $0.unitID == Fixture.agency }
        let p = f.progress()
        let alerts = Self.build(p)
        let sat = try #require(alerts.first { $0.unit?.id == Fixture.commune(7) })
        #expect(sat.text(.vi) == "Xã 7: hài lòng 85% < 90%")
        #expect(sat.status == .atRisk)
        let agency = try #require(alerts.first { $0.unit?.id == Fixture.agency })
        #expect(agency.text(.vi) == "Sở Thử: chưa có mô hình")
        #expect(agency.text(.en) == "Sở Thử: no model")
        let district = try #require(alerts.first { $0.unit?.id == Fixture.district })
        #expect(district.text(.vi) == "Huyện Thử: 9/11 đơn vị có kế hoạch năm 2023; 5/10 đơn vị đạt chỉ tiêu mô hình hiệu quả")
        #expect(district.unit?.kind == .district)
    }

    @Test func worstFirstAndStable() {
        var f = Self.tenCommunes()
        f.models.removeAll { $0.unitID == Fixture.agency }
        let p = f.progress()
        let ys = YenBaiMismatch.mismatch
        let alerts = Self.build(p, mismatches: [ys])
        // Behind before at risk; mismatches (judged behind) between them.
        let ranks = alerts.map(\.status)
        #expect(ranks == ranks.sorted())
        let firstAtRisk = alerts.firstIndex { $0.status == .atRisk }!
        #expect(alerts[firstAtRisk - 1].reasons == [.mismatch(ys)])
        // Within a status, the furthest from the target first.
        for status in [ProgressStatus.behind, .atRisk] {
            let s = alerts.filter { $0.status == status }.map(\.severity)
            #expect(s == s.sorted())
        }
        let order = alerts.map { $0.unit?.name ?? $0.unitName }
        // Equal severity (nothing done): places before organisations, then id.
        #expect(order == ["Xã 6", "Xã 8", "Xã 9", "Sở Thử", "Huyện Thử", "?", "Xã 3", "Xã 5", "Xã 4", "Xã 7"])
        // The same data gives the same list, however the dictionary was filled.
        for seed in 1...5 {
            var rng = SeededRandom(seed: UInt64(seed))
            var shuffled: [OrgUnit.ID: UnitProgress] = [:]
            for (k, v) in p.shuffled(using: &rng) { shuffled[k] = v }
            #expect(Self.build(shuffled, mismatches: [ys]) == alerts)
        }
    }

    @Test func equalSeverityGoesByKindThenId() {
        var f = Fixture(communes: 0)
        // Nothing done anywhere (no model), ids not in name order; agencies as far behind as the communes.
        let names = ["Xã Ấp Bắc", "Xã Đá Bạc", "Xã An Lạc"]
        for (i, n) in names.enumerated() {
            f.units.append(OrgUnit(id: Fixture.commune(2 - i), name: n, kind: .commune, parentID: Fixture.district))
            f.plans.append(PlanAdoption(unitID: Fixture.commune(2 - i), year: 2023, adopted: true, disseminated: true))
        }
        f.units.append(OrgUnit(id: 4, name: "Sở Bốn", kind: .agency, parentID: Fixture.province))
        f.plans.append(PlanAdoption(unitID: 4, year: 2023, adopted: true, disseminated: true))
        let alerts = Self.build(f.progress()).filter { $0.unit?.kind != .district }
        #expect(alerts.allSatisfy { $0.severity == 0 && $0.status == .behind })
        #expect(alerts.map(\.unitName) == ["Xã An Lạc", "Xã Đá Bạc", "Xã Ấp Bắc", "Sở Thử", "Sở Bốn"])
    }

    @Test func aMismatchKeepsItsText() throws {
        let p = Self.tenCommunes().progress()
        let alerts = AlertList.build(p, excluding: Fixture.province, mismatches: [YenBaiMismatch.mismatch],
                                     names: Self.names(p).merging([999: "Đảng ủy Khối"]) { a, _ in a })
        let m = try #require(alerts.first { $0.isMismatch })
        #expect(m.status == .behind)
        #expect(m.unit == nil)  // no such unit in the roll-up: nothing to drill to
        #expect(m.text(.vi) == "Đảng ủy Khối (2023): Số liệu không khớp: tổng báo cáo 101, cộng các lĩnh vực 26 + 36 + 4 + 32 = 98.")
        #expect(m.text(.en).hasPrefix("Đảng ủy Khối (2023): Figures do not add up"))
    }

    @Test func nothingBehindNothingListed() {
        var f = Fixture(communes: 2)
        for u in [Fixture.district, Fixture.agency, Fixture.province] {
            f.plans.append(PlanAdoption(unitID: u, year: 2023, adopted: true, disseminated: true))
        }
        f.add(1, to: Fixture.agency)
        for i in 0..<2 { Self.fine(&f, Fixture.commune(i)) }
        #expect(Self.build(f.progress()).isEmpty)
    }
}

/// The Yên Bái committee's 101 = 26 + 36 + 4 + 32 = 98 (article 003).
private enum YenBaiMismatch {
    static let mismatch = FigureMismatch(unitID: 999, year: 2023, scope: .collective, total: 101, parts: [26, 36, 4, 32])
}
