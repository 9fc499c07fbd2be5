import ArgumentParser
import DVKCore
import DVKStore

/// `dvk`: opens the default database (created with the default targets when missing).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: help("Mở bảng theo dõi trên cơ sở dữ liệu (mặc định).", "Open the dashboard on the database (the default).")
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            let db = try global.open()
            // The dashboard arrives with the next issue; until then, the status table.
            try StatusPrinter(db: db, lang: lang).print(unit: nil, year: nil)
        }
    }
}
