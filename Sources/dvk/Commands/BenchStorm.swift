import ArgumentParser
import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TerminalUI

/// The options of `dvk bench storm`.
struct StormOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(help("storm: số tiến trình cùng lưu.", "storm: how many processes save at once.")))
    var writers: Int = 50

    @Option(name: .long, help: ArgumentHelp(help("storm: số bảng điều khiển cùng đọc.", "storm: how many dashboards read meanwhile.")))
    var readers: Int = 5

    @Option(name: .customLong("key-pause"), help: ArgumentHelp(help("storm: mili giây giữa hai phím của một bảng điều khiển đọc (0: liền nhau).",
                                                                   "storm: milliseconds between a reading dashboard's keys (0: back to back)."),
                                                              valueName: "MS"))
    var keyPause: Int = 50

    /// The reading child's number; with it the command is one of the readers.
    @Option(name: .customLong("reader-child"), help: .hidden)
    var readerChild: Int?

    func validate() throws {
        if !(1...200).contains(writers) { throw ValidationError(help("--writers phải từ 1 đến 200.", "--writers must be 1 to 200.")) }
        if !(0...20).contains(readers) { throw ValidationError(help("--readers phải từ 0 đến 20.", "--readers must be 0 to 20.")) }
        if !(0...10_000).contains(keyPause) { throw ValidationError(help("--key-pause phải từ 0 đến 10000.", "--key-pause must be 0 to 10000.")) }
    }
}

/// `dvk bench storm`: many officers saving into one file while other
/// dashboards read it (issue 12). W writer processes (this same program)
/// each make N saves as a grid row is saved (a model and its evaluation in
/// one change, through the runner's `.save`), all starting at one instant;
/// R reader processes run the dashboard on the file meanwhile, timing each
/// key to its frame, and look at `dataVersion()` every 250 ms as the live
/// dashboard does, reading everything on screen again when it moved. The
/// parent matches each save to the first moment each reader had it on
/// screen, counts what was stored, and runs the store's check.
///
/// Without `--db` the province set is generated into a temporary folder
/// (and removed after); with `--db FILE` a missing FILE gets the province
/// set, an existing one is used as it is (it gains W × N models).
struct StormBench {
    let options: StormOptions
    let db: String?
    let saves: Int
    let year: Int
    /// The OS account (no `--officer` is passed to the children: they run as it).
    let officer: String
    let lang: Language

    /// How often a reader asks whether another process saved.
    static let pollInterval: UInt64 = 250_000_000
    /// After the last writer ends, how long the readers go on (for the last saves to show).
    static let grace: UInt64 = 1_500_000_000
    static let size = Size(width: 100, height: 30)

    func run(writerChild: Int?) throws {
        signal(SIGPIPE, SIG_IGN) // a child gone early must not take the parent with it
        guard let path = db else { return try inTemporaryFolder() }
        if let k = writerChild {
            print(try writer(k, path: path))
        } else if let r = options.readerChild {
            print(try reader(r, path: path))
        } else {
            if !FileManager.default.fileExists(atPath: path) { try StormBench.generate(path) }
            if try !parent(path: path) { throw ExitCode.failure }
        }
    }

    /// No `--db`: the province set in a fresh folder, removed afterwards.
    func inTemporaryFolder() throws {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("dvk-storm-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = (dir as NSString).appendingPathComponent("province.sqlite")
        try StormBench.generate(path)
        let ok = try StormBench(options: options, db: path, saves: saves, year: year, officer: officer, lang: lang).parent(path: path)
        if !ok { throw ExitCode.failure }
    }

    /// The province set of `dvk bench` (600 communes, 2021–2025, seed 1).
    static func generate(_ path: String) throws {
        let set = Bench.sets["province"]!
        FileHandle.standardError.write(Data("storm: generating the province set into \(path)\n".utf8))
        _ = try Bench.runSelf(["generate"] + set.generate + ["--years", "2021-2025", "--seed", "1", "--db", path])
    }

    // MARK: - The parent

    /// Spawns the writers and readers, starts them together, reports; false when a save was lost or the check is not clean.
    func parent(path: String) throws -> Bool {
        let store = try AppDatabase.open(path: path, officer: officer)
        let models0 = try store.count(.model), evaluations0 = try store.count(.evaluation)
        let common = ["--saves", String(saves), "--year", String(year), "--db", path, "--lang", lang.rawValue]
        let writers = try (0..<options.writers).map { k in
            try BenchChild(["bench", "storm", "--writer-child", String(k), "--writers", String(options.writers)] + common)
        }
        let readers = try (0..<options.readers).map { r in
            try BenchChild(["bench", "storm", "--reader-child", String(r), "--key-pause", String(options.keyPause)] + common)
        }
        // Every child has opened the file (a reader has also played its warm-up round) before any starts.
        for child in writers + readers { _ = child.readLine() }
        let startAt = WriterBench.now() + 200_000_000
        for child in writers + readers { child.send("go \(startAt)") }

        var saveTimes: [Double] = [], commits: [(at: UInt64, id: Int64)] = []
        var failures = 0, crashed = 0, first = UInt64.max, last = UInt64(0)
        for child in writers {
            let (status, text) = child.finish()
            guard status == 0, let begin = Bench.field(text, "begin").flatMap(UInt64.init), let end = Bench.field(text, "end").flatMap(UInt64.init) else {
                crashed += 1
                continue
            }
            first = min(first, begin)
            last = max(last, end)
            failures += Bench.field(text, "failures").flatMap(Int.init) ?? 0
            for save in StormBench.records(text, "saves") where save.count == 3 {
                saveTimes.append(Double(save[0]) / 1000)
                commits.append((UInt64(save[1]), save[2]))
            }
        }
        if !readers.isEmpty { usleep(useconds_t(StormBench.grace / 1000)) }
        var keys: [(at: UInt64, ms: Double, reload: Bool)] = [], seen: [[(at: UInt64, id: Int64)]] = [], refreshes: [Double] = []
        var readerErrors = 0
        for child in readers { child.closeInput() } // the readers stop and report
        for child in readers {
            let (status, text) = child.finish()
            guard status == 0, Bench.field(text, "errors") != nil else {
                crashed += 1
                continue
            }
            readerErrors += Bench.field(text, "errors").flatMap(Int.init) ?? 0
            keys += StormBench.records(text, "keys").filter { $0.count == 3 }.map { (UInt64($0[0]), Double($0[1]) / 1000, $0[2] == 1) }
            seen.append(StormBench.records(text, "seen").filter { $0.count == 2 }.map { (UInt64($0[0]), $0[1]) })
            refreshes += StormBench.records(text, "refresh").compactMap(\.first).map { Double($0) / 1000 }
        }

        // During the storm: keys pressed between the first save and the last.
        let storm = keys.filter { $0.at >= first && $0.at <= last }
        // A save shows in a reader at the first moment that reader had an audit id as high on screen.
        var visible: [Double] = [], unseen = 0
        for records in seen {
            for c in commits {
                var lo = 0, hi = records.count
                while lo < hi { let mid = (lo + hi) / 2; if records[mid].id >= c.id { hi = mid } else { lo = mid + 1 } }
                if lo == records.count { unseen += 1; continue }
                visible.append(records[lo].at > c.at ? Double(records[lo].at - c.at) / 1e6 : 0)
            }
        }
        let models = try store.count(.model) - models0, evaluations = try store.count(.evaluation) - evaluations0
        let expected = options.writers * saves
        let problems = try AppDatabase.openReadOnly(path: path, officer: officer).check()
        for p in problems.prefix(5) { Output.error("storm: check: " + p.message(lang)) }

        let wall = last > first ? Double(last - first) / 1e9 : 0
        let rate = wall > 0 ? Double(models) / wall : 0
        let save = StormBench.spread(saveTimes), key = StormBench.spread(storm.map(\.ms)), shown = StormBench.spread(visible)
        let nav = StormBench.spread(storm.filter { !$0.reload }.map(\.ms)), rel = StormBench.spread(storm.filter(\.reload).map(\.ms))
        let refresh = StormBench.spread(refreshes)
        let f = { (x: Double) in String(format: "%.1f", x) }
        let three = { (s: StormBench.Spread) in "\(f(s.p50)) / \(f(s.p99)) / \(f(s.max)) ms" }
        let clean = problems.isEmpty
        print("| writers × saves | readers | stored | lost | failed | wall | saves/s | save p50 / p99 / max | key → frame p50 / p99 / max | visible p50 / p99 / max | check |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        print("| \(options.writers) × \(saves) | \(options.readers) | \(models) | \(expected - models) | \(failures) | \(String(format: "%.2f", wall)) s | \(Int(rate)) | "
              + "\(three(save)) | \(three(key)) | \(three(shown)) | \(clean ? "clean" : "\(problems.count) problems") |")
        print("writers=\(options.writers) saves=\(saves) readers=\(options.readers) key_pause_ms=\(options.keyPause) stored=\(models) evaluations=\(evaluations) "
              + "lost=\(expected - models) failed=\(failures) crashed=\(crashed) reader_errors=\(readerErrors) wall_s=\(String(format: "%.3f", wall)) saves_per_s=\(Int(rate)) "
              + "save_p50_ms=\(f(save.p50)) save_p99_ms=\(f(save.p99)) save_max_ms=\(f(save.max)) "
              + "keys=\(storm.count) key_p50_ms=\(f(key.p50)) key_p99_ms=\(f(key.p99)) key_max_ms=\(f(key.max)) "
              + "nav_key_p99_ms=\(f(nav.p99)) reload_key_p99_ms=\(f(rel.p99)) refresh_p50_ms=\(f(refresh.p50)) refresh_p99_ms=\(f(refresh.p99)) refreshes=\(refreshes.count) "
              + "visible_p50_ms=\(f(shown.p50)) visible_p99_ms=\(f(shown.p99)) visible_max_ms=\(f(shown.max)) unseen=\(unseen) "
              + "check=\(clean ? "clean" : "problems:\(problems.count)")")
        return expected == models && evaluations == models && failures == 0 && crashed == 0 && clean
    }

    struct Spread { var p50 = 0.0, p99 = 0.0, max = 0.0 }

    static func spread(_ xs: [Double]) -> Spread {
        let s = xs.sorted()
        guard let top = s.last else { return Spread() }
        let pick = { (q: Double) in s[min(s.count - 1, Int(Double(s.count) * q))] }
        return Spread(p50: pick(0.5), p99: pick(0.99), max: top)
    }

    /// `key=a:b:c,a:b:c` from a child's report, as numbers.
    static func records(_ text: String, _ key: String) -> [[Int64]] {
        (Bench.field(text, key) ?? "").split(separator: ",").map { $0.split(separator: ":").compactMap { Int64($0) } }
    }

    // MARK: - The children

    /// Says it is ready, then waits for the parent's common start and sleeps until it.
    static func awaitStart() throws -> UInt64 {
        print("ready")
        fflush(nil) // every stream: the parent waits for this line
        guard let line = readLine(), line.hasPrefix("go "), let at = UInt64(line.dropFirst(3)) else { throw ExitCode.failure }
        let now = WriterBench.now()
        if at > now { usleep(useconds_t(min((at - now) / 1000, 10_000_000))) }
        return at
    }

    /// One writer: N saves as the grid saves a row, into its own commune.
    /// Per save: its latency (busy waits and retries included), the
    /// monotonic instant it came back committed, and its change's audit id.
    func writer(_ k: Int, path: String) throws -> String {
        let db = try AppDatabase.open(path: path, officer: officer)
        let runner = EffectRunner(db: db, snapshots: SnapshotWriter(folder: NSTemporaryDirectory()), lang: lang)
        let communes = try db.allUnits().filter { $0.kind == .commune && $0.validTo == nil }.sorted { $0.id < $1.id }
        guard !communes.isEmpty else { throw StoreError.notFound(what: "xã") }
        let unit = communes[(k * max(1, communes.count / options.writers)) % communes.count].id
        let fields = try db.fields().map(\.code)
        let tag = try StormBench.awaitStart() % 1_000_000
        var records: [String] = [], failures = 0
        let begin = WriterBench.now()
        for i in 0..<saves {
            let model = Model(id: 0, unitID: unit, title: "Mô hình đo tải \(tag)-\(k)-\(i)", fieldCode: fields[i % fields.count],
                              launchedOn: Day(year: year, month: 1 + i % 12, day: 1 + k % 28))
            let t = WriterBench.now()
            let answer = runner.perform(.save(.gridRow(model, year: year, effective: i % 3 != 0)))
            let end = WriterBench.now()
            switch answer.first {
            case let .saved(_, .saved(change, _, _))?:
                records.append("\((end - t) / 1000):\(end):\(change)")
            case let .saved(_, .refused(text, _))?:
                // Counted, not fatal: the report says how many saves were refused, and the first reason.
                if failures == 0 { Output.error("storm writer \(k): \(text)") }
                failures += 1
            default:
                if failures == 0 { Output.error("storm writer \(k): \(answer)") }
                failures += 1
            }
        }
        let end = WriterBench.now()
        return "begin=\(begin) end=\(end) failures=\(failures) saves=\(records.joined(separator: ","))"
    }

    /// One reading dashboard at the top unit: the scripted keys of `dvk
    /// bench` in a loop, each timed through update, its effects, view and
    /// diff; every 250 ms `dataVersion()`, and on a change the highest audit
    /// id (read first, so what is then loaded holds it), everything on
    /// screen read again as after a save, and the frame drawn. Stops when
    /// the parent closes its input.
    func reader(_ r: Int, path: String) throws -> String {
        let db = try AppDatabase.open(path: path, officer: officer)
        let start = try SessionStart.resolve(db: db, unit: nil, year: year, lang: .vi, map: MapOption.Choice.today.view())
        let runner = EffectRunner(db: db, snapshots: SnapshotWriter(folder: NSTemporaryDirectory()), lang: .vi)
        var model = Dashboard(state: start.state(lang: .vi, size: StormBench.size, officer: officer))
        model.start(perform: runner.perform)
        var previous = Program<Dashboard>.render(model, size: StormBench.size)
        let script = BenchMeasure.navigationKeys.map { ($0, false) } + BenchMeasure.reloadKeys.map { ($0, true) }
        for (key, _) in script { previous = Program<Dashboard>.step(model: &model, key: key, previous: previous, perform: runner.perform).buffer }
        _ = try StormBench.awaitStart()

        var version = try db.dataVersion()
        var keys: [String] = [], seen = ["\(WriterBench.now()):\(try db.auditLog(limit: 1).first?.id ?? 0)"], refreshes: [String] = []
        var errors = 0
        var nextPoll = WriterBench.now() + StormBench.pollInterval
        let pause = UInt64(options.keyPause) * 1_000_000
        var i = r * 7 // readers out of step with each other
        func poll() {
            do {
                let v = try db.dataVersion()
                guard v != version else { return }
                version = v
                let id = try db.auditLog(limit: 1).first?.id ?? 0
                let t = WriterBench.now()
                runner.cache.clear()
                model.reload(perform: runner.perform)
                let frame = Program<Dashboard>.render(model, size: StormBench.size)
                _ = frame.diff(from: previous)
                previous = frame
                let shown = WriterBench.now()
                refreshes.append(String((shown - t) / 1000))
                seen.append("\(shown):\(id)")
            } catch {
                errors += 1
            }
        }
        while !StormBench.inputEnded() {
            let (key, isReload) = script[i % script.count]
            i += 1
            let t = WriterBench.now()
            previous = Program<Dashboard>.step(model: &model, key: key, previous: previous, perform: runner.perform).buffer
            keys.append("\(t):\((WriterBench.now() - t) / 1000):\(isReload ? 1 : 0)")
            let nextKey = t + pause
            while true {
                var now = WriterBench.now()
                if now >= nextPoll {
                    poll()
                    now = WriterBench.now()
                    nextPoll = max(nextPoll + StormBench.pollInterval, now + 1_000_000)
                }
                if now >= nextKey { break }
                usleep(useconds_t((min(nextKey, nextPoll) - now) / 1000))
            }
        }
        return "errors=\(errors) keys=\(keys.joined(separator: ",")) seen=\(seen.joined(separator: ",")) refresh=\(refreshes.joined(separator: ","))"
    }

    /// Whether the parent closed this child's standard input (or wrote to it): time to stop.
    static func inputEnded() -> Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&fd, 1, 0) > 0
    }
}

/// A child `dvk` of the benchmarks: this same program with `args`, its
/// output read by the parent, its input a pipe the parent writes to or closes.
final class BenchChild {
    private let process = Process()
    private let output = Pipe()
    private let input = Pipe()

    init(_ args: [String]) throws {
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = args
        process.standardOutput = output
        process.standardInput = input
        try process.run()
    }

    /// One line of its output (nil at its end), read a byte at a time so nothing after it is taken.
    func readLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(output.fileHandleForReading.fileDescriptor, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    func send(_ line: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// The rest of its output, once it has ended, and its exit status.
    func finish() -> (status: Int32, output: String) {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        closeInput()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
