import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// `AppDatabase.open` turns every way a file can be unusable into its own
/// `StoreError`, with a Vietnamese message naming the file, and changes nothing.
@Suite struct OpeningErrorTests {
    /// Creates a database file with one unit, then closes it (the pool goes away with `db`).
    private func makeDatabase(at path: String) throws {
        let db = try AppDatabase.open(path: path, officer: "kiểm thử", create: true)
        try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử Nghiệm", kind: .province))
        try db.checkpoint()
    }

    private func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func aFileThatIsNotADatabase() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("hostname.sqlite").path
        try FileManager.default.copyItem(atPath: "/etc/hostname", toPath: path)
        // /etc/hostname may be tiny; make sure the file has text in it either way.
        if (contents(path) ?? Data()).count < 100 {
            try Data("Đây là một tệp văn bản, không phải cơ sở dữ liệu.\n".utf8 + (contents(path) ?? Data())).write(to: URL(fileURLWithPath: path))
        }
        let before = try #require(contents(path))

        let error = #expect(throws: StoreError.self) { try AppDatabase.open(path: path, officer: "kiểm thử") }
        #expect(error == .notADatabase(path: path))
        #expect(error?.exitCode == 3)
        let message = try #require(error?.message(.vi))
        #expect(message.contains(path))
        #expect(message.contains("không phải cơ sở dữ liệu"))

        #expect(contents(path) == before, "the text file was modified")
    }

    @Test func aReadOnlyCopy() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("readonly.sqlite").path
        try makeDatabase(at: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        let before = try #require(contents(path))

        let error = #expect(throws: StoreError.self) { try AppDatabase.open(path: path, officer: "kiểm thử") }
        #expect(error == .readOnly(path: path))
        #expect(error?.exitCode == 3)
        let message = try #require(error?.message(.vi))
        #expect(message.contains(path))
        #expect(message.contains("chỉ cho phép đọc"))

        #expect(contents(path) == before, "the read-only file was modified")
        #expect(try Fixture.sqlite3(path, "SELECT name FROM unit", readOnly: true) == "Tỉnh Thử Nghiệm")
        let perms = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(perms == 0o444)
    }

    @Test func aDatabaseLockedByAnotherProcess() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("locked.sqlite").path
        try makeDatabase(at: path)
        let before = try Fixture.sqlite3(path, ".dump")

        let holder = SQLiteHolder(file: path)
        let ready = try holder.start(script: "BEGIN EXCLUSIVE;\nINSERT INTO meta VALUES('lock','1');\nSELECT 'ready';\n")
        #expect(ready, "sqlite3 never said ready: \(holder.transcript)")
        defer { holder.finish() }
        guard ready else { return }

        let started = Date()
        let error = #expect(throws: StoreError.self) {
            try AppDatabase.open(path: path, officer: "kiểm thử", busyTimeout: 0.2)
        }
        #expect(Date().timeIntervalSince(started) < 10, "open waited far longer than its busy timeout")
        #expect(error == .locked(path: path))
        #expect(error?.exitCode == 4)
        let message = try #require(error?.message(.vi))
        #expect(message.contains(path))
        #expect(message.contains("đang bị một tiến trình khác khóa"))

        holder.finish()
        #expect(holder.process.terminationStatus == 0)
        // The other process's transaction rolled back; our failed open wrote nothing.
        #expect(try Fixture.sqlite3(path, ".dump") == before, "the locked database's content changed")
        #expect(try Fixture.sqlite3(path, "SELECT count(*) FROM meta WHERE key = 'lock'") == "0")
        #expect(try Fixture.sqlite3(path, "SELECT name FROM unit") == "Tỉnh Thử Nghiệm")
        // And once the lock is gone the file opens normally.
        let reopened = try AppDatabase.open(path: path, officer: "kiểm thử")
        #expect(try reopened.count(.unit) == 1)
    }

    @Test func aDatabaseWrittenByANewerSchema() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("newer.sqlite").path
        try makeDatabase(at: path)
        try Fixture.sqlite3(path, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-a-newer-dvk')")
        // Compared as SQL text: GRDB's pool set-up creates and drops a scratch table
        // (grdb_issue_102) when no WAL file exists, which bumps the header but no data.
        let before = try Fixture.sqlite3(path, ".dump")
        let auditBefore = try Fixture.sqlite3(path, "SELECT count(*) FROM audit_log")

        let error = #expect(throws: StoreError.self) { try AppDatabase.open(path: path, officer: "kiểm thử") }
        #expect(error == .newerSchema(path: path))
        #expect(error?.exitCode == 3)
        let message = try #require(error?.message(.vi))
        #expect(message.contains(path))
        #expect(message.contains("phiên bản dvk mới hơn"))

        #expect(try Fixture.sqlite3(path, ".dump") == before, "the newer database's content changed")
        #expect(try Fixture.sqlite3(path, "SELECT identifier FROM grdb_migrations ORDER BY identifier") == "v1\nv2-marker\nv3-change-groups\nv4-divided-units\nv5-officers-approval\nv99-from-a-newer-dvk")
        #expect(try Fixture.sqlite3(path, "SELECT name FROM unit") == "Tỉnh Thử Nghiệm")
        #expect(try Fixture.sqlite3(path, "SELECT count(*) FROM audit_log") == auditBefore)
    }

    /// Control: a missing file is created, when asked, with the schema and the defaults.
    @Test func aMissingFileIsCreated() throws {
        let dir = try Fixture.tempDir()
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("sub/new.sqlite").path
        let db = try AppDatabase.open(path: path, officer: "kiểm thử", create: true)
        #expect(db.path == path)
        #expect(try db.targets().count == 4)
        #expect(try db.integrityCheck() == "ok")
    }
}
