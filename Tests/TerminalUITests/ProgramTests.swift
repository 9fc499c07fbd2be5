import Testing
import TerminalUI

/// A counter: the smallest model with keys, effects and a view.
private struct Counter: ProgramModel {
    enum Msg: Equatable { case increment, reload, loaded(Int), fail, quit }
    enum Effect: Equatable { case load, explode }
    struct Boom: Error {}

    static let keys = KeyMap<Msg>([
        KeyBinding(.character("+"), label: "Tăng", help: "Tăng một", action: .increment),
        KeyBinding(.character("r"), label: "Tải lại", help: "Tải lại số", action: .reload),
        KeyBinding(.character("!"), help: "Lỗi", action: .fail),
        KeyBinding(.character("q"), label: "Thoát", help: "Thoát", action: .quit),
    ])

    var count = 0
    var isFinished = false

    mutating func update(_ msg: Msg) -> [Effect] {
        switch msg {
        case .increment: count += 1
        case .reload: return [.load]
        case .loaded(let n): count = n
        case .fail: return [.explode]
        case .quit: isFinished = true
        }
        return []
    }

    func view(into buffer: inout Buffer) {
        buffer.write("Đếm: \(count)", x: 0, y: 0)
        let bar = Layout.vertical(buffer.area, [.fill(1), .fixed(1)])[1]
        KeyBar(Self.keys.keyBarHints).render(into: &buffer, area: bar)
    }

    func message(for key: Key) -> Msg? { Self.keys.action(for: key) }

    static func perform(_ effect: Effect) throws -> [Msg] {
        switch effect {
        case .load: [.loaded(42)]
        case .explode: throw Boom()
        }
    }
}

@Suite struct ProgramTests {
    let size = Size(width: 30, height: 3)

    @Test func stepRendersTheNextScreen() throws {
        var model = Counter()
        let screen = try Program.step(model: &model, key: .character("+"), size: size, perform: Counter.perform)
        #expect(model.count == 1)
        #expect(lines(screen) == ["Đếm: 1", "", "+ Tăng  r Tải lại  q Thoát"])
    }

    @Test func diffChangesOnlyTheAffectedCells() throws {
        var model = Counter(count: 9)
        let before = Program.render(model, size: size)
        let frame = try Program.step(model: &model, key: .character("+"), previous: before, perform: Counter.perform)
        // "Đếm: 9" → "Đếm: 10": the 9 becomes 1 and a 0 appears after it.
        #expect(frame.changes.map { [$0.x, $0.y] } == [[5, 0], [6, 0]])
        #expect(frame.changes.map(\.cell.text) == ["1", "0"])
        #expect(frame.stats == FrameStats(cellsChanged: 2, bytes: 2, isFullRedraw: false, messages: 1, effects: 0))
        var replayed = before
        replayed.apply(frame.changes)
        #expect(replayed == frame.buffer)
    }

    @Test func unboundKeyChangesNothing() throws {
        var model = Counter()
        let before = Program.render(model, size: size)
        let frame = try Program.step(model: &model, key: .character("x"), previous: before, perform: Counter.perform)
        #expect(frame.changes.isEmpty)
        #expect(frame.stats.messages == 0)
    }

    @Test func effectResultsAreFedBackBeforeTheFrame() throws {
        var model = Counter()
        let before = Program.render(model, size: size)
        let frame = try Program.step(model: &model, key: .character("r"), previous: before, perform: Counter.perform)
        #expect(model.count == 42)
        #expect(frame.stats.messages == 2 && frame.stats.effects == 1)
        #expect(lines(frame.buffer)[0] == "Đếm: 42")
    }

    @Test func resizeIsAFullRedraw() throws {
        var model = Counter()
        let before = Program.render(model, size: size)
        let frame = try Program.step(model: &model, key: .resize(width: 12, height: 2), previous: before, perform: Counter.perform)
        #expect(frame.buffer.size == Size(width: 12, height: 2))
        #expect(frame.stats.isFullRedraw)
        #expect(frame.stats.cellsChanged == 24)
        // The key bar says it left keys out.
        #expect(lines(frame.buffer) == ["Đếm: 0", "+ Tăng  …"])
    }

    @Test func runDrawsOnlyChangesAndRedrawsOnResize() throws {
        let terminal = TestTerminal(size: size, keys: [
            .character("+"), .character("+"), .character("x"), .resize(width: 20, height: 4), .character("r"), .character("q"),
        ])
        var program = Program(model: Counter(), terminal: terminal, perform: Counter.perform)
        try program.run()
        #expect(program.model.isFinished)
        #expect(terminal.keysRead == 6)
        #expect(terminal.fullRedraws.count == 2)
        #expect(terminal.fullRedraws[0].size == size && terminal.fullRedraws[1].size == Size(width: 20, height: 4))
        // After each full redraw an empty draw places the cursor; then one
        // draw per key that changed something: "+", "+", then "r".
        #expect(terminal.draws.map(\.count) == [0, 1, 1, 0, 2])
        #expect(terminal.lines == ["Đếm: 42", "", "", "+ Tăng  r Tải lại  …"])
        #expect(terminal.screen == Program.render(program.model, size: Size(width: 20, height: 4)))
        #expect(program.stats.keys == 6)
        #expect(program.stats.fullRedraws == 2)
        #expect(program.stats.frames == 6)
        #expect(program.stats.cellsChanged == 4)
        #expect(program.stats.cellsPerKey == 4.0 / 6.0)
    }

    @Test func runStopsWhenTheScriptEnds() throws {
        let terminal = TestTerminal(size: size, keys: [.character("+")])
        var program = Program(model: Counter(), terminal: terminal, perform: Counter.perform)
        try program.run()
        #expect(!program.model.isFinished)
        #expect(terminal.lines[0] == "Đếm: 1")
    }

    @Test func effectErrorsEndTheRun() {
        let terminal = TestTerminal(size: size, keys: [.character("+"), .character("!"), .character("+")])
        var program = Program(model: Counter(), terminal: terminal, perform: Counter.perform)
        #expect(throws: Counter.Boom.self) { try program.run() }
        #expect(terminal.keysRead == 2)
    }
}
