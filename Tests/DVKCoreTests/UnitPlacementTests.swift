import Testing
@testable import DVKCore

/// Where a unit may be moved or merged (issue 9, section 1): the rules as
/// data, the pick lists built from them.
@Suite("Unit placement rules")
struct UnitPlacementTests {
    // Two provinces; in the first a district with two communes, a Department
    // of Health with its hospital, and a Party committee with a Party cell.
    static let units: [OrgUnit.ID: OrgUnit] = {
        let list = [
            OrgUnit(id: 1, name: "Tỉnh Yên Bái", kind: .province),
            OrgUnit(id: 2, name: "Huyện Văn Chấn", kind: .district, parentID: 1),
            OrgUnit(id: 3, name: "Thị trấn Nông trường Liên Sơn", kind: .commune, parentID: 2),
            OrgUnit(id: 4, name: "Xã Suối Giàng", kind: .commune, parentID: 2),
            OrgUnit(id: 5, name: "Sở Y tế", kind: .agency, parentID: 1),
            OrgUnit(id: 6, name: "Bệnh viện Đa khoa tỉnh", kind: .publicService, parentID: 5),
            OrgUnit(id: 7, name: "Đảng ủy Khối cơ quan", kind: .partyCommittee, parentID: 1),
            OrgUnit(id: 8, name: "Chi bộ Sở Tư pháp", kind: .partyOrg, parentID: 7),
            OrgUnit(id: 9, name: "Tỉnh Lào Cai", kind: .province),
            OrgUnit(id: 10, name: "Huyện Bắc Hà", kind: .district, parentID: 9),
            OrgUnit(id: 11, name: "Xã Nậm Lành", kind: .commune, parentID: 2, validTo: Day(year: 2025, month: 6, day: 30)),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
    }()
    static let today = Day(year: 2026, month: 12, day: 1)!

    func u(_ id: OrgUnit.ID) -> OrgUnit { Self.units[id]! }

    @Test func aCommuneGoesUnderAProvinceOrDistrictOnly() {
        let liênSơn = u(3)
        let targets = UnitPlacement.moveTargets(for: liênSơn, units: Self.units, on: Self.today).map(\.name)
        // Its own district first (nearest), then the province; never the hospital, the Party cell, another commune.
        #expect(targets == ["Huyện Văn Chấn", "Tỉnh Yên Bái"])
        let hospital = UnitPlacement.moveProblem(liênSơn, under: u(6), units: Self.units, on: Self.today)
        #expect(hospital == .parentKindNotAllowed(child: .commune, parent: .publicService, parentName: "Bệnh viện Đa khoa tỉnh",
                                                   allowed: [.province, .district]))
        let message = ValidationIssue(field: "parent", problem: hospital!).message(.vi)
        #expect(message == "Không thể đặt xã dưới “Bệnh viện Đa khoa tỉnh” (đơn vị sự nghiệp công lập): cấp trên của xã phải là tỉnh hoặc huyện.")
        #expect(UnitPlacement.moveProblem(liênSơn, under: u(8), units: Self.units, on: Self.today) != nil)
    }

    @Test func anotherProvincesDistrictOnlyWhenAsked() {
        let problem = UnitPlacement.moveProblem(u(3), under: u(10), units: Self.units, on: Self.today)
        #expect(problem == .otherProvince(name: "Huyện Bắc Hà", province: "Tỉnh Lào Cai"))
        #expect(UnitPlacement.moveProblem(u(3), under: u(10), units: Self.units, on: Self.today, acrossProvinces: true) == nil)
        let asked = UnitPlacement.moveTargets(for: u(3), units: Self.units, on: Self.today, acrossProvinces: true).map(\.name)
        // The own province's parents stay first: another province is further away.
        #expect(Array(asked.prefix(2)) == ["Huyện Văn Chấn", "Tỉnh Yên Bái"])
        #expect(Set(asked.dropFirst(2)) == ["Huyện Bắc Hà", "Tỉnh Lào Cai"])
    }

    @Test func anAgencyGoesUnderAPlaceNeverUnderItsOwnSubunit() {
        #expect(UnitPlacement.moveProblem(u(5), under: u(2), units: Self.units, on: Self.today) == nil)
        #expect(UnitPlacement.moveProblem(u(5), under: u(6), units: Self.units, on: Self.today) == .parentCycle)
        #expect(UnitPlacement.moveProblem(u(2), under: u(3), units: Self.units, on: Self.today) == .parentCycle)
    }

    @Test func aMergerJoinsTheSameLevelWhileBothAreInForce() {
        let last = Day(year: 2025, month: 12, day: 31)!
        // Nậm Lành ended on 30/06/2025: it cannot take over a commune from 01/01/2026.
        #expect(UnitPlacement.mergeTargets(for: u(3), lastDay: last, units: Self.units).map(\.name) == ["Xã Suối Giàng"])
        #expect(UnitPlacement.mergeProblem(u(3), into: u(2), lastDay: last, units: Self.units) == .mergeLevelMismatch(kind: .commune, targetKind: .district))
        #expect(UnitPlacement.mergeProblem(u(3), into: u(11), lastDay: last, units: Self.units)
                == .unitNotInForce(name: "Xã Nậm Lành", from: nil, to: Day(year: 2025, month: 6, day: 30)))
        #expect(UnitPlacement.mergeProblem(u(3), into: u(11), lastDay: Day(year: 2025, month: 6, day: 29)!, units: Self.units) == nil)
        #expect(UnitPlacement.mergeProblem(u(3), into: u(3), lastDay: last, units: Self.units) == .mergerCycle)
        // A unit that ended on 30/06/2025 cannot end again on 31/12/2025.
        #expect(UnitPlacement.mergeProblem(u(11), into: u(4), lastDay: last, units: Self.units)
                == .unitNotInForce(name: "Xã Nậm Lành", from: nil, to: Day(year: 2025, month: 6, day: 30)))
    }

    @Test func nearestFirstCountsStepsThroughTheTree() {
        #expect(UnitPlacement.distance(3, 2, Self.units) == 1)
        #expect(UnitPlacement.distance(3, 4, Self.units) == 2)
        #expect(UnitPlacement.distance(3, 1, Self.units) == 2)
        #expect(UnitPlacement.distance(3, 6, Self.units) == 4)
    }

    @Test func theDayAfterCrossesMonthsAndYears() {
        #expect(Day(year: 2025, month: 6, day: 30)!.next == Day(year: 2025, month: 7, day: 1))
        #expect(Day(year: 2025, month: 12, day: 31)!.next == Day(year: 2026, month: 1, day: 1))
        #expect(Day(year: 2024, month: 2, day: 28)!.next == Day(year: 2024, month: 2, day: 29))
    }
}
