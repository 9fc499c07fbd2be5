import DVKCore
import TerminalUI

/// The dashboard as the program loop sees it: the state plus the pure
/// `update` and `view`.
public struct Dashboard: ProgramModel {
    public var state: AppState

    public init(state: AppState) { self.state = state }

    public mutating func update(_ msg: Msg) -> [Effect] {
        // A printout is the frame the officer saw when pressing the key.
        if case .action(.print) = msg, state.mode == .normal { return [.print(View.printJob(state))] }
        return Update.update(&state, msg)
    }

    public func view(into buffer: inout Buffer) {
        var s = state
        s.size = buffer.size
        buffer = View.render(s)
    }

    public func message(for key: Key) -> Msg? { Keys.message(for: key, in: state) }

    public var isFinished: Bool { state.isFinished }

    public var cursor: Point? { View.cursor(state) }

    /// Runs the opening loads through `perform` (the first frame needs data).
    public mutating func start(perform: (Effect) throws -> [Msg]) rethrows {
        var queue = try Update.start(&state).flatMap(perform)
        while !queue.isEmpty {
            let msg = queue.removeFirst()
            queue += try update(msg).flatMap(perform)
        }
    }
}
