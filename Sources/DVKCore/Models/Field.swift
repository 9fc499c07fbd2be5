/// A field (lĩnh vực) a model belongs to. The list is data: a province may
/// configure others; a new database is seeded with the four standard ones.
public struct Field: Hashable, Sendable {
    /// Stable code, e.g. `economy`.
    public var code: String
    public var nameVI: String
    public var nameEN: String
    public var sortOrder: Int

    public init(code: String, nameVI: String, nameEN: String, sortOrder: Int) {
        self.code = code
        self.nameVI = nameVI
        self.nameEN = nameEN
        self.sortOrder = sortOrder
    }

    public func name(_ language: Language) -> String { language == .en ? nameEN : nameVI }

    /// The four fields of the movement.
    public static let standard: [Field] = [
        Field(code: "economy", nameVI: "Phát triển kinh tế", nameEN: "Economic development", sortOrder: 1),
        Field(code: "cultureSociety", nameVI: "Văn hóa – xã hội", nameEN: "Culture and society", sortOrder: 2),
        Field(code: "defenceSecurity", nameVI: "Quốc phòng – an ninh", nameEN: "Defence and security", sortOrder: 3),
        Field(code: "politicalSystem", nameVI: "Xây dựng hệ thống chính trị", nameEN: "Building the political system", sortOrder: 4),
    ]
}
