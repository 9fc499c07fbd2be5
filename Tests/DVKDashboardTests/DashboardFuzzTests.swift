import DVKApp
import DVKCore
@testable import DVKDashboard
import DVKStore
import Foundation
import TerminalUI
import Testing

/// `update` and `view` driven by random keys, resizes and loaded results over
/// three databases (issue 7, section 6). Effects go through the real
/// `EffectRunner`, so loads, saves and undos really happen. After every key:
/// no trap and every selection inside its list. The frame (exactly the
/// terminal's size, no wide cell cut, the cursor on screen) is rendered and
/// checked after every resize and on one changed frame in `frameSampling` (12)
/// otherwise: a debug build renders a frame in ~3 ms, so checking all of
/// them would take 100,000 keys to ~6 minutes where CI has 60 s.
/// `DVK_FUZZ_FRAMES=all` checks every frame.
///
/// Replay: the seed is in the test's name and in every failure.
/// `DVK_FUZZ_SEED=<n>` and `DVK_FUZZ_KEYS=<n>` change them; `DVK_FUZZ_TRACE=1`
/// prints each key, to find the one before a trap.
@Suite("Fuzz: random keys through update and view")
struct DashboardFuzzTests {
    enum Data: String, CaseIterable, Sendable {
        case empty, demo, generated

        /// Keys per database: ≥ 100,000 in all, most where there is most to reach.
        var keys: Int {
            switch self {
            case .empty: return 15_000
            case .demo: return 50_000
            case .generated: return 40_000
            }
        }

        func database() throws -> AppDatabase {
            switch self {
            case .empty: return try AppDatabase.inMemory(officer: "kiểm thử")
            case .demo: return Demo.fresh()
            case .generated:
                let db = try AppDatabase.inMemory(officer: "kiểm thử")
                _ = try db.generate(SyntheticSpec(communes: 40, years: 2023...2025, seed: 7, modelsPerCommune: 12))
                return db
            }
        }
    }

    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["DVK_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_251_215
    static let trace = environment["DVK_FUZZ_TRACE"] == "1"
    static let frameSampling = environment["DVK_FUZZ_FRAMES"] == "all" ? 1 : 12

    @Test(arguments: Data.allCases)
    func randomKeysKeepEveryInvariant(_ data: Data) throws {
        let keys = Self.environment["DVK_FUZZ_KEYS"].flatMap { Int($0) } ?? data.keys
        let seed = Self.seed &+ UInt64(Data.allCases.firstIndex(of: data)!)
        let db = try data.database()
        var run = try FuzzRun(db: db, seed: seed, label: "\(data.rawValue) seed=\(seed)")
        let started = Date()
        run.go(keys: keys)
        print("fuzz \(data.rawValue): \(keys) keys, seed \(seed), \(run.selectionChecks) selections and \(run.frames) frames checked, \(run.resizes) resizes, \(run.replays) replayed results,"
              + " \(run.recorder.effects) effects (\(String(format: "%.1f", run.recorder.seconds)) s), checks \(String(format: "%.1f", run.checkSeconds)) s, total \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}

/// The real runner, except printing (no files); keeps results to replay late.
final class FuzzRecorder {
    let runner: EffectRunner
    /// Results already delivered once: replayed later, as a slow load would arrive.
    var results: [Msg] = []
    var effects = 0
    var seconds = 0.0

    init(_ runner: EffectRunner) { self.runner = runner }

    func perform(_ effect: Effect) -> [Msg] {
        effects += 1
        if case .print = effect { return [.printed(paths: ["/dev/null"])] }
        let started = Date()
        let msgs = runner.perform(effect)
        seconds += Date().timeIntervalSince(started)
        for m in msgs where Self.isLoad(m) {
            results.append(m)
            if results.count > 40 { results.removeFirst() }
        }
        return msgs
    }

    static func isLoad(_ m: Msg) -> Bool {
        switch m {
        case .overviewLoaded, .trendLoaded, .modelsLoaded, .detailLoaded, .satisfactionLoaded, .historyLoaded, .failed: return true
        default: return false
        }
    }
}

/// One seeded run: a dashboard, its runner and the invariants.
struct FuzzRun {
    let recorder: FuzzRecorder
    var model: Dashboard
    var random: FuzzRandom
    let label: String
    var recent: [Key] = []
    var resizes = 0, replays = 0
    var checkSeconds = 0.0
    var frames = 0
    var selectionChecks = 0

    init(db: AppDatabase, seed: UInt64, label: String) throws {
        recorder = FuzzRecorder(Demo.runner(db))
        random = FuzzRandom(seed: seed)
        self.label = label
        let start = try SessionStart.resolve(db: db, unit: nil, year: nil, lang: .vi, today: Day(year: 2025, month: 12, day: 15)!)
        model = Headless.dashboard(start: start, screen: .overview, size: Size(width: 80, height: 24),
                                   lang: random.chance(20) ? .en : .vi, officer: "kiểm thử", runner: recorder.runner)
    }

    mutating func go(keys: Int) {
        let perform = recorder.perform
        for step in 0..<keys {
            let key: Key
            if random.chance(2) {
                let size = random.pick(FuzzKeys.sizes)
                key = .resize(width: size.width, height: size.height)
                resizes += 1
            } else {
                key = FuzzKeys.next(&random, size: model.state.size)
            }
            if DashboardFuzzTests.trace { print("\(label) #\(step): \(key)") }
            recent = Array((recent + [key]).suffix(25))
            var isResize = false
            if case .resize = key { isResize = true }
            var changed = Program<Dashboard>.dispatch(key, to: &model, perform: perform).messages > 0
            if random.chance(1), let late = recorder.results.randomElement(using: &random) {
                replays += 1
                changed = true
                Program<Dashboard>.send(late, to: &model, perform: perform)
            }
            // A key that sends no message leaves the state, so its frame, as they were: checked already.
            guard changed || step == 0 else { continue }
            // Quitting ends a session, not the run: the next key starts where it was.
            model.state.isFinished = false
            let started = Date()
            defer { checkSeconds += Date().timeIntervalSince(started) }
            selectionChecks += 1
            let renders = isResize || step == 0 || random.chance(100 / DashboardFuzzTests.frameSampling)
            if renders { frames += 1 }
            guard check(step, render: renders) else { return }
        }
    }

    /// The invariants; false (with an issue naming the seed and the keys) stops the run.
    func check(_ step: Int, render: Bool) -> Bool {
        let s = model.state
        var problems: [String] = []
        func inside(_ name: String, _ i: Int, _ count: Int) {
            if count == 0 ? i != 0 : !(0..<count).contains(i) { problems.append("\(name) = \(i) of \(count)") }
        }
        inside("\(s.currentScreen).selected", s.selectedRow, s.rowCount)
        if let list = s.form?.picking { inside("picking.selected", list.selected, list.visibleIndices.count) }
        if let g = s.grid {
            inside("grid.row", g.row, g.rows.count)
            inside("grid.column", g.column, GridState.columns)
        }
        if let f = s.form { inside("form.focus", f.focus, f.fields.count) }
        if render { checkFrame(s, &problems) }
        guard !problems.isEmpty else { return true }
        Issue.record("\(label), key #\(step): \(problems.joined(separator: "; ")) on \(s.currentScreen) in \(s.mode.kind). Last keys: \(recent)")
        return false
    }

    func checkFrame(_ s: AppState, _ problems: inout [String]) {
        let frame = View.render(s)
        if frame.size != s.size || frame.cells.count != s.size.width * s.size.height {
            problems.append("frame \(frame.width)×\(frame.height) (\(frame.cells.count) cells) for a \(s.size.width)×\(s.size.height) terminal")
        }
        if let bad = Self.brokenCell(frame) { problems.append(bad) }
        if let c = View.cursor(s), !(0..<s.size.width).contains(c.x) || !(0..<s.size.height).contains(c.y) {
            problems.append("cursor at (\(c.x), \(c.y)) outside \(s.size.width)×\(s.size.height)")
        }
    }

    /// A wide cell that does not fit, or half of one: something was drawn past an edge.
    static func brokenCell(_ b: Buffer) -> String? {
        let cells = b.cells, w = b.width
        for i in cells.indices {
            let width = cells[i].width, x = i % w
            if width == 2, x + 1 >= w || cells[i + 1].width != 0 { return "wide cell at (\(x), \(i / w)) cut at the edge" }
            if width == 0, x == 0 || cells[i - 1].width != 2 { return "orphan continuation at (\(x), \(i / w))" }
            if width < 0 || width > 2 { return "cell of width \(width) at (\(x), \(i / w))" }
        }
        return nil
    }
}
