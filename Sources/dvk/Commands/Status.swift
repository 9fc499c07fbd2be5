import ArgumentParser
import DVKApp
import DVKCore
import DVKStore
import Foundation

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: help("In tiến độ mọi chỉ tiêu của một đơn vị và các đơn vị trực thuộc.",
                       "Print every target's progress for a unit and its children.")
    )

    @Option(name: .long, help: ArgumentHelp(help("Tên (có thể gõ không dấu), mã hoặc mã nhập của đơn vị; mặc định: đơn vị chính.",
                                                  "Unit name (tone marks optional), code or import ref; default: the home unit."), valueName: "NAME|CODE"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp(help("Năm (mặc định: năm của ngày số liệu).", "Year (default: the data-as-of year)."), valueName: "Y"))
    var year: Int?

    @OptionGroup var map: MapOption

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            try StatusPrinter(db: try global.openForReading(), lang: lang).print(unit: unit, year: year, map: map.view())
        }
    }
}

/// Resolves the unit and year the user meant, then prints the status table.
struct StatusPrinter {
    let db: AppDatabase
    let lang: Language

    func print(unit: String?, year: Int?, map: MapView) throws {
        let dataAsOf = try db.dataAsOf()
        let year = year ?? dataAsOf?.year ?? Calendar.current.component(.year, from: Date())
        if let issue = Validator(today: dataAsOf ?? Day.lastOf(year: year)).checkYear(year).first {
            throw UserError.badOption("--year", issue.message(lang))
        }
        let id = try UnitLookup.resolve(db: db, text: unit, year: year, map: map)
        guard let overview = try Overview.build(from: db, unit: id, year: year, map: map) else { throw LookupError.unitNotFound(unit ?? "") }
        Output.out(StatusReport.text(overview, lang: lang, dataAsOf: dataAsOf), terminator: "")
    }
}
