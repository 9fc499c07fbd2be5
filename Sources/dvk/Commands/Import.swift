import ArgumentParser
import DVKCore
import DVKStore
import Foundation

/// `dvk import DIR`: loads a folder of CSV files (the format of seeds/, see docs/DATA.md).
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: help("Nạp một thư mục tệp CSV (định dạng như seeds/, xem docs/DATA.md).",
                       "Load a folder of CSV files (the seeds/ format, see docs/DATA.md).")
    )

    @Argument(help: ArgumentHelp(help("Thư mục chứa units.csv và các tệp khác.", "Folder holding units.csv and the other files."), valueName: "DIR"))
    var folder: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            let db = try global.open(create: true)
            let summary = try db.importFolder(URL(fileURLWithPath: folder), lang: lang)
            let counts = summary.rows.sorted { $0.key < $1.key }.map { "\($0.key) \(VietnameseNumber.integer($0.value, lang))" }
            Output.out((lang == .vi ? "Đã nạp: " : "Imported: ") + counts.joined(separator: ", "))
        }
    }
}
