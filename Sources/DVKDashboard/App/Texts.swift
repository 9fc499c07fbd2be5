import DVKCore

/// Dashboard wording in both languages (the shared report words are `Words`).
struct Texts {
    let lang: Language
    init(_ lang: Language) { self.lang = lang }

    func pick(_ vi: String, _ en: String) -> String { lang == .vi ? vi : en }

    var words: Words { Words(lang) }
    var appName: String { "DVK" }
    var loading: String { pick("Đang tải…", "Loading…") }
    var search: String { pick("Tìm", "Find") }
    var demo: String { pick("DỮ LIỆU MẪU", "DEMO DATA") }
    var noUnits: String { pick("Không có đơn vị trực thuộc.", "No units below.") }
    var noMatch: String { pick("Không có đơn vị phù hợp.", "No matching units.") }
    var noModels: String { pick("Không có mô hình phù hợp.", "No matching models.") }
    var noData: String { pick("Chưa có số liệu.", "No data yet.") }
    var targetsTitle: String { pick("Chỉ tiêu", "Targets") }
    var byField: String { pick("Mô hình hiệu quả theo lĩnh vực", "Effective models by field") }
    var trend: String { pick("Xu hướng mô hình hiệu quả", "Effective models over time") }
    var nothingToFlag: String { pick("Không có cảnh báo.", "Nothing to flag.") }
    var all: String { pick("tất cả", "all") }

    func tooSmall(width: Int, height: Int) -> [String] {
        [
            pick("Cửa sổ terminal quá nhỏ: \(width)×\(height).", "The terminal is too small: \(width)×\(height)."),
            pick("DVK cần ít nhất \(View.minimumSize.width)×\(View.minimumSize.height).",
                 "DVK needs at least \(View.minimumSize.width)×\(View.minimumSize.height)."),
            pick("Phóng to cửa sổ, hoặc nhấn q để thoát.", "Enlarge the window, or press q to quit."),
        ]
    }

    func modelStatus(_ s: ModelYearStatus) -> String {
        switch s {
        case .effective: return pick("✓ Hiệu quả", "✓ Effective")
        case .pending: return pick("… Chờ ĐG", "… Pending")
        case .ineffective: return pick("✗ Chưa HQ", "✗ Not effective")
        case .registered: return pick("○ Đăng ký", "○ Registered")
        case .removed: return pick("⊘ Loại bỏ", "⊘ Removed")
        }
    }

    func kind(_ k: ModelKind) -> String {
        k == .collective ? pick("tập thể", "collective") : pick("cá nhân", "individual")
    }

    func level(_ l: RecognitionLevel) -> String {
        switch l {
        case .commune: return pick("cấp xã", "commune level")
        case .district: return pick("cấp huyện", "district level")
        case .province: return pick("cấp tỉnh", "province level")
        }
    }

    func lifecycle(_ l: LifecycleState) -> String {
        switch l {
        case .registered: return pick("Đã đăng ký", "Registered")
        case .active: return pick("Đang duy trì", "Active")
        case .recognised: return pick("Đã công nhận", "Recognised")
        case .removed: return pick("Đã loại bỏ", "Removed")
        }
    }

    func award(_ k: AwardKind) -> String {
        k == .meritCertificate ? pick("Bằng khen", "Certificate of merit") : pick("Giấy khen", "Commendation")
    }

    func sortName(_ s: UnitSort) -> String {
        switch s {
        case .name: return pick("tên", "name")
        case .effective: return pick("mô hình hiệu quả", "effective models")
        case .pending: return pick("chờ đánh giá", "pending")
        case .satisfaction: return pick("hài lòng", "satisfaction")
        case .status: return pick("trạng thái", "status")
        }
    }
}
