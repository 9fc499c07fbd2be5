import ArgumentParser
import DVKCore
import DVKStore

/// `dvk check`: is the file sound? Integrity, references, derived counts, loops.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: help("Kiểm tra cơ sở dữ liệu: tệp không hỏng, tham chiếu đủ, số tổng hợp khớp khi đếm lại.",
                       "Check the database: no damage, no dangling references, derived counts match a recount.")
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let problems = try reporting(lang) {
            do { return try global.openForReading().check() } catch StoreError.corrupt {
                // SQLite refusing to read a page is what check is for: a finding (6), not an unusable file (3).
                return [CheckProblem(kind: .integrity, detail: "SQLITE_CORRUPT")]
            }
        }
        if problems.isEmpty {
            Output.out(Words(lang).pick("Cơ sở dữ liệu “\(global.databasePath())”: không có lỗi.", "Database “\(global.databasePath())”: no problems found."))
            return
        }
        Output.error(Words(lang).pick("“\(global.databasePath())” có \(problems.count) lỗi:", "“\(global.databasePath())” has \(problems.count) problem(s):"))
        // SQLite lists every damaged cell; the first few say enough to act on.
        let integrity = problems.filter { $0.kind == .integrity }
        for p in problems.filter({ $0.kind != .integrity }) + integrity.prefix(3) { Output.note("  " + p.message(lang)) }
        if integrity.count > 3 {
            Output.note(Words(lang).pick("  … và \(integrity.count - 3) chỗ hỏng khác. Hãy khôi phục từ bản sao lưu.",
                                         "  … and \(integrity.count - 3) more damaged places. Restore from a backup."))
        }
        throw ExitCode(ExitCodes.checkFailed)
    }
}
