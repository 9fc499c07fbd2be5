/// A terminal for tests and benchmarks: replays a scripted list of keys
/// and keeps what the program drew, both as the calls it received and as
/// the resulting screen.
///
/// A `.resize` key changes `size` as it is read, as a real terminal's size
/// has changed by the time the resize event arrives.
public final class TestTerminal: Terminal {
    public private(set) var size: Size
    /// The screen as the terminal shows it after every call so far.
    public private(set) var screen: Buffer
    public private(set) var cursor: Point?
    /// The cells of every `draw` call, in order.
    public private(set) var draws: [[CellChange]] = []
    /// The buffers of every `fullRedraw` call, in order.
    public private(set) var fullRedraws: [Buffer] = []
    public private(set) var keysRead = 0
    public private(set) var suspendCount = 0
    public private(set) var isShutDown = false
    private var script: [Key]

    public init(size: Size, keys: [Key] = []) {
        self.size = size
        self.screen = Buffer(size: size)
        self.script = keys
    }

    /// Adds keys to the end of the script.
    public func enqueue(_ keys: [Key]) {
        script.append(contentsOf: keys)
    }

    public var isAtEndOfInput: Bool { keysRead >= script.count }

    /// The next scripted key at once (no waiting), or nil when none is left.
    public func readKey(timeoutMs: Int) -> Key? {
        guard keysRead < script.count else { return nil }
        let key = script[keysRead]
        keysRead += 1
        if case .resize(let width, let height) = key { size = Size(width: width, height: height) }
        return key
    }

    public func draw(changes: [CellChange], cursor: Point?) {
        draws.append(changes)
        screen.apply(changes)
        self.cursor = cursor
    }

    public func fullRedraw(_ buffer: Buffer) {
        fullRedraws.append(buffer)
        screen = buffer
    }

    public func suspend() { suspendCount += 1 }

    public func shutdown() { isShutDown = true }

    /// The screen as plain-text lines (see `PlainTextRenderer`).
    public var lines: [String] { PlainTextRenderer.lines(screen) }
}
