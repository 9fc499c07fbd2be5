import DVKCore
import Foundation
import GRDB

/// Parameters of a synthetic data set laid over the official map
/// (`dvk generate --real-map`): the real units before and after 1 July 2025,
/// with made-up organisations, models, evaluations, surveys and plans.
/// Same parameters and seed, same data.
public struct RealMapSpec: Sendable {
    public var years: ClosedRange<Int>
    public var seed: UInt64
    /// Models per old commune over the whole span, at the same pace after the
    /// reform: launches before 01/07/2025 go to the old communes, later ones
    /// to today's (fewer, larger) communes. 100 gives ~1,000,000 for the country.
    public var modelsPerCommune: Int
    /// Today's province code; nil: the whole country.
    public var province: String?

    public init(years: ClosedRange<Int>, seed: UInt64, modelsPerCommune: Int = 100, province: String? = nil) {
        self.years = years
        self.seed = seed
        self.modelsPerCommune = modelsPerCommune
        self.province = province
    }
}

extension AppDatabase {
    /// Loads the official map into an empty database (its own audited
    /// import, as `dvk init` does), then lays demo data over it in one
    /// transaction with one audit row. Returns rows written, map units included.
    public func generate(_ spec: RealMapSpec, map: OfficialMap) throws -> Int {
        try AccessGuard.refuseUnlessStoreWide(actor)
        let load = try loadOfficialMap(map, province: spec.province, path: path)
        return try write { db in
            var g = RealMapGenerator(rows: try DemoRows(db: db, years: spec.years, seed: spec.seed), spec: spec)
            try g.run()
            let mapUnits = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE is_demo = 0") ?? 0
            let scope = spec.province.map { "\"\($0)\"" } ?? "null"
            let home = load.home
            return try g.rows.finish(audit: "{\"province\":\(scope),\"home\":\(home),\"rows\":\(g.rows.count),\"seed\":\(spec.seed)}",
                                     actor: actor) + mapUnits
        }
    }
}

/// Demo data over the official units: per today's province its departments,
/// public service units and mass organisations; models launched before the
/// reform in the old communes, later ones in today's; surveys and plans of
/// the years before 2025 in the old units, from 2025 in today's.
struct RealMapGenerator {
    var rows: DemoRows
    let spec: RealMapSpec

    static let agencies = [
        "Văn phòng Ủy ban nhân dân", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Công Thương",
        "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo",
        "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Thanh tra", "Ban Dân vận",
    ]
    static let publicServices = [
        "Bệnh viện Đa khoa", "Trung tâm Kiểm soát bệnh tật", "Trường Cao đẳng", "Đài Phát thanh và Truyền hình",
        "Trung tâm Phục vụ hành chính công", "Ban Quản lý dự án đầu tư xây dựng",
    ]
    static let massOrgs = [
        "Ủy ban Mặt trận Tổ quốc Việt Nam", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "Hội Nông dân", "Hội Cựu chiến binh",
    ]

    /// The map units by era and kind, in the order they were loaded.
    struct Places {
        var provinces: [(id: Int64, name: String)] = []
        var communes: [Int64] = []
        var oldProvinces: [Int64] = []
        var oldDistricts: [Int64] = []
        var oldCommunes: [Int64] = []
    }

    func places() throws -> Places {
        var p = Places()
        let cursor = try Row.fetchCursor(rows.db, sql: "SELECT id, ref, kind, name FROM unit WHERE ref LIKE 'new:%' OR ref LIKE 'old:%' ORDER BY id")
        while let r = try cursor.next() {
            let id: Int64 = r["id"], ref: String = r["ref"], kind = UnitKind(rawValue: r["kind"]) ?? .commune
            switch (ref.hasPrefix("old:"), kind) {
            case (false, .province): p.provinces.append((id, r["name"]))
            case (false, _): p.communes.append(id)
            case (true, .province): p.oldProvinces.append(id)
            case (true, .district): p.oldDistricts.append(id)
            case (true, _): p.oldCommunes.append(id)
            }
        }
        return p
    }

    /// How many models a unit gets: `mean`, give or take half, rounded.
    mutating func spread(_ mean: Double) -> Int {
        Int((mean * Double.random(in: 0.5..<1.5, using: &rows.rng)).rounded())
    }

    mutating func run() throws {
        let p = try places()
        let reform = OfficialMap.reformDay
        // Launch months on each side of the reform, and the pace that spreads
        // the same number of models a month over fewer communes after it.
        let before = rows.allMonths.filter { $0 < reform }, after = rows.allMonths.filter { $0 >= reform }
        let perMonth = Double(spec.modelsPerCommune) / Double(max(1, rows.allMonths.count))
        let perOld = perMonth * Double(before.count)
        let perNew = perMonth * Double(after.count) * Double(p.oldCommunes.count) / Double(max(1, p.communes.count))

        var orgs: [Int64] = []
        for province in p.provinces {
            // “Tỉnh Lào Cai” → “… tỉnh Lào Cai”.
            let of = province.name.prefix(1).lowercased() + province.name.dropFirst()
            for name in RealMapGenerator.agencies { orgs.append(try rows.unit("\(name) \(of)", .agency, parent: province.id)) }
            for name in RealMapGenerator.publicServices { orgs.append(try rows.unit("\(name) \(of)", .publicService, parent: province.id)) }
            for name in RealMapGenerator.massOrgs { orgs.append(try rows.unit("\(name) \(of)", .massOrg, parent: province.id)) }
        }
        for commune in p.oldCommunes { try rows.models(commune, count: spread(perOld), launchedIn: before) }
        for commune in p.communes { try rows.models(commune, count: spread(perNew), launchedIn: after) }
        // Departments and organisations stand on both maps: a share of the models, over the whole span.
        for org in orgs { try rows.models(org, count: spread(Double(spec.modelsPerCommune) / 2)) }

        for y in spec.years {
            let old = y < reform.year
            for unit in old ? p.oldProvinces + p.oldDistricts + p.oldCommunes : p.provinces.map(\.id) + p.communes {
                try rows.survey(unit, year: y)
            }
            for unit in (old ? p.oldDistricts + p.oldCommunes : p.communes) + orgs { try rows.plan(unit, year: y) }
        }
    }
}
