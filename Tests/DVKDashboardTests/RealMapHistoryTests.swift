import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import Testing
import TerminalUI

/// History on the real map of Lào Cai: Xã Văn Chấn was formed on 01/07/2025
/// from Xã Suối Giàng, Xã Suối Bu, Thị trấn Sơn Thịnh and Xã Đồng Khê. Its
/// 2024 figures must read the same on the screen (whatever the path to
/// them), in `dvk status` and in `dvk snapshot`: the sum of the four on
/// today's map, each one's own on the map of that time.
@Suite struct RealMapHistoryTests {
    static let today = Day(year: 2026, month: 12, day: 2)!
    /// Effective 2024 models per predecessor (11 in all, ≥ 2 in every field for Xã Văn Chấn).
    static let planted = ["old:04657": 4, "old:04669": 3, "old:04672": 2, "old:04690": 2]

    struct Fixture {
        let db: AppDatabase
        let vanChan: OrgUnit.ID
        let predecessors: [String: OrgUnit.ID]
    }

    static func fixture() throws -> Fixture {
        let db = try AppDatabase.inMemory(officer: "kiểm thử")
        _ = try db.loadOfficialMap(try OfficialMap.bundled(), province: "15", path: ":memory:")
        let byRef = { (ref: String) throws -> OrgUnit.ID in try #require(try db.findUnits(ref).first).id }
        var ids: [String: OrgUnit.ID] = [:]
        let fields = Field.standard.map(\.code)
        var n = 0
        for (ref, count) in planted.sorted(by: { $0.key < $1.key }) {
            let unit = try byRef(ref)
            ids[ref] = unit
            for i in 0..<count {
                n += 1
                let m = Model(id: 0, unitID: unit, title: "Mô hình \(n)", fieldCode: fields[n % fields.count],
                              registeredOn: Day(year: 2023, month: 3, day: 1), launchedOn: Day(year: 2023, month: 3, day: 1 + i))
                let id = try db.addModel(m).value
                _ = try db.recordEvaluation(Evaluation(modelID: id, year: 2024, effective: true))
            }
        }
        return Fixture(db: db, vanChan: try byRef("new:04672"), predecessors: ids)
    }

    @Test func officialMapOfLaoCai() throws {
        let f = try Self.fixture()
        let snap = try ProgressSnapshot.build(from: f.db, year: 2026, map: .today(Self.today))
        let home = try #require(try f.db.setting(.homeUnit).flatMap(Int64.init))
        let o = try #require(Overview.make(from: snap, unit: home))
        #expect(o.unit.unit.name == "Tỉnh Lào Cai")
        #expect(o.children.count == 99)
        // Vietnamese order, and a phường keeps its level word.
        #expect(o.children.map(\.unit.name) == o.children.map(\.unit.name).sorted(by: VietnameseText.precedes))
        let ward = try #require(o.children.first { $0.unit.name == "Phường Lào Cai" })
        #expect(Words(.vi).kind(of: ward.unit) == "phường")
        #expect(o.lineage.predecessors.map(\.name) == ["Tỉnh Lào Cai", "Tỉnh Yên Bái"])
    }

    /// Today's province in 2024, on the map of that time: the two old
    /// provinces, once. Their districts also merged into it (their level was
    /// abolished) and used to be listed, and counted, beside them.
    @Test func aProvinceFormedIn2025IsItsOldProvincesOnce() throws {
        let f = try Self.fixture()
        let home = try #require(try f.db.setting(.homeUnit).flatMap(Int64.init))
        let o = try #require(try Overview.build(from: f.db, unit: home, year: 2024, map: .then))
        #expect(o.lineage.notYetFormed)
        #expect(o.children.map(\.unit.name) == ["Tỉnh Lào Cai", "Tỉnh Yên Bái"])
        #expect(o.unit.models.effective == 11)
        #expect(o.unit.progress(for: .effectiveModelsPerUnit)?.unitsJudged == 319)
    }

    @Test func mergedWardOnTodaysMapSumsItsPredecessors() throws {
        let f = try Self.fixture()
        let o = try #require(try Overview.build(from: f.db, unit: f.vanChan, year: 2024, map: .today(Self.today)))
        #expect(o.unit.unit.name == "Xã Văn Chấn")
        #expect(o.unit.models.effective == Self.planted.values.reduce(0, +))
        let perCommune = try #require(o.unit.progress(for: .effectiveModelsPerUnit))
        #expect(perCommune.value == 11 && !perCommune.isShare)
        #expect(o.lineage.predecessors.map(\.name) == ["Thị trấn Sơn Thịnh", "Xã Đồng Khê", "Xã Suối Bu", "Xã Suối Giàng"])
        // Asking for a predecessor on today's map opens its successor, saying so.
        let asked = try #require(try Overview.build(from: f.db, unit: f.predecessors["old:04657"]!, year: 2024, map: .today(Self.today)))
        #expect(asked.unit.unit.id == f.vanChan && asked.mergedFrom?.name == "Xã Suối Giàng")
    }

    @Test func eachPredecessorKeepsItsOwnOnTheMapOfThatTime() throws {
        let f = try Self.fixture()
        for (ref, count) in Self.planted {
            let o = try #require(try Overview.build(from: f.db, unit: f.predecessors[ref]!, year: 2024, map: .then))
            #expect(o.unit.unit.id == f.predecessors[ref]!)
            #expect(o.unit.models.effective == count)
            #expect(o.lineage.successor?.name == "Xã Văn Chấn")
        }
        // Xã Văn Chấn itself, not yet formed in 2024: its four forerunners side by side.
        let group = try #require(try Overview.build(from: f.db, unit: f.vanChan, year: 2024, map: .then))
        #expect(group.lineage.notYetFormed)
        #expect(Dictionary(uniqueKeysWithValues: group.children.map { ($0.unit.id, $0.models.effective) })
            == Dictionary(uniqueKeysWithValues: Self.planted.map { (f.predecessors[$0.key]!, $0.value) }))
        #expect(group.unit.models.effective == 11)
        // None of the four reaches 10 on its own.
        #expect(group.unit.progress(for: .effectiveModelsPerUnit)?.unitsMeeting == 0)
    }

    /// The same figures whatever the path: opened on 2024, or reached with `[` from 2025;
    /// in the status text; in the printed snapshot.
    @Test func everyPathReadsTheSame() throws {
        let f = try Self.fixture()
        let runner = EffectRunner(db: f.db, snapshots: SnapshotWriter(folder: NSTemporaryDirectory()), lang: .vi)
        func open(_ year: Int, _ map: MapView) throws -> Dashboard {
            let start = try SessionStart.resolve(db: f.db, unit: "Xã Văn Chấn", year: year, lang: .vi, today: Self.today, map: map)
            return Headless.dashboard(start: start, screen: .overview, size: Size(width: 100, height: 30), lang: .vi,
                                      officer: "kiểm thử", runner: runner)
        }
        var direct = try open(2024, .today(Self.today))
        var stepped = try open(2025, .today(Self.today))
        Program<Dashboard>.dispatch(.character("["), to: &stepped, perform: runner.perform)
        #expect(stepped.state.location.year == 2024)
        #expect(direct.state.overview?.unit.models.effective == 11)
        #expect(stepped.state.overview?.unit == direct.state.overview?.unit)
        #expect(View.printJob(stepped.state).buffer == View.printJob(direct.state).buffer)

        // `M` switches to the map of that time: the four, each with its own.
        Program<Dashboard>.dispatch(.character("M"), to: &direct, perform: runner.perform)
        #expect(direct.state.map == .then)
        #expect(direct.state.overview?.children.map(\.models.effective).sorted() == [2, 2, 3, 4])
        let then = try open(2024, .then)
        // The same frame as opening on that map, but for the status line that said what `v` did.
        let frame = { (d: Dashboard) in Array(PlainTextRenderer.lines(View.printJob(d.state).buffer).dropLast(2)) }
        #expect(frame(then) == frame(direct))
        #expect(then.state.overview?.unit == direct.state.overview?.unit)
        let screen = PlainTextRenderer.render(View.printJob(direct.state).buffer)
        #expect(screen.contains("Địa giới thời đó"))
        #expect(screen.contains("Xã Suối Giàng"))

        // The go-to box tells the old units from today's by their dates.
        for key in [Key.character("g")] + "van chan".map({ Key.character($0) }) {
            Program<Dashboard>.dispatch(key, to: &direct, perform: runner.perform)
        }
        let box = PlainTextRenderer.render(View.render(direct.state))
        #expect(box.contains("Xã Văn Chấn") && box.contains("từ 01/07/2025"))
        #expect(box.contains("Huyện Văn Chấn") && box.contains("→ Tỉnh Lào Cai"))

        // dvk status: the same lookup, the same overview, as text.
        let id = try UnitLookup.resolve(db: f.db, text: "Xã Văn Chấn", year: 2024)
        let today = try #require(try Overview.build(from: f.db, unit: id, year: 2024, map: .today(Self.today)))
        let status = StatusReport.text(today, lang: .vi)
        #expect(status.contains("Địa giới hiện nay"))
        #expect(status.contains("Gồm Thị trấn Sơn Thịnh, Xã Đồng Khê, Xã Suối Bu, Xã Suối Giàng (đến 30/06/2025)"))
        #expect(today.unit == stepped.state.overview?.unit)

        // Hài lòng on the map of that time: a unit not yet formed gets its
        // answer, the rows of its old communes (it waited on "Đang tải…" for
        // good: the answer was matched by its first row, an old commune here).
        Program<Dashboard>.dispatch(.escape, to: &direct, perform: runner.perform)
        try f.db.recordSurvey(SatisfactionSurvey(unitID: f.predecessors["old:04657"]!, year: 2024, permille: 912, respondents: 120, source: "thử"))
        Program<Dashboard>.dispatch(.character("4"), to: &direct, perform: runner.perform)
        let satisfaction = PlainTextRenderer.render(View.render(direct.state))
        #expect(!satisfaction.contains("Đang tải") && satisfaction.contains("Xã Suối Giàng"), "\(satisfaction)")
    }
}
