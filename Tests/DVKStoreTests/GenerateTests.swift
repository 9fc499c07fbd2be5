import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// `generate` is reproducible from its spec, and its data counts the way the domain says.
@Suite struct GenerateTests {
    static let spec = SyntheticSpec(communes: 30, years: 2021...2023, seed: 7)

    private func tableCounts(_ db: AppDatabase) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in StoreTable.allCases { out[t.rawValue] = try db.count(t) }
        return out
    }

    @Test func sameSpecSameData() throws {
        let first = try AppDatabase.inMemory()
        let second = try AppDatabase.inMemory()
        let rowsA = try first.generate(Self.spec)
        let rowsB = try second.generate(Self.spec)
        #expect(rowsA == rowsB)
        #expect(rowsA > 0)

        let countsA = try tableCounts(first)
        #expect(countsA == (try tableCounts(second)))
        #expect(countsA["unit"]! >= 30 + 2 + 25) // communes, districts, province organisations
        #expect(countsA["model"]! > 30 * 50)
        #expect(countsA["evaluation"]! > 0)
        #expect(countsA["survey"]! > 0)
        #expect(countsA["plan_adoption"]! > 0)

        #expect(try first.allUnits() == second.allUnits())
        for year in 2020...2025 {
            #expect(try first.facts(year: year) == second.facts(year: year), "year \(year)")
        }
        let (modelsA, evaluationsA) = try Fixture.allModelsAndEvaluations(first)
        let (modelsB, evaluationsB) = try Fixture.allModelsAndEvaluations(second)
        #expect(modelsA == modelsB)
        #expect(evaluationsA == evaluationsB)
        #expect(try first.setting(.homeUnit) == second.setting(.homeUnit))
    }

    @Test func anotherSeedGivesOtherData() throws {
        let a = try AppDatabase.inMemory()
        let b = try AppDatabase.inMemory()
        _ = try a.generate(Self.spec)
        var other = Self.spec
        other.seed = 8
        _ = try b.generate(other)
        #expect(try a.facts(year: 2023) != b.facts(year: 2023))
    }

    @Test func generatedFactsEqualTheReference() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.generate(Self.spec)
        let stored = try #require(try Fixture.storedYears(db))
        #expect(stored.lowerBound == 2021)
        for year in Array(2019...2025) + [stored.upperBound + 1, stored.upperBound + 3] {
            let store = try Fixture.storeCounts(db, year: year)
            let reference = try Fixture.referenceCounts(db, year: year)
            #expect(store == reference, "year \(year) (stored: \(stored.contains(year)))")
        }
        // The generator's removals and pending last year are there to be counted.
        let c2023 = try Fixture.storeCounts(db, year: 2023).values.reduce(ModelCounts(), +)
        #expect(c2023.effective > 0)
        #expect(c2023.pending > 0)
        #expect(c2023.ineffective > 0)
        #expect(c2023.effectiveIndividuals > 0)
        let (models, _) = try Fixture.allModelsAndEvaluations(db)
        #expect(models.contains { $0.removedOn != nil && $0.removalReason != nil })
    }

    @Test func generateRefusesANonEmptyDatabase() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.generate(SyntheticSpec(communes: 2, years: 2023...2023, seed: 1, modelsPerCommune: 3))
        let counts = try tableCounts(db)
        #expect(throws: StoreError.self) { try db.generate(Self.spec) }
        #expect(try tableCounts(db) == counts)
    }
}
