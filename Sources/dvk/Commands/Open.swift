import ArgumentParser
import DVKCore
import DVKStore
import Foundation

/// `dvk`: opens the dashboard on the default database (created with the default targets when missing).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: help("Mở bảng theo dõi trên cơ sở dữ liệu (mặc định).", "Open the dashboard on the database (the default).")
    )

    @OptionGroup var dashboard: DashboardOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.language) {
            // Without a terminal only the status table is printed: a read, so the file is opened read-only.
            if isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
                let lang = global.language
                Output.note(Words(lang).pick("dvk: không có màn hình terminal (đầu vào hoặc đầu ra đã chuyển hướng); in bảng tiến độ thay thế.",
                                             "dvk: no terminal (input or output redirected); printing the status table instead."))
                try StatusPrinter(db: try global.openForReading(), lang: lang).print(unit: dashboard.unit, year: dashboard.year, map: dashboard.map.view())
                return
            }
            let db = try DashboardLauncher.open(path: global.databasePath(), options: dashboard, global: global)
            try DashboardLauncher.run(db: db, options: dashboard, global: global)
        }
    }
}
