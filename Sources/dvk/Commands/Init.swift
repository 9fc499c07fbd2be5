import ArgumentParser
import DVKCore
import DVKStore
import Foundation

/// `dvk init`: the explicit way to make a new database (the four fields and
/// the default targets of Đề án 13), empty or with the official units of a
/// province (`--province`) or of the whole country (`--country`).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: help("Tạo cơ sở dữ liệu mới: trống, hoặc với danh mục đơn vị hành chính của một tỉnh hay cả nước.",
                       "Create a new database: empty, or with the official units of one province or the whole country."),
        discussion: help("""
            --province nạp các xã, phường, đặc khu hiện nay của tỉnh (từ 01/07/2025) cùng các tỉnh, huyện, xã cũ \
            đến 30/06/2025, mỗi đơn vị cũ sáp nhập vào đơn vị kế tục; đơn vị chính là tỉnh. Ví dụ: dvk init --province "Lào Cai".
            """, """
            --province loads the province's communes, wards and special zones of today (from 01/07/2025) with the old \
            provinces, districts and communes until 30/06/2025, each merged into its successor; the home unit is the province. \
            Example: dvk init --province "Lào Cai".
            """)
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp(help("Tỉnh, thành phố (tên hoặc mã, ví dụ “Lào Cai”, 15).", "Province (name or code, e.g. “Lào Cai”, 15)."),
                                            valueName: "TÊN|MÃ"))
    var province: String?

    @Flag(name: .long, help: ArgumentHelp(help("Nạp cả nước: 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu.", "Load the whole country: 34 provinces and 3,321 communes.")))
    var country = false

    func validate() throws {
        if province != nil && country {
            throw ValidationError(help("Chọn một trong --province và --country.", "Choose either --province or --country."))
        }
    }

    func run() throws {
        let lang = global.language
        let w = Words(lang)
        let path = global.databasePath()
        try reporting(lang) {
            guard province != nil || country else { return try makeEmpty(path, w) }
            let map = try OfficialMap.bundled()
            let code = try province.map { try map.provinceCode($0, w) }
            let existed = FileManager.default.fileExists(atPath: path)
            let db = try global.open(create: true)
            let load = try db.loadOfficialMap(map, province: code, path: path)
            let home = try db.unit(id: load.home)?.name ?? ""
            let n = { VietnameseNumber.integer($0, lang) }
            let divided = load.divided > 0 ? w.pick(" (\(n(load.divided)) xã cũ được chia cho nhiều xã mới)", " (\(n(load.divided)) divided among several)") : ""
            Output.note(w.pick(
                (existed ? "Đã nạp vào “\(path)”: " : "Đã tạo “\(path)”: ") + "\(home), \(n(load.newCommunes)) xã, phường, đặc khu hiện nay; trước 01/07/2025: "
                    + "\(n(load.oldProvinces)) tỉnh, thành phố; \(n(load.oldDistricts)) huyện, quận, thị xã, thành phố; "
                    + "\(n(load.oldCommunes)) xã, phường, thị trấn\(divided). Mở bằng: dvk --db \(path)",
                (existed ? "Loaded into “\(path)”: " : "Created “\(path)”: ") + "\(home), \(n(load.newCommunes)) communes and wards of today; before 01/07/2025: "
                    + "\(n(load.oldProvinces)) provinces; \(n(load.oldDistricts)) districts; \(n(load.oldCommunes)) communes and wards\(divided). "
                    + "Open with: dvk --db \(path)"))
        }
    }

    private func makeEmpty(_ path: String, _ w: Words) throws {
        if FileManager.default.fileExists(atPath: path) {
            // Opening checks it is dvk's; an existing database is left as it is.
            _ = try global.openForReading()
            Output.note(w.pick("Đã có cơ sở dữ liệu “\(path)”: giữ nguyên.", "Database “\(path)” already exists: left as it is."))
            return
        }
        _ = try global.open(create: true)
        Output.note(w.pick("Đã tạo cơ sở dữ liệu “\(path)”. Thêm đơn vị bằng dvk (phím a), nạp CSV bằng dvk import DIR, hoặc nạp danh mục một tỉnh bằng dvk init --province TÊN.",
                           "Created database “\(path)”. Add units in dvk (key a), load CSV files with dvk import DIR, or a province's official units with dvk init --province NAME."))
    }
}
