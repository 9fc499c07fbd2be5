import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI
import Testing

/// `P` and `E`: the whole list of the screen, in its order and with its
/// filter, as one table value; `R`: the report of the place on screen.
@Suite struct ListExportTests {
    static func table(_ m: Dashboard) throws -> DataTable {
        let job = try #require(View.listJob(m.state))
        guard case let .table(t) = job.source else { Issue.record("not an in-memory list"); return DataTable(title: "", columns: [], rows: []) }
        return t
    }

    @Test func theUnitsTableIsTheScreensRowsSortedAndFiltered() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        Demo.press([.character("s"), .character("f")], on: &m) // by effective models; only units behind
        let t = try Self.table(m)
        #expect(t.rows.map { $0.cells[0] } == m.state.visibleChildren.map { .text($0.unit.name) })
        #expect(!t.rows.isEmpty && t.rows.count < (m.state.overview?.children.count ?? 0))
        #expect(t.context.contains("Đơn vị: Tỉnh Yên Bái › Huyện Văn Chấn"))
        #expect(t.context.contains("Năm: 2025"))
    }

    @Test func aCommuneNotReportedExportsNoCountRatherThanZero() throws {
        let m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        let t = try Self.table(m)
        let row = try #require(t.rows.first { $0.cells[0] == .text("Xã Nậm Lành") })
        #expect(row.cells[2] == .empty)
        #expect(row.cells[5] == .integer(14))
        #expect(row.cells.contains(.text("– Chưa báo cáo")))
        #expect(row.isDemo)
    }

    @Test func theModelsScreenExportsEveryRowOfItsQuery() throws {
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .models)
        Demo.press([.character("s")], on: &m) // sorted by unit
        let job = try #require(View.listJob(m.state))
        guard case let .models(q, _) = job.source else { Issue.record("models should be read again"); return }
        let page = try #require(m.state.screen.models?.page)
        #expect(q.offset == 0 && q.limit == Int.max)
        var same = page.query
        (same.offset, same.limit) = (0, Int.max)
        #expect(q == same)
        let all = try ListFiles.table(job, db: Demo.db, lang: .vi)
        #expect(all.rows.count == page.total)
        #expect(all.rows.count > page.rows.count)
    }

    @Test func pEAndRAskTheRunnerAndTheOverviewSaysItHasNoList() throws {
        var s = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .completeness).state
        #expect(Update.update(&s, .action(.printList)).contains { if case .printList = $0 { true } else { false } })
        #expect(Update.update(&s, .action(.export)).contains { if case .export = $0 { true } else { false } })
        let report = Update.update(&s, .action(.report))
        #expect(report == [.writeReport(ReportJob(unitID: s.location.unitID, unitName: "Huyện Văn Chấn", year: 2025, map: s.map))])
        // Tổng quan's list is its targets, then the effective models of each field.
        let targets = try Self.table(try Demo.dashboard())
        #expect(targets.rows.first?.cells.first == .text("Tổ chức có kế hoạch, phổ biến"))
        #expect(targets.rows.count == 4 + 4)
        // An empty database has no list at all: said, not written.
        var empty = try Demo.dashboard(year: 2025, db: Demo.empty).state
        #expect(Update.update(&empty, .action(.export)).isEmpty)
        #expect(empty.notice?.text.contains("không có danh sách") == true)
    }

    @Test func theRunnerWritesTheFilesAndSaysWhere() throws {
        let folder = NSTemporaryDirectory() + "dvk-list-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .completeness)
        let job = try #require(View.listJob(m.state))
        let runner = Demo.runner(snapshots: folder)
        guard case let .filesWritten(what, paths)? = runner.perform(.export(job)).first else { Issue.record("no files"); return }
        #expect(what == "Đã xuất")
        #expect(paths.map { ($0 as NSString).pathExtension } == ["xlsx", "csv"])
        let xlsx = try Data(contentsOf: URL(fileURLWithPath: paths[0]))
        #expect(xlsx.prefix(2) == Data("PK".utf8))
        let csv = try String(contentsOfFile: paths[1], encoding: .utf8)
        #expect(csv.contains("Hội Nông dân huyện Văn Chấn,– chưa báo cáo"))
        guard case let .filesWritten(_, printed)? = runner.perform(.printList(job)).first else { Issue.record("no printout"); return }
        let text = try String(contentsOfFile: printed[0], encoding: .utf8)
        #expect(text.contains("Trang 1/1") && text.contains("Tình hình báo cáo") && text.contains("DỮ LIỆU MẪU"))
    }

    @Test func aFolderThatCannotBeWrittenIsSaidNotCrashed() throws {
        let m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units)
        let job = try #require(View.listJob(m.state))
        let msgs = Demo.runner(snapshots: "/proc/dvk-no-such-folder").perform(.export(job))
        guard case let .failed(text)? = msgs.first else { Issue.record("expected a failure, got \(msgs)"); return }
        #expect(text.contains("/proc/dvk-no-such-folder"))
    }
}
