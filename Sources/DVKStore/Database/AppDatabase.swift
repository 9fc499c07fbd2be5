import DVKCore
import Foundation
import Glibc
import GRDB
import GRDBSQLite

/// The one owner of the SQLite connection and its migrator.
///
/// Writes are named methods (see `Writes/`), each one transaction with its
/// audit row. Files use a WAL pool so the dashboard can read while a write
/// runs; tests use an in-memory queue with the same configuration.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Who is signed in: the officer every write is checked against and
    /// recorded as, and the OS account behind them.
    public let actor: Actor
    /// The officer's name, as the audit log and printed headers show it.
    public var officer: String { actor.officer.name }
    /// Where the database lives, for messages; ":memory:" in tests.
    public let path: String
    /// Opened for reading only (`--read-only`, or a file without write permission).
    public let isReadOnly: Bool
    /// Inside `inOneChange`: the open transaction every read and write joins.
    /// Only used on the writer's queue, within that call.
    nonisolated(unsafe) private let bound: Database?

    /// `account` is who signs in (the OS account); `actingFor` names the
    /// officer an admin acts for (`--officer`).
    init(writer: any DatabaseWriter, account: String, actingFor: String? = nil, path: String, readOnly: Bool = false) throws {
        self.writer = writer
        self.path = path
        isReadOnly = readOnly
        bound = nil
        if !readOnly { try AppDatabase.prepare(writer, path: path) }
        do {
            actor = try writer.writeWithoutTransaction { db in
                try OfficerQueries.signIn(account: account, actingFor: actingFor, registerFounder: !readOnly, db)
            }
        } catch let e as DatabaseError {
            throw AppDatabase.translate(e, path: path)
        }
    }

    private init(joining db: Database, of outer: AppDatabase) {
        (writer, actor, path, isReadOnly, bound) = (outer.writer, outer.actor, outer.path, outer.isReadOnly, db)
    }

    private init(_ outer: AppDatabase, as actor: Actor) {
        (writer, self.actor, path, isReadOnly, bound) = (outer.writer, actor, outer.path, outer.isReadOnly, nil)
    }

    /// The same store as another officer, as `--officer` does: only an admin may.
    public func acting(for name: String) throws -> AppDatabase {
        let actor = try read { db in try OfficerQueries.signIn(account: self.actor.account, actingFor: name, registerFounder: false, db) }
        return AppDatabase(self, as: actor)
    }

    /// Several named writes as one transaction and one change: all are
    /// stored or none, and one undo takes them all back (a grid row's model
    /// and verdict, an import).
    public func inOneChange<T: Sendable>(_ body: @Sendable (AppDatabase) throws -> T) throws -> T {
        if bound != nil { return try body(self) }
        return try write { db in try body(AppDatabase(joining: db, of: self)) }
    }

    /// Whether the file's permission bits forbid writing (root can still write
    /// a 0444 file, but the bits say what the owner meant).
    public static func isReadOnlyFile(_ path: String) -> Bool {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return false }
        if let perms = try? fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int, perms & 0o222 == 0 { return true }
        // The effective ids, as the open will use them: the setgid binary may write what its user may not.
        return faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0
    }

    /// Opens an existing database for reading only: nothing is migrated or
    /// written (the header included), and every write is refused with the
    /// read-only message. Read commands (`status`, `snapshot`) use this.
    public static func openReadOnly(path: String, officer: String, actingFor: String? = nil, busyTimeout: TimeInterval = 1.5) throws -> AppDatabase {
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
            return try AppDatabase(writer: queue, account: officer, actingFor: actingFor, path: path, readOnly: true)
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
    ///
    /// `oneConnection`: the setgid deployment (docs/DEPLOY.md). Every
    /// connection must be open before dvk gives up the `dvk` group, and a
    /// pool opens its readers later, so one connection serves reads and
    /// writes; it keeps its -wal and -shm files when it closes, so they are
    /// never deleted and made again by an officer's process.
    public static func open(path: String, officer: String, actingFor: String? = nil, create: Bool = false,
                            oneConnection: Bool = false, busyTimeout: TimeInterval = 1.5) throws -> AppDatabase {
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
            let writer: any DatabaseWriter
            if oneConnection {
                var config = configuration(busyTimeout: busyTimeout)
                config.prepareDatabase { db in
                    var persist: Int32 = 1
                    _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
                }
                let queue = try DatabaseQueue(path: real, configuration: config)
                try queue.writeWithoutTransaction { db in
                    // WAL as a pool would set it, and a first read, so the -wal and -shm are open now.
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                }
                writer = queue
            } else {
                writer = try DatabasePool(path: real, configuration: configuration(busyTimeout: busyTimeout))
            }
            let db = try AppDatabase(writer: writer, account: officer, actingFor: actingFor, path: path)
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

    static func readOnlyQueue(_ path: String, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        var config = configuration(busyTimeout: busyTimeout)
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// A dvk file carries the marker in its header; files from before the
    /// marker are recognised by dvk's first migration and its `meta` table.
    static func checkOurs(_ queue: DatabaseQueue, path: String) throws {
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
        return try AppDatabase(writer: queue, account: officer, path: ":memory:")
    }

    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var c = Configuration()
        c.foreignKeysEnabled = true
        c.busyMode = busyTimeout > 0 ? .callback(busyWait(timeout: busyTimeout)) : .timeout(0)
        return c
    }

    /// Waits for another connection's lock by looking again every 1–3 ms
    /// until about `timeout`. SQLite's own timeout backs off to one look per
    /// 100 ms, and writers that save back to back take the lock in between,
    /// so one of four dashboards waited out its whole timeout (measured in
    /// docs/PERFORMANCE.md); looking often gives each a fair turn.
    static func busyWait(timeout: TimeInterval) -> Database.BusyCallback {
        let looks = max(1, Int(timeout / 0.002))
        return { tries in
            guard tries < looks else { return false }
            usleep(useconds_t.random(in: 1000...3000))
            return true
        }
    }

    /// Checks the file is ours, refuses newer schemas, migrates, and makes
    /// sure nobody else holds the write lock, so a locked file is reported at
    /// open rather than at the officer's first save.
    static func prepare(_ writer: any DatabaseWriter, path: String) throws {
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
        if let bound { return try body(bound) }
        do { return try writer.read(body) } catch let e as DatabaseError { throw AppDatabase.translate(e, path: path) }
    }

    /// One write transaction; named writes run theirs through `audited`.
    /// Inside `inOneChange` it joins the open transaction: only the outer
    /// call retries, so a change is never half retried.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path) }
        if let bound { return try body(bound) }
        return try AppDatabase.retryingBusy(path: path) { try writer.write(body) }
    }

    /// Pauses before the second and third attempt of a write. GRDB already
    /// begins writes IMMEDIATE, so a busy lock is waited for (the busy
    /// timeout) rather than failing on a read-to-write upgrade; the retries
    /// are for a writer starved past that timeout by others that keep taking
    /// the lock (several dashboards saving at once). Worst case, a lock held
    /// for good: three busy timeouts (4.5 s) and these pauses.
    static let busyRetryPauses: [TimeInterval] = [0.05, 0.15]

    /// Runs `attempt` again after SQLITE_BUSY or SQLITE_LOCKED: the whole
    /// transaction, which SQLite rolled back; gives up with `.busy`.
    static func retryingBusy<T>(path: String, _ attempt: () throws -> T) throws -> T {
        var pauses = busyRetryPauses[...]
        while true {
            do {
                return try attempt()
            } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
                guard let pause = pauses.popFirst() else { throw StoreError.busy(path: path) }
                // Jitter, so writers that gave up together do not come back together.
                Thread.sleep(forTimeInterval: pause * Double.random(in: 1...1.5))
            } catch let e as DatabaseError {
                throw translate(e, path: path)
            }
        }
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
