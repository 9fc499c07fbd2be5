import ArgumentParser
import DVKCore
import DVKStore
import Foundation

/// `dvk restore FILE`: puts a backup back. FILE is checked first and refused
/// with nothing changed when it is not a sound dvk file; the database it
/// replaces is kept beside it as `.bak`.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: help("Khôi phục cơ sở dữ liệu từ một bản sao lưu; bản đang dùng được giữ lại thành tệp .bak.",
                       "Restore the database from a backup; the one in use is kept as a .bak file.")
    )

    @Argument(help: ArgumentHelp(help("Tệp sao lưu (do dvk backup tạo ra).", "The backup file (made by dvk backup)."), valueName: "FILE"))
    var file: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if file.isEmpty { throw ValidationError(help("FILE không được để trống.", "FILE must not be empty.")) }
    }

    func run() throws {
        let lang = global.language
        let w = Words(lang)
        let path = global.databasePath()
        let result = try reporting(lang) { try AppDatabase.restore(from: file, into: path, account: global.account) }
        let what = CopyCheck.describe(result.restored, lang)
        Output.out(w.pick("Đã khôi phục “\(path)” từ “\(file)”: \(what).", "Restored “\(path)” from “\(file)”: \(what)."))
        if let kept = result.previous {
            Output.out(w.pick("Dữ liệu trước khi khôi phục được giữ ở “\(kept)” (dvk không ghi đè bản .bak cũ: bản sau lấy tên .bak.1, .bak.2…).",
                              "The data from before the restore is kept in “\(kept)” (an older .bak is never overwritten: later ones are .bak.1, .bak.2…)."))
        } else {
            Output.out(w.pick("Trước đó chưa có cơ sở dữ liệu ở đây: không có gì cần giữ lại.", "There was no database here before: nothing to keep."))
        }
    }
}
