import ArgumentParser
import CursesTerminal
import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI

/// Options of the commands that open the dashboard.
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(help("Đơn vị mở đầu (tên, mã hoặc mã nhập; mặc định: đơn vị chính).", "Unit to open on (name, code or import ref; default: the home unit)."), valueName: "NAME|CODE"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp(help("Năm mở đầu (mặc định: năm của ngày số liệu).", "Year to open on (default: the data-as-of year)."), valueName: "Y"))
    var year: Int?

    @Flag(name: .long, help: ArgumentHelp(help("Không dùng màu (cũng theo biến NO_COLOR).", "No colours (NO_COLOR is honoured too).")))
    var mono = false

    @Option(name: .long, help: ArgumentHelp(help("Thư mục lưu bản in màn hình (mặc định: ~/dvk-snapshots).", "Folder for printed screens (default: ~/dvk-snapshots)."), valueName: "DIR"))
    var snapshots: String?

    @Flag(name: .customLong("read-only"), help: ArgumentHelp(help("Chỉ xem, không sửa dữ liệu.", "View only; no data can be changed.")))
    var readOnly = false

    @OptionGroup var map: MapOption

    var snapshotFolder: String { snapshots ?? SnapshotWriter.defaultFolder() }
}

/// Opens the full-screen dashboard; with no terminal (output redirected),
/// prints the status table instead of failing.
enum DashboardLauncher {
    /// Opens `path` for the dashboard: read-only when asked or when the file is not writable.
    static func open(path: String, options: DashboardOptions, global: GlobalOptions) throws -> AppDatabase {
        if options.readOnly || AppDatabase.isReadOnlyFile(path) {
            return try global.openForReading(path: path)
        }
        return try global.open(path: path)
    }

    static func run(db: AppDatabase, options: DashboardOptions, global: GlobalOptions) throws {
        let lang = global.language
        let start = try SessionStart.resolve(db: db, unit: options.unit, year: options.year, lang: lang, map: options.map.view())
        let noColor = !(global.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: CursesTerminal
        do {
            // A crash report goes beside the database: the data folder by default.
            terminal = try CursesTerminal(useColor: !options.mono && !noColor,
                                          crashReports: CrashReporting(folder: (crashFolder(db, global) as NSString).standardizingPath,
                                                                       language: lang == .vi ? .vietnamese : .english))
        } catch {
            let note = Words(lang).pick("dvk: không mở được màn hình terminal (kiểm tra biến TERM); in bảng tiến độ thay thế.",
                                        "dvk: cannot open the terminal screen (check TERM); printing the status table instead.")
            Output.note(note)
            try StatusPrinter(db: db, lang: lang).print(unit: options.unit, year: options.year, map: options.map.view())
            return
        }
        defer { terminal.shutdown() }
        let runner = EffectRunner(db: db, snapshots: SnapshotWriter(folder: options.snapshotFolder), lang: lang)
        var state = start.state(lang: lang, size: terminal.size, officer: db.officer)
        state.isReadOnly = db.isReadOnly
        state.officerRole = db.actor.officer.role
        var model = Dashboard(state: state)
        // The first frame shows before the first year is rolled up.
        let loads = BackgroundLoads(runner: runner)
        model.start(perform: loads.perform)
        if db.isReadOnly { model.state.notice = .info(Words(lang).pick("Chế độ chỉ đọc: không sửa được dữ liệu.", "Read-only: data cannot be changed.")) }
        var program = Program(model: model, terminal: terminal, inbox: loads.inbox, perform: loads.perform)
        // Answers of background loads are drawn within this many milliseconds, key or no key.
        program.readTimeoutMs = 25
        // SQLite reads damaged pages without complaint until it trips on
        // one: check the whole file once, off the key loop, and say so.
        let inbox = program.inbox
        Thread.detachNewThread {
            if (try? db.quickCheck()) == false {
                inbox.post(.failed(Words(lang).pick("Cơ sở dữ liệu có trang bị hỏng: số liệu có thể sai. Thoát và chạy dvk check, rồi khôi phục từ bản sao lưu.",
                                                    "The database has damaged pages: figures may be wrong. Quit, run dvk check, then restore a backup.")))
            }
        }
        // Other officers' saves: read again within a second, wherever this officer is.
        let watch = ChangeWatch(runner: runner, inbox: inbox)
        watch.start()
        defer { watch.stop() }
        try program.run()
    }
}

/// Beside the database, but for the shared server's, whose folder the
/// officer cannot write once dvk has dropped the group: their own data folder.
private func crashFolder(_ db: AppDatabase, _ global: GlobalOptions) -> String {
    PreOpened.store == nil ? DatabaseFolder.of(db.path) : DataFolders(environment: global.environment).data
}

enum DatabaseFolder {
    /// The folder of a database path ("." for a bare file name).
    static func of(_ path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? FileManager.default.currentDirectoryPath : dir
    }
}
