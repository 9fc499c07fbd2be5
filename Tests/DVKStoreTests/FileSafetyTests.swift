import DVKCore
import Foundation
import Glibc
import Testing
@testable import DVKStore

/// Issue 7, section 3: files that are not ours, or damaged, or not files.
@Suite struct FileSafetyTests {
    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func aForeignSQLiteFileIsRefusedUntouched() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("contacts.sqlite").path
        try Fixture.sqlite3(path, "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Nguyễn Văn A');")
        let before = try #require(bytes(path))

        for open in [{ try AppDatabase.open(path: path, officer: "t") }, { try AppDatabase.openReadOnly(path: path, officer: "t") }] {
            let error = #expect(throws: StoreError.self) { _ = try open() }
            #expect(error == .notADvkDatabase(path: path))
            #expect(error?.exitCode == 3)
        }
        #expect(bytes(path) == before, "the foreign file changed")
        #expect(try Fixture.sqlite3(path, "SELECT group_concat(name) FROM sqlite_master") == "contact")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aMissingFileIsOnlyCreatedWhenAsked() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("sub/new.sqlite").path
        #expect(throws: StoreError.noDatabase(path: path)) { try AppDatabase.open(path: path, officer: "t") }
        #expect(throws: StoreError.noDatabase(path: path)) { try AppDatabase.openReadOnly(path: path, officer: "t") }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sub").path), "a read created the folder")

        let db = try AppDatabase.open(path: path, officer: "t", create: true)
        #expect(try db.targets().count == 4)
        #expect(try Fixture.sqlite3(path, "PRAGMA application_id") == String(DatabaseFile.applicationID))
        #expect(try mode(path) == 0o600)
        #expect(try mode(dir.appendingPathComponent("sub").path) == 0o700)
    }

    @Test func aGroupSharedFolderGivesTheGroupTheFile() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        chmod(dir.path, 0o2770)
        let path = dir.appendingPathComponent("shared.sqlite").path
        _ = try AppDatabase.open(path: path, officer: "t", create: true)
        #expect(try mode(path) == 0o660)
    }

    @Test func aReadOnlyOpenChangesNoByte() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("dvk.sqlite").path
        do {
            let db = try AppDatabase.open(path: path, officer: "t", create: true)
            try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province))
            try db.checkpoint()
        }
        let before = try #require(bytes(path))
        let db = try AppDatabase.openReadOnly(path: path, officer: "t")
        #expect(try db.count(.unit) == 1)
        #expect(try db.check().isEmpty)
        #expect(bytes(path) == before)
    }

    @Test func pathsThatAreNotFilesGetTheirOwnMessage() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let loop = dir.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let dangling = dir.appendingPathComponent("dangling").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.appendingPathComponent("gone").path)
        let long = dir.appendingPathComponent(String(repeating: "x", count: 400)).path
        let cases: [(String, StoreError.PathProblem)] = [(fifo, .notRegularFile), (dir.path, .directory), (loop, .symlinkLoop),
                                                        (dangling, .danglingLink), (long, .tooLong)]
        for (path, problem) in cases {
            for create in [false, true] {
                let error = #expect(throws: StoreError.self) { try AppDatabase.open(path: path, officer: "t", create: create) }
                #expect(error == .badPath(path: path, reason: problem), "\(path)")
                #expect(error?.exitCode == 3)
                #expect(error?.message(.vi).contains(problem.text(.vi)) == true)
            }
        }
    }

    @Test func aSymlinkedDatabaseIsWrittenThrough() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let real = dir.appendingPathComponent("real.sqlite").path
        let link = dir.appendingPathComponent("link.sqlite").path
        _ = try AppDatabase.open(path: real, officer: "t", create: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let db = try AppDatabase.open(path: link, officer: "t")
        try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(FileManager.default.fileExists(atPath: real + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: link + "-wal"))
    }

    @Test func flippedBytesAreFoundByCheck() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("flipped.sqlite").path
        do {
            let db = try AppDatabase.open(path: path, officer: "t", create: true)
            _ = try db.importFolder(Fixture.seedsFolder)
            try db.checkpoint()
        }
        // Damage the last pages (indexes and rows), keep the header and schema page.
        var data = try #require(bytes(path))
        let page = 4096
        for offset in stride(from: data.count - 6 * page + 100, to: data.count - page, by: 7) { data[offset] ^= 0x5A }
        try data.write(to: URL(fileURLWithPath: path))
        let found: [CheckProblem]
        do {
            found = try AppDatabase.openReadOnly(path: path, officer: "t").check()
        } catch let e as StoreError {
            #expect(e == .corrupt(path: path) || e == .notADatabase(path: path), "\(e)")
            return
        }
        #expect(!found.isEmpty)
        #expect(found.contains { $0.kind == .integrity })
    }

    @Test func checkFindsADerivedCountThatDisagreesAndAMergerLoop() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("tampered.sqlite").path
        do {
            let db = try AppDatabase.open(path: path, officer: "t", create: true)
            _ = try db.importFolder(Fixture.seedsFolder)
            #expect(try db.check() == [])
            try db.checkpoint()
        }
        try Fixture.sqlite3(path, "DELETE FROM unit_year_count WHERE (unit_id, year, field_code, kind) = (SELECT unit_id, year, field_code, kind FROM unit_year_count WHERE effective > 0 LIMIT 1)")
        try Fixture.sqlite3(path, """
            UPDATE unit SET merged_into_id = (SELECT max(id) FROM unit), valid_to = '2025-06-30' WHERE id = (SELECT min(id) FROM unit WHERE kind = 'commune');
            UPDATE unit SET merged_into_id = (SELECT min(id) FROM unit WHERE kind = 'commune'), valid_to = '2025-06-30' WHERE id = (SELECT max(id) FROM unit);
            """)
        let kinds = Set(try AppDatabase.openReadOnly(path: path, officer: "t").check().map(\.kind))
        #expect(kinds == [.derivedCount, .cycle])
    }

    @Test func aMergerThatClosesALoopIsRefusedByTheStore() throws {
        let db = try AppDatabase.inMemory()
        let p = try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province)).value
        let a = try db.addUnit(OrgUnit(id: 0, name: "Xã A", kind: .commune, parentID: p)).value
        let b = try db.addUnit(OrgUnit(id: 0, name: "Xã B", kind: .commune, parentID: p)).value
        try db.mergeUnit(a, into: b, lastDay: Fixture.day("30/06/2025"))
        let error = #expect(throws: StoreError.self) { try db.mergeUnit(b, into: a, lastDay: Fixture.day("30/06/2025")) }
        #expect(error?.message(.vi).contains("Vòng lặp sáp nhập") == true)
        #expect(try db.unit(id: b)?.mergedIntoID == nil)
    }

    /// Found by the key fuzzer: a district merged into its own commune made
    /// every later roll-up loop for ever.
    @Test func aMergeIntoOwnSubunitIsRefused() throws {
        let db = try AppDatabase.inMemory()
        let p = try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province)).value
        let d = try db.addUnit(OrgUnit(id: 0, name: "Huyện Thử", kind: .district, parentID: p)).value
        let c = try db.addUnit(OrgUnit(id: 0, name: "Xã Thử", kind: .commune, parentID: d)).value
        let error = #expect(throws: StoreError.self) { try db.mergeUnit(d, into: c, lastDay: Fixture.day("30/06/2025")) }
        #expect(error?.message(.vi).contains("đơn vị trực thuộc của chính nó") == true)
        #expect(try db.unit(id: d)?.mergedIntoID == nil)
    }

    @Test func aLoopWrittenByHandStillRollsUp() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("loop.sqlite").path
        do {
            let db = try AppDatabase.open(path: path, officer: "t", create: true)
            _ = try db.importFolder(Fixture.seedsFolder)
            try db.checkpoint()
        }
        // A district merged into its own commune, behind dvk's back.
        try Fixture.sqlite3(path, """
            UPDATE unit SET merged_into_id = (SELECT id FROM unit WHERE ref = 'YB-VC-SG'), valid_to = '2024-06-30' WHERE ref = 'YB-VC';
            """)
        let db = try AppDatabase.openReadOnly(path: path, officer: "t")
        let home = try #require(try db.findUnits("YB").first)
        #expect(try Overview.build(from: db, unit: home.id, year: 2025) != nil)
    }

    @Test func storedValuesNoRuleAllowsAreErrorsNotTraps() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("odd.sqlite").path
        _ = try AppDatabase.open(path: path, officer: "t", create: true)
        try Fixture.sqlite3(path, "UPDATE target SET threshold = 1e20 WHERE metric = 'effectiveModelsPerUnit'; INSERT OR REPLACE INTO meta VALUES ('data_as_of', '0001-01-01');")
        let db = try AppDatabase.openReadOnly(path: path, officer: "t")
        #expect(throws: StoreError.storedValueInvalid(what: "data_as_of", value: "0001-01-01")) { try db.dataAsOf() }
        let error = #expect(throws: StoreError.self) { try db.targets() }
        #expect(error?.exitCode == 3)
        #expect(Set(try db.check().map(\.kind)) == [.storedValue])
    }

    private func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }
}
