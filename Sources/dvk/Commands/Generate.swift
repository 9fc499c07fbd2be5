import ArgumentParser
import DVKCore
import DVKStore
import Foundation

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: help("Sinh bộ dữ liệu tổng hợp, tái lập được, ở mọi quy mô (cho đo hiệu năng).",
                       "Generate a reproducible synthetic data set at any scale (for benchmarks).")
    )

    @Option(name: .long, help: ArgumentHelp(help("Số xã (tỉnh: ~600; cả nước: ~10.000).", "Number of communes (province: ~600; country: ~10,000)."), valueName: "N"))
    var communes: Int

    @Option(name: .long, help: ArgumentHelp(help("Khoảng năm, ví dụ 2021-2025.", "Year range, e.g. 2021-2025."), valueName: "A-B"))
    var years: String = "2021-2025"

    @Option(name: .long, help: ArgumentHelp(help("Hạt giống ngẫu nhiên.", "Random seed."), valueName: "S"))
    var seed: UInt64 = 1

    @Option(name: .customLong("models-per-commune"), help: ArgumentHelp(help("Số mô hình mỗi xã trong cả khoảng năm.", "Models per commune over the whole range."), valueName: "M"))
    var modelsPerCommune: Int = 100

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard communes > 0 else { throw ValidationError(help("--communes phải lớn hơn 0.", "--communes must be positive.")) }
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
            let db = try global.open(path: path, create: true)
            let start = Date()
            let rows = try db.generate(SyntheticSpec(communes: communes, years: parsedYears!, seed: seed, modelsPerCommune: modelsPerCommune))
            try db.checkpoint()
            let seconds = Date().timeIntervalSince(start)
            let rate = Int(Double(rows) / max(seconds, 0.001))
            // One machine-readable line: the benchmark reads it.
            print("generated rows=\(rows) seconds=\(String(format: "%.2f", seconds)) rows_per_second=\(rate) path=\(path)")
        }
    }
}
