import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// Issue 7: values that used to trap the importer, or import cleanly and
/// then trap every command, are refused with file, line and column.
extension ImportTests {
    @Test func hugeFundsAreAFieldErrorWithTheRange() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv", Self.set("funds_vnd", "99999999999 tỷ"))
        try expectImportFails("models.csv", line: line, folder: folder,
                              messageContains: ["cột funds_vnd", "“99999999999 tỷ” nằm ngoài phạm vi cho phép: từ 0 đến 1.000.000.000.000.000"])
    }

    @Test func hugePercentIsRefusedNotTrapped() throws {
        let (folder, line) = try Self.brokenSeeds("surveys.csv", pick: 20, Self.set("percent", "99999999999999999999"))
        try expectImportFails("surveys.csv", line: line, folder: folder, messageContains: ["cột percent", "nằm ngoài phạm vi"])
    }

    @Test func hugeThresholdIsRefused() throws {
        let (folder, line) = try Self.brokenSeeds("targets.csv", pick: 1) { header, cells in
            cells[header.firstIndex(of: "metric")!] = "effectiveModelsPerUnit"
            cells[header.firstIndex(of: "threshold")!] = "99999999999999999999"
        }
        try expectImportFails("targets.csv", line: line, folder: folder, messageContains: ["nằm ngoài phạm vi"])
    }

    @Test(arguments: ["0001-01-01", "31/12/1999", "9999-12-31"])
    func dataAsOfOutsideTheYearsDvkAcceptsIsRefused(value: String) throws {
        let (folder, line) = try Self.brokenSeeds("settings.csv", pick: 99) { header, cells in
            cells[header.firstIndex(of: "key")!] = "data_as_of"
            cells[header.firstIndex(of: "value")!] = value
        }
        try expectImportFails("settings.csv", line: line, folder: folder, messageContains: ["cột value", "không hợp lệ: phải từ 2000"])
    }

    @Test func duplicateSurveyInOneFileNamesBothLines() throws {
        let (folder, line) = try Self.duplicatedRow("surveys.csv")
        try expectImportFails("surveys.csv", line: line, folder: folder, messageContains: ["đã có khảo sát của đơn vị này", "ở dòng \(line - 1)"])
    }

    @Test func duplicatePlanInOneFileIsAnError() throws {
        let (folder, line) = try Self.duplicatedRow("plans.csv")
        try expectImportFails("plans.csv", line: line, folder: folder, messageContains: ["đã có kế hoạch của đơn vị này", "ở dòng \(line - 1)"])
    }

    @Test func duplicateRecognitionIsNotInsertedTwice() throws {
        let (folder, line) = try Self.duplicatedRow("recognitions.csv")
        try expectImportFails("recognitions.csv", line: line, folder: folder, messageContains: ["công nhận này đã có ở dòng \(line - 1)"])
    }

    @Test func duplicateTargetIsAnError() throws {
        let (folder, line) = try Self.duplicatedRow("targets.csv")
        try expectImportFails("targets.csv", line: line, folder: folder, messageContains: ["bị trùng (đã có ở dòng \(line - 1))"])
    }

    @Test func mergerCycleIsRefused() throws {
        let dir = try Fixture.tempDir("dvk-cycle")
        defer { Fixture.removeTree(dir) }
        try """
        ref,name,kind,parent_ref,valid_to,merged_into_ref
        P,Tỉnh Thử,province,,,
        A,Xã A,commune,P,30/06/2025,B
        B,Xã B,commune,P,30/06/2025,A
        """.write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        let db = try AppDatabase.inMemory()
        let error = #expect(throws: StoreError.self) { try db.importFolder(dir) }
        #expect(error?.message(.vi).contains("vòng lặp sáp nhập") == true, "\(String(describing: error))")
        #expect(try db.count(.unit) == 0)
    }

    @Test func unclosedQuoteReportsItsLine() throws {
        let dir = try Fixture.tempDir("dvk-quote")
        defer { Fixture.removeTree(dir) }
        try "ref,name,kind\nP,Tỉnh Thử,province\nA,\"Xã A,commune\nB,Xã B,commune\n"
            .write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        let error = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(dir) }
        #expect(error?.message(.vi).hasPrefix("units.csv, dòng 3: ") == true, "\(String(describing: error))")
    }

    @Test func nulAndUTF16AreNamedNotMisread() throws {
        let dir = try Fixture.tempDir("dvk-bytes")
        defer { Fixture.removeTree(dir) }
        let url = dir.appendingPathComponent("units.csv")
        try Data("ref,name,kind\nP,Tỉnh\u{0} Thử,province\n".utf8).write(to: url)
        var error = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(dir) }
        #expect(error?.message(.vi) == "units.csv, dòng 2: có ký tự NUL (byte 0): không phải tệp CSV văn bản")
        try (Data([0xFF, 0xFE]) + "ref,name,kind\n".data(using: .utf16LittleEndian)!).write(to: url)
        error = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(dir) }
        #expect(error?.message(.vi).contains("UTF-16") == true)
    }

    @Test func aOneMegabyteFieldIsRefusedAtOnce() throws {
        let (folder, line) = try Self.brokenSeeds("units.csv", pick: 5, Self.set("name", "Xã " + String(repeating: "Suối Giàng ", count: 100_000)))
        try expectImportFails("units.csv", line: line, folder: folder, messageContains: ["cột name: quá dài"])
    }

    @Test func aUnitNameOverTheLimitIsTooLong() throws {
        let (folder, line) = try Self.brokenSeeds("units.csv", pick: 5, Self.set("name", "Xã " + String(repeating: "Suối Giàng ", count: 30)))
        try expectImportFails("units.csv", line: line, folder: folder, messageContains: ["Quá dài: tối đa 200 ký tự."])
    }

    /// Found by the import fuzzer: an unclosed quote in a row's last cell
    /// swallowed the rest of the file, and the message echoed all of it.
    @Test func aMessageQuotesAValueOnOneShortLine() throws {
        let (folder, line) = try Self.brokenSeeds("plans.csv", pick: 1) { _, cells in cells[cells.count - 1] = "\"1" }
        defer { Fixture.removeTree(folder.deletingLastPathComponent()) }
        let error = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(folder) }
        let message = error?.message(.vi) ?? ""
        #expect(message.hasPrefix("plans.csv, dòng \(line): "), "\(message)")
        #expect(!message.contains("\n"))
        #expect(message.count < 200, "\(message)")
    }

    /// A copy of the seeds where the first plain data row of `file` appears twice.
    static func duplicatedRow(_ file: String) throws -> (URL, Int) {
        let dir = try Fixture.tempDir("dvk-dup-seeds")
        let folder = dir.appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: Fixture.seedsFolder, to: folder)
        let url = folder.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let i = try #require((1..<lines.count).first { !lines[$0].isEmpty && !lines[$0].contains("\"") && !lines[0].contains("\"") })
        lines.insert(lines[i], at: i + 1)
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return (folder, i + 2)
    }
}
