import DVKCore

/// The four screens, in the order of their number keys.
public enum Screen: Int, CaseIterable, Sendable {
    case overview = 1, units, models, satisfaction, history

    public func title(_ lang: Language) -> String {
        switch (self, lang) {
        case (.overview, .vi): return "Tổng quan"
        case (.overview, .en): return "Overview"
        case (.units, .vi): return "Đơn vị"
        case (.units, .en): return "Units"
        case (.models, .vi): return "Mô hình"
        case (.models, .en): return "Models"
        case (.satisfaction, .vi): return "Hài lòng"
        case (.satisfaction, .en): return "Satisfaction"
        case (.history, .vi): return "Nhật ký"
        case (.history, .en): return "History"
        }
    }

    /// The name used on the command line (`dvk snapshot units`) and in file names.
    public var slug: String {
        switch self {
        case .overview: return "overview"
        case .units: return "units"
        case .models: return "models"
        case .satisfaction: return "satisfaction"
        case .history: return "history"
        }
    }

    public init?(slug: String) {
        guard let s = Screen.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = s
    }

    var next: Screen { Screen(rawValue: rawValue % Screen.allCases.count + 1)! }
    var previous: Screen { Screen(rawValue: (rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1)! }
}
