import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// The overview's alert list on the demo data (the seeds folder): every unit
/// behind or at risk, with its reasons, in the overview and in `dvk status`.
@Suite struct AlertDemoTests {
    private static func demo() throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        _ = try db.importFolder(Fixture.seedsFolder)
        return db
    }

    /// The units of `top`'s subtree (itself left out) whose overall status is
    /// behind or at risk, or whose model count is not in (“chưa báo cáo”).
    private static func failing(_ snap: ProgressSnapshot, under top: OrgUnit.ID) -> Set<OrgUnit.ID> {
        Set(snap.tree.descendants(of: top).filter { id in
            guard let p = snap.progress[id] else { return false }
            let s = p.overallStatus
            let notIn = p.progress(for: .effectiveModelsPerUnit).map { $0.applicable && !$0.isShare && $0.value == nil } ?? false
            return s == .behind || s == .atRisk || (s == .noData && notIn)
        })
    }

    private static func unitAlerts(_ o: Overview) -> [Alert] {
        o.alerts.filter { !$0.isMismatch }
    }

    @Test(arguments: [2023, 2024, 2025])
    func everyFailingUnitOfTheProvinceIsListed(year: Int) throws {
        let db = try Self.demo()
        let yenBai = try #require(try db.findUnits("Tỉnh Yên Bái").first)
        let snap = try ProgressSnapshot.build(from: db, year: year)
        let o = try #require(Overview.make(from: snap, unit: yenBai.id))
        let listed = Self.unitAlerts(o)
        let failing = Self.failing(snap, under: yenBai.id)
        #expect(listed.count == failing.count)
        #expect(Set(listed.compactMap { $0.unit?.id }) == failing)
        // Mismatches come on top of the units, none dropped.
        #expect(o.alerts.count == failing.count + o.mismatches.count)
        #expect(failing.count > 5)
    }

    @Test func vanChan2025ListsItsCommunesBehindAndTheOneNotReported() throws {
        let db = try Self.demo()
        let vanChan = try #require(try db.findUnits("van chan").first)
        let snap = try ProgressSnapshot.build(from: db, year: 2025)
        let o = try #require(Overview.make(from: snap, unit: vanChan.id))
        let models = try #require(o.unit.progress(for: .effectiveModelsPerUnit))
        // The communes that miss the models target, by count or by spread…
        let missing = o.children.filter { c in
            c.progress(for: .effectiveModelsPerUnit).map { $0.applicable && ($0.status == .behind || $0.status == .atRisk) } ?? false
        }
        // …and the one whose 2025 evaluations are not in yet (Nậm Lành) is “chưa báo cáo”, not behind.
        let notReported = o.children.filter { c in c.progress(for: .effectiveModelsPerUnit).map { $0.applicable && $0.status == .noData } ?? false }
        #expect(notReported.map(\.unit.name) == ["Xã Nậm Lành"])
        #expect(missing.count + notReported.count == models.unitsJudged - models.unitsMeeting)
        let silent = try #require(o.alerts.first { $0.unit?.id == notReported.first?.unit.id })
        #expect(silent.text(.vi) == "Xã Nậm Lành: chưa báo cáo đánh giá (14 mô hình chờ đánh giá)")
        #expect(silent.status == .noData)
        // Listed after every unit with figures.
        #expect(o.alerts.last?.unit?.id == silent.unit?.id)
        // …are all listed, with the count or the field that is short.
        for c in missing {
            let a = try #require(o.alerts.first { $0.unit?.id == c.unit.id }, "\(c.unit.name) not listed")
            let text = a.text(.vi)
            #expect(text.contains("mô hình hiệu quả") || text.contains("(tối thiểu)"), "\(text)")
            #expect(a.status == c.overallStatus)
        }
        #expect(Self.unitAlerts(o).count == Self.failing(snap, under: vanChan.id).count)
    }

    @Test func aFieldShortfallAndAMissingPlanSayWhy() throws {
        let db = try Self.demo()
        let vanChan = try #require(try db.findUnits("van chan").first)
        let o = try #require(try Overview.build(from: db, unit: vanChan.id, year: 2025))
        // Enough models, one field under its minimum: the field is named, not “12/10”.
        let short = try #require(o.children.first { c in
            guard let t = c.progress(for: .effectiveModelsPerUnit), let v = t.value else { return false }
            return v >= t.threshold && !t.fieldsShort.isEmpty
        })
        let a = try #require(o.alerts.first { $0.unit?.id == short.unit.id })
        #expect(a.text(.vi).contains("lĩnh vực "))
        #expect(a.text(.vi).contains("(tối thiểu)"))
        #expect(!a.text(.vi).contains("mô hình hiệu quả"))
        // No plan for the year, or one sent in but not in force yet: each said in its words.
        func alert(_ name: String) throws -> Alert {
            let unit = try #require(o.children.first { $0.unit.name == name })
            return try #require(o.alerts.first { $0.unit?.id == unit.unit.id })
        }
        #expect(try alert("Hội Nông dân huyện Văn Chấn").text(.vi).contains("chưa có kế hoạch năm 2025"))
        #expect(try alert("Hội Nông dân huyện Văn Chấn").text(.en).contains("no plan for 2025"))
        #expect(try alert("Thị trấn Nông trường Liên Sơn").text(.vi).contains("kế hoạch năm 2025 chưa được phổ biến"))
        #expect(try alert("Thị trấn Nông trường Trần Phú").text(.vi).contains("kế hoạch năm 2025 chưa được ban hành"))
    }

    @Test func theStatusReportListsTheSameAlerts() throws {
        let db = try Self.demo()
        let yenBai = try #require(try db.findUnits("Tỉnh Yên Bái").first)
        let o = try #require(try Overview.build(from: db, unit: yenBai.id, year: 2025))
        let lines = StatusText.blocks(o, lang: .vi).compactMap { b -> String? in if case let .line(s) = b { s } else { nil } }
        let heading = try #require(lines.firstIndex(of: "Cần chú ý (\(o.alerts.count)):"))
        let listed = Array(lines[(heading + 1)...])
        #expect(listed == o.alerts.map { "  \($0.isMismatch ? "!" : Words.glyph($0.status)) \($0.text(.vi))" })
    }

    @Test func theOrderIsWorstFirstAndTheSameEachTime() throws {
        let db = try Self.demo()
        let yenBai = try #require(try db.findUnits("Tỉnh Yên Bái").first)
        let a = try #require(try Overview.build(from: db, unit: yenBai.id, year: 2025)).alerts
        let b = try #require(try Overview.build(from: db, unit: yenBai.id, year: 2025)).alerts
        #expect(a == b)
        #expect(a.map(\.status) == a.map(\.status).sorted())
        #expect(a.first?.status == .behind)
    }
}
