import ArgumentParser
import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI

/// `dvk bench`: builds the province- and country-size data sets (and the
/// country on the official map, `realmap`) and measures the overview against
/// the `sqlite3` floor. Each size and view is measured in a child process so
/// its peak memory is its own. Run it in release mode.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: help("Đo hiệu năng trên bộ dữ liệu cỡ tỉnh và cả nước (chạy với -c release).",
                       "Measure performance on province- and country-size data (run with -c release).")
    )

    @Option(name: .long, help: ArgumentHelp(help("Quy mô, cách nhau bởi dấu phẩy: province, country, realmap (cả nước trên danh mục đơn vị thật, đo theo cả hai địa giới).",
                                                 "Sizes, comma-separated: province, country, realmap (the country on the official map, measured on both maps).")))
    var sizes: String = "province,country"

    @Option(name: .long, help: ArgumentHelp(help("Thư mục chứa dữ liệu đo.", "Folder for the benchmark databases."), valueName: "DIR"))
    var dir: String = "bench-data"

    @Option(name: .long, help: ArgumentHelp(help("Số lần đo mỗi phép.", "Runs per measurement.")))
    var runs: Int = 15

    @Flag(name: .long, help: ArgumentHelp(help("Dùng lại dữ liệu đã sinh.", "Reuse generated data.")))
    var reuse = false

    @Argument(help: ArgumentHelp(help("Phép đo: overview (mặc định: dữ liệu cỡ tỉnh, cả nước), writers (nhiều tiến trình cùng ghi tệp --db) hoặc storm (nhiều cán bộ cùng lưu trong khi các bảng điều khiển khác đọc).",
                                      "What to measure: overview (default: province- and country-size data), writers (several processes saving into the --db file) or storm (many officers saving while other dashboards read)."),
                                 valueName: "overview|writers|storm"))
    var mode: Mode = .overview

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case overview, writers, storm
    }

    @Option(name: .long, help: ArgumentHelp(help("writers: số tiến trình cùng ghi.", "writers: how many processes write at once.")))
    var processes: Int = 4

    @Option(name: .long, help: ArgumentHelp(help("writers, storm: số lần lưu của mỗi tiến trình.", "writers, storm: saves per process.")))
    var saves: Int = 100

    @OptionGroup var storm: StormOptions

    @Option(name: .customLong("measure-only"), help: .hidden)
    var measureOnly: String?

    /// The writer child's number; with it the command is one of the writers.
    @Option(name: .customLong("writer-child"), help: .hidden)
    var writerChild: Int?

    /// When the writers start, on the monotonic clock, so they start together.
    @Option(name: .customLong("start-at"), help: .hidden)
    var startAt: UInt64 = 0

    @Option(name: .long, help: .hidden)
    var year: Int = 2025

    /// The measuring child's map, top unit and commune.
    @Option(name: .customLong("measure-map"), help: .hidden)
    var measureMap: MapOption.Choice = .today

    @Option(name: .customLong("measure-unit"), help: .hidden)
    var measureUnit: String?

    @Option(name: .customLong("measure-commune"), help: .hidden)
    var measureCommune: String?

    @OptionGroup var global: GlobalOptions

    /// A data set: how `generate` makes it, and what is measured on it.
    struct DataSet {
        var generate: [String]
        /// Years and maps, each measured in its own child; a nil year is `--year`.
        var views: [(year: Int?, map: MapOption.Choice)] = [(nil, .today)]
        /// The top unit and the commune measured (nil: the home unit, the first commune by name).
        var unit: String?
        var commune: String?
    }

    static let sets: [String: DataSet] = [
        "province": DataSet(generate: ["--communes", "600"]),
        "country": DataSet(generate: ["--communes", "10000"]),
        // 2024 on both maps (today's communes carry their predecessors' records; or the old communes as they were), and 2025.
        "realmap": DataSet(generate: ["--real-map"], views: [(2024, .today), (2024, .then), (2025, .today), (2025, .then)],
                           unit: "vn", commune: "new:04672"),
    ]

    func validate() throws {
        if !(1...64).contains(processes) { throw ValidationError(help("--processes phải từ 1 đến 64.", "--processes must be 1 to 64.")) }
        if !(1...100_000).contains(saves) { throw ValidationError(help("--saves phải từ 1 đến 100000.", "--saves must be 1 to 100000.")) }
        // The writers add hundreds of models: never to the default database by accident.
        if mode == .writers, global.db == nil {
            throw ValidationError(help("bench writers cần --db TỆP: một tệp thử (phép đo thêm mô hình vào tệp, ví dụ tệp của dvk init).",
                                       "bench writers needs --db FILE: a scratch file (it adds models to it, e.g. one made by dvk init)."))
        }
    }

    func run() throws {
        let lang = global.language
        try reporting(lang) {
            if let path = measureOnly {
                print(try BenchMeasure(path: path, year: year, runs: runs, map: measureMap, unit: measureUnit, commune: measureCommune).run())
                return
            }
            if mode == .storm {
                try StormBench(options: storm, db: global.db, saves: saves, year: year, officer: global.officerName, lang: lang).run(writerChild: writerChild)
                return
            }
            if mode == .writers {
                let bench = WriterBench(path: global.databasePath(), processes: processes, saves: saves, officer: global.officerName, lang: lang)
                if let child = writerChild {
                    print(try bench.child(child, startAt: startAt))
                } else if try !bench.run() {
                    throw ExitCode.failure
                }
                return
            }
            guard Bench.which("sqlite3") else { throw UserError.toolMissing("sqlite3") }
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            var lines = [
                "| set | communes | models | generate rows/s (s) | overview, top unit (median / p90) | sqlite3 floor | ratio | one commune, its subtree only (cut from the year's snapshot) | live count, 1 year | its sqlite3 floor | peak RSS |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            ]
            var ui = [
                "| set | first frame, “đang tải” | first frame with figures | `dvk snapshot` process, wall | key → frame median | p99 | max | navigation keys median | reload keys median | first pass (cold caches) median / p99 / max | cells changed / key | bytes / key |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            ]
            for size in sizes.split(separator: ",").map(String.init) {
                guard let set = Bench.sets[size] else { throw ValidationError("unknown size \(size)") }
                let path = (dir as NSString).appendingPathComponent("\(size).sqlite")
                var generateRate = "reused"
                if !reuse || !FileManager.default.fileExists(atPath: path) {
                    DemoBuilder.removeDatabase(at: path)
                    let out = try Bench.runSelf(["generate"] + set.generate + ["--years", "2021-2025", "--seed", "1", "--db", path])
                    generateRate = (Bench.field(out, "rows_per_second").map { VietnameseNumber.integer(Int($0) ?? 0, .en) } ?? "?")
                        + " (\(Bench.field(out, "seconds") ?? "?") s)"
                    FileHandle.standardError.write(Data("\(size): \(out)".utf8))
                }
                for view in set.views {
                    let year = view.year ?? self.year
                    let label = set.views.count > 1 ? "\(size) \(year) \(view.map.rawValue)" : size
                    let out = try Bench.runSelf(["bench", "--measure-only", path, "--runs", String(runs), "--year", String(year), "--measure-map", view.map.rawValue]
                        + (set.unit.map { ["--measure-unit", $0] } ?? []) + (set.commune.map { ["--measure-commune", $0] } ?? []))
                    let f = { Bench.field(out, $0) ?? "?" }
                    let communes = VietnameseNumber.integer(Int(f("communes")) ?? 0, .en)
                        + ((Int(f("old_communes")) ?? 0) > 0 ? " (+\(VietnameseNumber.integer(Int(f("old_communes")) ?? 0, .en)) old)" : "")
                    lines.append("| \(label) | \(communes) | \(VietnameseNumber.integer(Int(f("models")) ?? 0, .en)) | \(generateRate) | \(f("overview_ms")) ms / \(f("overview_p90_ms")) ms | \(f("floor_ms")) ms | \(f("ratio")) | \(f("commune_ms")) ms (\(f("cut_ms")) ms) | \(f("live_ms")) ms | \(f("live_floor_ms")) ms | \(f("peak_rss_mb")) MB |")
                    ui.append("| \(label) | \(f("first_paint_ms")) ms | \(f("first_frame_ms")) ms | \(f("snapshot_wall_ms")) ms | \(f("key_median_ms")) ms | \(f("key_p99_ms")) ms | \(f("key_max_ms")) ms | \(f("nav_median_ms")) ms | \(f("reload_median_ms")) ms | \(f("cold_median_ms")) / \(f("cold_p99_ms")) / \(f("cold_max_ms")) ms | \(f("cells_per_key")) | \(f("bytes_per_key")) |")
                    FileHandle.standardError.write(Data("\(label): \(out)".utf8))
                    generateRate = "same file"
                }
            }
            print(lines.joined(separator: "\n"))
            print("")
            print(ui.joined(separator: "\n"))
        }
    }

    static func which(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    static func runSelf(_ args: [String]) throws -> String {
        try run(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path, args)
    }

    static func run(_ tool: String, _ args: [String], input: String? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        let inPipe = Pipe()
        if input != nil { p.standardInput = inPipe }
        try p.run()
        if let input {
            inPipe.fileHandleForWriting.write(Data(input.utf8))
            try inPipe.fileHandleForWriting.close()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ExitCode(p.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    static func field(_ text: String, _ key: String) -> String? {
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where token.hasPrefix(key + "=") {
            return String(token.dropFirst(key.count + 1))
        }
        return nil
    }
}

/// The measuring child: opens the file, times the overview in-process and
/// the same SQL in `sqlite3`, and reports its own peak memory.
struct BenchMeasure {
    let path: String
    let year: Int
    let runs: Int
    let map: MapOption.Choice
    /// The top unit and the commune (name, code or ref); nil: the home unit, the first commune by name.
    var unit: String?
    var commune: String?

    func run() throws -> String {
        let db = try AppDatabase.open(path: path, officer: Privileges.account, create: true)
        let view = map.view()
        let top = try UnitLookup.resolve(db: db, text: unit, year: year)
        let commune = try commune.map { try UnitLookup.resolve(db: db, text: $0, year: year) } ?? db.firstUnit(of: .commune) ?? top
        let overview = try time { _ = try Overview.build(from: db, unit: top, year: year, map: view) }
        // What the dashboard does for a commune when its year is not rolled up yet: its subtree only.
        let one = try time {
            _ = Overview.make(from: try ProgressSnapshot.build(from: db, year: year, map: view, scope: commune), unit: commune)
        }
        // What moving to the commune costs once the year is rolled up (the
        // snapshot let go before the dashboard runs, so it adds no peak memory).
        let cut = try { () throws -> (median: Double, p90: Double) in
            let snapshot = try ProgressSnapshot.build(from: db, year: year, map: view)
            guard Overview.make(from: snapshot, unit: commune) != nil else { throw StoreError.notFound(what: "tổng quan của xã đo") }
            return try time { _ = Overview.make(from: snapshot, unit: commune) }
        }()
        let places = try db.allUnits().filter { $0.kind == .commune }
        let oldCommunes = places.filter { $0.validTo != nil }.count
        let live = try time(runs: max(3, runs / 3)) { _ = try db.liveModelCounts(year: year) }
        let floor = try sqliteFloor(AppDatabase.overviewStatements(year: year))
        let liveFloor = try sqliteFloor([AppDatabase.liveCountStatement(year: year)], runs: max(3, runs / 3))
        let models = try db.count(.model)
        let dash = try dashboard(db, map: view)
        let wall = try time(runs: 5) {
            _ = try Bench.runSelf(["snapshot", "overview", "--db", path, "--year", String(year), "--width", "100", "--height", "30", "--map", map.rawValue]
                + (unit.map { ["--unit", $0] } ?? []))
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let ms = { (s: Double) in String(format: "%.1f", s * 1000) }
        return "models=\(models) communes=\(places.count - oldCommunes) old_communes=\(oldCommunes) cut_ms=\(String(format: "%.2f", cut.median * 1000)) overview_ms=\(ms(overview.median)) overview_p90_ms=\(ms(overview.p90)) floor_ms=\(ms(floor)) "
            + "ratio=\(String(format: "%.2f", overview.median / max(floor, 1e-6))) commune_ms=\(ms(one.median)) "
            + "live_ms=\(ms(live.median)) live_floor_ms=\(ms(liveFloor)) peak_rss_mb=\(usage.ru_maxrss / 1024) "
            + "first_paint_ms=\(ms(dash.firstPaint)) first_frame_ms=\(ms(dash.firstFrame)) snapshot_wall_ms=\(ms(wall.median)) key_median_ms=\(ms(dash.keys.median)) "
            + "key_p99_ms=\(ms(dash.keys.p99)) key_max_ms=\(ms(dash.keys.max)) nav_median_ms=\(ms(dash.navigation)) "
            + "reload_median_ms=\(ms(dash.reload)) cold_median_ms=\(ms(dash.cold.median)) cold_p99_ms=\(ms(dash.cold.p99)) "
            + "cold_max_ms=\(ms(dash.cold.max)) cells_per_key=\(Int(dash.cellsPerKey)) bytes_per_key=\(Int(dash.bytesPerKey))\n"
    }

    /// The scripted session: navigation keys move within loaded data; reload keys load from the store.
    static let navigationKeys: [Key] = [.character("2")] + Array(repeating: .down, count: 8) + [.up, .up, .character("s"), .character("s"), .character("f"), .character("f"),
                                        .character("f"), .character("f"), .character("f"), .character("?"), .escape, .character("1"), .character("4")]
        + Array(repeating: .down, count: 3) + [.character("3")] + Array(repeating: .down, count: 30) + [.pageDown, .pageUp]
    static let reloadKeys: [Key] = [.character("2"), .enter, .backspace, .character("]"), .character("["), .character("3"), .character("t"), .character("t"), .character("t")]

    struct DashboardTimes {
        /// The live dashboard's first frame: the frame and “đang tải”, the year still loading off the loop.
        var firstPaint: Double
        var firstFrame: Double
        var keys: (median: Double, p99: Double, max: Double)
        /// The first pass, every read a miss of the runner's caches.
        var cold: (median: Double, p99: Double, max: Double)
        var navigation: Double
        var reload: Double
        var cellsPerKey: Double
        var bytesPerKey: Double
    }

    /// The dashboard without a terminal at 100×30: opening to the first
    /// frame, then a scripted session where each key is timed through
    /// update, its effects, view and diff (what the loop does per key).
    func dashboard(_ db: AppDatabase, map: MapView) throws -> DashboardTimes {
        let size = Size(width: 100, height: 30)
        let clock = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
        let t0 = clock()
        let start = try SessionStart.resolve(db: db, unit: unit, year: year, lang: .vi, map: map)
        let runner = EffectRunner(db: db, snapshots: SnapshotWriter(folder: NSTemporaryDirectory()), lang: .vi)
        var model = Dashboard(state: start.state(lang: .vi, size: size, officer: Privileges.account))
        var loading = model
        loading.start { _ in [] }
        _ = Program<Dashboard>.render(loading, size: size)
        let firstPaint = clock() - t0
        model.start(perform: runner.perform)
        var previous = Program<Dashboard>.render(model, size: size)
        let firstFrame = clock() - t0
        let navigation = BenchMeasure.navigationKeys, reload = BenchMeasure.reloadKeys
        var all: [Double] = [], nav: [Double] = [], rel: [Double] = [], cold: [Double] = []
        var cells = 0, bytes = 0
        for round in 0..<3 {
            for (keys, isReload) in [(navigation, false), (reload, true)] {
                for key in keys {
                    let t = clock()
                    let frame = Program<Dashboard>.step(model: &model, key: key, previous: previous, perform: runner.perform)
                    let elapsed = clock() - t
                    previous = frame.buffer
                    if round == 0 { cold.append(elapsed); continue } // the first round warms caches: reported apart
                    if ProcessInfo.processInfo.environment["DVK_BENCH_TRACE"] != nil {
                        // With the cost of drawing the frame alone, to tell update from view.
                        let r0 = clock(); _ = View.render(model.state); let drawn = clock() - r0
                        FileHandle.standardError.write(Data("key \(key) \(Int(elapsed * 1000)) ms (view \(Int(drawn * 1e6)) µs) on \(model.state.currentScreen)\n".utf8))
                    }
                    all.append(elapsed)
                    if isReload { rel.append(elapsed) } else { nav.append(elapsed) }
                    cells += frame.stats.cellsChanged
                    bytes += frame.stats.bytes
                }
            }
        }
        all.sort(); nav.sort(); rel.sort(); cold.sort()
        let p = { (xs: [Double], q: Double) in xs[min(xs.count - 1, Int(Double(xs.count) * q))] }
        return DashboardTimes(firstPaint: firstPaint, firstFrame: firstFrame, keys: (p(all, 0.5), p(all, 0.99), all.last ?? 0),
                              cold: (p(cold, 0.5), p(cold, 0.99), cold.last ?? 0),
                              navigation: p(nav, 0.5), reload: p(rel, 0.5),
                              cellsPerKey: Double(cells) / Double(max(1, all.count)), bytesPerKey: Double(bytes) / Double(max(1, all.count)))
    }

    func time(runs: Int? = nil, _ body: () throws -> Void) throws -> (median: Double, p90: Double) {
        try body() // warm the page cache and statement caches
        var samples: [Double] = []
        for _ in 0..<(runs ?? self.runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        samples.sort()
        return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 9 / 10)])
    }

    /// The `sqlite3` tool running the same statements, results written to
    /// /dev/null: (time of a process running them `n` times − time of the
    /// same process running them zero times) / n, each the median of 3.
    /// Its own timer rounds to milliseconds, too coarse for small sets.
    func sqliteFloor(_ statements: [String], runs: Int? = nil) throws -> Double {
        let n = max(1, runs ?? self.runs)
        func wall(_ repeats: Int) throws -> Double {
            var script = ".output /dev/null\n"
            for _ in 0..<repeats { script += statements.map { $0 + ";\n" }.joined() }
            var samples: [Double] = []
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try Bench.run("/usr/bin/env", ["sqlite3", path], input: script)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return samples.sorted()[1]
        }
        return max(0, (try wall(n) - wall(0)) / Double(n))
    }

}

/// `dvk bench writers`: N child processes (this same program) each make M
/// audited saves into one file as fast as they can, all starting at one
/// instant; the parent counts what was stored and reports the throughput
/// and the latency of one save as an officer would feel it (busy waits and
/// retries included). Nothing may be lost: every save is stored or counted
/// as failed.
struct WriterBench {
    let path: String
    let processes: Int
    let saves: Int
    let officer: String
    let lang: Language

    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Spawns the writers, waits for them, prints the report; false when a save was lost or failed.
    func run() throws -> Bool {
        let db = try AppDatabase.open(path: path, officer: officer)
        if try db.allUnits().isEmpty { try db.addUnit(OrgUnit(id: 0, name: "Xã Đo Ghi Đồng Thời", kind: .commune)) }
        let before = try db.count(.model)
        // Long enough for every child to start and open the file first (a debug build starts slowly).
        let startAt = WriterBench.now() + UInt64(500 + 150 * processes) * 1_000_000
        let children = try (0..<processes).map { k in
            try BenchChild(["bench", "writers", "--writer-child", String(k), "--saves", String(saves), "--start-at", String(startAt),
                            "--db", path, "--lang", lang.rawValue])
        }
        var latencies: [Double] = [], failures = 0, crashed = 0
        var first = UInt64.max, last = UInt64(0)
        for child in children {
            let (status, text) = child.finish()
            guard status == 0, let begin = Bench.field(text, "begin").flatMap(UInt64.init),
                  let end = Bench.field(text, "end").flatMap(UInt64.init) else {
                crashed += 1
                continue
            }
            first = min(first, begin)
            last = max(last, end)
            failures += Bench.field(text, "failures").flatMap(Int.init) ?? 0
            latencies += (Bench.field(text, "latencies_us") ?? "").split(separator: ",").compactMap { Double($0) }.map { $0 / 1000 }
        }
        let stored = try db.count(.model) - before
        latencies.sort()
        let wall = last > first ? Double(last - first) / 1e9 : 0
        let pick = { (q: Double) in latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * q))] }
        let ms = { (x: Double) in String(format: "%.1f", x) }
        let rate = wall > 0 ? Double(stored) / wall : 0
        print("| processes | saves each | stored | failed | wall | saves/s | one save p50 | p99 | max |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        print("| \(processes) | \(saves) | \(stored) | \(failures) | \(String(format: "%.2f", wall)) s | \(Int(rate)) | \(ms(pick(0.5))) ms | \(ms(pick(0.99))) ms | \(ms(latencies.last ?? 0)) ms |")
        print("processes=\(processes) saves=\(saves) stored=\(stored) failures=\(failures) crashed=\(crashed) wall_s=\(String(format: "%.3f", wall)) "
              + "saves_per_s=\(Int(rate)) p50_ms=\(ms(pick(0.5))) p99_ms=\(ms(pick(0.99))) max_ms=\(ms(latencies.last ?? 0))")
        return crashed == 0 && failures == 0 && stored == processes * saves
    }

    /// One writer: opens the file, waits for the common start, saves.
    func child(_ k: Int, startAt: UInt64) throws -> String {
        let db = try AppDatabase.open(path: path, officer: officer)
        guard let unit = try db.allUnits().first?.id else { throw StoreError.notFound(what: "đơn vị") }
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let day = Day(year: year, month: 1, day: 1)
        let now = WriterBench.now()
        if startAt > now { usleep(useconds_t(min((startAt - now) / 1000, 10_000_000))) }
        var latencies: [UInt64] = [], failures = 0
        let begin = WriterBench.now()
        for i in 0..<saves {
            let t = WriterBench.now()
            do {
                try db.addModel(Model(id: 0, unitID: unit, title: "Mô hình đo ghi đồng thời \(startAt % 100_000)-\(k)-\(i)", fieldCode: "economy",
                                      registeredOn: day, launchedOn: day))
            } catch let e as StoreError {
                // Counted, not fatal: the report says how many saves were refused, and the first reason.
                if failures == 0 { Output.error("bench-\(k): " + e.message(lang)) }
                failures += 1
            }
            latencies.append((WriterBench.now() - t) / 1000)
        }
        let end = WriterBench.now()
        return "begin=\(begin) end=\(end) failures=\(failures) latencies_us=\(latencies.map(String.init).joined(separator: ","))"
    }
}
