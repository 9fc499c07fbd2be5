import Foundation
import ArgumentParser
import DVKCore
import DVKStore

/// `dvk undo CHANGE`: takes back one whole change (a re-import, a saved
/// form) by the id `dvk import` printed; `--redo` puts an undone one back.
struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: help("Hoàn tác cả một thay đổi (một lần nạp lại, một lần lưu) theo mã thay đổi.",
                       "Undo one whole change (a re-import, a save) by its change id.")
    )

    @Argument(help: ArgumentHelp(help("Mã thay đổi (dvk import in ra sau khi nạp).", "The change id (printed by dvk import)."), valueName: "CHANGE"))
    var change: Int64

    @Flag(name: .long, help: ArgumentHelp(help("Làm lại một thay đổi đã hoàn tác.", "Put back a change that was undone.")))
    var redo = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let w = Words(lang)
        try reporting(lang) {
            let db = try global.open()
            let outcome = try db.undoChange(change, redo ? .redo : .undo)
            let c = outcome.reverted
            let what = c.rows.isEmpty ? "" : ": " + c.rowsText(lang)
            let at = Undo.localTime(c.at)
            if redo {
                Output.out(w.pick("Đã làm lại thay đổi #\(c.id) (lúc \(at), cán bộ \(c.officer))\(what).",
                                  "Redid change #\(c.id) (at \(at), by \(c.officer))\(what)."))
            } else {
                Output.out(w.pick("Đã hoàn tác thay đổi #\(c.id) (lúc \(at), cán bộ \(c.officer))\(what).",
                                  "Undid change #\(c.id) (at \(at), by \(c.officer))\(what)."))
            }
            Output.out(w.pick("Mã của lần \(redo ? "làm lại" : "hoàn tác") này: \(outcome.change)" + (redo ? "." : "; làm lại: dvk undo --redo \(c.id)"),
                              "This \(redo ? "redo" : "undo") is change \(outcome.change)" + (redo ? "." : "; to redo: dvk undo --redo \(c.id)")))
        }
    }

    /// The log's UTC timestamp as the officer reads time: local, dd/MM/yyyy HH:mm.
    static func localTime(_ iso: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        let f = DateFormatter()
        f.dateFormat = "dd/MM/yyyy HH:mm"
        return f.string(from: date)
    }
}
