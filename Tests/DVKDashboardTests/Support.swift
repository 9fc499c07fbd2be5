import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI

/// The demo database (seeds/), imported once into memory for all tests.
enum Demo {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let db: AppDatabase = {
        let db = try! AppDatabase.inMemory(officer: "kiểm thử")
        _ = try! db.importFolder(packageRoot.appendingPathComponent("seeds"))
        return db
    }()

    static let empty: AppDatabase = try! AppDatabase.inMemory(officer: "kiểm thử")

    /// A private copy of the demo, for tests that write.
    static func fresh() -> AppDatabase {
        let db = try! AppDatabase.inMemory(officer: "kiểm thử")
        _ = try! db.importFolder(packageRoot.appendingPathComponent("seeds"))
        return db
    }

    /// Types text as single key presses.
    static func type(_ text: String, on model: inout Dashboard, db: AppDatabase = Demo.db) {
        press(text.map { Key.character($0) }, on: &model, db: db)
    }

    static func runner(_ db: AppDatabase = Demo.db, snapshots: String = NSTemporaryDirectory()) -> EffectRunner {
        EffectRunner(db: db, snapshots: SnapshotWriter(folder: snapshots, clock: { Date(timeIntervalSince1970: 1_790_000_000) }), lang: .vi)
    }

    /// The dashboard opened on `unit` (nil: the home unit) and `screen`, all loads done.
    static func dashboard(unit: String? = nil, year: Int? = nil, screen: Screen = .overview, size: Size = Size(width: 80, height: 24),
                          lang: Language = .vi, db: AppDatabase = Demo.db) throws -> Dashboard {
        let start = try SessionStart.resolve(db: db, unit: unit, year: year, lang: lang, today: Day(year: 2025, month: 12, day: 15)!)
        return Headless.dashboard(start: start, screen: screen, size: size, lang: lang, officer: "kiểm thử", runner: runner(db))
    }

    /// Presses keys one after another, running their effects against the demo.
    static func press(_ keys: [Key], on model: inout Dashboard, db: AppDatabase = Demo.db) {
        let r = runner(db)
        for key in keys { Program<Dashboard>.dispatch(key, to: &model, perform: r.perform) }
    }

    static func text(_ model: Dashboard) -> String { PlainTextRenderer.render(View.render(model.state)) }

    static func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }
}
