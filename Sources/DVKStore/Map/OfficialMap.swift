import DVKCore
import Foundation

/// The official list of Vietnam's administrative units, before and after the
/// reform of 1 July 2025, as `scripts/official-map.py` derives it (see there
/// for the columns and the source). Read-only data shipped with the program.
public struct OfficialMap: Sendable {
    /// Before 1 July 2025 (63 provinces, districts, ~10,000 communes) or after (34 provinces, 3,321 communes).
    public enum Era: String, Sendable { case old, new }

    public struct Entry: Hashable, Sendable {
        public var era: Era
        public var code: String
        /// The level word: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu.
        public var level: String
        public var name: String
        public var parentCode: String?
        /// Old units: the new unit their records follow (the default one of a divided commune).
        public var successorCode: String?
        /// Old communes divided among several: the other successors.
        public var otherSuccessorCodes: [String]

        /// A stable import ref: codes repeat between the eras.
        public var ref: String { OfficialMap.ref(era, code) }

        public var kind: UnitKind {
            switch code.count {
            case 2: return .province
            case 3: return .district
            default: return .commune
            }
        }
    }

    public let entries: [Entry]
    public let source: String

    public static func ref(_ era: Era, _ code: String) -> String { "\(era.rawValue):\(code)" }

    /// The day the new map took effect, and the old one's last day.
    public static let reformDay = Day(year: 2025, month: 7, day: 1)!
    public static var lastOldDay: Day { Day(year: 2025, month: 6, day: 30)! }

    public init(text: String) throws {
        var out: [Entry] = []
        var source = ""
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            if line.hasPrefix("#") {
                source = String(line.dropFirst(2))
                continue
            }
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if c.first == "era" { continue }
            guard c.count == 7, let era = Era(rawValue: c[0]), !c[1].isEmpty, !c[3].isEmpty else {
                throw StoreError.badMapFile(line: i + 1)
            }
            out.append(Entry(era: era, code: c[1], level: c[2], name: c[3], parentCode: c[4].isEmpty ? nil : c[4],
                             successorCode: c[5].isEmpty ? nil : c[5],
                             otherSuccessorCodes: c[6].split(separator: ";").map(String.init)))
        }
        entries = out
        self.source = source
    }

    /// The list shipped with dvk (a resource of this module).
    public static func bundled() throws -> OfficialMap {
        guard let url = Bundle.module.url(forResource: "vietnam-units", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw StoreError.mapFileMissing
        }
        return try OfficialMap(text: text)
    }

    /// Today's provinces, in Vietnamese name order.
    public var provinces: [Entry] {
        entries.filter { $0.era == .new && $0.kind == .province }.sorted { VietnameseText.precedes($0.name, $1.name) }
    }

    /// Today's provinces that `text` names: a code, a full name, or a name
    /// without its level word and tone marks ("lao cai", "Hà Nội").
    public func provinces(matching text: String) -> [Entry] {
        let key = VietnameseText.searchKey(VietnameseText.normalized(text.trimmingCharacters(in: .whitespaces)))
        return provinces.filter { p in
            let name = VietnameseText.searchKey(p.name)
            return p.code == text || name == key || name == "tinh " + key || name == "thanh pho " + key
        }
    }

    /// What a province's board needs: today's province and its communes, and
    /// the old provinces that became it, with their districts and communes.
    /// Nil selects the whole country.
    public func selection(province code: String?) -> [Entry] {
        guard let code else { return entries }
        let oldProvinces = Set(entries.filter { $0.era == .old && $0.kind == .province && $0.successorCode == code }.map(\.code))
        let oldDistricts = Set(entries.filter { $0.era == .old && $0.kind == .district && oldProvinces.contains($0.parentCode ?? "") }.map(\.code))
        return entries.filter { e in
            switch (e.era, e.kind) {
            case (.new, .province): return e.code == code
            case (.new, _): return e.parentCode == code
            case (.old, .province): return oldProvinces.contains(e.code)
            case (.old, .district): return oldDistricts.contains(e.code)
            case (.old, _): return oldDistricts.contains(e.parentCode ?? "")
            }
        }
    }
}
