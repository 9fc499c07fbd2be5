import ArgumentParser
import DVKApp
import DVKCore
import DVKStore
import Foundation

/// `dvk report --unit U --year Y -o r.docx`: the meeting report in the
/// Party's document format, as .docx (to finish and sign), .pdf or .html.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: help("Lập báo cáo kết quả phong trào của một đơn vị (.docx, .pdf, .html).",
                       "Write a unit's report on the movement (.docx, .pdf, .html).")
    )

    @Option(name: .long, help: ArgumentHelp(help("Đơn vị (tên, mã hoặc mã nhập; mặc định: đơn vị mở đầu).", "Unit (name, code or import ref; default: the home unit)."), valueName: "NAME|CODE"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp(help("Năm báo cáo (mặc định: năm của số liệu).", "Year (default: the data's year)."), valueName: "Y"))
    var year: Int?

    @Flag(name: .customLong("half-year"), help: ArgumentHelp(help("Sơ kết 6 tháng đầu năm.", "The first half of the year.")))
    var halfYear = false

    @Option(name: .long, help: ArgumentHelp(help("Tổng kết giai đoạn, ví dụ 2023-2025.", "A phase, e.g. 2023-2025."), valueName: "Y1-Y2"))
    var phase: String?

    @Option(name: .long, help: ArgumentHelp(help("Ngày ghi trên báo cáo (dd/mm/yyyy; mặc định: ngày số liệu, nếu không thì hôm nay).",
                                                  "The report's date (dd/mm/yyyy; default: the data's as-of day, else today)."), valueName: "DATE"))
    var date: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(help("Tệp ghi ra: .docx, .pdf hoặc .html.", "Output file: .docx, .pdf or .html."), valueName: "FILE"))
    var output: String

    @OptionGroup var map: MapOption

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if halfYear && phase != nil { throw ValidationError(help("Chọn --half-year hoặc --phase, không cả hai.", "Use --half-year or --phase, not both.")) }
        if phase != nil && year != nil { throw ValidationError(help("--phase đã gồm các năm: bỏ --year.", "--phase names its years: drop --year.")) }
        if let phase, Report.years(phase) == nil {
            let parts = phase.split(separator: "-").compactMap { Int($0) }
            if parts.count == 2, parts[0] > parts[1] {
                throw ValidationError(help("--phase: năm đầu phải trước năm cuối (\(parts[1])-\(parts[0]), không phải \(phase)).",
                                           "--phase: the first year comes first (\(parts[1])-\(parts[0]), not \(phase))."))
            }
            throw ValidationError(help("--phase phải có dạng 2023-2025.", "--phase must look like 2023-2025."))
        }
        if let date, Day(parsing: date) == nil {
            throw ValidationError(help("--date phải là ngày dd/mm/yyyy có thật.", "--date must be a real day, dd/mm/yyyy."))
        }
    }

    static func years(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[0] <= parts[1], parts[0] >= 2000, parts[1] - parts[0] < 20 else { return nil }
        return parts[0]...parts[1]
    }

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            guard let format = ReportMaker.Format(path: output) else {
                Output.error(ListError.badExtension(output, allowed: ReportMaker.Format.allCases.map(\.rawValue)).message(lang))
                throw ExitCode(ExitCodes.usage)
            }
            let db = try global.openForReading()
            guard try db.quickCheck() else { throw StoreError.corrupt(path: db.path) }
            let range = phase.flatMap(Report.years)
            let start = try SessionStart.resolve(db: db, unit: unit, year: range?.upperBound ?? year, lang: lang, map: map.view())
            if start.isEmpty { throw LookupError.noUnits }
            let period: ReportPeriod = range.map { .phase($0) } ?? (halfYear ? .halfYear(start.year) : .year(start.year))
            // A year with no figures would be a report of every target missed: refused, with the years there are.
            let w = Words(lang)
            try DataYears.check(period.years, option: range == nil ? "--year" : "--phase", db: db, lang: lang)
            if let day = date.flatMap(Day.init(parsing:)), day < period.days.lowerBound {
                throw UserError.badOption("--date", w.pick("báo cáo không thể ghi ngày \(day), trước kỳ báo cáo (từ \(period.days.lowerBound)).",
                                                           "the report cannot be dated \(day), before its period (from \(period.days.lowerBound))."))
            }
            guard let doc = try ReportMaker.document(db: db, unit: start.unitID, period: period, map: start.map,
                                                     date: date.flatMap(Day.init(parsing:)), lang: lang) else {
                Output.error(Words(lang).pick("không có số liệu \(period.words(lang)) để lập báo cáo.", "no figures \(period.words(lang)) to report."))
                throw ExitCode(ExitCodes.data)
            }
            try ReportMaker.write(doc, to: try Outputs.checked(output, global: global), format: format)
            Output.note(Words(lang).pick("Đã lập báo cáo: \(output)", "Report written: \(output)"))
        }
    }
}
