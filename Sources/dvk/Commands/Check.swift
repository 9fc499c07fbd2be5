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
        let problems: [CheckProblem]
        do {
            problems = try reporting(lang) { try global.openForReading().check() }
        } catch let e as ExitCode where e.rawValue == ExitCodes.database && isCorrupt() {
            throw ExitCode(ExitCodes.checkFailed)
        }
        if problems.isEmpty {
            Output.out(lang == .vi ? "Cơ sở dữ liệu “\(global.databasePath())”: không có lỗi." : "Database “\(global.databasePath())”: no problems found.")
            return
        }
        Output.error(lang == .vi ? "“\(global.databasePath())” có \(problems.count) lỗi:" : "“\(global.databasePath())” has \(problems.count) problem(s):")
        for p in problems { Output.note("  " + p.message(lang)) }
        throw ExitCode(ExitCodes.checkFailed)
    }

    /// A file SQLite calls corrupt is a check that found damage (6), not a file that cannot be opened (3).
    private func isCorrupt() -> Bool {
        (try? global.openForReading().quickCheck()) != true
    }
}
