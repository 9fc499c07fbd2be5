import ArgumentParser
import DVKCore
import DVKStore
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: help("Dựng lại cơ sở dữ liệu mẫu từ seeds/ rồi mở bảng theo dõi.",
                       "Rebuild the demo database from seeds/ and open the dashboard.")
    )

    @Flag(name: .customLong("no-tui"), help: ArgumentHelp(help("Chỉ dựng cơ sở dữ liệu, không mở bảng theo dõi.", "Only build the database.")))
    var noTUI = false

    @Option(name: .long, help: ArgumentHelp(help("Thư mục dữ liệu mẫu (mặc định: seeds/ của dự án).", "Seed folder (default: the project's seeds/)."), valueName: "DIR"))
    var seeds: String?

    @OptionGroup var dashboard: DashboardOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            let path = try demoPath()
            let folder = try seedFolder()
            let summary = try DemoBuilder.rebuild(at: path, from: folder, officer: global.officerName)
            let note = Words(lang).pick("Đã dựng dữ liệu mẫu: \(path) (\(VietnameseNumber.integer(summary.total)) dòng từ \(folder.path))",
                                        "Demo database built: \(path) (\(summary.total) rows from \(folder.path))")
            Output.note(note)
            if !noTUI {
                try DashboardLauncher.run(db: try DashboardLauncher.open(path: path, options: dashboard, global: global), options: dashboard, global: global)
            }
        }
    }

    /// `--db` when given. Otherwise the default database, so that `dvk` and
    /// `dvk status` show the demo right after — unless the default database
    /// already holds real data: then `demo.sqlite` beside it.
    func demoPath() throws -> String {
        let main = global.databasePath()
        if global.db != nil || !FileManager.default.fileExists(atPath: main) { return main }
        if (try? DemoBuilder.mayReplace(main, officer: global.officerName)) == true { return main }
        let beside = ((main as NSString).deletingLastPathComponent as NSString).appendingPathComponent("demo.sqlite")
        let note = Words(global.language).pick("Cơ sở dữ liệu chính có dữ liệu thật nên không bị ghi đè; dữ liệu mẫu ở \(beside) (xem bằng --db \(beside)).",
                                               "The main database holds real data and is left alone; the demo is at \(beside) (view it with --db \(beside)).")
        Output.note(note)
        return beside
    }

    /// `--seeds`, then `DVK_SEEDS`, then `./seeds`, then the `seeds/` beside
    /// the package the executable was built in (`swift run` from elsewhere).
    func seedFolder() throws -> URL {
        var candidates: [String] = [seeds, global.environment["DVK_SEEDS"], "seeds"].compactMap { $0 }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("seeds").path)
            dir.deleteLastPathComponent()
        }
        for c in candidates where FileManager.default.fileExists(atPath: (c as NSString).appendingPathComponent("units.csv")) {
            return URL(fileURLWithPath: c)
        }
        throw UserError.noSeeds
    }
}

/// Builds the demo into a temporary file beside the target and swaps it in
/// only when the import succeeded, so a bad seed row never leaves a half
/// database — and a real database is never overwritten.
enum DemoBuilder {
    /// A demo, or a dvk database with no units yet (nothing an officer typed), may be rebuilt.
    static func mayReplace(_ path: String, officer: String) throws -> Bool {
        let db = try AppDatabase.openReadOnly(path: path, officer: officer)
        return try db.isDemoDatabase() || db.count(.unit) == 0
    }

    static func rebuild(at given: String, from folder: URL, officer: String) throws -> ImportSummary {
        let fm = FileManager.default
        // Through a symlink to the file it names: the link stays, the target is rebuilt.
        let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        var mode: Int?
        if fm.fileExists(atPath: path) {
            if AppDatabase.isReadOnlyFile(path) { throw StoreError.readOnly(path: given) }
            if try !mayReplace(path, officer: officer) { throw UserError.notADemoDatabase(given) }
            mode = try fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        }
        let temp = path + ".building"
        removeDatabase(at: temp)
        let summary: ImportSummary
        do {
            // Scoped so the connection is closed before the file moves.
            let db = try AppDatabase.open(path: temp, officer: officer, create: true)
            summary = try db.importFolder(folder)
            try db.markAsDemo()
            try db.checkpoint()
        } catch {
            removeDatabase(at: temp)
            throw error
        }
        removeDatabase(at: path)
        try fm.moveItem(atPath: temp, toPath: path)
        removeDatabase(at: temp)
        if let mode { try fm.setAttributes([.posixPermissions: mode], ofItemAtPath: path) }
        return summary
    }

    static func removeDatabase(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
