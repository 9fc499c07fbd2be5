/// The level word a place's official name starts with: a phường is never
/// called a xã, a quận never a huyện. Derived from the name, which the
/// official list and the seeds both write as "Phường Lào Cai".
public enum UnitLevel: String, CaseIterable, Sendable {
    case province = "tỉnh"
    case city = "thành phố"
    case district = "huyện"
    case urbanDistrict = "quận"
    case town = "thị xã"
    case commune = "xã"
    case ward = "phường"
    case township = "thị trấn"
    case specialZone = "đặc khu"

    public var english: String {
        switch self {
        case .province: return "province"
        case .city: return "city"
        case .district: return "district"
        case .urbanDistrict: return "urban district"
        case .town: return "town"
        case .commune: return "commune"
        case .ward: return "ward"
        case .township: return "township"
        case .specialZone: return "special zone"
        }
    }

    /// Longest words first, so "Thị trấn" is not read as "Thị xã" or "Xã".
    private static let byLength = allCases.sorted { $0.rawValue.count > $1.rawValue.count }

    /// The level of a place named `name`, nil for an organisation or a name
    /// without a level word.
    public static func of(_ unit: OrgUnit) -> UnitLevel? {
        guard unit.kind.isTerritorial, unit.kind != .country else { return nil }
        let name = unit.name.lowercased()
        return byLength.first { name.hasPrefix($0.rawValue + " ") }
    }

    /// “Xã Suối Giàng” → (.commune, “Suối Giàng”); a name with no level word → (nil, name).
    public static func split(_ name: String) -> (level: UnitLevel?, rest: String) {
        let lower = name.lowercased()
        guard let l = byLength.first(where: { lower.hasPrefix($0.rawValue + " ") }) else { return (nil, name) }
        return (l, String(name.dropFirst(l.rawValue.count + 1)))
    }
}
