import ArgumentParser
import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI

/// `dvk snapshot SCREEN`: a screen rendered without a terminal, identical to
/// what the dashboard shows at that size and to what `p` writes.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: help("In một màn hình ra tệp, không cần terminal.", "Render a screen to a file, no terminal needed.")
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case txt, html, ansi }

    @Argument(help: ArgumentHelp(help("Màn hình: overview, units, models, satisfaction, history, completeness.", "Screen: overview, units, models, satisfaction, history, completeness.")))
    var screen: String

    @Option(name: .long, help: ArgumentHelp(help("Đơn vị (tên, mã hoặc mã nhập).", "Unit (name, code or import ref)."), valueName: "NAME|CODE"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp(help("Năm.", "Year."), valueName: "Y"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp(help("Số cột.", "Columns.")))
    var width = 100

    @Option(name: .long, help: ArgumentHelp(help("Số dòng.", "Rows.")))
    var height = 30

    @Option(name: .long, help: ArgumentHelp(help("Định dạng: txt, html, ansi.", "Format: txt, html, ansi.")))
    var format = Format.txt

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(help("Tệp ghi ra (mặc định: màn hình).", "Output file (default: stdout)."), valueName: "FILE"))
    var output: String?

    @OptionGroup var map: MapOption

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard Screen(slug: screen) != nil else {
            throw ValidationError(help("Màn hình phải là một trong: ", "SCREEN must be one of: ") + Screen.allCases.map(\.slug).joined(separator: ", ") + ".")
        }
        guard (20...1000).contains(width), (5...500).contains(height) else {
            throw ValidationError(help("--width từ 20 đến 1000, --height từ 5 đến 500.", "--width must be 20–1000 and --height 5–500."))
        }
    }

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            let db = try global.openForReading()
            // The dashboard shows a failed read in its status line, which a
            // printed snapshot has not: a file that cannot be read is an error here.
            guard try db.quickCheck() else { throw StoreError.corrupt(path: db.path) }
            _ = try db.targets()
            let start = try SessionStart.resolve(db: db, unit: unit, year: year, lang: lang, map: map.view())
            let writer = SnapshotWriter(folder: SnapshotWriter.defaultFolder())
            let runner = EffectRunner(db: db, snapshots: writer, lang: lang)
            let model = Headless.dashboard(start: start, screen: Screen(slug: screen)!, size: Size(width: width, height: height),
                                           lang: lang, officer: global.officerName, runner: runner)
            let job = View.printJob(model.state)
            let header = writer.header(job, lang: lang)
            let text: String
            switch format {
            case .txt: text = SnapshotWriter.text(job, header: header)
            case .html: text = SnapshotWriter.html(job, header: header)
            case .ansi: text = ANSIRenderer.render(job.buffer, colorsEnabled: (global.environment["NO_COLOR"] ?? "").isEmpty) + "\n"
            }
            if let output {
                try Output.writeFile(text, to: output, database: global.databasePath())
            } else {
                Output.out(text, terminator: "")
            }
        }
    }
}
