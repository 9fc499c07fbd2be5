import DVKCore
import Foundation
import Glibc
import GRDB

/// What a copy holds, said back to the officer after a backup or a restore.
public struct StoreContents: Equatable, Sendable {
    public var units: Int
    public var models: Int

    static func read(_ db: Database) throws -> StoreContents {
        StoreContents(units: try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0,
                      models: try Int.fetchOne(db, sql: "SELECT count(*) FROM model") ?? 0)
    }
}

/// What `restore` did.
public struct RestoreResult: Equatable, Sendable {
    /// What the live database holds now.
    public var restored: StoreContents
    /// Where the previous contents were kept; nil when there was no database before.
    public var previous: String?
}

extension AppDatabase {
    /// `dvk backup`: copies the whole database into a new file with SQLite's
    /// online backup, from one read transaction, so writes by other
    /// processes meanwhile are either wholly in the copy or not at all, and
    /// nobody waits. An existing path is never replaced. The copy is one
    /// self-contained file (no -wal beside it).
    public func backup(to target: String) throws -> StoreContents {
        do {
            return try BackupFile.create(target, database: path) { dest in
                try writer.read { source in try source.backup(to: dest) }
            }
        } catch let e as DatabaseError {
            throw AppDatabase.translate(e, path: path)
        }
    }

    /// `dvk restore`: checks `source` (an SQLite file of dvk's, sound, not
    /// from a newer dvk) and refuses it with nothing changed otherwise; then
    /// keeps the live database as `<db>.bak` (or the first free `.bak.N`),
    /// and writes `source` into the live file with the backup API, so other
    /// open connections see the old or the new database, never a swapped
    /// file. An older schema is migrated after, as at open.
    ///
    /// `account`: who restores; replacing a store that has officers is an
    /// admin's step (nil: a caller in this process that checked already).
    public static func restore(from source: String, into live: String, account: String? = nil,
                               busyTimeout: TimeInterval = 1.5) throws -> RestoreResult {
        let checked = try BackupFile.restorable(source, live: live, busyTimeout: busyTimeout)
        defer { checked.close() }
        let state = try DatabaseFile.inspect(live)
        if state != .regular {
            // Nothing to keep: the backup becomes the database.
            if state == .missing { try DatabaseFile.createFolder(for: BackupFile.absolute(live)) }
            do {
                _ = try BackupFile.create(live, database: live, replacingEmpty: state == .empty) { dest in
                    try checked.queue.read { src in try src.backup(to: dest) }
                }
                // Migrated as at open; whose officers it holds is the backup's.
                let pool = try DatabasePool(path: DatabaseFile.resolved(live), configuration: configuration(busyTimeout: busyTimeout))
                try prepare(pool, path: live)
                try pool.close()
            } catch let e as DatabaseError {
                throw translate(e, path: live)
            }
            return RestoreResult(restored: checked.contents, previous: nil)
        }
        if isReadOnlyFile(live) { throw StoreError.readOnly(path: live) }
        guard DatabaseFile.hasSQLiteHeader(live) else { throw StoreError.notADatabase(path: live) }
        let real = DatabaseFile.resolved(live)
        do {
            try refuseForeign(real, path: live, busyTimeout: busyTimeout)
            let pool = try DatabasePool(path: real, configuration: configuration(busyTimeout: busyTimeout))
            defer { try? pool.close() }
            if let account {
                let who = try pool.read { db in try OfficerQueries.signIn(account: account, actingFor: nil, registerFounder: false, db) }
                if let r = AccessPolicy.check(who.officer, .manageOfficers) { throw StoreError.refused(r) }
            }
            let livePageSize = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
            // Into a WAL file, SQLite's backup cannot change the page size.
            if livePageSize != checked.pageSize {
                throw StoreError.cannotRestore(path: source, reason: .pageSize(backup: checked.pageSize, live: livePageSize))
            }
            var kept: String?
            do {
                try pool.writeWithoutTransaction { db in
                    // The writer holds the lock while a reader takes the .bak (SQLite will not back up
                    // from a connection in a write transaction), so no save lands between the copy and
                    // the restore: the .bak is what the restore replaces, but for the instant below.
                    try db.inTransaction(.immediate) {
                        kept = try pool.read { current in
                            try BackupFile.createBak(for: live) { dest in try current.backup(to: dest) }
                        }
                        return .commit
                    }
                    // Nor into a connection with an open transaction: the lock is let go here and taken
                    // again at once by the backup itself.
                    try checked.queue.read { src in try src.backup(to: db) }
                }
            } catch {
                // Nothing was restored: the copy made for it goes too.
                if let kept { BackupFile.remove(kept) }
                throw error
            }
            try prepare(pool, path: live)
            return RestoreResult(restored: checked.contents, previous: kept)
        } catch let e as DatabaseError {
            throw translate(e, path: live)
        }
    }

    /// The live file must be dvk's: another program's database at the path is
    /// never replaced. A damaged or newer one is: that is what a restore is for,
    /// and its .bak keeps it.
    private static func refuseForeign(_ real: String, path: String, busyTimeout: TimeInterval) throws {
        let companions = DatabaseFile.Companions(real)
        do {
            let queue = try readOnlyQueue(real, busyTimeout: busyTimeout)
            defer { try? queue.close() }
            try checkOurs(queue, path: path)
        } catch StoreError.notADvkDatabase(let p) {
            companions.removeNew()
            throw StoreError.notADvkDatabase(path: p)
        } catch StoreError.newerSchema {
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CORRUPT {
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            companions.removeNew()
            throw StoreError.notADatabase(path: path)
        }
    }
}

/// New files for copies: created exclusively (never over anything), with
/// the mode a new database gets, and removed again when the copy fails.
enum BackupFile {
    /// A source that passed every check, still open for the restore.
    struct Checked {
        let queue: DatabaseQueue
        let contents: StoreContents
        let pageSize: Int
        let companions: DatabaseFile.Companions

        func close() {
            try? queue.close()
            companions.removeNew()
        }
    }

    /// Creates `target`, fills it through `fill` (given the new file's
    /// connection) and turns it into a rollback-journal file: the backup
    /// copies the live header, WAL flag included, and a copy is carried alone.
    static func create(_ target: String, database: String, replacingEmpty: Bool = false,
                       fill: (Database) throws -> Void) throws -> StoreContents {
        if !replacingEmpty { try createExclusive(target, database: database) }
        do {
            let queue = try DatabaseQueue(path: target, configuration: AppDatabase.configuration(busyTimeout: 0))
            defer { try? queue.close() }
            return try queue.writeWithoutTransaction { db in
                try fill(db)
                // Reading first makes this connection see the copied WAL flag; only then can it be switched off.
                let contents = try StoreContents.read(db)
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                if mode?.lowercased() != "delete" { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "journal_mode \(mode ?? "?")") }
                return contents
            }
        } catch {
            if !replacingEmpty { remove(target) }
            throw error
        }
    }

    /// Makes the previous contents' copy at `<db>.bak`, or `.bak.1`, `.bak.2`…
    /// when those are taken: an older .bak is never replaced or renamed.
    static func createBak(for live: String, fill: (Database) throws -> Void) throws -> String {
        for n in 0..<1000 {
            let name = live + (n == 0 ? ".bak" : ".bak.\(n)")
            do {
                _ = try create(name, database: live, fill: fill)
                return name
            } catch StoreError.cannotWriteCopy(_, .exists) {
                continue
            }
        }
        throw StoreError.cannotWriteCopy(path: live + ".bak", reason: .exists)
    }

    /// Creates an empty `target` with O_EXCL: an existing file, folder or
    /// link is refused in the same system call that would create it, so no
    /// check-then-write race can replace one.
    static func createExclusive(_ target: String, database: String) throws {
        if target.utf8.count > 4000 { throw StoreError.cannotWriteCopy(path: String(target.prefix(60)) + "…", reason: .tooLong) }
        let live = DatabaseFile.resolved(database)
        if ["-wal", "-shm", "-journal"].map({ live + $0 }).contains(resolvedNew(target)) {
            throw StoreError.cannotWriteCopy(path: target, reason: .companion)
        }
        let mode = DatabaseFile.fileMode(for: absolute(target))
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            let code = errno
            var st = stat()
            let isFolder = stat(target, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
            let reason: StoreError.CopyProblem
            switch code {
            case EEXIST: reason = isFolder ? .directory : .exists
            case EISDIR: reason = .directory
            case ENOENT: reason = .noFolder
            case ENOTDIR: reason = .notInFolder
            case EACCES, EPERM, EROFS: reason = .noPermission
            case ENAMETOOLONG: reason = .tooLong
            default: reason = .other(String(cString: strerror(code)))
            }
            throw StoreError.cannotWriteCopy(path: target, reason: reason)
        }
        // The umask may have taken bits the folder's sharing asks for.
        fchmod(fd, mode)
        close(fd)
        // A stale journal beside the new name would be played into the copy when SQLite opens it.
        for suffix in ["-wal", "-journal"] where FileManager.default.fileExists(atPath: target + suffix) {
            unlink(target)
            throw StoreError.cannotWriteCopy(path: target + suffix, reason: .exists)
        }
    }

    /// Where a path that does not exist yet would be, its folder's links followed.
    private static func resolvedNew(_ path: String) -> String {
        let (dir, name) = split(path)
        let folder = DatabaseFile.resolved(dir)
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Folder and name, by hand: Foundation's `deletingLastPathComponent`
    /// traps on a one-character name such as `x` or `.` (Swift 6.3.1, Linux).
    static func split(_ path: String) -> (folder: String, name: String) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return (".", trimmed) }
        let folder = String(trimmed[..<slash])
        return (folder.isEmpty ? "/" : folder, String(trimmed[trimmed.index(after: slash)...]))
    }

    /// An absolute path, for the helpers that take a path apart with Foundation.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Removes a copy this process made, and what SQLite left beside it.
    static func remove(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// Opens `source` read-only and checks everything a restore needs; every
    /// refusal is `.cannotRestore` and leaves `source` as it was found.
    static func restorable(_ source: String, live: String, busyTimeout: TimeInterval) throws -> Checked {
        let refuse = { (r: StoreError.RestoreProblem) in StoreError.cannotRestore(path: source, reason: r) }
        let state: DatabaseFile.State
        do { state = try DatabaseFile.inspect(source) } catch let StoreError.badPath(_, reason) { throw refuse(.path(reason)) }
        switch state {
        case .missing: throw refuse(.missing)
        case .empty: throw refuse(.notSQLite)
        case .regular: break
        }
        guard DatabaseFile.hasSQLiteHeader(source) else { throw refuse(.notSQLite) }
        let real = DatabaseFile.resolved(source)
        if real == DatabaseFile.resolved(live) { throw refuse(.sameFile) }
        let companions = DatabaseFile.Companions(real)
        var queue: DatabaseQueue?
        do {
            let q = try AppDatabase.readOnlyQueue(real, busyTimeout: busyTimeout)
            queue = q
            try AppDatabase.checkOurs(q, path: source)
            let (problems, pageSize, contents) = try q.read { db in
                (try String.fetchAll(db, sql: "PRAGMA integrity_check(3)"),
                 try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
                 try StoreContents.read(db))
            }
            if problems != ["ok"] { throw refuse(.damaged(problems.joined(separator: "; "))) }
            return Checked(queue: q, contents: contents, pageSize: pageSize, companions: companions)
        } catch {
            try? queue?.close()
            companions.removeNew()
            switch error {
            case StoreError.notADvkDatabase: throw refuse(.notDvk)
            case StoreError.newerSchema: throw refuse(.newerSchema)
            case let e as DatabaseError where e.resultCode == .SQLITE_NOTADB: throw refuse(.notSQLite)
            case let e as DatabaseError where e.resultCode == .SQLITE_CORRUPT: throw refuse(.damaged("SQLITE_CORRUPT"))
            case let e as DatabaseError: throw StoreError.cannotOpen(path: source, reason: e.message ?? "\(e.resultCode)")
            default: throw error
            }
        }
    }
}
