import ArgumentParser
import DVKApp
import DVKCore
import DVKStore

/// `dvk reassign MODEL --to UNIT`: a model of a commune divided in 2025
/// counts, on today's map, for another of the commune's successors.
struct Reassign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign",
        abstract: help("Chuyển mô hình của một xã cũ bị chia sang một xã kế tục khác (theo địa giới hiện nay).",
                       "Make a model of a divided old commune count for another of its successors (on today's map)."),
        discussion: help("Ví dụ: dvk reassign 1234 --to \"Phường Hồng Hà\". --to default: trở về đơn vị kế tục mặc định. Hoàn tác bằng dvk undo.",
                         "Example: dvk reassign 1234 --to \"Phường Hồng Hà\". --to default: back to the default successor. Undo with dvk undo.")
    )

    @Argument(help: ArgumentHelp(help("Số hiệu (#) hoặc mã nhập (ref) của mô hình.", "The model's number (#) or import ref."), valueName: "MODEL"))
    var model: String

    @Option(name: .long, help: ArgumentHelp(help("Đơn vị kế tục (tên, mã hoặc ref), hoặc default.", "The successor (name, code or ref), or default."), valueName: "UNIT"))
    var to: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let w = Words(lang)
        try reporting(lang) {
            let db = try global.open()
            guard let id = try db.modelID(matching: model), let m = try db.model(id: id) else {
                throw StoreError.notFound(what: w.pick("mô hình “\(model)”", "model “\(model)”"))
            }
            let successor: OrgUnit.ID? = to.lowercased() == "default" ? nil
                : try UnitLookup.resolve(db: db, text: to, year: SessionStart.currentDay().year, map: .today(SessionStart.currentDay()))
            let audit = try db.reassignModel(id, to: successor)
            let name = try successor.flatMap { try db.unit(id: $0)?.name } ?? db.successors(of: m.unitID).first?.name ?? "–"
            Output.out(w.pick("Mô hình “\(m.title)” nay tính cho \(name) theo địa giới hiện nay. Hoàn tác: dvk undo \(audit)",
                              "Model “\(m.title)” now counts for \(name) on today's map. Undo: dvk undo \(audit)"))
        }
    }
}
