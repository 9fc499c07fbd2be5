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
        let officer = officer
        return try write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0 > 0 {
                throw StoreError.cannotOpen(path: path, reason: "cơ sở dữ liệu đã có dữ liệu; hãy dùng một tệp mới")
            }
            var g = SyntheticGenerator(db: db, spec: spec)
            try g.run()
            try CountQueries.refreshAll(db, currentYear: AppDatabase.today().year)
            try Audit.record(db, officer: officer, action: "generate", entity: "database", entityID: nil, before: nil,
                             after: "{\"communes\":\(spec.communes),\"rows\":\(g.rows),\"seed\":\(spec.seed)}")
            return g.rows
        }
    }
}

struct SyntheticGenerator {
    let db: Database
    let spec: SyntheticSpec
    var rng: SeededRandom
    var rows = 0
    private var keys: [String: (sort: String, search: String)] = [:]

    init(db: Database, spec: SyntheticSpec) {
        self.db = db
        self.spec = spec
        rng = SeededRandom(seed: spec.seed)
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

    mutating func key(_ title: String) -> (sort: String, search: String) {
        if let k = keys[title] { return k }
        let k = (VietnameseText.sortKey(title), VietnameseText.searchKey(title))
        keys[title] = k
        return k
    }

    mutating func run() throws {
        let unitStmt = try db.makeStatement(sql: """
            INSERT INTO unit (name, sort_key, search_key, kind, parent_id, is_demo) VALUES (?, ?, ?, ?, ?, 1)
            """)
        func addUnit(_ name: String, _ kind: UnitKind, _ parent: Int64?, _ g: inout SyntheticGenerator) throws -> Int64 {
            let k = g.key(name)
            try unitStmt.execute(arguments: [name, k.sort, k.search, kind.rawValue, parent])
            g.rows += 1
            return g.db.lastInsertedRowID
        }
        let modelStmt = try db.makeStatement(sql: """
            INSERT INTO model (unit_id, kind, title, sort_key, search_key, field_code, launched_on, registered_on, removed_on, removal_reason, is_demo)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        let evalStmt = try db.makeStatement(sql: "INSERT INTO evaluation (model_id, year, effective) VALUES (?, ?, ?)")
        let surveyStmt = try db.makeStatement(sql: "INSERT INTO survey (unit_id, year, permille, respondents, source, is_demo) VALUES (?, ?, ?, ?, 'dữ liệu tổng hợp', 1)")
        let planStmt = try db.makeStatement(sql: "INSERT INTO plan_adoption (unit_id, year, adopted, disseminated, is_demo) VALUES (?, ?, ?, ?, 1)")

        let provinces = spec.provinceCount
        let root: Int64? = provinces > 1 ? try addUnit("Cả nước (dữ liệu tổng hợp)", .country, nil, &self) : nil
        if let root { try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('home_unit', ?)", arguments: [root]) }
        var communeNo = 0
        for p in 1...provinces {
            let province = try addUnit("Tỉnh Tổng Hợp \(p)", .province, root, &self)
            if root == nil { try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('home_unit', ?)", arguments: [province]) }
            var orgs: [Int64] = []
            for a in 1...20 { orgs.append(try addUnit("Sở ngành \(p)-\(a)", a % 4 == 0 ? .publicService : .agency, province, &self)) }
            for m in 1...5 { orgs.append(try addUnit("Đoàn thể tỉnh \(p)-\(m)", .massOrg, province, &self)) }
            try surveys(province, surveyStmt)
            let share = spec.communes / provinces + (p <= spec.communes % provinces ? 1 : 0)
            var d = 0
            var left = share
            while left > 0 {
                d += 1
                let district = try addUnit("Huyện Tổng Hợp \(p)-\(d)", .district, province, &self)
                orgs.append(district)
                try surveys(district, surveyStmt)
                for _ in 0..<min(left, spec.communesPerDistrict) {
                    communeNo += 1
                    let commune = try addUnit("Xã Tổng Hợp \(communeNo)", .commune, district, &self)
                    orgs.append(commune)
                    try surveys(commune, surveyStmt)
                    try models(commune, count: spec.modelsPerCommune, modelStmt, evalStmt)
                }
                left -= min(left, spec.communesPerDistrict)
            }
            for org in orgs {
                for y in spec.years {
                    let adopted = Int.random(in: 0..<100, using: &rng) < 93
                    try planStmt.execute(arguments: [org, y, adopted, adopted && Int.random(in: 0..<100, using: &rng) < 95])
                    rows += 1
                }
            }
            for a in orgs.prefix(20) where Int.random(in: 0..<10, using: &rng) > 0 {
                try models(a, count: Int.random(in: 1...3, using: &rng), modelStmt, evalStmt)
            }
        }
    }

    private mutating func surveys(_ unit: Int64, _ stmt: Statement) throws {
        for y in spec.years {
            try stmt.execute(arguments: [unit, y, Int.random(in: 840...975, using: &rng), Int.random(in: 150...600, using: &rng)])
            rows += 1
        }
    }

    private mutating func models(_ unit: Int64, count: Int, _ modelStmt: Statement, _ evalStmt: Statement) throws {
        let first = spec.years.lowerBound, last = spec.years.upperBound
        for i in 0..<count {
            let (field, base) = SyntheticGenerator.titles[Int.random(in: 0..<SyntheticGenerator.titles.count, using: &rng)]
            let title = "\(base) \(i % 7 == 0 ? "thôn \(i / 7 + 1)" : "")".trimmingCharacters(in: .whitespaces)
            let k = key(title)
            let year = Int.random(in: first...last, using: &rng)
            let launched = Day(year: year, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
            let registered = Day(year: year, month: 1, day: 1)!
            let removedYear: Int? = Int.random(in: 0..<100, using: &rng) < 4 && year < last ? Int.random(in: (year + 1)...last, using: &rng) : nil
            let kind: ModelKind = Int.random(in: 0..<100, using: &rng) < 85 ? .collective : .individual
            try modelStmt.execute(arguments: [unit, kind.rawValue, title, k.sort, k.search, field, launched.iso, registered.iso,
                                              removedYear.map { Day(year: $0, month: 6, day: 30)!.iso },
                                              removedYear == nil ? nil : "Mô hình hình thức, không duy trì được"])
            let model = db.lastInsertedRowID
            rows += 1
            for y in year...last where removedYear.map({ y < $0 }) ?? true {
                // The latest year is not fully evaluated yet: pending models.
                if y == last && Int.random(in: 0..<100, using: &rng) < 30 { continue }
                try evalStmt.execute(arguments: [model, y, Int.random(in: 0..<100, using: &rng) < 88])
                rows += 1
            }
        }
    }
}
