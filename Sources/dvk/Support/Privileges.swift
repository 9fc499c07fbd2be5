import DVKStore
import Foundation

/// The shared server's setgid binary (docs/DEPLOY.md): the database belongs
/// to the `dvk` group, which officers are not in, so only dvk, holding the
/// group, can open it. dvk opens it first, then gives the group up for good,
/// before it reads any input or writes any file: exports and snapshots are
/// written as the officer, and nothing the officer names is read with the
/// group's rights. The officer is the real uid's account, never $USER.
enum Privileges {
    /// Started through the setgid binary, still holding its group.
    static var isElevated: Bool { getegid() != getgid() }

    /// The OS account that runs dvk (over SSH, the signed-in user).
    static var account: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(getuid())"
    }

    /// Real, effective and saved group all become the officer's own
    /// (setregid with a real group sets the saved one too), so the group
    /// cannot be taken back: that is checked by trying. A failure stops dvk
    /// rather than run on with the group.
    static func dropGroup() {
        guard isElevated else { return }
        let own = getgid(), group = getegid()
        // Root could take any group back anyway (cron's backup runs the same binary).
        if setregid(own, own) != 0 || getegid() != own || (getuid() != 0 && setegid(group) == 0) {
            Output.error("dvk: không bỏ được quyền nhóm của chương trình (setresgid): dừng để an toàn. / cannot drop the program's group: stopping.")
            exit(1)
        }
    }
}

/// A command that works on the database named by `--db`: in the setgid
/// deployment, it is opened before the group is dropped.
protocol UsesStore {
    var global: GlobalOptions { get }
    /// Whether the command may make the database (init, import, generate).
    var createsStore: Bool { get }
}

extension UsesStore {
    var createsStore: Bool { false }
}

/// The database opened before the group was dropped; later opens of the
/// same path get this one, as no other connection can be opened then.
enum PreOpened {
    nonisolated(unsafe) static var store: (path: String, db: AppDatabase)?

    /// Opens `--db` with one connection, then drops the group; any other
    /// command only drops it. Called once, before the command runs.
    static func prepare(_ command: Any) throws {
        guard Privileges.isElevated else { return }
        defer { Privileges.dropGroup() }
        guard let c = command as? UsesStore else { return }
        let path = c.global.databasePath()
        let db = try reporting(c.global.language) {
            try AppDatabase.open(path: path, officer: Privileges.account, actingFor: c.global.officer, create: c.createsStore, oneConnection: true)
        }
        store = (path, db)
    }
}

extension Open: UsesStore {}
extension Status: UsesStore {}
extension Snapshot: UsesStore {}
extension Print: UsesStore {}
extension Export: UsesStore {}
extension Report: UsesStore {}
extension Settings: UsesStore {}
extension Undo: UsesStore {}
extension Check: UsesStore {}
extension Backup: UsesStore {}
extension Restore: UsesStore {}
extension Reassign: UsesStore {}
extension Import: UsesStore { var createsStore: Bool { true } }
extension Init: UsesStore { var createsStore: Bool { true } }
