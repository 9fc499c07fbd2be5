import ArgumentParser
import DVKCore
import DVKStore
import Foundation

/// `dvk backup FILE`: a copy of the database, safe while others write, then
/// the checks of `dvk check` run on the copy, so a backup is known good the
/// day it is made, not the day it is needed.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: help("Sao lưu cơ sở dữ liệu vào một tệp mới (an toàn khi người khác đang ghi), rồi kiểm tra bản sao.",
                       "Back the database up into a new file (safe while others write), then check the copy.")
    )

    @Argument(help: ArgumentHelp(help("Tệp sao lưu mới; dvk không ghi đè tệp có sẵn.", "The new backup file; an existing file is never overwritten."),
                                 valueName: "FILE"))
    var file: String

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if file.isEmpty { throw ValidationError(help("FILE không được để trống.", "FILE must not be empty.")) }
    }

    func run() throws {
        let lang = global.language
        let w = Words(lang)
        let (contents, problems) = try reporting(lang) {
            // Read-only: a backup changes not a byte of the live file, and works on a 0444 one.
            let contents = try global.openForReading().backup(to: file)
            return (contents, try CopyCheck.problems(file, officer: global.officerName))
        }
        let what = CopyCheck.describe(contents, lang)
        Output.out(w.pick("Đã sao lưu “\(global.databasePath())” vào “\(file)”: \(what).",
                          "Backed up “\(global.databasePath())” to “\(file)”: \(what)."))
        try CopyCheck.report(problems, file: file, lang: lang)
    }
}

/// The checks of `dvk check` on a copy, said the same way.
enum CopyCheck {
    static func problems(_ path: String, officer: String) throws -> [CheckProblem] {
        do { return try AppDatabase.openReadOnly(path: path, officer: officer).check() } catch StoreError.corrupt {
            return [CheckProblem(kind: .integrity, detail: "SQLITE_CORRUPT")]
        }
    }

    static func describe(_ c: StoreContents, _ lang: Language) -> String {
        Words(lang).pick("\(VietnameseNumber.integer(c.units, .vi)) đơn vị, \(VietnameseNumber.integer(c.models, .vi)) mô hình",
                         "\(VietnameseNumber.integer(c.units, .en)) units, \(VietnameseNumber.integer(c.models, .en)) models")
    }

    /// Says the copy passed, or lists what was found and exits 6 as `dvk check` does.
    static func report(_ problems: [CheckProblem], file: String, lang: Language) throws {
        let w = Words(lang)
        if problems.isEmpty {
            Output.out(w.pick("Kiểm tra bản sao (như dvk check --db \(file)): không có lỗi.",
                              "Checked the copy (as dvk check --db \(file)): no problems found."))
            return
        }
        Output.error(w.pick("bản sao “\(file)” có \(problems.count) lỗi (cơ sở dữ liệu gốc cũng vậy: chạy dvk check):",
                            "the copy “\(file)” has \(problems.count) problem(s) (so has the original: run dvk check):"))
        for p in problems.prefix(5) { Output.note("  " + p.message(lang)) }
        throw ExitCode(ExitCodes.checkFailed)
    }
}
