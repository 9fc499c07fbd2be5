import DVKApp
import DVKCore
import DVKStore
import Foundation
import Testing

/// Issue 10: `--unit` after the 1 July 2025 reform, when the database holds
/// the old map (valid to 30/06/2025) and today's, and names and official
/// codes repeat between the two.
@Suite struct UnitLookupTests {
    /// A small map: old Yên Bái (code 15) and old Lào Cai (code 10) merged
    /// into today's Lào Cai, which took code 15.
    struct Map {
        let db: AppDatabase
        let oldYenBai, oldLaoCai, oldCity, vanChan, vanChanCommittee: OrgUnit.ID
        let newLaoCai, ward, phuQuoc, phuQuocCommittee: OrgUnit.ID
    }

    static func map() throws -> Map {
        let db = try AppDatabase.inMemory(officer: "kiểm thử")
        let reform = Day(year: 2025, month: 7, day: 1)!, lastOld = Day(year: 2025, month: 6, day: 30)!
        func add(_ u: OrgUnit, _ ref: String) throws -> OrgUnit.ID { try db.addUnit(u, ref: ref).value }
        let newLaoCai = try add(OrgUnit(id: 0, officialCode: "15", name: "Tỉnh Lào Cai", kind: .province, validFrom: reform), "LC")
        let ward = try add(OrgUnit(id: 0, officialCode: "02647", name: "Phường Lào Cai", kind: .commune, parentID: newLaoCai, validFrom: reform), "LC-PLC")
        let kienGiang = try add(OrgUnit(id: 0, officialCode: "91", name: "Tỉnh An Giang", kind: .province, validFrom: reform), "AG")
        let phuQuoc = try add(OrgUnit(id: 0, officialCode: "31246", name: "Đặc khu Phú Quốc", kind: .commune, parentID: kienGiang, validFrom: reform), "AG-PQ")
        let phuQuocCommittee = try add(OrgUnit(id: 0, name: "Đảng ủy đặc khu Phú Quốc", kind: .partyCommittee, parentID: phuQuoc, validFrom: reform), "AG-PQ-DU")
        let oldYenBai = try add(OrgUnit(id: 0, officialCode: "15", name: "Tỉnh Yên Bái", kind: .province, validTo: lastOld, mergedIntoID: newLaoCai), "YB")
        let oldLaoCai = try add(OrgUnit(id: 0, officialCode: "10", name: "Tỉnh Lào Cai", kind: .province, validTo: lastOld, mergedIntoID: newLaoCai), "LC-2024")
        let oldCity = try add(OrgUnit(id: 0, officialCode: "080", name: "Thành phố Lào Cai", kind: .district, parentID: oldLaoCai, validTo: lastOld, mergedIntoID: ward), "LC-2024-TP")
        let vanChan = try add(OrgUnit(id: 0, officialCode: "136", name: "Huyện Văn Chấn", kind: .district, parentID: oldYenBai, validTo: lastOld), "YB-VC")
        let vanChanCommittee = try add(OrgUnit(id: 0, name: "Huyện ủy Văn Chấn", kind: .partyCommittee, parentID: vanChan, validTo: lastOld), "YB-VC-HU")
        return Map(db: db, oldYenBai: oldYenBai, oldLaoCai: oldLaoCai, oldCity: oldCity, vanChan: vanChan, vanChanCommittee: vanChanCommittee,
                   newLaoCai: newLaoCai, ward: ward, phuQuoc: phuQuoc, phuQuocCommittee: phuQuocCommittee)
    }

    /// The error a lookup throws, or nil when it resolved.
    static func failure(_ db: AppDatabase, _ text: String, year: Int?) -> LookupError? {
        do {
            _ = try UnitLookup.resolve(db: db, text: text, year: year)
            return nil
        } catch let e as LookupError {
            return e
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func aSharedCodeMeansTheUnitOfTheYear() throws {
        let m = try Self.map()
        #expect(try UnitLookup.resolve(db: m.db, text: "15", year: 2024) == m.oldYenBai)
        #expect(try UnitLookup.resolve(db: m.db, text: "15", year: 2026) == m.newLaoCai)
        // Targets are judged on the year-end map: 2025 ends under the new one.
        #expect(try UnitLookup.resolve(db: m.db, text: "15", year: 2025) == m.newLaoCai)
    }

    @Test func aSharedNameMeansTheUnitOfTheYear() throws {
        let m = try Self.map()
        #expect(try UnitLookup.resolve(db: m.db, text: "Tỉnh Lào Cai", year: 2024) == m.oldLaoCai)
        #expect(try UnitLookup.resolve(db: m.db, text: "tinh lao cai", year: 2026) == m.newLaoCai)
    }

    @Test func withoutAYearTheDataYearDecides() throws {
        let m = try Self.map()
        _ = try m.db.setSetting(.dataAsOf, "2024-12-31")
        #expect(try UnitLookup.resolve(db: m.db, text: "15", year: nil) == m.oldYenBai)
        // On the map of that time the name means the old province; on today's map (the default) today's.
        let start = try SessionStart.resolve(db: m.db, unit: "Tỉnh Lào Cai", year: nil, lang: .vi, today: Day(year: 2026, month: 3, day: 1)!, map: .then)
        #expect(start.year == 2024)
        #expect(start.unitID == m.oldLaoCai)
        let today = try SessionStart.resolve(db: m.db, unit: "Tỉnh Lào Cai", year: nil, lang: .vi, today: Day(year: 2026, month: 3, day: 1)!)
        #expect(today.unitID == m.newLaoCai)
        let later = try SessionStart.resolve(db: m.db, unit: "Tỉnh Lào Cai", year: 2026, lang: .vi, today: Day(year: 2026, month: 3, day: 1)!)
        #expect(later.unitID == m.newLaoCai)
    }

    @Test func aRefAlwaysResolvesToItsUnit() throws {
        let m = try Self.map()
        let refs: [String: OrgUnit.ID] = ["YB": m.oldYenBai, "LC-2024": m.oldLaoCai, "LC": m.newLaoCai, "LC-PLC": m.ward,
                                          "LC-2024-TP": m.oldCity, "AG-PQ": m.phuQuoc]
        for (ref, id) in refs {
            for year in [2020, 2024, 2025, 2026, 2030] {
                #expect(try UnitLookup.resolve(db: m.db, text: ref, year: year) == id, "\(ref) in \(year)")
            }
        }
        // A ref wins over another unit's official code.
        let agency = try m.db.addUnit(OrgUnit(id: 0, name: "Ban Dân vận Tỉnh ủy", kind: .agency, parentID: m.newLaoCai), ref: "10").value
        #expect(try UnitLookup.resolve(db: m.db, text: "10", year: 2024) == agency)
    }

    @Test func theAmbiguousMessageTellsTheCandidatesApart() throws {
        let m = try Self.map()
        let error = try #require(Self.failure(m.db, "Lào Cai", year: 2024))
        #expect(error.message(.vi) == """
            “Lào Cai” khớp nhiều đơn vị, hãy ghi rõ hơn (tên đầy đủ, mã hoặc ref):
              • Thành phố Lào Cai — mã 080, thành phố, thuộc Tỉnh Lào Cai, đến 30/06/2025 (sáp nhập vào Phường Lào Cai)
              • Tỉnh Lào Cai — mã 10, tỉnh, đến 30/06/2025 (sáp nhập vào Tỉnh Lào Cai)
            """)
        #expect(error.message(.en) == """
            “Lào Cai” matches several units, be more specific (full name, code or ref):
              • Thành phố Lào Cai — code 080, city, in Tỉnh Lào Cai, until 30/06/2025 (merged into Phường Lào Cai)
              • Tỉnh Lào Cai — code 10, province, until 30/06/2025 (merged into Tỉnh Lào Cai)
            """)
        // Today's map: the province and the ward, with their start.
        let today = try #require(Self.failure(m.db, "lao cai", year: 2026))
        #expect(today.message(.vi) == """
            “lao cai” khớp nhiều đơn vị, hãy ghi rõ hơn (tên đầy đủ, mã hoặc ref):
              • Phường Lào Cai — mã 02647, phường, thuộc Tỉnh Lào Cai, từ 01/07/2025
              • Tỉnh Lào Cai — mã 15, tỉnh, từ 01/07/2025
            """)
        #expect(today.message(.en).contains("• Phường Lào Cai — code 02647, ward, in Tỉnh Lào Cai, from 01/07/2025"))
    }

    @Test func theOldMapAloneCanStillBeAmbiguous() throws {
        let m = try Self.map()
        // In 2020 only the old map stands, but “Lào Cai” names two of its units.
        guard case let .unitAmbiguous(_, matches, total)? = Self.failure(m.db, "Lào Cai", year: 2020) else {
            Issue.record("expected an ambiguous lookup")
            return
        }
        #expect(matches.map(\.unit.id) == [m.oldCity, m.oldLaoCai])
        #expect(total == 2)
    }

    @Test func whenNoneIsInForceEveryMatchIsListed() throws {
        let m = try Self.map()
        let ended = Day(year: 2019, month: 12, day: 31)!
        for parent in [m.vanChan, m.oldCity] {
            _ = try m.db.addUnit(OrgUnit(id: 0, name: "Xã Tân Lập", kind: .commune, parentID: parent, validTo: ended))
        }
        let error = try #require(Self.failure(m.db, "tan lap", year: 2026))
        #expect(error.message(.vi) == """
            “tan lap” khớp nhiều đơn vị, hãy ghi rõ hơn (tên đầy đủ, mã hoặc ref):
              • Xã Tân Lập — xã, thuộc Huyện Văn Chấn, đến 31/12/2019
              • Xã Tân Lập — xã, thuộc Thành phố Lào Cai, đến 31/12/2019
            """)
    }

    @Test func aLongListSaysHowManyMore() throws {
        let m = try Self.map()
        for _ in 1...10 { _ = try m.db.addUnit(OrgUnit(id: 0, name: "Xã Hòa Bình", kind: .commune, parentID: m.vanChan)) }
        let error = try #require(Self.failure(m.db, "Hòa Bình", year: 2026))
        let lines = error.message(.vi).components(separatedBy: "\n")
        #expect(lines.count == 10)
        #expect(lines.last == "  … và 2 đơn vị khác")
    }

    @Test func aLevelWordStillFindsThePlace() throws {
        let m = try Self.map()
        #expect(try UnitLookup.resolve(db: m.db, text: "van chan", year: 2024) == m.vanChan)
        #expect(try UnitLookup.resolve(db: m.db, text: "phu quoc", year: 2026) == m.phuQuoc)
        #expect(try UnitLookup.resolve(db: m.db, text: "Đặc khu Phú Quốc", year: 2026) == m.phuQuoc)
        #expect(try UnitLookup.resolve(db: m.db, text: "Huyện ủy Văn Chấn", year: 2024) == m.vanChanCommittee)
    }
}
