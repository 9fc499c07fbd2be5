import DVKCore
import Foundation
import GRDB
import Testing
@testable import DVKStore

/// Issue 9 §3: importing a corrected copy of a folder already imported.
/// The dry run lists exactly the corrections, the import applies exactly
/// them as one change, and `undoChange` takes that change back whole.
@Suite struct ImportUpdateTests {
    /// A copy of seeds/ with each file's lines passed through `edit` (file name, lines without the newline).
    static func copy(_ edit: (String, inout [String]) -> Void) throws -> (folder: URL, dir: URL) {
        let dir = try Fixture.tempDir("dvk-import-update")
        let folder = dir.appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: Fixture.seedsFolder, to: folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
            let url = folder.appendingPathComponent(name)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            let before = lines
            edit(name, &lines)
            if lines != before { try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8) }
        }
        return (folder, dir)
    }

    /// Replaces `old` by `new` in the line of `file` that starts with `prefix`; the line's number (1-based).
    @discardableResult
    static func replace(_ lines: inout [String], startingWith prefix: String, _ old: String, _ new: String) -> Int? {
        guard let i = lines.firstIndex(where: { $0.hasPrefix(prefix) }), lines[i].contains(old) else { return nil }
        lines[i] = lines[i].replacingOccurrences(of: old, with: new)
        return i + 1
    }

    static let oldTitle = "Dân vận khéo trong chuyển đổi số"
    static let newTitle = "Dân vận khéo trong chuyển đổi số ở thôn bản"
    static let removedTitle = "Tổ hòa giải ở cơ sở giỏi"
    static let newModel = "M-9001,YB-VC-LS,collective,Bếp ăn bán trú do dân góp,economy,,,,,,01/02/2025,01/03/2025,,,0,kiểm thử"

    /// The four corrections of the issue: a title, a survey percent, a new model, and a title of a removed model.
    static func corrected() throws -> (folder: URL, dir: URL) {
        try copy { name, lines in
            switch name {
            case "models.csv":
                replace(&lines, startingWith: "M-1001,", ",\(oldTitle),", ",\(newTitle),")
                replace(&lines, startingWith: "M-1017,", ",\(removedTitle),", ",\(removedTitle) (tên mới),")
                if lines.last == "" { lines.removeLast() }
                lines += [newModel, ""]
            case "surveys.csv":
                replace(&lines, startingWith: "YB,2021,", "YB,2021,90.2,", "YB,2021,91.5,")
            default: break
            }
        }
    }

    static func seeded() throws -> AppDatabase {
        let db = try AppDatabase.inMemory(officer: "Cán bộ nhập")
        _ = try db.importFolder(Fixture.seedsFolder)
        return db
    }

    static func counts(_ db: AppDatabase) throws -> [Int: [OrgUnit.ID: ModelCounts]] {
        var out: [Int: [OrgUnit.ID: ModelCounts]] = [:]
        for year in 2020...2026 { out[year] = try Fixture.storeCounts(db, year: year) }
        return out
    }

    static func title(_ db: AppDatabase, _ ref: String) throws -> String? {
        try db.read { d in try String.fetchOne(d, sql: "SELECT title FROM model WHERE ref = ?", arguments: [ref]) }
    }

    static func permille(_ db: AppDatabase, _ unitRef: String, _ year: Int) throws -> Int? {
        try db.read { d in
            try Int.fetchOne(d, sql: "SELECT s.permille FROM survey s JOIN unit u ON u.id = s.unit_id WHERE u.ref = ? AND s.year = ?",
                             arguments: [unitRef, year])
        }
    }

    @Test func dryRunListsExactlyTheCorrections() throws {
        let db = try Self.seeded()
        let (folder, dir) = try Self.corrected()
        defer { Fixture.removeTree(dir) }
        let auditRows = try db.count(.audit_log)
        let plan = try db.planImport(folder)

        #expect(plan.firstImport == nil)
        #expect(plan.listed.map(\.key) == ["M-1001", "M-1017", "M-9001", "YB, 2021"])
        let rename = try #require(plan.listed.first { $0.key == "M-1001" })
        #expect(rename.outcome == .changed)
        #expect(rename.file == "models.csv")
        #expect(rename.line == 13)
        #expect(rename.changes == [ImportChange(column: "title", old: .text(Self.oldTitle), new: .text(Self.newTitle))])
        let removed = try #require(plan.listed.first { $0.key == "M-1017" })
        #expect(removed.outcome == .skipped)
        #expect(removed.skipReason == .modelRemoved(Day(year: 2023, month: 2, day: 19)))
        #expect(removed.changes.map(\.column) == ["title"])
        let added = try #require(plan.listed.first { $0.key == "M-9001" })
        #expect(added.outcome == .added)
        #expect(added.label == "Bếp ăn bán trú do dân góp")
        let survey = try #require(plan.listed.first { $0.key == "YB, 2021" })
        #expect(survey.outcome == .changed)
        #expect(survey.file == "surveys.csv")
        #expect(survey.changes == [ImportChange(column: "permille", old: .permille(902), new: .permille(915))])

        #expect(plan.count(.added) == 1)
        #expect(plan.count(.changed) == 2)
        #expect(plan.count(.skipped) == 1)
        #expect(plan.count(.unchanged) == plan.items.count - 4)
        #expect(plan.items.count == 2_151)

        let lines = plan.lines(.vi)
        #expect(lines.contains("  ~ M-1001 (dòng 13) sửa: tên: “\(Self.oldTitle)” → “\(Self.newTitle)”"), "\(lines)")
        #expect(lines.contains("  ~ YB, 2021 (dòng 2) sửa: tỷ lệ hài lòng: 90,2% → 91,5%"), "\(lines)")
        #expect(lines.contains("  ! M-1017 (dòng 29) bỏ qua: mô hình đã bị loại bỏ ngày 19/02/2023 (tên: “\(Self.removedTitle)” → “\(Self.removedTitle) (tên mới)”)"), "\(lines)")
        #expect(lines.contains("  + M-9001 (dòng 367) thêm: “Bếp ăn bán trú do dân góp”"), "\(lines)")
        #expect(lines.contains("models.csv: thêm 1, sửa 1, giữ nguyên 363, bỏ qua 1"), "\(lines)")
        #expect(lines.last == "Sẽ thêm 1, sửa 2, giữ nguyên 2.147, bỏ qua 1.", "\(lines)")
        let english = plan.lines(.en)
        #expect(english.contains("  ~ YB, 2021 (line 2) change: satisfaction: 90.2% → 91.5%"), "\(english)")
        #expect(english.last == "Would add 1, change 2, leave 2,147 unchanged, skip 1.", "\(english)")

        // A dry run writes nothing.
        #expect(try db.count(.audit_log) == auditRows)
        #expect(try Self.title(db, "M-1001") == Self.oldTitle)
        #expect(try Self.title(db, "M-9001") == nil)
    }

    @Test func importAppliesExactlyThePlanAsOneChangeAndUndoTakesItBack() throws {
        let db = try Self.seeded()
        let (folder, dir) = try Self.corrected()
        defer { Fixture.removeTree(dir) }
        let countsBefore = try Self.counts(db)
        let modelsBefore = try db.count(.model)
        let planned = try db.planImport(folder)

        guard case let .updated(applied, change?) = try db.importOrUpdate(folder) else {
            Issue.record("expected an update with a change id")
            return
        }
        #expect(applied == planned)
        #expect(applied.lines(.vi, applied: true).last == "Đã thêm 1, sửa 2, giữ nguyên 2.147, bỏ qua 1.")
        #expect(try Self.title(db, "M-1001") == Self.newTitle)
        #expect(try Self.title(db, "M-1017") == Self.removedTitle, "a removed model was changed")
        #expect(try Self.title(db, "M-9001") == "Bếp ăn bán trú do dân góp")
        #expect(try Self.permille(db, "YB", 2021) == 915)
        #expect(try db.count(.model) == modelsBefore + 1)
        // One change: three audited writes, nothing else.
        let summary = try #require(try db.changeSummary(change))
        #expect(summary.id == change)
        #expect(summary.officer == "Cán bộ nhập")
        #expect(summary.rows == [ChangeSummary.Rows(entity: "model", count: 2), ChangeSummary.Rows(entity: "survey", count: 1)])
        #expect(summary.rowsText(.vi) == "2 mô hình, 1 khảo sát hài lòng")
        #expect(try db.changeEntries(change).count == 3)
        // The counts follow: the new model is in force (pending) in 2025 for its commune.
        let unit = try #require(try db.read { d in try Int64.fetchOne(d, sql: "SELECT id FROM unit WHERE ref = 'YB-VC-LS'") })
        let after = try Self.counts(db)
        #expect(after[2025]?[unit]?.inForce == (countsBefore[2025]?[unit]?.inForce ?? 0) + 1)
        #expect(after[2024] == countsBefore[2024])
        for year in 2020...2026 { #expect(after[year] == (try Fixture.referenceCounts(db, year: year)), "\(year)") }
        #expect(try db.check().isEmpty)

        // Again: nothing to change, and nothing written.
        let auditRows = try db.count(.audit_log)
        let again = try db.planImport(folder)
        #expect(!again.hasWrites)
        #expect(again.listed.map(\.key) == ["M-1017"])
        #expect(again.lines(.vi).last == "Không có gì để thay đổi: cơ sở dữ liệu đã khớp với các tệp.")
        #expect(try db.importOrUpdate(folder) == .updated(again, change: nil))
        #expect(try db.count(.audit_log) == auditRows)

        // Undo: the whole import, back to what it was.
        let undo = try db.undoChange(change)
        #expect(undo.reverted.id == change)
        #expect(undo.change > change)
        #expect(try Self.title(db, "M-1001") == Self.oldTitle)
        #expect(try Self.title(db, "M-9001") == nil)
        #expect(try Self.permille(db, "YB", 2021) == 902)
        #expect(try db.count(.model) == modelsBefore)
        #expect(try Self.counts(db) == countsBefore)
        #expect(try db.check().isEmpty)
        #expect(try db.changeSummary(change)?.isUndone == true)
        #expect(try db.planImport(folder) == planned, "after the undo the same corrections are pending again")

        // Undone twice, redone once too many, a change that is not there, the first import: refused, nothing written.
        let rows = try db.count(.audit_log)
        var error = #expect(throws: StoreError.self) { try db.undoChange(change) }
        #expect(error?.message(.vi).contains("đã được hoàn tác rồi") == true, "\(String(describing: error))")
        error = #expect(throws: StoreError.self) { try db.undoChange(999_999) }
        #expect(error?.message(.vi) == "Không hoàn tác được: không có thay đổi #999999 trong nhật ký.", "\(String(describing: error))")
        error = #expect(throws: StoreError.self) { try db.undoChange(undo.change) }
        #expect(error?.message(.vi).contains("là lần hoàn tác thay đổi #\(change); muốn làm lại, dùng dvk undo --redo \(change)") == true,
                "\(String(describing: error))")
        error = #expect(throws: StoreError.self) { try db.undoChange(1) }
        #expect(error?.message(.vi).contains("lần nạp đầu tiên") == true, "\(String(describing: error))")
        #expect(try db.count(.audit_log) == rows)

        _ = try db.undoChange(change, .redo)
        #expect(try Self.title(db, "M-1001") == Self.newTitle)
        #expect(try Self.title(db, "M-9001") == "Bếp ăn bán trú do dân góp")
        #expect(try Self.permille(db, "YB", 2021) == 915)
        #expect(try Self.counts(db) == after)
        error = #expect(throws: StoreError.self) { try db.undoChange(change, .redo) }
        #expect(error?.message(.vi).contains("chưa bị hoàn tác") == true, "\(String(describing: error))")
    }

    @Test func anEditSinceTheImportStopsItsUndo() throws {
        let db = try Self.seeded()
        let (folder, dir) = try Self.corrected()
        defer { Fixture.removeTree(dir) }
        guard case let .updated(_, change?) = try db.importOrUpdate(folder) else {
            Issue.record("expected an update")
            return
        }
        let id = try #require(try db.read { d in try Int64.fetchOne(d, sql: "SELECT id FROM model WHERE ref = 'M-1001'") })
        var m = try #require(try db.model(id: id))
        m.title = "Tên sửa trên bảng điều khiển"
        try db.updateModel(m)
        let error = #expect(throws: StoreError.self) { try db.undoChange(change) }
        #expect(error?.message(.vi).contains("đã có thay đổi sau đó") == true, "\(String(describing: error))")
        // Nothing of the import was taken back either: one change, all or nothing.
        #expect(try Self.title(db, "M-9001") == "Bếp ăn bán trú do dân góp")
        #expect(try Self.permille(db, "YB", 2021) == 915)
    }

    /// Every file's key, a unit that is history, new units listed before
    /// their parent, and the tables data entry has no form for (fields,
    /// figures, directives): planned, applied, and undone.
    @Test func everyFileIsMatchedByItsKeyAndUndoneWithTheRest() throws {
        let db = try Self.seeded()
        let (folder, dir) = try Self.copy { name, lines in
            switch name {
            case "fields.csv": Self.replace(&lines, startingWith: "economy,", "Economic development", "Economy")
            case "targets.csv": Self.replace(&lines, startingWith: "satisfaction,", "satisfaction,satisfaction,90,", "satisfaction,satisfaction,92,")
            case "units.csv":
                Self.replace(&lines, startingWith: "YB-VC,", "Huyện Văn Chấn", "Huyện Văn Chấn (cũ)")
                Self.replace(&lines, startingWith: "YB-VC-NM,", "Xã Nậm Mười", "Xã Nậm Mười (đổi tên)")
                if lines.last == "" { lines.removeLast() }
                // The child comes first: it is added after its parent all the same.
                lines += ["X-CHILD,,Thôn Mới,commune,X-PARENT,,,,0,kiểm thử", "X-PARENT,,Huyện Mới,district,YB,,,,0,kiểm thử", ""]
            case "evaluations.csv": Self.replace(&lines, startingWith: "M-1002,2023,", "M-1002,2023,0,", "M-1002,2023,1,")
            case "recognitions.csv": Self.replace(&lines, startingWith: "M-1001,commune,40/QĐ-BCĐ,", "06/12/2021", "07/12/2021")
            case "awards.csv": Self.replace(&lines, startingWith: "commendation,Ban Dân vận Huyện ủy Văn Chấn,54-QĐ/BDVHU,11/12/2022,Xã Tú Lệ,", "11/12/2022", "12/12/2022")
            case "plans.csv": Self.replace(&lines, startingWith: "YB-VC,2021,", "YB-VC,2021,1,1,", "YB-VC,2021,1,0,")
            case "reported_figures.csv": Self.replace(&lines, startingWith: "YB-DUK,2023,collective,economy,", ",26,", ",27,")
            case "directives.csv": Self.replace(&lines, startingWith: "Quyết định,23,", "Quy chế công tác dân vận", "Quy chế công tác dân vận (sửa)")
            case "settings.csv": Self.replace(&lines, startingWith: "data_as_of,", "15/12/2025", "20/12/2025")
            default: break
            }
        }
        defer { Fixture.removeTree(dir) }
        let countsBefore = try Self.counts(db)
        let plan = try db.planImport(folder)
        let listed = Dictionary(plan.listed.map { ("\($0.file) \($0.key)", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(listed.keys.sorted() == [
            "awards.csv commendation, 54-QĐ/BDVHU, Xã Tú Lệ, M-1063, YB-VC-TL", "directives.csv Quyết định, 23, 30/07/2021",
            "evaluations.csv M-1002, 2023", "fields.csv economy", "plans.csv YB-VC, 2021", "recognitions.csv M-1001, commune, 40/QĐ-BCĐ",
            "reported_figures.csv YB-DUK, 2023, collective, economy", "settings.csv data_as_of", "targets.csv satisfaction",
            "units.csv X-CHILD", "units.csv X-PARENT", "units.csv YB-VC", "units.csv YB-VC-NM",
        ], "\(plan.lines(.vi))")
        #expect(listed["units.csv YB-VC-NM"]?.skipReason == .unitMerged(into: "YB-VC-SD", lastDay: Day(year: 2023, month: 12, day: 31)))
        #expect(listed["units.csv X-CHILD"]?.outcome == .added)
        #expect(listed["evaluations.csv M-1002, 2023"]?.changes == [ImportChange(column: "effective", old: .flag(false), new: .flag(true))])
        #expect(listed["settings.csv data_as_of"]?.changes == [ImportChange(column: "value", old: .day(Day(year: 2025, month: 12, day: 15)!),
                                                                             new: .day(Day(year: 2025, month: 12, day: 20)!))])
        #expect(listed["reported_figures.csv YB-DUK, 2023, collective, economy"]?.changes
                == [ImportChange(column: "count", old: .number(26), new: .number(27))])
        #expect(plan.count(.added) == 2 && plan.count(.changed) == 10 && plan.count(.skipped) == 1, "\(plan.lines(.vi))")
        #expect(plan.lines(.vi).contains("  ! YB-VC-NM (dòng 18) bỏ qua: đơn vị đã sáp nhập vào YB-VC-SD ngày 31/12/2023 (tên: “Xã Nậm Mười” → “Xã Nậm Mười (đổi tên)”)"))

        guard case let .updated(_, change?) = try db.importOrUpdate(folder) else {
            Issue.record("expected an update")
            return
        }
        func one<T: DatabaseValueConvertible & Sendable>(_ sql: String, as: T.Type = T.self) throws -> T? {
            try db.read { d in try T.fetchOne(d, sql: sql) }
        }
        #expect(try one("SELECT name_en FROM field WHERE code = 'economy'", as: String.self) == "Economy")
        #expect(try one("SELECT threshold FROM target WHERE code = 'satisfaction'", as: Double.self) == 92)
        #expect(try one("SELECT name FROM unit WHERE ref = 'YB-VC'", as: String.self) == "Huyện Văn Chấn (cũ)")
        #expect(try one("SELECT name FROM unit WHERE ref = 'YB-VC-NM'", as: String.self) == "Xã Nậm Mười")
        #expect(try one("SELECT p.ref FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.ref = 'X-CHILD'", as: String.self) == "X-PARENT")
        #expect(try one("""
            SELECT count FROM reported_figure f JOIN unit u ON u.id = f.unit_id
            WHERE u.ref = 'YB-DUK' AND f.year = 2023 AND f.field_code = 'economy'
            """, as: Int.self) == 27)
        #expect(try one("SELECT title FROM directive WHERE number = '23'", as: String.self) == "Quy chế công tác dân vận (sửa) của hệ thống chính trị")
        #expect(try one("SELECT value FROM meta WHERE key = 'data_as_of'", as: String.self) == "2025-12-20")
        #expect(try db.check().isEmpty)
        #expect(!(try db.planImport(folder).hasWrites))

        _ = try db.undoChange(change)
        #expect(try db.planImport(folder) == plan)
        #expect(try Self.counts(db) == countsBefore)
        #expect(try db.check().isEmpty)
        #expect(try db.read { d in try Int.fetchOne(d, sql: "SELECT count(*) FROM unit WHERE ref IN ('X-CHILD', 'X-PARENT')") } == 0)
    }

    /// A bad row in a corrected folder is refused with the first import's
    /// message, and nothing is written.
    @Test func aBadRowIsRefusedAsOnAFirstImport() throws {
        let (folder, dir) = try Self.copy { name, lines in
            if name == "surveys.csv" { Self.replace(&lines, startingWith: "YB,2021,", "YB,2021,90.2,", "YB,2021,120,") }
        }
        defer { Fixture.removeTree(dir) }
        let first = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(folder) }
        let db = try Self.seeded()
        let rows = try db.count(.audit_log)
        let dry = #expect(throws: StoreError.self) { try db.planImport(folder) }
        let real = #expect(throws: StoreError.self) { try db.importOrUpdate(folder) }
        #expect(first != nil)
        #expect(dry == first)
        #expect(real == first)
        #expect(first?.message(Language.vi).hasPrefix("surveys.csv, dòng 2:") == true, "\(String(describing: first))")
        #expect(try db.count(.audit_log) == rows)
        #expect(try Self.permille(db, "YB", 2021) == 902)
    }

    /// The dry run against a path with no database reads the folder and creates nothing.
    @Test func aDryRunWithNoDatabaseCreatesNothing() throws {
        let dir = try Fixture.tempDir("dvk-dry-run")
        defer { Fixture.removeTree(dir) }
        let path = dir.appendingPathComponent("none/dvk.sqlite").path
        let plan = try AppDatabase.planImport(Fixture.seedsFolder, databaseAt: path, officer: "kiểm thử")
        #expect(plan.databaseMissing)
        #expect(plan.firstImport?.rows["model"] == 365)
        #expect(plan.count(.added) == plan.firstImport?.total)
        #expect(plan.lines(.vi).first == "Chưa có cơ sở dữ liệu: đây là lần nạp đầu, mọi dòng sẽ được thêm.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
