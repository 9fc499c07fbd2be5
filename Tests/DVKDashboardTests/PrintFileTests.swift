import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import Testing
import TerminalUI

/// Issue 7: printing a screen whose unit has a very long name failed
/// with Foundation's English "The file name is too long"; printed files
/// hold the board's data and were world-readable.
@Suite struct PrintFileTests {
    @Test func aVeryLongUnitNameStillPrintsPrivately() throws {
        let db = try AppDatabase.inMemory(officer: "kiểm thử")
        let name = "Xã " + String(repeating: "Suối Giàng ", count: 17)  // near the 200-character limit
        try db.addUnit(OrgUnit(id: 0, name: name, kind: .commune))
        let folder = NSTemporaryDirectory() + "dvk-print-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let start = try SessionStart.resolve(db: db, unit: nil, year: 2025, lang: .vi, today: Day(year: 2025, month: 12, day: 15)!)
        let runner = EffectRunner(db: db, snapshots: SnapshotWriter(folder: folder), lang: .vi)
        var model = Headless.dashboard(start: start, screen: .units, size: Size(width: 100, height: 30), lang: .vi, officer: "kiểm thử", runner: runner)
        Program<Dashboard>.dispatch(.character("p"), to: &model, perform: runner.perform)

        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 2, "\(files) — \(model.state.notice?.text ?? "")")
        for f in files {
            #expect(f.utf8.count < 200)
            let mode = try FileManager.default.attributesOfItem(atPath: folder + "/" + f)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test func aFolderThatCannotBeWrittenIsSaidInVietnamese() throws {
        let db = try AppDatabase.inMemory(officer: "kiểm thử")
        try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Thử", kind: .province))
        let start = try SessionStart.resolve(db: db, unit: nil, year: 2025, lang: .vi, today: Day(year: 2025, month: 12, day: 15)!)
        // A path under a regular file can never become a folder, even for root.
        let runner = EffectRunner(db: db, snapshots: SnapshotWriter(folder: "/etc/hostname/dvk"), lang: .vi)
        var model = Headless.dashboard(start: start, screen: .units, size: Size(width: 100, height: 30), lang: .vi, officer: "kiểm thử", runner: runner)
        Program<Dashboard>.dispatch(.character("p"), to: &model, perform: runner.perform)
        let message = model.state.notice?.text ?? ""
        #expect(message.contains("Không in được vào thư mục “/etc/hostname/dvk”"), "\(message)")
    }
}
