import ArgumentParser
import DVKApp
import DVKCore
import DVKStore
import Foundation

/// `dvk settings`: the report's issuer, number, place, signer and recipients.
/// With no option it lists them; each option sets one (audited, undoable),
/// and an empty value (`--signer ""`) goes back to the default.
struct Settings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: help("Xem, đặt thông tin ban hành báo cáo (cơ quan, số, người ký, nơi nhận).",
                       "Show or set the report's issuer, number, signer and recipients.")
    )

    @Option(name: .long, help: ArgumentHelp(help("Cơ quan ban hành, các dòng cách nhau bởi |, ví dụ \"TỈNH ỦY LÀO CAI|BAN TUYÊN GIÁO VÀ DÂN VẬN\".",
                                                  "Issuer, lines separated by |."), valueName: "TEXT"))
    var issuer: String?

    @Option(name: .long, help: ArgumentHelp(help("Số ký hiệu, ví dụ 15-BC/BTGDVTU.", "Number, e.g. 15-BC/BTGDVTU."), valueName: "TEXT"))
    var number: String?

    @Option(name: .long, help: ArgumentHelp(help("Địa danh ghi ngày tháng, ví dụ Lào Cai.", "Place in the date line."), valueName: "TEXT"))
    var place: String?

    @Option(name: .customLong("signer-title"), help: ArgumentHelp(help("Chức vụ người ký, ví dụ \"K/T TRƯỞNG BAN|PHÓ TRƯỞNG BAN\".", "Signer's title lines."), valueName: "TEXT"))
    var signerTitle: String?

    @Option(name: .long, help: ArgumentHelp(help("Họ tên người ký.", "Signer's name."), valueName: "TEXT"))
    var signer: String?

    @Option(name: .long, help: ArgumentHelp(help("Nơi nhận, các dòng cách nhau bởi |.", "Recipients, lines separated by |."), valueName: "TEXT"))
    var recipients: String?

    @OptionGroup var global: GlobalOptions

    static let lineKeys: Set<Setting> = [.reportIssuer, .reportSignerTitle, .reportRecipients]

    func run() throws {
        let lang = global.language
        let w = Words(lang)
        try reporting(lang) {
            let changes: [(Setting, String)] = [(.reportIssuer, issuer), (.reportNumber, number), (.reportPlace, place),
                                                (.reportSignerTitle, signerTitle), (.reportSigner, signer), (.reportRecipients, recipients)]
                .compactMap { key, value in value.map { (key, VietnameseText.normalized($0.trimmingCharacters(in: .whitespaces))) } }
            for (key, value) in changes where value.count > 500 || value.contains(where: { $0.isNewline }) {
                throw UserError.badOption(w.setting(key), w.pick("tối đa 500 ký tự, một dòng (dùng | để xuống dòng)", "500 characters at most, one line (| for a new line)"))
            }
            // Lines split by “|”: “||” holds none, which the report would drop for the default anyway.
            for (key, value) in changes where Settings.lineKeys.contains(key) && !value.isEmpty
                && value.split(separator: "|").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw UserError.badOption(w.setting(key), w.pick("không có dòng nào giữa các dấu |; để trống (\"\") để dùng mặc định", "no line between the | marks; give \"\" for the default"))
            }
            let db = changes.isEmpty ? try global.openForReading() : try global.open()
            // An empty value goes back to the default.
            for (key, value) in changes { _ = value.isEmpty ? try db.clearSetting(key) : try db.setSetting(key, value) }
            let stored = try db.reportSettings()
            let home = try SessionStart.resolve(db: db, unit: nil, year: nil, lang: lang)
            let path = try db.unit(id: home.unitID).map { [$0] } ?? []
            let values = ReportSettings.defaults(path: path, on: try db.dataAsOf() ?? SessionStart.currentDay()).overridden(by: stored).texts
            for key in Setting.report {
                let value = values[key] ?? ""
                Output.out("\(w.setting(key)): " + (value.isEmpty ? w.pick("(trống)", "(blank)") : value)
                           + (stored[key] == nil ? w.pick(" (mặc định)", " (default)") : ""))
            }
        }
    }
}
