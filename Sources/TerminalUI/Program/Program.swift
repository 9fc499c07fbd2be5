/// The program loop: keys in, messages through `update`, effects performed
/// and their results fed back, then the view diffed against the previous
/// frame and only the changed cells sent to the terminal.
///
/// Effects run synchronously, in order; messages they return are handled
/// before the next frame is drawn. The read timeout (250 ms by default)
/// keeps the loop responsive to signals and resizes while idle.
public struct Program<Model: ProgramModel> {
    public private(set) var model: Model
    public let terminal: any Terminal
    public var readTimeoutMs = 250
    public private(set) var stats = RunStats()
    public private(set) var lastFrame: FrameStats?
    private let perform: (Model.Effect) throws -> [Model.Msg]
    /// Messages from other threads, applied between keys.
    public let inbox: Inbox<Model.Msg>

    /// `inbox`: where work done off the loop posts its answers (given when
    /// that work starts before the program does, as the first load does).
    public init(model: Model, terminal: any Terminal, inbox: Inbox<Model.Msg> = Inbox(),
                perform: @escaping (Model.Effect) throws -> [Model.Msg]) {
        self.model = model
        self.terminal = terminal
        self.inbox = inbox
        self.perform = perform
    }

    /// Runs until the model is finished or the input ends. The caller owns
    /// the terminal: it sets it up before and shuts it down after, also
    /// when an effect throws.
    public mutating func run() throws {
        var previous = Self.render(model, size: terminal.size)
        var cursor = model.cursor
        redraw(previous, messages: 0, effects: 0)
        while !model.isFinished {
            for msg in inbox.drain() {
                try Self.send(msg, to: &model, perform: perform)
                let next = Self.render(model, size: terminal.size)
                // A size change is redrawn whole by the resize key that follows.
                if next.size == previous.size { terminal.draw(changes: next.diff(from: previous), cursor: model.cursor) }
                previous = next
                cursor = model.cursor
            }
            guard let key = terminal.readKey(timeoutMs: readTimeoutMs) else {
                if terminal.isAtEndOfInput { return }
                continue
            }
            stats.keys += 1
            let counts = try Self.dispatch(key, to: &model, perform: perform)
            let size = terminal.size
            var isResize = false
            if case .resize = key { isResize = true }
            if isResize || size != previous.size {
                previous = Self.render(model, size: size)
                cursor = model.cursor
                redraw(previous, messages: counts.messages, effects: counts.effects)
                continue
            }
            // A key that meant nothing changed nothing: no frame.
            guard counts.messages > 0 else { continue }
            let next = Self.render(model, size: size)
            let changes = next.diff(from: previous)
            if !changes.isEmpty || model.cursor != cursor {
                terminal.draw(changes: changes, cursor: model.cursor)
            }
            record(.drawing(changes, isFullRedraw: false, messages: counts.messages, effects: counts.effects))
            previous = next
            cursor = model.cursor
        }
    }

    // MARK: - Pure steps, for tests and benchmarks

    /// Feeds `key` through the model: its message, then every message the
    /// resulting effects send back, in order. Returns how many of each.
    @discardableResult
    public static func dispatch(_ key: Key, to model: inout Model,
                                perform: (Model.Effect) throws -> [Model.Msg]) rethrows -> (messages: Int, effects: Int) {
        guard let msg = model.message(for: key) else { return (0, 0) }
        return try send(msg, to: &model, perform: perform)
    }

    /// Handles `msg` and the messages its effects send back, breadth first.
    @discardableResult
    public static func send(_ msg: Model.Msg, to model: inout Model,
                            perform: (Model.Effect) throws -> [Model.Msg]) rethrows -> (messages: Int, effects: Int) {
        var queue = [msg]
        var handled = 0, effects = 0
        while handled < queue.count {
            let produced = model.update(queue[handled])
            handled += 1
            for effect in produced {
                effects += 1
                queue.append(contentsOf: try perform(effect))
            }
        }
        return (handled, effects)
    }

    /// The model's view in a fresh buffer of `size`.
    public static func render(_ model: Model, size: Size) -> Buffer {
        var buffer = Buffer(size: size)
        model.view(into: &buffer)
        return buffer
    }

    /// One key, then the screen it leads to.
    public static func step(model: inout Model, key: Key, size: Size = Size(width: 80, height: 24),
                            perform: (Model.Effect) throws -> [Model.Msg]) rethrows -> Buffer {
        try dispatch(key, to: &model, perform: perform)
        return render(model, size: size)
    }

    /// One key, then the screen it leads to diffed against `previous` (a
    /// full redraw when the sizes differ): what the loop sends the terminal.
    public static func step(model: inout Model, key: Key, previous: Buffer,
                            perform: (Model.Effect) throws -> [Model.Msg]) rethrows -> Frame {
        let counts = try dispatch(key, to: &model, perform: perform)
        var size = previous.size
        if case .resize(let width, let height) = key { size = Size(width: width, height: height) }
        let buffer = render(model, size: size)
        let changes = buffer.diff(from: previous)
        let stats = FrameStats.drawing(changes, isFullRedraw: size != previous.size,
                                       messages: counts.messages, effects: counts.effects)
        return Frame(buffer: buffer, changes: changes, stats: stats)
    }

    // MARK: - Internals

    private mutating func redraw(_ buffer: Buffer, messages: Int, effects: Int) {
        terminal.fullRedraw(buffer)
        // A full redraw doesn't place the cursor; an empty draw does.
        terminal.draw(changes: [], cursor: model.cursor)
        let all = buffer.diff(from: Buffer(width: 0, height: 0))
        record(.drawing(all, isFullRedraw: true, messages: messages, effects: effects))
    }

    private mutating func record(_ frame: FrameStats) {
        lastFrame = frame
        stats.add(frame)
    }
}
