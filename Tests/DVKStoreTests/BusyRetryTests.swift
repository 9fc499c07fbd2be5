import DVKCore
import Foundation
import GRDB
import Testing
@testable import DVKStore

/// Issue 9 §4: two dvk processes writing one file. A write waits out the
/// other's lock (busy timeout), is retried whole when it still finds the lock
/// taken, and at last is refused with a message the dashboard shows while it
/// keeps the form open. The other process is a second GRDB connection here.
@Suite struct BusyRetryTests {
    /// Counts the BEGINs a connection runs: one per attempt of a write.
    final class Begins: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        var count: Int { lock.withLock { n } }
        func saw(_ sql: String) { if sql.hasPrefix("BEGIN") { lock.withLock { n += 1 } } }
    }

    /// Another process's write transaction: BEGIN IMMEDIATE on its own
    /// connection, held until `release()`.
    final class Holder: @unchecked Sendable {
        private let taken = DispatchSemaphore(value: 0)
        private let letGo = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)

        init(_ path: String) throws {
            let queue = try DatabaseQueue(path: path)
            Thread.detachNewThread { [self] in
                try? queue.writeWithoutTransaction { db in
                    try db.execute(sql: "BEGIN IMMEDIATE")
                    taken.signal()
                    letGo.wait()
                    try db.execute(sql: "COMMIT")
                }
                done.signal()
            }
            taken.wait()
        }

        func release() {
            letGo.signal()
            done.wait()
        }
    }

    private struct Setup {
        let dir: URL
        let path: String
        let db: AppDatabase
        let province: OrgUnit.ID
        let begins = Begins()
    }

    /// A file database with a short busy timeout, so a test waits tenths of a second, not seconds.
    private func setup(busyTimeout: TimeInterval = 0.1) throws -> Setup {
        let dir = try Fixture.tempDir("dvk-busy")
        let path = dir.appendingPathComponent("dvk.sqlite").path
        let db = try AppDatabase.open(path: path, officer: "Cán bộ A", create: true, busyTimeout: busyTimeout)
        let province = try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province)).value
        let s = Setup(dir: dir, path: path, db: db, province: province)
        db.writer.writeWithoutTransaction { conn in
            conn.trace { [begins = s.begins] event in begins.saw("\(event)") }
        }
        return s
    }

    private func commune(_ name: String, under parent: OrgUnit.ID) -> OrgUnit {
        OrgUnit(id: 0, name: name, kind: .commune, parentID: parent)
    }

    /// Waits (at most 10 s) until `condition` holds.
    private func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return true
    }

    @Test func aWriteThatFindsTheLockTakenPastItsTimeoutIsRetriedAndStored() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let holder = try Holder(s.path)
        let before = s.begins.count
        let result = Result<Int64, any Error>.Box()
        let writing = Thread { [db = s.db, province = s.province] in
            result.set(Result { try db.addUnit(OrgUnit(id: 0, name: "Xã Chờ", kind: .commune, parentID: province)).value })
        }
        writing.start()
        // Let go only once the first attempt gave up and the second began.
        let retried = waitUntil { s.begins.count >= before + 2 }
        holder.release()
        #expect(retried, "no second attempt")
        #expect(waitUntil { result.value != nil })
        let id = try #require(try result.value?.get())
        #expect(try s.db.allUnits().contains { $0.id == id && $0.name == "Xã Chờ" })
        #expect(try s.db.count(.unit) == 2)
        #expect(try s.db.count(.audit_log) == 2, "a retried write wrote its audit row twice")
    }

    @Test func aLockHeldForGoodIsRefusedAsBusyWithNothingStored() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let holder = try Holder(s.path)
        let before = s.begins.count
        let start = Date()
        let error = #expect(throws: StoreError.self) { try s.db.addUnit(commune("Xã Bận", under: s.province)) }
        let elapsed = Date().timeIntervalSince(start)
        holder.release()
        #expect(error == .busy(path: s.path))
        #expect(error?.exitCode == 4)
        #expect(error?.message(.vi) == "Cơ sở dữ liệu đang bận: một người khác đang ghi. Chưa lưu; những gì bạn nhập vẫn còn, hãy thử lại.")
        #expect(error?.message(.en).hasPrefix("The database is busy") == true)
        // Each attempt waited its busy timeout; three attempts, then the refusal.
        #expect(s.begins.count - before == AppDatabase.busyRetryPauses.count + 1)
        #expect(elapsed >= 0.25 && elapsed < 5, "gave up after \(elapsed) s")
        #expect(try s.db.count(.unit) == 1)
        #expect(try s.db.count(.audit_log) == 1)
        // Once the other writer is done, the same write goes through.
        try s.db.addUnit(commune("Xã Bận", under: s.province))
        #expect(try s.db.count(.unit) == 2)
    }

    @Test func aChangeOfSeveralWritesIsRetriedWholeByTheOuterCallOnly() throws {
        let s = try setup()
        defer { Fixture.removeTree(s.dir) }
        let province = s.province
        let change: @Sendable (AppDatabase) throws -> Void = { db in
            let commune = try db.addUnit(OrgUnit(id: 0, name: "Xã Một Lần", kind: .commune, parentID: province)).value
            try db.addModel(Model(id: 0, unitID: commune, title: "Tổ tự quản", fieldCode: "economy"))
        }

        var holder = try Holder(s.path)
        var before = s.begins.count
        #expect(throws: StoreError.busy(path: s.path)) { try s.db.inOneChange(change) }
        holder.release()
        // The inner writes joined the outer transaction: they did not retry on their own.
        #expect(s.begins.count - before == AppDatabase.busyRetryPauses.count + 1)
        #expect(try s.db.count(.model) == 0)

        holder = try Holder(s.path)
        before = s.begins.count
        let done = Result<Void, any Error>.Box()
        let writing = Thread { [db = s.db] in done.set(Result { try db.inOneChange(change) }) }
        writing.start()
        let retried = waitUntil { s.begins.count >= before + 2 }
        holder.release()
        #expect(retried)
        #expect(waitUntil { done.value != nil })
        try done.value?.get()
        #expect(try s.db.count(.unit) == 2)
        #expect(try s.db.count(.model) == 1)
        #expect(try s.db.count(.audit_log) == 3)
    }
}

extension Result {
    /// A result handed from a worker thread to the test.
    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Result?
        var value: Result? { lock.withLock { stored } }
        func set(_ r: Result) { lock.withLock { stored = r } }
    }
}
