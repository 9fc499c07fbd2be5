import DVKCore
import GRDB

extension AppDatabase {
    /// What `dvk init --province` / `--country` loaded.
    public struct MapLoad: Sendable {
        public var home: OrgUnit.ID
        public var newCommunes = 0
        public var oldProvinces = 0
        public var oldDistricts = 0
        public var oldCommunes = 0
        public var divided = 0
    }

    /// Loads the official units into an empty database, one transaction and
    /// one audited change: today's units from 01/07/2025, the old ones until
    /// 30/06/2025, each merged into its successor (the default one of a
    /// divided commune, with the others listed). With no province, the whole
    /// country under one country unit. Sets the home unit. One audit row, like an import.
    public func loadOfficialMap(_ map: OfficialMap, province code: String?, path: String) throws -> MapLoad {
        let entries = map.selection(province: code)
        return try write { db -> MapLoad in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0
            guard existing == 0 else { throw StoreError.alreadyHasUnits(path: path, count: existing) }
            let source = "Danh mục đơn vị hành chính (\(map.source))"
            var ids: [String: OrgUnit.ID] = [:]
            let country: OrgUnit.ID? = code == nil
                ? try UnitWrites.insert(OrgUnit(id: 0, name: "Việt Nam", kind: .country), ref: "vn", source: source, db) : nil
            var load = MapLoad(home: country ?? 0)
            // Today's units first, so the old ones can name their successors.
            for era in [OfficialMap.Era.new, .old] {
                for e in entries where e.era == era {
                    let parent = e.parentCode.flatMap { ids[OfficialMap.ref(era, $0)] } ?? country
                    let successor = e.successorCode.flatMap { ids[OfficialMap.ref(.new, $0)] }
                    let unit = OrgUnit(id: 0, officialCode: e.code, name: e.name, kind: e.kind, parentID: parent,
                                       validFrom: era == .new ? OfficialMap.reformDay : nil,
                                       validTo: era == .old ? OfficialMap.lastOldDay : nil,
                                       mergedIntoID: successor)
                    let id = try UnitWrites.insert(unit, ref: e.ref, source: source, db)
                    ids[e.ref] = id
                    for other in e.otherSuccessorCodes {
                        guard let o = ids[OfficialMap.ref(.new, other)] else { continue }
                        try db.execute(sql: "INSERT OR IGNORE INTO unit_successor (unit_id, successor_id) VALUES (?, ?)", arguments: [id, o])
                    }
                    switch (era, e.kind) {
                    case (.new, .province): if country == nil { load.home = id }
                    case (.new, _): load.newCommunes += 1
                    case (.old, .province): load.oldProvinces += 1
                    case (.old, .district): load.oldDistricts += 1
                    case (.old, _):
                        load.oldCommunes += 1
                        if !e.otherSuccessorCodes.isEmpty { load.divided += 1 }
                    }
                }
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('home_unit', ?)", arguments: [load.home])
            try Audit.record(db, actor: actor, action: "import", entity: "folder", entityID: "vietnam-units.tsv", before: nil,
                             after: "{\"unit\":\(ids.count + (country == nil ? 0 : 1))}")
            return load
        }
    }
}
