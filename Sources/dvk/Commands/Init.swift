import ArgumentParser
import DVKCore
import DVKStore
import Foundation

/// `dvk init`: the explicit way to make a new, empty database (the four
/// fields and the default targets of Đề án 13, no units yet).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: help("Tạo cơ sở dữ liệu mới, trống (lĩnh vực và chỉ tiêu mặc định).",
                       "Create a new, empty database (default fields and targets).")
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let path = global.databasePath()
        try reporting(lang) {
            if FileManager.default.fileExists(atPath: path) {
                // Opening checks it is dvk's; an existing database is left as it is.
                _ = try global.openForReading()
                Output.note(Words(lang).pick("Đã có cơ sở dữ liệu “\(path)”: giữ nguyên.", "Database “\(path)” already exists: left as it is."))
                return
            }
            _ = try global.open(create: true)
            Output.note(Words(lang).pick("Đã tạo cơ sở dữ liệu “\(path)”. Thêm đơn vị bằng dvk (phím a) hoặc nạp CSV bằng dvk import DIR.",
                                         "Created database “\(path)”. Add units in dvk (key a) or load CSV files with dvk import DIR."))
        }
    }
}
