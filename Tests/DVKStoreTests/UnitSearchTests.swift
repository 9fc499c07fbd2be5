import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// `searchUnits`, the go-to box's query: every unit of the database, by name.
@Suite struct UnitSearchTests {
    static let db: AppDatabase = {
        let db = try! AppDatabase.inMemory()
        _ = try! db.importFolder(Fixture.seedsFolder)
        return db
    }()

    static let today = Day(year: 2025, month: 12, day: 15)!

    func names(_ text: String, limit: Int = 50) throws -> [String] {
        try Self.db.searchUnits(text, limit: limit, today: Self.today).map(\.unit.name)
    }

    @Test func toneMarksAndCaseAreOptional() throws {
        let found = try Self.db.searchUnits("suoi giang", today: Self.today)
        #expect(found.first?.unit.name == "Xã Suối Giàng")
        #expect(found.first?.parentName == "Huyện Văn Chấn")
        #expect(try names("SUỐI GIÀNG").first == "Xã Suối Giàng")
        // NFD input (as some input methods send it) folds the same.
        #expect(try names("Suối Giàng".decomposedStringWithCanonicalMapping).first == "Xã Suối Giàng")
    }

    @Test func everyTopLevelUnitIsFound() throws {
        #expect(try names("ha nam").first == "Tỉnh Hà Nam")
        #expect(try names("binh thuan").first == "Tỉnh Bình Thuận")
        // Nothing typed: the roots, in Vietnamese order (Bình < Hà < Yên).
        #expect(try names("") == ["Tỉnh Bình Thuận", "Tỉnh Hà Nam", "Tỉnh Yên Bái"])
    }

    @Test func theExactNameComesFirst() throws {
        // “Hội Nông dân huyện Văn Chấn” and others hold the words too; the place named so comes first.
        let found = try names("van chan")
        #expect(found.first == "Huyện Văn Chấn")
        #expect(found.count > 3)
        #expect(found.contains("Huyện ủy Văn Chấn"))
    }

    @Test func unitsInForceComeBeforeEndedOnes() throws {
        let found = try Self.db.searchUnits("xa", limit: 200, today: Self.today)
        let ended = try #require(found.firstIndex { $0.unit.name == "Xã Nậm Mười" })
        #expect(found[..<ended].allSatisfy { $0.isInForce(on: Self.today) })
        #expect(found[ended].successorName == "Xã Sùng Đô")
        #expect(!found[ended].isInForce(on: Self.today))
        // Before its merger it was in force like the others.
        #expect(found[ended].isInForce(on: Day(year: 2023, month: 6, day: 1)!))
    }

    @Test func wordsMatchInAnyOrderAndTheLimitHolds() throws {
        #expect(try names("giang suoi").first == "Xã Suối Giàng")
        #expect(try names("xa", limit: 5).count == 5)
        #expect(try names("xa", limit: 0).isEmpty)
    }

    @Test func anOfficialCodeOrRefFindsItsUnit() throws {
        #expect(try names("140").first == "Huyện Văn Chấn")
        #expect(try names("YB-VC-SG").first == "Xã Suối Giàng")
    }

    @Test func wildcardsAreLetters() throws {
        #expect(try names("%").isEmpty)
        #expect(try names("_").isEmpty)
        #expect(try names("x%a").isEmpty)
    }
}
