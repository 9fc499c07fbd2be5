import Foundation
import Glibc

/// What is at a database path, found with `stat` before SQLite opens it:
/// opening a FIFO blocks for ever and a directory or a dangling path gives
/// SQLite's English error, so each case gets its own message first.
enum DatabaseFile {
    enum State: Equatable {
        case missing
        /// A zero-byte file: no data and no dvk marker.
        case empty
        case regular
    }

    /// The marker in the SQLite header (`PRAGMA application_id`): "DVK1".
    static let applicationID: Int32 = 0x4456_4B31

    static func inspect(_ path: String) throws -> State {
        if path.utf8.count > 4000 { throw StoreError.badPath(path: String(path.prefix(60)) + "…", reason: .tooLong) }
        var st = stat()
        if stat(path, &st) != 0 {
            switch errno {
            case ENOENT:
                var lst = stat()
                if lstat(path, &lst) == 0 { throw StoreError.badPath(path: path, reason: .danglingLink) }
                return .missing
            case ELOOP: throw StoreError.badPath(path: path, reason: .symlinkLoop)
            case ENAMETOOLONG: throw StoreError.badPath(path: path, reason: .tooLong)
            case ENOTDIR: throw StoreError.badPath(path: path, reason: .notInFolder)
            case EACCES: throw StoreError.badPath(path: path, reason: .noPermission)
            default: throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return st.st_size == 0 ? .empty : .regular
        case S_IFDIR: throw StoreError.badPath(path: path, reason: .directory)
        default: throw StoreError.badPath(path: path, reason: .notRegularFile)
        }
    }

    /// The real file behind `path`, so a symlinked database is written
    /// through, never replaced, and its -wal and -shm sit beside the target.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// The first 16 bytes say whether this is an SQLite file at all.
    static func hasSQLiteHeader(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        return head == Data("SQLite format 3\u{0}".utf8)
    }

    /// Folder and file modes: private to the officer unless the folder is
    /// shared with a group (setgid or group-writable), then the group too.
    static func createFolder(for path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        guard !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) else { return }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.badPath(path: path, reason: .cannotCreateFolder)
        }
    }

    static func fileMode(for path: String) -> mode_t {
        let dir = (path as NSString).deletingLastPathComponent
        var st = stat()
        guard stat(dir.isEmpty ? "." : dir, &st) == 0 else { return 0o600 }
        return st.st_mode & (S_ISGID | S_IWGRP) != 0 ? 0o660 : 0o600
    }

    /// Sets the mode of a database and its companions (once, when created).
    static func restrict(_ path: String, mode: mode_t) {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, mode)
        }
    }

    /// The -wal and -shm beside a file, as they were before dvk looked at it.
    struct Companions {
        let path: String
        let existed: [String: Bool]

        init(_ path: String) {
            self.path = path
            existed = Dictionary(uniqueKeysWithValues: ["-wal", "-shm"].map { ($0, FileManager.default.fileExists(atPath: path + $0)) })
        }

        /// Removes the companions that opening created (the connection is closed by then).
        func removeNew() {
            for (suffix, was) in existed where !was { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
