import DVKCore
import Foundation
import GRDB

/// Parameters of a synthetic data set (`dvk generate`), for benchmarks at
/// province and country scale. Same parameters and seed, same data.
public struct SyntheticSpec: Sendable {
    public var communes: Int
    public var years: ClosedRange<Int>
    public var seed: UInt64
    /// Models launched per commune over the whole span (collective and individual).
    public var modelsPerCommune: Int
    public var communesPerDistrict: Int
    /// 0: one province up to 1,000 communes, else ~160 communes a province.
    public var provinces: Int

    public init(communes: Int, years: ClosedRange<Int>, seed: UInt64, modelsPerCommune: Int = 100,
                communesPerDistrict: Int = 15, provinces: Int = 0) {
        self.communes = communes
        self.years = years
        self.seed = seed
        self.modelsPerCommune = modelsPerCommune
        self.communesPerDistrict = communesPerDistrict
        self.provinces = provinces
    }

    var provinceCount: Int { provinces > 0 ? provinces : (communes <= 1000 ? 1 : max(1, communes / 160)) }
}

extension AppDatabase {
    /// Fills an empty database with synthetic data marked as demo. Returns rows written.
    public func generate(_ spec: SyntheticSpec) throws -> Int {
        try AccessGuard.refuseUnlessStoreWide(actor)
        return try write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0 > 0 {
                throw StoreError.cannotOpen(path: path, reason: "cơ sở dữ liệu đã có dữ liệu; hãy dùng một tệp mới")
            }
            var g = SyntheticGenerator(rows: try DemoRows(db: db, years: spec.years, seed: spec.seed), spec: spec)
            try g.run()
            return try g.rows.finish(audit: "{\"communes\":\(spec.communes),\"rows\":\(g.rows.count),\"seed\":\(spec.seed)}", actor: actor)
        }
    }
}

/// The rows both generators write (`SyntheticGenerator`, `RealMapGenerator`),
/// drawn from one seeded generator, all marked as demo: organisations,
/// models with their evaluations, surveys and plans.
struct DemoRows {
    let db: Database
    let years: ClosedRange<Int>
    var rng: SeededRandom
    var count = 0
    /// Every month of the span: launches fall in these unless told otherwise.
    let allMonths: [Day]
    private var keys: [String: (sort: String, search: String)] = [:]
    private let unitStmt, modelStmt, evalStmt, surveyStmt, planStmt: Statement

    init(db: Database, years: ClosedRange<Int>, seed: UInt64) throws {
        self.db = db
        self.years = years
        rng = SeededRandom(seed: seed)
        allMonths = DemoRows.months(from: Day.firstOf(year: years.lowerBound), through: Day.lastOf(year: years.upperBound))
        unitStmt = try db.makeStatement(sql: """
            INSERT INTO unit (name, sort_key, search_key, kind, parent_id, is_demo) VALUES (?, ?, ?, ?, ?, 1)
            """)
        modelStmt = try db.makeStatement(sql: """
            INSERT INTO model (unit_id, kind, title, sort_key, search_key, field_code, launched_on, registered_on, removed_on, removal_reason, is_demo)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        evalStmt = try db.makeStatement(sql: "INSERT INTO evaluation (model_id, year, effective) VALUES (?, ?, ?)")
        surveyStmt = try db.makeStatement(sql: "INSERT INTO survey (unit_id, year, permille, respondents, source, is_demo) VALUES (?, ?, ?, ?, 'dữ liệu tổng hợp', 1)")
        planStmt = try db.makeStatement(sql: "INSERT INTO plan_adoption (unit_id, year, adopted, disseminated, is_demo) VALUES (?, ?, ?, ?, 1)")
    }

    static let titles: [(String, String)] = [
        ("economy", "Hiến đất mở đường giao thông nông thôn"), ("economy", "Tổ hợp tác trồng chè an toàn"),
        ("economy", "Chi hội phụ nữ tiết kiệm"), ("economy", "Liên kết tiêu thụ nông sản"),
        ("economy", "Dân vận khéo trong chuyển đổi cây trồng"), ("economy", "Vườn mẫu nông thôn mới"),
        ("cultureSociety", "Khu dân cư văn hóa kiểu mẫu"), ("cultureSociety", "Câu lạc bộ dân ca dân tộc"),
        ("cultureSociety", "Tủ sách cộng đồng"), ("cultureSociety", "Nhóm tương trợ người cao tuổi"),
        ("cultureSociety", "Đường hoa thanh niên"), ("cultureSociety", "Xóa nhà tạm cho hộ nghèo"),
        ("defenceSecurity", "Camera an ninh thôn bản"), ("defenceSecurity", "Tổ tự quản an ninh trật tự"),
        ("defenceSecurity", "Tổ hòa giải ở cơ sở giỏi"), ("defenceSecurity", "Khu dân cư không ma túy"),
        ("politicalSystem", "Công chức xin lỗi dân khi trễ hẹn"), ("politicalSystem", "Nghe dân nói, nói dân nghe"),
        ("politicalSystem", "Đối thoại với người dân hằng quý"), ("politicalSystem", "Dân vận khéo trong chuyển đổi số"),
        ("politicalSystem", "Bộ phận một cửa thân thiện"), ("politicalSystem", "Chi bộ bốn tốt"),
    ]

    /// The first day of every month from `first`'s month through `last`'s.
    static func months(from first: Day, through last: Day) -> [Day] {
        var out: [Day] = []
        var y = first.year, m = first.month
        while (y, m) <= (last.year, last.month) {
            out.append(Day(year: y, month: m, day: 1)!)
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return out
    }

    mutating func key(_ title: String) -> (sort: String, search: String) {
        if let k = keys[title] { return k }
        let k = (VietnameseText.sortKey(title), VietnameseText.searchKey(title))
        keys[title] = k
        return k
    }

    /// An organisation or place with no official code or validity dates.
    mutating func unit(_ name: String, _ kind: UnitKind, parent: Int64?) throws -> Int64 {
        let k = key(name)
        try unitStmt.execute(arguments: [name, k.sort, k.search, kind.rawValue, parent])
        count += 1
        return db.lastInsertedRowID
    }

    mutating func survey(_ unit: Int64, year: Int) throws {
        try surveyStmt.execute(arguments: [unit, year, Int.random(in: 840...975, using: &rng), Int.random(in: 150...600, using: &rng)])
        count += 1
    }

    mutating func surveys(_ unit: Int64) throws {
        for y in years { try survey(unit, year: y) }
    }

    mutating func plan(_ unit: Int64, year: Int) throws {
        let adopted = Int.random(in: 0..<100, using: &rng) < 93
        try planStmt.execute(arguments: [unit, year, adopted, adopted && Int.random(in: 0..<100, using: &rng) < 95])
        count += 1
    }

    /// `count` models launched in the months given (nil: any month of the
    /// span), each evaluated every year it is in force (mostly effective;
    /// the last year partly pending), a few removed.
    mutating func models(_ unit: Int64, count n: Int, launchedIn months: [Day]? = nil) throws {
        let months = months ?? allMonths
        guard n > 0, let opening = months.first else { return }
        let last = years.upperBound
        for i in 0..<n {
            let (field, base) = DemoRows.titles[Int.random(in: 0..<DemoRows.titles.count, using: &rng)]
            let title = "\(base) \(i % 7 == 0 ? "thôn \(i / 7 + 1)" : "")".trimmingCharacters(in: .whitespaces)
            let k = key(title)
            let month = months[Int.random(in: 0..<months.count, using: &rng)]
            let year = month.year
            let launched = Day(year: year, month: month.month, day: Int.random(in: 1...28, using: &rng))!
            // Registered at the start of its year, or when its unit came to be.
            let registered = max(Day.firstOf(year: year), opening)
            let removedYear: Int? = Int.random(in: 0..<100, using: &rng) < 4 && year < last ? Int.random(in: (year + 1)...last, using: &rng) : nil
            let kind: ModelKind = Int.random(in: 0..<100, using: &rng) < 85 ? .collective : .individual
            try modelStmt.execute(arguments: [unit, kind.rawValue, title, k.sort, k.search, field, launched.iso, registered.iso,
                                              removedYear.map { Day(year: $0, month: 6, day: 30)!.iso },
                                              removedYear == nil ? nil : "Mô hình hình thức, không duy trì được"])
            let model = db.lastInsertedRowID
            count += 1
            for y in year...last where removedYear.map({ y < $0 }) ?? true {
                // The latest year is not fully evaluated yet: pending models.
                if y == last && Int.random(in: 0..<100, using: &rng) < 30 { continue }
                try evalStmt.execute(arguments: [model, y, Int.random(in: 0..<100, using: &rng) < 88])
                count += 1
            }
        }
    }

    /// Rebuilds the stored counts and records the one audit row; returns the rows written.
    func finish(audit after: String, actor: Actor) throws -> Int {
        try CountQueries.refreshAll(db, currentYear: AppDatabase.today().year)
        try Audit.record(db, actor: actor, action: "generate", entity: "database", entityID: nil, before: nil, after: after)
        return count
    }
}

/// The synthetic tree: provinces of numbered districts and communes.
struct SyntheticGenerator {
    var rows: DemoRows
    let spec: SyntheticSpec

    mutating func run() throws {
        let db = rows.db
        let provinces = spec.provinceCount
        let root: Int64? = provinces > 1 ? try rows.unit("Cả nước (dữ liệu tổng hợp)", .country, parent: nil) : nil
        if let root { try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('home_unit', ?)", arguments: [root]) }
        var communeNo = 0
        for p in 1...provinces {
            let province = try rows.unit("Tỉnh Tổng Hợp \(p)", .province, parent: root)
            if root == nil { try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('home_unit', ?)", arguments: [province]) }
            var orgs: [Int64] = []
            for a in 1...20 { orgs.append(try rows.unit("Sở ngành \(p)-\(a)", a % 4 == 0 ? .publicService : .agency, parent: province)) }
            for m in 1...5 { orgs.append(try rows.unit("Đoàn thể tỉnh \(p)-\(m)", .massOrg, parent: province)) }
            try rows.surveys(province)
            let share = spec.communes / provinces + (p <= spec.communes % provinces ? 1 : 0)
            var d = 0
            var left = share
            while left > 0 {
                d += 1
                let district = try rows.unit("Huyện Tổng Hợp \(p)-\(d)", .district, parent: province)
                orgs.append(district)
                try rows.surveys(district)
                for _ in 0..<min(left, spec.communesPerDistrict) {
                    communeNo += 1
                    let commune = try rows.unit("Xã Tổng Hợp \(communeNo)", .commune, parent: district)
                    orgs.append(commune)
                    try rows.surveys(commune)
                    try rows.models(commune, count: spec.modelsPerCommune)
                }
                left -= min(left, spec.communesPerDistrict)
            }
            for org in orgs {
                for y in spec.years { try rows.plan(org, year: y) }
            }
            for a in orgs.prefix(20) where Int.random(in: 0..<10, using: &rows.rng) > 0 {
                try rows.models(a, count: Int.random(in: 1...3, using: &rows.rng))
            }
        }
    }
}
