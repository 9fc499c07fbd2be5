import ArgumentParser
import DVKCore
import DVKStore
import Foundation

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: help("Sinh bộ dữ liệu tổng hợp, tái lập được, ở mọi quy mô (cho đo hiệu năng).",
                       "Generate a reproducible synthetic data set at any scale (for benchmarks)."),
        discussion: help("""
            --communes N dựng một cây đơn vị tổng hợp. --real-map dùng danh mục đơn vị hành chính thật (cả nước, \
            hoặc một tỉnh với --province): mô hình triển khai trước 01/07/2025 thuộc xã cũ, từ đó về sau thuộc xã hiện nay; \
            mỗi tỉnh thêm 20 sở, ngành, đơn vị sự nghiệp và 5 đoàn thể. Cả nước với 100 mô hình mỗi xã: ~1.000.000 mô hình.
            """, """
            --communes N builds a synthetic unit tree. --real-map uses the official units instead (the whole country, \
            or one province with --province): models launched before 01/07/2025 belong to the old communes, later ones to \
            today's; each province gets 20 departments and public service units and 5 mass organisations. \
            The country at 100 models a commune: ~1,000,000 models.
            """)
    )

    @Option(name: .long, help: ArgumentHelp(help("Số xã của cây tổng hợp (tỉnh: ~600; cả nước: ~10.000).", "Communes of the synthetic tree (province: ~600; country: ~10,000)."), valueName: "N"))
    var communes: Int?

    @Flag(name: .customLong("real-map"), help: ArgumentHelp(help("Dùng danh mục đơn vị hành chính thật thay cho cây tổng hợp.", "Use the official map of units instead of a synthetic tree.")))
    var realMap = false

    @Option(name: .long, help: ArgumentHelp(help("Với --real-map: chỉ một tỉnh, thành phố (tên hoặc mã; mặc định: cả nước).",
                                                 "With --real-map: one province only (name or code; default: the whole country)."), valueName: "TÊN|MÃ"))
    var province: String?

    @Option(name: .long, help: ArgumentHelp(help("Khoảng năm, ví dụ 2021-2025.", "Year range, e.g. 2021-2025."), valueName: "A-B"))
    var years: String = "2021-2025"

    @Option(name: .long, help: ArgumentHelp(help("Hạt giống ngẫu nhiên.", "Random seed."), valueName: "S"))
    var seed: UInt64 = 1

    @Option(name: .customLong("models-per-commune"), help: ArgumentHelp(help("Số mô hình mỗi xã trong cả khoảng năm (--real-map: mỗi xã cũ).", "Models per commune over the whole range (--real-map: per old commune)."), valueName: "M"))
    var modelsPerCommune: Int = 100

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if realMap {
            guard communes == nil else { throw ValidationError(help("--communes chỉ dùng cho cây tổng hợp, không dùng với --real-map.", "--communes is for the synthetic tree, not with --real-map.")) }
        } else {
            guard province == nil else { throw ValidationError(help("--province chỉ dùng với --real-map.", "--province needs --real-map.")) }
            guard let communes else { throw ValidationError(help("Cần --communes N hoặc --real-map.", "Give --communes N or --real-map.")) }
            guard communes > 0 else { throw ValidationError(help("--communes phải lớn hơn 0.", "--communes must be positive.")) }
        }
        guard parsedYears != nil else { throw ValidationError(help("--years phải có dạng A-B, ví dụ 2021-2025.", "--years must look like A-B, e.g. 2021-2025.")) }
        guard modelsPerCommune >= 0 else { throw ValidationError(help("--models-per-commune không được âm.", "--models-per-commune must not be negative.")) }
    }

    var parsedYears: ClosedRange<Int>? {
        let p = years.split(separator: "-").compactMap { Int($0) }
        guard p.count == 2, p[0] <= p[1], p[0] >= Validator.earliestYear, p[1] <= 2100 else { return nil }
        return p[0]...p[1]
    }

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            let path = global.databasePath(defaultFile: "generated.sqlite")
            let start = Date()
            // The province is checked before the file is made.
            let map = realMap ? try OfficialMap.bundled() : nil
            let code = try province.flatMap { try map?.provinceCode($0, Words(lang)) }
            let db = try global.open(path: path, create: true)
            let rows = if let map {
                try db.generate(RealMapSpec(years: parsedYears!, seed: seed, modelsPerCommune: modelsPerCommune, province: code), map: map)
            } else {
                try db.generate(SyntheticSpec(communes: communes!, years: parsedYears!, seed: seed, modelsPerCommune: modelsPerCommune))
            }
            try db.checkpoint()
            let seconds = Date().timeIntervalSince(start)
            let rate = Int(Double(rows) / max(seconds, 0.001))
            // One machine-readable line: the benchmark reads it.
            print("generated rows=\(rows) seconds=\(String(format: "%.2f", seconds)) rows_per_second=\(rate) path=\(path)")
        }
    }
}
