import ArgumentParser
import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI

/// `dvk export SCREEN -o FILE` and `dvk print SCREEN -o FILE`: a screen's
/// whole list, the rows and order the dashboard shows, as a spreadsheet or
/// as A4 pages. The format is the file's extension.
struct ListOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(help("Màn hình: overview (các chỉ tiêu), units, models, satisfaction, history, completeness.",
                                      "Screen: overview (the targets), units, models, satisfaction, history, completeness.")))
    var screen: String

    @Option(name: .long, help: ArgumentHelp(help("Đơn vị (tên, mã hoặc mã nhập).", "Unit (name, code or import ref)."), valueName: "NAME|CODE"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp(help("Năm.", "Year."), valueName: "Y"))
    var year: Int?

    @OptionGroup var map: MapOption

    func validate() throws {
        guard Screen(slug: screen) != nil else {
            throw ValidationError(help("Màn hình phải là một trong: ", "SCREEN must be one of: ") + Screen.allCases.map(\.slug).joined(separator: ", ") + ".")
        }
    }

    /// The list as the dashboard would show it, every row.
    func table(_ global: GlobalOptions, db: AppDatabase) throws -> (DataTable, [String]) {
        let lang = global.language
        guard try db.quickCheck() else { throw StoreError.corrupt(path: db.path) }
        let start = try SessionStart.resolve(db: db, unit: unit, year: year, lang: lang, map: map.view())
        if year != nil { try DataYears.check([start.year], option: "--year", db: db, lang: lang) }
        let writer = SnapshotWriter(folder: SnapshotWriter.defaultFolder())
        let runner = EffectRunner(db: db, snapshots: writer, lang: lang)
        // A tall screen: the list's filters are the screen's defaults, its rows all read.
        let model = Headless.dashboard(start: start, screen: Screen(slug: screen)!, size: Size(width: 160, height: 50),
                                       lang: lang, officer: global.officerName, runner: runner)
        guard let job = View.listJob(model.state) else { throw ListError.nothingToList(screen) }
        return (try ListFiles.table(job, db: db, lang: lang), writer.header(job.header, lang: lang))
    }
}

enum ListError: Error {
    case nothingToList(String)
    case badExtension(String, allowed: [String])
}

extension ListError {
    func message(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case let .nothingToList(s):
            return w.pick("màn hình \(s) không có danh sách để in hay xuất.", "the \(s) screen has no list to print or export.")
        case let .badExtension(path, allowed):
            return w.pick("không biết ghi “\(path)” theo định dạng nào: dùng đuôi \(allowed.map { "." + $0 }.joined(separator: ", ")).",
                          "cannot tell the format of “\(path)”: use \(allowed.map { "." + $0 }.joined(separator: ", ")).")
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: help("Xuất cả danh sách của một màn hình ra .xlsx hoặc .csv.", "Export a screen's whole list to .xlsx or .csv.")
    )

    @OptionGroup var list: ListOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(help("Tệp ghi ra: .xlsx hoặc .csv.", "Output file: .xlsx or .csv."), valueName: "FILE"))
    var output: String

    @Flag(name: .customLong("excel-vi"), help: ArgumentHelp(help("CSV cho Excel tiếng Việt: dấu ; và dấu phẩy thập phân.", "CSV for Vietnamese Excel: ; separators and decimal commas.")))
    var excelVi = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            guard let format = ListFiles.Format(path: output), [.xlsx, .csv].contains(format) else {
                Output.error(ListError.badExtension(output, allowed: ["xlsx", "csv"]).message(lang))
                throw ExitCode(ExitCodes.usage)
            }
            let db = try global.openForReading()
            let (table, header) = try list.table(global, db: db)
            try ListFiles.write(table, header: header, to: try Outputs.checked(output, global: global), format: format, excelVi: excelVi, lang: lang)
            Output.note(Words(lang).pick("Đã xuất \(table.rows.count) dòng: \(output)", "Exported \(table.rows.count) rows: \(output)"))
        }
    }
}

struct Print: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: help("In cả danh sách của một màn hình ra trang A4 (.txt hoặc .html).", "Print a screen's whole list on A4 pages (.txt or .html).")
    )

    @OptionGroup var list: ListOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(help("Tệp ghi ra: .txt hoặc .html (mặc định: văn bản ra màn hình).", "Output file: .txt or .html (default: text to stdout)."), valueName: "FILE"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            let format = output.map { ListFiles.Format(path: $0) } ?? .txt
            guard let format, [.txt, .html].contains(format) else {
                Output.error(ListError.badExtension(output ?? "", allowed: ["txt", "html"]).message(lang))
                throw ExitCode(ExitCodes.usage)
            }
            let db = try global.openForReading()
            let (table, header) = try list.table(global, db: db)
            if let output {
                try ListFiles.write(table, header: header, to: try Outputs.checked(output, global: global), format: format, lang: lang)
                Output.note(Words(lang).pick("Đã in \(table.rows.count) dòng: \(output)", "Printed \(table.rows.count) rows: \(output)"))
            } else {
                Output.pages(ListFiles.pages(table, header: header, lang: lang))
            }
        }
    }
}

/// Output paths the commands write: never over the database.
enum Outputs {
    static func checked(_ path: String, global: GlobalOptions) throws -> String {
        try Output.refuseDatabase(path, database: global.databasePath())
        return path
    }
}
