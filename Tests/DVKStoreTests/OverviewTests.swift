import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// `Overview.build` and unit search on the demo data.
@Suite struct OverviewTests {
    private func demo() throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        _ = try db.importFolder(Fixture.seedsFolder)
        return db
    }

    @Test func yenBai2023ShowsTheMismatch() throws {
        let db = try demo()
        let yenBai = try #require(try db.findUnits("Tỉnh Yên Bái").first)
        #expect(yenBai.kind == .province)
        let o = try #require(try Overview.build(from: db, unit: yenBai.id, year: 2023))
        #expect(o.unit.unit.id == yenBai.id)
        #expect(o.year == 2023)
        #expect(o.path.map(\.name) == ["Tỉnh Yên Bái"])
        #expect(o.mismatches.count == 1)
        let m = try #require(o.mismatches.first)
        #expect(m.total == 101)
        #expect(m.sum == 98)
        #expect(o.unitNames[m.unitID] == "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh")
        #expect(o.children.contains { $0.unit.name == "Huyện Văn Chấn" })
        #expect(o.unit.targets.count == 4)
        #expect(o.unit.models.effective > 0)
        // The status report carries it too, in its alert list.
        let text = Self.plain(StatusText.blocks(o, lang: .vi))
        #expect(text.contains("Tỉnh Yên Bái"))
        #expect(text.contains("101"))
        #expect(text.contains("98"))
        #expect(Self.plain(StatusText.blocks(o, lang: .en)).contains("Figures do not add up"))
        #expect(o.alerts.contains { $0.text(.vi).hasPrefix("Đảng ủy Khối cơ quan và doanh nghiệp tỉnh (2023): Số liệu không khớp") })
    }

    /// Every string of the report's blocks, a line each (table rows with their cells joined by blanks).
    static func plain(_ blocks: [StatusText.Block]) -> String {
        blocks.map { block in
            switch block {
            case let .line(s): return s
            case let .table(t): return ([t.header] + t.rows).map { $0.joined(separator: " ") }.joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }

    @Test func vanChanChildrenIncludeSuoiGiang() throws {
        let db = try demo()
        let vanChan = try #require(try db.findUnits("van chan").first)
        let o = try #require(try Overview.build(from: db, unit: vanChan.id, year: 2023))
        #expect(o.unit.unit.name == "Huyện Văn Chấn")
        #expect(o.path.map(\.name) == ["Tỉnh Yên Bái", "Huyện Văn Chấn"])
        #expect(o.children.contains { $0.unit.name == "Xã Suối Giàng" && $0.unit.kind == .commune })
        // Places come before organisations in the list.
        let kinds = o.children.map { UnitKind.allCases.firstIndex(of: $0.unit.kind)! }
        #expect(kinds == kinds.sorted())
        // Not in the subtree: the committee's mismatch stays with the province.
        #expect(o.mismatches.isEmpty)
    }

    @Test func findUnitsIgnoresToneMarksAndPrefersPlaces() throws {
        let db = try demo()
        #expect(try db.findUnits("suoi giang").map(\.name) == ["Xã Suối Giàng"])
        #expect(try db.findUnits("van chan").map(\.name) == ["Huyện Văn Chấn"])
        #expect(try db.findUnits("SUỐI GIÀNG").map(\.name) == ["Xã Suối Giàng"])
        #expect(try db.findUnits("xa suoi giang").map(\.name) == ["Xã Suối Giàng"])
        #expect(try db.findUnits("  Xa\u{303} Suo\u{302}\u{301}i Gia\u{300}ng ").map(\.name) == ["Xã Suối Giàng"])
        #expect(try db.findUnits("YB-VC-SG").map(\.name) == ["Xã Suối Giàng"])
        #expect(try db.findUnits("khong co don vi nay").isEmpty)
    }
}
