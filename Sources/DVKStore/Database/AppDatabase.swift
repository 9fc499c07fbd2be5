import DVKCore
import Foundation
import GRDB

/// The one owner of the SQLite connection and its migrator.
///
/// Writes are named methods (see `Writes/`), each one transaction with its
/// audit row. Files use a WAL pool so the dashboard can read while a write
/// runs; tests use an in-memory queue with the same configuration.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Who is recorded in the audit log.
    public let officer: String
    /// Where the database lives, for messages; ":memory:" in tests.
    public let path: String
    /// Opened for reading only (`--read-only`, or a file without write permission).
    public let isReadOnly: Bool
    /// The audit row of this connection's latest named write (each write's last insert).
    let latestAudit = LatestAudit()

    init(writer: any DatabaseWriter, officer: String, path: String, readOnly: Bool = false) throws {
        self.writer = writer
        self.officer = officer
        self.path = path
        isReadOnly = readOnly
        if !readOnly { try AppDatabase.prepare(writer, path: path) }
    }

    /// Whether the file's permission bits forbid writing (root can still write
    /// a 0444 file, but the bits say what the owner meant).
    public static func isReadOnlyFile(_ path: String) -> Bool {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return false }
        if let perms = try? fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int, perms & 0o222 == 0 { return true }
        return !fm.isWritableFile(atPath: path)
    }

    /// Opens an existing database for reading only: nothing is migrated or
    /// written, and every write is refused with the read-only message.
    public static func openReadOnly(path: String, officer: String, busyTimeout: TimeInterval = 1.5) throws -> AppDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "không có tệp này")
        }
        var config = configuration(busyTimeout: busyTimeout)
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            let (superseded, complete) = try queue.read { db in
                (try Schema.migrator.hasBeenSuperseded(db), try Schema.migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StoreError.newerSchema(path: path) }
            // A read-only file cannot be migrated: it must already be a complete dvk database.
            if !complete { throw StoreError.notADatabase(path: path) }
            return try AppDatabase(writer: queue, officer: officer, path: path, readOnly: true)
        } catch let e as DatabaseError {
            throw translate(e, path: path)
        }
    }

    /// Opens (creating when missing) the database at `path`.
    /// Every failure becomes a `StoreError` with a one-line message.
    public static func open(path: String, officer: String, busyTimeout: TimeInterval = 1.5) throws -> AppDatabase {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            // Root can write a 0444 file; the permission bits still say what the owner meant.
            if let perms = try? fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int, perms & 0o222 == 0 {
                throw StoreError.readOnly(path: path)
            }
            if !fm.isWritableFile(atPath: path) { throw StoreError.readOnly(path: path) }
        } else {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !fm.fileExists(atPath: dir) {
                do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                    throw StoreError.cannotOpen(path: path, reason: error.localizedDescription)
                }
            }
        }
        do {
            // Look before touching: a pool switches the file to WAL at once,
            // so a foreign or newer file is checked through a read-only queue first.
            if fm.fileExists(atPath: path) {
                var readOnly = configuration(busyTimeout: busyTimeout)
                readOnly.readonly = true
                let superseded = try DatabaseQueue(path: path, configuration: readOnly).read { db in
                    try Schema.migrator.hasBeenSuperseded(db)
                }
                if superseded { throw StoreError.newerSchema(path: path) }
            }
            let pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
            return try AppDatabase(writer: pool, officer: officer, path: path)
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError {
            throw translate(e, path: path)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// An empty in-memory database with the production schema and defaults.
    public static func inMemory(officer: String = "test") throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: configuration(busyTimeout: 0))
        return try AppDatabase(writer: queue, officer: officer, path: ":memory:")
    }

    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var c = Configuration()
        c.foreignKeysEnabled = true
        c.busyMode = .timeout(busyTimeout)
        return c
    }

    /// Checks the file is ours, refuses newer schemas, migrates, and makes
    /// sure nobody else holds the write lock, so a locked file is reported at
    /// open rather than at the officer's first save.
    private static func prepare(_ writer: any DatabaseWriter, path: String) throws {
        do {
            let migrator = Schema.migrator
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded { throw StoreError.newerSchema(path: path) }
            try migrator.migrate(writer)
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    if try Int.fetchOne(db, sql: "SELECT count(*) FROM target") == 0 {
                        try seedDefaults(db)
                    }
                    return .commit
                }
            }
        } catch let e as DatabaseError {
            throw translate(e, path: path)
        }
    }

    static func translate(_ e: DatabaseError, path: String) -> StoreError {
        switch e.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
        case .SQLITE_CONSTRAINT: return .constraint(detail: e.message ?? "")
        default: return .cannotOpen(path: path, reason: e.message ?? "\(e.resultCode)")
        }
    }

    /// The four fields and the four targets of Đề án 13: what a new database starts with.
    private static func seedDefaults(_ db: Database) throws {
        for f in Field.standard {
            try db.execute(sql: "INSERT OR IGNORE INTO field (code, name_vi, name_en, sort_order) VALUES (?, ?, ?, ?)",
                           arguments: [f.code, f.nameVI, f.nameEN, f.sortOrder])
        }
        for t in Target.defaults { try TargetRow.insert(t, db) }
    }

    /// Runs a read; database errors become `StoreError`s.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let e as DatabaseError { throw AppDatabase.translate(e, path: path) }
    }

    /// One write transaction with one audit row.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path) }
        do {
            let (result, rowID) = try writer.write { db in (try body(db), db.lastInsertedRowID) }
            latestAudit.set(rowID)
            return result
        } catch let e as DatabaseError { throw AppDatabase.translate(e, path: path) }
    }

    /// Integrity check, for tests and `dvk check`.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?" }
    }
}

extension AppDatabase {
    /// Whether this file was built by `dvk demo` (and so may be rebuilt).
    public func isDemoDatabase() throws -> Bool {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo'") == "1" }
    }

    public func markAsDemo() throws {
        try write { db in try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1')") }
    }

    /// Folds the WAL into the main file, so the file can be moved or copied alone.
    public func checkpoint() throws {
        _ = try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }
}

/// Remembers the audit row of the latest write through this `AppDatabase`,
/// so undo names this session's change even when another session writes too.
final class LatestAudit: @unchecked Sendable {
    private let lock = NSLock()
    private var id: Int64?
    func set(_ value: Int64) { lock.lock(); id = value; lock.unlock() }
    func get() -> Int64? { lock.lock(); defer { lock.unlock() }; return id }
}
