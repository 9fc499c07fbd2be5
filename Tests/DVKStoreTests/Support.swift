import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// Shared helpers for the store tests: paths, temporary folders, the
/// `sqlite3` tool, and the domain reference for model counts.
enum Fixture {
    /// The package root, found from this file's path (Tests/DVKStoreTests/Support.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var seedsFolder: URL { packageRoot.appendingPathComponent("seeds") }

    /// A fresh, empty folder under the system temporary directory.
    static func tempDir(_ label: String = "dvk-store-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func removeTree(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    static let sqlite3Path = "/usr/bin/sqlite3"

    /// Runs `sqlite3 <file> <sql>` and returns its stdout (trimmed); fails the test on a non-zero exit.
    @discardableResult
    static func sqlite3(_ file: String, _ sql: String, readOnly: Bool = false,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: sqlite3Path)
        p.arguments = (readOnly ? ["-readonly"] : []) + [file, sql]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "sqlite3 failed: \(String(decoding: errData, as: UTF8.self))",
                sourceLocation: sourceLocation)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every model and evaluation in the database, read back through the public API.
    static func allModelsAndEvaluations(_ db: AppDatabase) throws -> ([Model], [Evaluation]) {
        let ids = try db.allUnits().map(\.id)
        let models = try db.models(ModelQuery(unitIDs: ids, year: 2025, limit: Int(Int32.max))).rows.map(\.model)
        var evaluations: [Evaluation] = []
        for m in models { evaluations += try db.evaluations(model: m.id) }
        return (models, evaluations)
    }

    /// Drops units whose counts are all zero, so “no entry” and “an empty entry” compare equal.
    static func nonEmpty(_ counts: [OrgUnit.ID: ModelCounts]) -> [OrgUnit.ID: ModelCounts] {
        counts.filter { $0.value != ModelCounts() }
    }

    /// The store's model counts for `year` (from `facts(year:)`).
    static func storeCounts(_ db: AppDatabase, year: Int) throws -> [OrgUnit.ID: ModelCounts] {
        nonEmpty(try db.facts(year: year).mapValues(\.models))
    }

    /// The domain reference: `CountingRules` over everything read back.
    static func referenceCounts(_ db: AppDatabase, year: Int) throws -> [OrgUnit.ID: ModelCounts] {
        let (models, evaluations) = try allModelsAndEvaluations(db)
        return nonEmpty(CountingRules.counts(models: models, evaluations: evaluations, year: year))
    }

    /// The years kept in `unit_year_count` (nil when none), read from `meta`.
    static func storedYears(_ db: AppDatabase) throws -> ClosedRange<Int>? {
        try db.read { d in try CountQueries.storedYears(d) }
    }

    static func day(_ text: String) -> Day { Day(parsing: text)! }

    /// Unicode scalars, to compare NFC/NFD forms (String `==` ignores the difference).
    static func scalars(_ s: String?) -> [UInt32] { (s ?? "").unicodeScalars.map(\.value) }

    /// Parses an audit JSON image.
    static func json(_ text: String?) -> [String: Any]? {
        guard let text, let data = text.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}

/// A `sqlite3` process holding a transaction open on a file until `finish()`.
final class SQLiteHolder: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = Data()
    private let sawReady = DispatchSemaphore(value: 0)
    private var signalled = false

    init(file: String) {
        process.executableURL = URL(fileURLWithPath: Fixture.sqlite3Path)
        process.arguments = [file]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
    }

    /// Starts the process, sends `script`, and waits (at most `timeout` s) for a line “ready”.
    func start(script: String, timeout: TimeInterval = 15) throws -> Bool {
        try process.run()
        let reader = output.fileHandleForReading
        let thread = Thread { [self] in
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                lock.lock()
                buffer.append(chunk)
                let ready = String(decoding: buffer, as: UTF8.self).contains("ready")
                let first = ready && !signalled
                if first { signalled = true }
                lock.unlock()
                if first { sawReady.signal() }
            }
        }
        thread.start()
        input.fileHandleForWriting.write(Data(script.utf8))
        return sawReady.wait(timeout: .now() + timeout) == .success
    }

    var transcript: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Closes stdin (the open transaction rolls back) and waits for the exit.
    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
