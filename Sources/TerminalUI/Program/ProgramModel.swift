/// An application as the program loop sees it: plain state that turns
/// messages into new state plus effects (values, not actions), and draws
/// itself into a buffer. Keeping side effects out of `update` is what lets
/// tests drive the whole app with scripted keys and no terminal.
public protocol ProgramModel {
    associatedtype Msg
    associatedtype Effect

    /// Applies a message; returns the effects to perform (load, save, ...).
    mutating func update(_ msg: Msg) -> [Effect]
    /// Draws the whole screen into `buffer`, which starts blank.
    func view(into buffer: inout Buffer)
    /// The message a key means in the current state, or nil to ignore it.
    func message(for key: Key) -> Msg?
    /// True once the program should stop.
    var isFinished: Bool { get }
    /// Where the terminal cursor shows (in a text field); nil hides it.
    var cursor: Point? { get }
}

extension ProgramModel {
    public var cursor: Point? { nil }
}
