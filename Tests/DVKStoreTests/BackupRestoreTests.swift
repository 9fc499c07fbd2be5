import DVKCore
import Foundation
import Glibc
import GRDB
import Testing
@testable import DVKStore

/// Issue 9 §4: `dvk backup` makes a sound copy while others may write;
/// `dvk restore` refuses anything but a sound dvk file with nothing changed,
/// and keeps what it replaces as `.bak`.
@Suite struct BackupRestoreTests {
    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Rows of every table, to compare two databases.
    private func counts(_ db: AppDatabase) throws -> [StoreTable: Int] {
        Dictionary(uniqueKeysWithValues: try StoreTable.allCases.map { ($0, try db.count($0)) })
    }

    private func counts(_ path: String) throws -> [StoreTable: Int] {
        try counts(AppDatabase.openReadOnly(path: path, officer: "t"))
    }

    /// The seed data in a file database, folded into the main file so its bytes can be compared.
    private func populated(_ dir: URL, _ name: String = "dvk.sqlite") throws -> (String, AppDatabase) {
        let path = dir.appendingPathComponent(name).path
        let db = try AppDatabase.open(path: path, officer: "t", create: true)
        _ = try db.importFolder(Fixture.seedsFolder)
        try db.checkpoint()
        return (path, db)
    }

    private func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aBackupHasTheSameRowsAndPassesTheChecks() throws {
        let dir = try Fixture.tempDir("dvk-backup")
        defer { Fixture.removeTree(dir) }
        let (path, db) = try populated(dir)
        // A write still in the WAL belongs in the copy too.
        try db.addUnit(OrgUnit(id: 0, name: "Xã Sau Cùng", kind: .commune))
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        let copy = dir.appendingPathComponent("copy.sqlite").path

        let contents = try db.backup(to: copy)
        #expect(contents == StoreContents(units: try db.count(.unit), models: try db.count(.model)))
        #expect(contents.models > 0)
        #expect(try counts(copy) == counts(db))
        #expect(try AppDatabase.openReadOnly(path: copy, officer: "t").check() == [])
        #expect(try Fixture.sqlite3(copy, "PRAGMA integrity_check", readOnly: true) == "ok")
        #expect(try Fixture.sqlite3(copy, "PRAGMA application_id", readOnly: true) == String(DatabaseFile.applicationID))
        // One self-contained file, private like the database.
        #expect(try Fixture.sqlite3(copy, "PRAGMA journal_mode", readOnly: true) == "delete")
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        #expect(try mode(copy) == 0o600)
        // A dvk file: it opens for writing as well.
        #expect(try AppDatabase.open(path: copy, officer: "t").count(.unit) == db.count(.unit))
    }

    @Test func aBackupNeverReplacesAFileAndNeedsItsFolder() throws {
        let dir = try Fixture.tempDir("dvk-backup")
        defer { Fixture.removeTree(dir) }
        let (path, db) = try populated(dir)
        let existing = dir.appendingPathComponent("old.sqlite").path
        try Data("giữ nguyên".utf8).write(to: URL(fileURLWithPath: existing))
        let link = dir.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir.appendingPathComponent("gone").path)
        let cases: [(String, StoreError.CopyProblem)] = [
            (existing, .exists), (path, .exists), (link, .exists), (dir.path, .directory),
            (dir.appendingPathComponent("no/such/copy.sqlite").path, .noFolder),
            (existing + "/copy.sqlite", .notInFolder), (path + "-journal", .companion),
        ]
        for (target, problem) in cases {
            let error = #expect(throws: StoreError.self) { try db.backup(to: target) }
            #expect(error == .cannotWriteCopy(path: target, reason: problem), "\(target)")
            #expect(error?.exitCode == 7)
        }
        #expect(bytes(existing) == Data("giữ nguyên".utf8))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("gone").path))
        #expect(StoreError.cannotWriteCopy(path: existing, reason: .exists).message(.vi).contains("không ghi đè"))
    }

    /// Foundation's path functions trap on one-character names here: the copy code takes paths apart by hand.
    @Test func pathsAreTakenApartWithoutFoundation() {
        for (path, folder, name) in [("x", ".", "x"), (".", ".", "."), ("x/", ".", "x"), ("/x", "/", "x"),
                                     ("a/b.sqlite", "a", "b.sqlite"), ("/tmp/a/", "/tmp", "a")] {
            let parts = BackupFile.split(path)
            #expect(parts.folder == folder && parts.name == name, "\(path) → \(parts)")
        }
    }

    @Test func restoreRefusesWhatIsNotASoundDvkFileAndChangesNothing() throws {
        let dir = try Fixture.tempDir("dvk-restore")
        defer { Fixture.removeTree(dir) }
        let (live, db) = try populated(dir)
        let before = try #require(bytes(live))

        let text = dir.appendingPathComponent("notes.sqlite").path
        try Data("Không phải cơ sở dữ liệu\n".utf8).write(to: URL(fileURLWithPath: text))
        let foreign = dir.appendingPathComponent("contacts.sqlite").path
        try Fixture.sqlite3(foreign, "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Nguyễn Văn A');")
        let newer = dir.appendingPathComponent("newer.sqlite").path
        _ = try db.backup(to: newer)
        try Fixture.sqlite3(newer, "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
        let corrupt = dir.appendingPathComponent("corrupt.sqlite").path
        _ = try db.backup(to: corrupt)
        var data = try #require(bytes(corrupt))
        for offset in stride(from: data.count - 6 * 4096 + 100, to: data.count - 4096, by: 7) { data[offset] ^= 0x5A }
        try data.write(to: URL(fileURLWithPath: corrupt))
        let empty = dir.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let foreignBefore = try #require(bytes(foreign))

        let cases: [(String, (StoreError.RestoreProblem) -> Bool)] = [
            (text, { $0 == .notSQLite }), (empty, { $0 == .notSQLite }), (foreign, { $0 == .notDvk }),
            (newer, { $0 == .newerSchema }), (corrupt, { if case .damaged = $0 { true } else { false } }),
            (dir.appendingPathComponent("missing.sqlite").path, { $0 == .missing }),
            (dir.path, { $0 == .path(.directory) }), (live, { $0 == .sameFile }),
        ]
        for (source, expected) in cases {
            let error = #expect(throws: StoreError.self) { try AppDatabase.restore(from: source, into: live) }
            guard case let .cannotRestore(path, reason) = error else {
                Issue.record("\(source): \(String(describing: error))")
                continue
            }
            #expect(path == source)
            #expect(expected(reason), "\(source): \(reason)")
            #expect(error?.exitCode == 3)
            #expect(error?.message(.vi).hasSuffix("Cơ sở dữ liệu đang dùng không bị thay đổi.") == true)
        }
        #expect(bytes(live) == before, "the live database changed")
        #expect(bytes(foreign) == foreignBefore)
        #expect(!FileManager.default.fileExists(atPath: foreign + "-wal"))
        #expect(try !FileManager.default.contentsOfDirectory(atPath: dir.path).contains { $0.contains(".bak") })
        #expect(try db.check() == [])
    }

    @Test func restoreKeepsThePreviousContentsAsBak() throws {
        let dir = try Fixture.tempDir("dvk-restore")
        defer { Fixture.removeTree(dir) }
        let (live, db) = try populated(dir)
        let saved = dir.appendingPathComponent("saved.sqlite").path
        _ = try db.backup(to: saved)
        let atBackup = try counts(saved)
        // Work done after the backup, some of it still in the WAL.
        let province = try #require(try db.allUnits().first { $0.kind == .province }?.id)
        let added = try db.addUnit(OrgUnit(id: 0, name: "Xã Mới Thêm", kind: .commune, parentID: province)).value
        try db.addModel(Model(id: 0, unitID: added, title: "Mô hình sau sao lưu", fieldCode: "economy"))
        try db.addOfficer(Officer(name: "Cán bộ B", account: "Cán bộ B", role: .editor))
        let beforeRestore = try counts(db)
        #expect(beforeRestore != atBackup)
        // Another dashboard with the file open.
        let other = try AppDatabase.open(path: live, officer: "Cán bộ B")
        #expect(try other.count(.model) == beforeRestore[.model])

        let result = try AppDatabase.restore(from: saved, into: live)
        #expect(result.previous == live + ".bak")
        #expect(result.restored == StoreContents(units: atBackup[.unit]!, models: atBackup[.model]!))
        #expect(try counts(live) == atBackup)
        #expect(try counts(live + ".bak") == beforeRestore)
        #expect(try AppDatabase.openReadOnly(path: live + ".bak", officer: "t").check() == [])
        #expect(try AppDatabase.openReadOnly(path: live, officer: "t").check() == [])
        #expect(try mode(live + ".bak") == 0o600)
        // The same file, not a new one under the name: open connections read the restored data.
        #expect(try other.count(.model) == atBackup[.model])
        #expect(try db.count(.unit) == atBackup[.unit])
        try other.addUnit(OrgUnit(id: 0, name: "Xã Sau Khôi Phục", kind: .commune, parentID: province))
        #expect(try db.count(.unit) == atBackup[.unit]! + 1)

        // A second restore keeps the first .bak and takes the next name.
        let firstBak = try #require(bytes(live + ".bak"))
        let again = try AppDatabase.restore(from: saved, into: live)
        #expect(again.previous == live + ".bak.1")
        #expect(bytes(live + ".bak") == firstBak)
        #expect(try counts(live + ".bak.1")[.unit] == atBackup[.unit]! + 1)
    }

    @Test func restoreIntoAMissingDatabaseCreatesIt() throws {
        let dir = try Fixture.tempDir("dvk-restore")
        defer { Fixture.removeTree(dir) }
        let (_, db) = try populated(dir)
        let saved = dir.appendingPathComponent("saved.sqlite").path
        _ = try db.backup(to: saved)
        let fresh = dir.appendingPathComponent("new/dvk.sqlite").path
        let result = try AppDatabase.restore(from: saved, into: fresh)
        #expect(result.previous == nil)
        #expect(try counts(fresh) == counts(saved))
        #expect(try mode(fresh) == 0o600)
    }

    @Test func restoreRefusesToReplaceAnotherProgramsDatabase() throws {
        let dir = try Fixture.tempDir("dvk-restore")
        defer { Fixture.removeTree(dir) }
        let (_, db) = try populated(dir)
        let saved = dir.appendingPathComponent("saved.sqlite").path
        _ = try db.backup(to: saved)
        let foreign = dir.appendingPathComponent("contacts.sqlite").path
        try Fixture.sqlite3(foreign, "CREATE TABLE contact (name TEXT)")
        let before = try #require(bytes(foreign))
        #expect(throws: StoreError.notADvkDatabase(path: foreign)) { try AppDatabase.restore(from: saved, into: foreign) }
        #expect(bytes(foreign) == before)
        #expect(!FileManager.default.fileExists(atPath: foreign + ".bak"))
    }
}
