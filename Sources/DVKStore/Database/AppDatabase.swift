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
    /// written (the header included), and every write is refused with the
    /// read-only message. Read commands (`status`, `snapshot`) use this.
    public static func openReadOnly(path: String, officer: String, busyTimeout: TimeInterval = 1.5) throws -> AppDatabase {
        switch try DatabaseFile.inspect(path) {
        case .missing: throw StoreError.noDatabase(path: path)
        case .empty: throw StoreError.notADatabase(path: path)
        case .regular: break
        }
        guard DatabaseFile.hasSQLiteHeader(path) else { throw StoreError.notADatabase(path: path) }
        let companions = DatabaseFile.Companions(DatabaseFile.resolved(path))
        do {
            let queue = try readOnlyQueue(DatabaseFile.resolved(path), busyTimeout: busyTimeout)
            try checkOurs(queue, path: path)
            return try AppDatabase(writer: queue, officer: officer, path: path, readOnly: true)
        } catch let e as DatabaseError {
            throw translate(e, path: path)
        } catch let e as StoreError {
            companions.removeNew()
            throw e
        }
    }

    /// Opens the database at `path` for reading and writing. A missing or
    /// empty file becomes a new database only when `create` is set (`dvk
    /// init`, `import`, `demo`, `generate`); an SQLite file without dvk's
    /// marker is refused untouched. Every failure is a `StoreError`.
    public static func open(path: String, officer: String, create: Bool = false,
                            busyTimeout: TimeInterval = 1.5) throws -> AppDatabase {
        let state = try DatabaseFile.inspect(path)
        switch state {
        case .missing, .empty:
            guard create else { throw state == .missing ? StoreError.noDatabase(path: path) : StoreError.notADatabase(path: path) }
            if state == .missing { try DatabaseFile.createFolder(for: path) }
        case .regular:
            if isReadOnlyFile(path) { throw StoreError.readOnly(path: path) }
            guard DatabaseFile.hasSQLiteHeader(path) else { throw StoreError.notADatabase(path: path) }
        }
        let real = DatabaseFile.resolved(path)
        do {
            // Look before touching: a pool switches the file to WAL at once,
            // so a foreign or newer file is checked through a read-only queue first.
            if state == .regular {
                let companions = DatabaseFile.Companions(real)
                do { try checkOurs(try readOnlyQueue(real, busyTimeout: busyTimeout), path: path) } catch {
                    // Reading a WAL-mode file makes SQLite create -wal and -shm: a refused file is left as it was found.
                    companions.removeNew()
                    throw error
                }
            }
            let pool = try DatabasePool(path: real, configuration: configuration(busyTimeout: busyTimeout))
            let db = try AppDatabase(writer: pool, officer: officer, path: path)
            if state != .regular { DatabaseFile.restrict(real, mode: DatabaseFile.fileMode(for: real)) }
            return db
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError {
            throw translate(e, path: path)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    private static func readOnlyQueue(_ path: String, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        var config = configuration(busyTimeout: busyTimeout)
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// A dvk file carries the marker in its header; files from before the
    /// marker are recognised by dvk's first migration and its `meta` table.
    private static func checkOurs(_ queue: DatabaseQueue, path: String) throws {
        let (marked, legacy, superseded) = try queue.read { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let legacy = try db.tableExists("grdb_migrations") && db.tableExists("meta")
                && (try Bool.fetchOne(db, sql: "SELECT 1 FROM grdb_migrations WHERE identifier = 'v1'") ?? false)
            return (id == DatabaseFile.applicationID, legacy, legacy ? try Schema.migrator.hasBeenSuperseded(db) : false)
        }
        guard marked || legacy else { throw StoreError.notADvkDatabase(path: path) }
        if superseded { throw StoreError.newerSchema(path: path) }
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
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path)
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

    /// One write transaction; named writes run theirs through `audited`.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path) }
        do { return try writer.write(body) } catch let e as DatabaseError { throw AppDatabase.translate(e, path: path) }
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
