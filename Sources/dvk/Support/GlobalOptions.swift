import ArgumentParser
import DVKApp
import DVKCore
import DVKDocuments
import DVKExport
import DVKStore
import Foundation
import TerminalUI

/// `--db`, `--lang`, `--officer`: accepted by every command, anywhere after it.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(help("Tệp cơ sở dữ liệu (mặc định: $DVK_DB hoặc $XDG_DATA_HOME/dvk/dvk.sqlite).",
                                                  "Database file (default: $DVK_DB or $XDG_DATA_HOME/dvk/dvk.sqlite)."), valueName: "PATH"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(help("Ngôn ngữ: vi (mặc định) hoặc en; cũng đọc $DVK_LANG.",
                                                  "Language: vi (default) or en; $DVK_LANG is read too."), valueName: "vi|en"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp(help("Làm thay cán bộ có tên này (chỉ quản trị viên; mặc định: cán bộ của tài khoản hệ điều hành).",
                                                  "Act for the officer of this name (admins only; default: the OS account's officer)."), valueName: "NAME"))
    var officer: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var language: Language { Language.resolve(flag: lang, environment: environment) }

    /// Longest officer name kept in the audit log and printed headers.
    static let officerLimit = 60

    func validate() throws {
        if let officer { try GlobalOptions.checkOfficer(officer) }
        if let db, db.isEmpty { throw ValidationError(help("--db không được để trống.", "--db must not be empty.")) }
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError(help("--lang phải là vi hoặc en.", "--lang must be vi or en."))
        }
    }

    /// A name that goes into audit rows and `.txt` headers: one line, no
    /// controls (a newline would forge a header line), not too long.
    static func checkOfficer(_ name: String) throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(help("--officer không được để trống.", "--officer must not be empty."))
        }
        if name.count > officerLimit {
            throw ValidationError(help("--officer quá dài: tối đa \(officerLimit) ký tự.", "--officer is too long: at most \(officerLimit) characters."))
        }
        if sanitize(name) != name {
            throw ValidationError(help("--officer có ký tự điều khiển hoặc xuống dòng: chỉ dùng chữ, số và dấu câu.",
                                       "--officer contains control characters or line breaks: use letters, digits and punctuation."))
        }
    }

    /// Who signs in: the OS account of the real uid (not $USER, which
    /// anyone can set). `--officer` names an officer an admin acts for.
    var account: String { String(sanitize(Privileges.account).prefix(GlobalOptions.officerLimit)) }

    /// The name for headers before a store is open; once open, the store's `officer`.
    var officerName: String { officer ?? account }

    /// `--db`, then `DVK_DB`, then `$XDG_DATA_HOME/dvk/<file>` (or `$HOME/.local/share/dvk`).
    func databasePath(defaultFile: String = "dvk.sqlite") -> String {
        if let db { return db }
        if let env = environment["DVK_DB"], !env.isEmpty { return env }
        return (DataFolders(environment: environment).data as NSString).appendingPathComponent(defaultFile)
    }

    /// Opens for reading and writing; `create` only for commands that make a database.
    func open(path: String? = nil, create: Bool = false) throws -> AppDatabase {
        let path = path ?? databasePath()
        if let pre = PreOpened.store, pre.path == path { return pre.db }
        return try AppDatabase.open(path: path, officer: account, actingFor: officer, create: create)
    }

    /// Opens for reading only: nothing in the file changes.
    func openForReading(path: String? = nil) throws -> AppDatabase {
        let path = path ?? databasePath()
        if let pre = PreOpened.store, pre.path == path { return pre.db }
        return try AppDatabase.openReadOnly(path: path, officer: account, actingFor: officer)
    }
}

/// Turns a store error into its one-line message on stderr and its exit code.
func reporting<T>(_ lang: Language, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as StoreError {
        Output.error(e.message(lang))
        throw ExitCode(e.exitCode)
    } catch let e as UserError {
        Output.error(e.message(lang))
        throw ExitCode(e.exitCode)
    } catch let e as LookupError {
        Output.error(e.message(lang))
        throw ExitCode(e.exitCode)
    } catch let e as OutputError {
        Output.error(e.message(lang))
        throw ExitCode(ExitCodes.fileError)
    } catch let e as CocoaError {
        Output.error(FileMessage.describe(e, lang))
        throw ExitCode(ExitCodes.fileError)
    } catch let e as ReportError {
        Output.error(e.message(lang))
        throw ExitCode(ExitCodes.usage)
    } catch let e as ListError {
        Output.error(e.message(lang))
        throw ExitCode(ExitCodes.usage)
    } catch let e as ExportError {
        Output.error(e.message(lang))
        throw ExitCode(ExitCodes.fileError)
    } catch let e as DocumentError {
        Output.error(e.message(lang))
        throw ExitCode(ExitCodes.fileError)
    }
}

/// Mistakes in what the user asked for (not in the data).
enum UserError: Error {
    case noSeeds
    case notADemoDatabase(String)
    case toolMissing(String)
    /// An option's value that only the data can judge (a year outside the data's span).
    case badOption(String, String)

    var exitCode: Int32 {
        ExitCodes.usage
    }

    func message(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case .noSeeds:
            return w.pick("không tìm thấy thư mục seeds/ (dùng --seeds DIR hoặc chạy từ thư mục dự án).", "seeds/ folder not found (use --seeds DIR or run from the project folder).")
        case let .notADemoDatabase(p):
            return w.pick("“\(p)” là cơ sở dữ liệu thật, không phải dữ liệu mẫu: dvk demo không ghi đè nó. Dùng --db với tệp khác.",
                          "“\(p)” holds real data, not the demo: dvk demo will not overwrite it. Use --db with another file.")
        case let .badOption(option, why):
            return "\(option): \(why)"
        case let .toolMissing(t):
            return w.pick("cần chương trình “\(t)” (apt-get install \(t)).", "needs the “\(t)” program (apt-get install \(t)).")
        }
    }
}
