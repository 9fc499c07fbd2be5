import ArgumentParser
import DVKApp
import DVKCore
import DVKStore
import Foundation

/// `--db`, `--lang`, `--officer`: accepted by every command, anywhere after it.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(help("Tệp cơ sở dữ liệu (mặc định: $DVK_DB hoặc $XDG_DATA_HOME/dvk/dvk.sqlite).",
                                                  "Database file (default: $DVK_DB or $XDG_DATA_HOME/dvk/dvk.sqlite)."), valueName: "PATH"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(help("Ngôn ngữ: vi (mặc định) hoặc en; cũng đọc $DVK_LANG.",
                                                  "Language: vi (default) or en; $DVK_LANG is read too."), valueName: "vi|en"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp(help("Tên cán bộ ghi vào nhật ký (mặc định: tài khoản hệ điều hành).",
                                                  "Officer name written to the audit log (default: the OS user)."), valueName: "NAME"))
    var officer: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var language: Language { Language.resolve(flag: lang, environment: environment) }

    var officerName: String {
        officer ?? environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }

    /// `--db`, then `DVK_DB`, then `$XDG_DATA_HOME/dvk/<file>` (or ~/.local/share).
    func databasePath(defaultFile: String = "dvk.sqlite") -> String {
        if let db { return db }
        if let env = environment["DVK_DB"], !env.isEmpty { return env }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((base as NSString).appendingPathComponent("dvk") as NSString).appendingPathComponent(defaultFile)
    }

    func open(path: String? = nil) throws -> AppDatabase {
        try AppDatabase.open(path: path ?? databasePath(), officer: officerName)
    }
}

/// Turns a store error into its one-line message on stderr and its exit code.
func reporting<T>(_ lang: Language, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as StoreError {
        FileHandle.standardError.write(Data(("dvk: " + e.message(lang) + "\n").utf8))
        throw ExitCode(e.exitCode)
    } catch let e as UserError {
        FileHandle.standardError.write(Data(("dvk: " + e.message(lang) + "\n").utf8))
        throw ExitCode(e.exitCode)
    } catch let e as LookupError {
        FileHandle.standardError.write(Data(("dvk: " + e.message(lang) + "\n").utf8))
        throw ExitCode(e == .noUnits ? 0 : 2)
    }
}

/// Mistakes in what the user asked for (not in the data).
enum UserError: Error {
    case noSeeds
    case notADemoDatabase(String)
    case toolMissing(String)

    var exitCode: Int32 {
        2
    }

    func message(_ lang: Language) -> String {
        let vi = lang == .vi
        switch self {
        case .noSeeds:
            return vi ? "không tìm thấy thư mục seeds/ (dùng --seeds DIR hoặc chạy từ thư mục dự án)." : "seeds/ folder not found (use --seeds DIR or run from the project folder)."
        case let .notADemoDatabase(p):
            return vi ? "“\(p)” là cơ sở dữ liệu thật, không phải dữ liệu mẫu: dvk demo không ghi đè nó. Dùng --db với tệp khác."
                : "“\(p)” holds real data, not the demo: dvk demo will not overwrite it. Use --db with another file."
        case let .toolMissing(t):
            return vi ? "cần chương trình “\(t)” (apt-get install \(t))." : "needs the “\(t)” program (apt-get install \(t))."
        }
    }
}
