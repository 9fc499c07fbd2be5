import Foundation

/// What kind of organisation or place a unit is. Stored by raw value; the
/// case order is the order lists show them in.
public enum UnitKind: String, CaseIterable, Sendable, Codable {
    case country
    /// tỉnh / thành phố trực thuộc trung ương
    case province
    /// huyện / thị xã / thành phố thuộc tỉnh (abolished as a level in 2025; kept for history)
    case district
    /// xã / phường / thị trấn
    case commune
    /// Đảng ủy khối, huyện ủy... a Party committee above grassroots level
    case partyCommittee
    /// cơ quan nhà nước
    case agency
    /// đơn vị sự nghiệp công lập
    case publicService
    /// Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội
    case massOrg
    /// tổ chức cơ sở đảng: đảng bộ cơ sở, chi bộ cơ sở
    case partyOrg
    /// doanh nghiệp
    case enterprise

    /// Administrative places (as opposed to organisations inside them).
    public var isTerritorial: Bool {
        switch self {
        case .country, .province, .district, .commune: return true
        default: return false
        }
    }
}

/// A ';'-separated list of kinds, as stored and as typed in CSV files.
public enum UnitKindList {
    public static func parse(_ text: String) -> [UnitKind]? {
        let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var kinds: [UnitKind] = []
        for p in parts {
            guard let k = UnitKind(rawValue: p) else { return nil }
            kinds.append(k)
        }
        return kinds
    }

    public static func format(_ kinds: [UnitKind]) -> String {
        kinds.map(\.rawValue).joined(separator: ";")
    }
}
