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
        try run(Update.start(&state), perform: perform)
    }

    /// Everything on screen read again, as after a save (same screen, row,
    /// filter and search): for a change another officer's dvk stored. The
    /// caller first drops what its runner keeps (`SnapshotCache.clear()`).
    public mutating func reload(perform: (Effect) throws -> [Msg]) rethrows {
        let effects = Update.reload(&state)
        if effects.contains(where: \.showsLoading) { state.isLoading = true }
        try run(effects, perform: perform)
    }

    private mutating func run(_ effects: [Effect], perform: (Effect) throws -> [Msg]) rethrows {
        var queue = try effects.flatMap(perform)
        while !queue.isEmpty {
            let msg = queue.removeFirst()
            queue += try update(msg).flatMap(perform)
        }
    }
}
