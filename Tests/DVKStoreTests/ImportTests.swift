import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// `importFolder` on the demo seeds, and on broken copies of them: a bad row
/// stops the import with its file and line, and nothing is stored.
@Suite struct ImportTests {
    @Test func seedsImportWithPlausibleCounts() throws {
        let db = try AppDatabase.inMemory(officer: "kiểm thử nhập")
        let summary = try db.importFolder(Fixture.seedsFolder)
        #expect(try db.count(.unit) > 40)
        #expect(try db.count(.model) > 200)
        #expect(try db.count(.evaluation) > 200)
        #expect(try db.count(.reported_figure) > 0)
        #expect(summary.rows["unit"] == (try db.count(.unit)))
        #expect(summary.rows["model"] == (try db.count(.model)))
        #expect(summary.rows["evaluation"] == (try db.count(.evaluation)))
        #expect(try db.fields().count == 4)
        #expect(try db.targets().map(\.code).sorted() == ["agencies", "models", "plan", "satisfaction"])
        // One audit row for the whole import.
        let audit = try db.auditLog()
        #expect(audit.count == 1)
        #expect(audit.first?.action == "import")
        #expect(audit.first?.officer == "kiểm thử nhập")
        // Settings point at real rows.
        let home = try #require(try db.setting(.homeUnit).flatMap(Int64.init))
        #expect(try db.unit(id: home)?.name == "Tỉnh Yên Bái")
        #expect(try db.setting(.dataAsOf).flatMap(Day.init(parsing:)) != nil)
        #expect(try db.integrityCheck() == "ok")
    }

    @Test func yenBaiAgenciesCommitteeFiguresDoNotAddUp() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importFolder(Fixture.seedsFolder)
        let committee = try #require(try db.findUnits("YB-DUK").first)
        #expect(committee.name == "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh")

        let mismatches = FigureCheck.mismatches(try db.reportedFigures(year: 2023), fields: try db.fields())
        #expect(mismatches.count == 1)
        let m = try #require(mismatches.first)
        #expect(m.unitID == committee.id)
        #expect(m.year == 2023)
        #expect(m.scope == .collective)
        #expect(m.total == 101)
        #expect(m.sum == 98)
        #expect(m.parts == [26, 36, 4, 32])
        #expect(m.issue.message(.vi).contains("101"))
        #expect(m.issue.message(.vi).contains("98"))
        // The committee's own figures only.
        let own = FigureCheck.mismatches(try db.reportedFigures(year: 2023).filter { $0.unitID == committee.id }, fields: try db.fields())
        #expect(own == mismatches)
    }

    // MARK: Broken copies

    /// A copy of the seeds with one row of `file` changed by `edit` (given the
    /// header and the row's cells). Rows with quotes are skipped so cells split on
    /// commas; the `pick`-th such data row is edited. Returns the folder and the line.
    static func brokenSeeds(_ file: String, pick: Int = 25,
                                    _ edit: (_ header: [String], _ cells: inout [String]) -> Void) throws -> (URL, Int) {
        let dir = try Fixture.tempDir("dvk-broken-seeds")
        let folder = dir.appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: Fixture.seedsFolder, to: folder)
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        var seen = 0
        var chosen: Int?
        var quotesSoFar = lines[0].filter { $0 == "\"" }.count
        for i in 1..<lines.count where !lines[i].isEmpty {
            // Only edit where every earlier record ended on its own line.
            if !lines[i].contains("\""), quotesSoFar % 2 == 0 {
                seen += 1
                if seen == pick || (chosen == nil && i == lines.count - 1) { chosen = i; break }
            }
            quotesSoFar += lines[i].filter { $0 == "\"" }.count
        }
        let index = try #require(chosen ?? (1..<lines.count).last { !lines[$0].isEmpty && !lines[$0].contains("\"") })
        var cells = lines[index].components(separatedBy: ",")
        #expect(cells.count == header.count, "\(file) line \(index + 1) does not split cleanly")
        edit(header, &cells)
        lines[index] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return (folder, index + 1)
    }

    static func set(_ column: String, _ value: String) -> ([String], inout [String]) -> Void {
        { header, cells in cells[header.firstIndex(of: column)!] = value }
    }

    func expectImportFails(_ file: String, line: Int, folder: URL, messageContains texts: [String],
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        defer { Fixture.removeTree(folder.deletingLastPathComponent()) }
        let db = try AppDatabase.inMemory()
        let error = #expect(throws: StoreError.self, sourceLocation: sourceLocation) { try db.importFolder(folder) }
        guard case let .importFailed(f, l, message)? = error else {
            Issue.record("expected StoreError.importFailed, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(f == file, sourceLocation: sourceLocation)
        #expect(l == line, "\(message)", sourceLocation: sourceLocation)
        let vi = error?.message(.vi) ?? ""
        #expect(vi.hasPrefix("\(file), dòng \(line): "), "\(vi)", sourceLocation: sourceLocation)
        for t in texts { #expect(vi.contains(t), "\(vi)", sourceLocation: sourceLocation) }
        #expect(error?.exitCode == 5, sourceLocation: sourceLocation)
        // Nothing partial: no units, no models, no audit row; the defaults are intact.
        #expect(try db.count(.unit) == 0, sourceLocation: sourceLocation)
        #expect(try db.count(.model) == 0, sourceLocation: sourceLocation)
        #expect(try db.count(.audit_log) == 0, sourceLocation: sourceLocation)
        #expect(try db.targets().count == 4, sourceLocation: sourceLocation)
    }

    @Test func unknownUnitRefInModels() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv", Self.set("unit_ref", "KHONG-CO"))
        try expectImportFails("models.csv", line: line, folder: folder,
                              messageContains: ["cột unit_ref", "không có đơn vị mã “KHONG-CO” trong units.csv"])
    }

    @Test func impossibleDateInModels() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv", Self.set("launched_on", "31/02/2023"))
        try expectImportFails("models.csv", line: line, folder: folder,
                              messageContains: ["cột launched_on", "“31/02/2023” không phải ngày dd/mm/yyyy"])
    }

    @Test func percentAbove100InSurveys() throws {
        let (folder, line) = try Self.brokenSeeds("surveys.csv", pick: 20, Self.set("percent", "120"))
        try expectImportFails("surveys.csv", line: line, folder: folder,
                              messageContains: ["Tỷ lệ 120 nằm ngoài khoảng 0–100%."])
    }

    @Test func removalWithoutReasonInModels() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv") { header, cells in
            cells[header.firstIndex(of: "removed_on")!] = "31/12/2030"
            cells[header.firstIndex(of: "removal_reason")!] = ""
        }
        try expectImportFails("models.csv", line: line, folder: folder,
                              messageContains: ["Loại bỏ mô hình phải ghi rõ lý do."])
    }

    @Test func rowWithOneColumnTooFew() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv") { _, cells in cells.removeLast() }
        try expectImportFails("models.csv", line: line, folder: folder, messageContains: ["có 15 cột, tiêu đề có 16 cột"])
    }

    @Test func rowWithOneColumnTooMany() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv") { _, cells in cells.append("thừa") }
        try expectImportFails("models.csv", line: line, folder: folder, messageContains: ["có 17 cột, tiêu đề có 16 cột"])
    }

    @Test func wrongColumnCountInUnits() throws {
        let (folder, line) = try Self.brokenSeeds("units.csv", pick: 30) { _, cells in cells.removeLast(2) }
        try expectImportFails("units.csv", line: line, folder: folder, messageContains: ["có 8 cột, tiêu đề có 10 cột"])
    }

    @Test func aFailedImportLeavesAFileDatabaseEmptyToo() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let (folder, _) = try Self.brokenSeeds("surveys.csv", Self.set("percent", "120"))
        defer { Fixture.removeTree(folder.deletingLastPathComponent()) }
        let path = dir.appendingPathComponent("import.sqlite").path
        do {
            let db = try AppDatabase.open(path: path, officer: "kiểm thử", create: true)
            #expect(throws: StoreError.self) { try db.importFolder(folder) }
        }
        #expect(try Fixture.sqlite3(path, "SELECT (SELECT count(*) FROM unit) + (SELECT count(*) FROM model) + (SELECT count(*) FROM audit_log)") == "0")
    }
}
