import ArgumentParser
import DVKCore
import DVKStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dvk import DIR`: loads a folder of CSV files (the format of seeds/, see
/// docs/DATA.md). Into a database that already holds data, the rows are
/// matched by `ref` and only what differs is written, as one change.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: help("Nạp một thư mục tệp CSV (định dạng như seeds/, xem docs/DATA.md); nạp lại tệp đã sửa chỉ ghi phần khác.",
                       "Load a folder of CSV files (the seeds/ format, see docs/DATA.md); loading a corrected copy writes only what differs.")
    )

    @Argument(help: ArgumentHelp(help("Thư mục chứa units.csv và các tệp khác.", "Folder holding units.csv and the other files."), valueName: "DIR"))
    var folder: String

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(help("Chỉ in những gì sẽ thêm, sửa, giữ nguyên, bỏ qua; không ghi gì.",
                                                                "Only print what would be added, changed, left or skipped; write nothing.")))
    var dryRun = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            let url = URL(fileURLWithPath: folder)
            // Said before a database is opened: a mistyped folder creates nothing.
            try AppDatabase.checkImportFolder(url, lang: lang)
            let path = global.databasePath()
            if dryRun {
                let plan = try AppDatabase.planImport(url, databaseAt: path, officer: global.officerName, lang: lang)
                for line in plan.lines(lang) { Output.out(line) }
                return
            }
            let created = NewDatabase(path: path)
            let outcome: ImportOutcome
            do {
                outcome = try load(url, path: path, lang: lang)
            } catch {
                // A refused first import leaves nothing behind: no empty database to find later.
                created.remove()
                throw error
            }
            switch outcome {
            case let .loaded(summary):
                Output.out(Words(lang).pick("Đã nạp: ", "Imported: ") + summary.text(lang))
            case let .updated(plan, change):
                for line in plan.lines(lang, applied: true) { Output.out(line) }
                if let change {
                    Output.out(Words(lang).pick("Mã thay đổi: \(change). Hoàn tác cả lần nạp này: dvk undo \(change)",
                                                "Change id: \(change). To undo this whole import: dvk undo \(change)"))
                }
            }
        }
    }

    /// Opens, imports and closes: the database is released when this returns or throws.
    private func load(_ url: URL, path: String, lang: Language) throws -> ImportOutcome {
        let db = try global.open(path: path, create: true)
        return try db.importOrUpdate(url, lang: lang)
    }
}

/// What opening a database at `path` is about to create: the file when
/// nothing is there, and the folders above it that are missing.
struct NewDatabase {
    /// The database path, when nothing (not even a link) was there before.
    let file: String?
    /// Missing folders above it, deepest first.
    let folders: [String]

    init(path: String) {
        guard NewDatabase.isMissing(path) else {
            file = nil
            folders = []
            return
        }
        file = path
        var missing: [String] = []
        var dir = (path as NSString).deletingLastPathComponent
        while !dir.isEmpty, dir != "/", NewDatabase.isMissing(dir) {
            missing.append(dir)
            dir = (dir as NSString).deletingLastPathComponent
        }
        folders = missing
    }

    private static func isMissing(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) != 0 && errno == ENOENT
    }

    /// Removes the file, its -wal and -shm, and the folders made for it when empty.
    func remove() {
        guard let file else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            var st = stat()
            // Regular files only: never a link or anything else found there now.
            if lstat(file + suffix, &st) == 0, st.st_mode & S_IFMT == S_IFREG { unlink(file + suffix) }
        }
        for dir in folders { rmdir(dir) }
    }
}
