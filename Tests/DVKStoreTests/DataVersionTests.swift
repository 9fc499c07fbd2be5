import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// Issue 12, live updates: another connection's commit moves this one's
/// data version, every time; this connection's own saves do not.
@Suite struct DataVersionTests {
    @Test func anotherConnectionsEveryCommitMovesTheVersion() throws {
        let dir = try Fixture.tempDir("dvk-version")
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("v.sqlite").path
        let mine = try AppDatabase.open(path: path, officer: "a", create: true)
        let other = try AppDatabase.open(path: path, officer: "a")
        let p = try mine.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province)).value
        var seen = try mine.dataVersion()
        try mine.addUnit(OrgUnit(id: 0, name: "Xã Của Tôi", kind: .commune, parentID: p))
        #expect(try mine.dataVersion() == seen, "this process's own save moved the version")
        for n in 1...3 {
            try other.addUnit(OrgUnit(id: 0, name: "Xã Khác \(n)", kind: .commune, parentID: p))
            let now = try mine.dataVersion()
            #expect(now != seen, "commit \(n) of another connection was not seen")
            seen = now
        }
    }
}
