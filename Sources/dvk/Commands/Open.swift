import ArgumentParser
import DVKCore
import DVKStore

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
            let db = try DashboardLauncher.open(path: global.databasePath(), options: dashboard, global: global)
            try DashboardLauncher.run(db: db, options: dashboard, global: global)
        }
    }
}
