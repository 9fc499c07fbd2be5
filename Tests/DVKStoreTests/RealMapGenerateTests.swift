import DVKCore
import Foundation
import GRDB
import Testing
@testable import DVKStore

/// `generate --real-map`: demo data over the official units of one province,
/// on the map of its time, reproducible from the seed.
@Suite struct RealMapGenerateTests {
    static let map = Result { try OfficialMap.bundled() }
    /// Lào Cai (15): the old Lào Cai and Yên Bái, a few models a commune.
    static let spec = RealMapSpec(years: 2021...2025, seed: 3, modelsPerCommune: 6, province: "15")

    private func generated(_ spec: RealMapSpec = RealMapGenerateTests.spec) throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        _ = try db.generate(spec, map: try Self.map.get())
        return db
    }

    private func tableCounts(_ db: AppDatabase) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in StoreTable.allCases { out[t.rawValue] = try db.count(t) }
        return out
    }

    @Test func launchesBeforeTheReformAreInOldCommunesLaterOnesInTodays() throws {
        let db = try generated()
        let units = Dictionary(uniqueKeysWithValues: try db.allUnits().map { ($0.id, $0) })
        let launches = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT unit_id, launched_on FROM model").map { (unit: $0[0] as Int64, launched: Day(parsing: $0[1])!) }
        }
        var before = 0, after = 0, inOrganisations = 0
        for m in launches {
            let unit = try #require(units[m.unit])
            guard unit.kind == .commune else {
                // Departments and organisations of today's province stand on both maps.
                #expect([.agency, .publicService, .massOrg].contains(unit.kind))
                #expect(unit.validFrom == nil && unit.validTo == nil)
                #expect(units[unit.parentID ?? 0]?.officialCode == "15")
                inOrganisations += 1
                continue
            }
            if m.launched < OfficialMap.reformDay {
                #expect(unit.validTo == OfficialMap.lastOldDay && unit.mergedIntoID != nil, "\(unit.name) \(m.launched)")
                before += 1
            } else {
                #expect(unit.validFrom == OfficialMap.reformDay && unit.validTo == nil, "\(unit.name) \(m.launched)")
                after += 1
            }
        }
        #expect(before > 1000)
        #expect(after > 50)
        #expect(inOrganisations > 0)
        // 20 departments and public service units and 5 mass organisations, all demo.
        let organisations = units.values.filter { [.agency, .publicService, .massOrg].contains($0.kind) }
        #expect(organisations.count == 25)
        #expect(organisations.allSatisfy { $0.isDemo })
        #expect(units.values.contains { $0.kind == .district && $0.validTo == OfficialMap.lastOldDay })
        #expect(try db.setting(.homeUnit).flatMap(Int64.init).flatMap { units[$0] }?.officialCode == "15")

        // Surveys: the old communes until 2024, today's from 2025.
        let surveyed = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT s.year, u.valid_to IS NOT NULL FROM survey s JOIN unit u ON u.id = s.unit_id WHERE u.kind = 'commune'")
                .map { (year: $0[0] as Int, old: $0[1] as Bool) }
        }
        #expect(!surveyed.isEmpty)
        #expect(surveyed.allSatisfy { $0.old == ($0.year < 2025) })
        // The counts are rebuilt and one generate row is audited, after the map's import.
        #expect(try Fixture.storedYears(db)?.lowerBound == 2021)
        #expect(try db.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log ORDER BY id") } == ["import", "generate"])
    }

    @Test func sameSeedSameDataAnotherSeedOther() throws {
        let a = try generated(), b = try generated()
        #expect(try tableCounts(a) == tableCounts(b))
        let (modelsA, evaluationsA) = try Fixture.allModelsAndEvaluations(a)
        let (modelsB, evaluationsB) = try Fixture.allModelsAndEvaluations(b)
        #expect(modelsA == modelsB)
        #expect(evaluationsA == evaluationsB)
        for year in 2021...2025 { #expect(try a.facts(year: year) == b.facts(year: year), "year \(year)") }

        var other = Self.spec
        other.seed = 4
        let c = try generated(other)
        #expect(try a.facts(year: 2024) != c.facts(year: 2024))
    }

    @Test func refusesANonEmptyDatabase() throws {
        let db = try generated()
        let counts = try tableCounts(db)
        #expect(throws: StoreError.self) { try db.generate(Self.spec, map: try Self.map.get()) }
        #expect(try tableCounts(db) == counts)
    }
}
