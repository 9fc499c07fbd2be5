import DVKCore

/// Dashboard wording in both languages (the shared report words are `Words`).
struct Texts {
    let lang: Language
    init(_ lang: Language) { self.lang = lang }

    func pick(_ vi: String, _ en: String) -> String { words.pick(vi, en) }

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
    var choiceHint: String { pick("Enter: chọn trong danh sách · ←/→: đổi nhanh", "Enter: pick from the list · ←/→: quick change") }
    var readOnly: String {
        pick("Đang mở ở chế độ chỉ đọc (--read-only hoặc tệp không có quyền ghi): không sửa được dữ liệu.",
             "Opened read-only (--read-only, or the file is not writable): data cannot be changed.")
    }
    var telexOn: String { pick("Gõ Telex: BẬT (F6 để tắt)", "Telex typing: ON (F6 to turn off)") }
    var telexOff: String { pick("Gõ Telex: TẮT", "Telex typing: OFF") }
    var saved: String { pick("Đã lưu. (u: hoàn tác)", "Saved. (u: undo)") }
    func approvalTaken(_ step: ApprovalStep, year: Int) -> String {
        switch step {
        case .submit: return pick("Đã nộp số liệu năm \(year); chờ cấp trên duyệt.", "Submitted \(year); it awaits approval.")
        case .approve: return pick("Đã duyệt và khóa số liệu năm \(year).", "Approved and locked \(year).")
        case .unlock: return pick("Đã mở khóa số liệu năm \(year): đơn vị sửa rồi nộp lại.", "Unlocked \(year): the unit corrects it and submits again.")
        }
    }
    func fixErrors(_ n: Int) -> String { pick("Chưa lưu: \(n) trường cần sửa.", "Not saved: \(n) fields need fixing.") }
    var nothingToUndo: String { pick("Không có thay đổi nào để hoàn tác trong phiên này.", "Nothing to undo in this session.") }
    var nothingToRedo: String { pick("Không có thay đổi nào để làm lại.", "Nothing to redo.") }
    func undone(_ what: String) -> String { pick("Đã hoàn tác: \(what). (Ctrl-R: làm lại)", "Undone: \(what). (Ctrl-R: redo)") }
    func redone(_ what: String) -> String { pick("Đã làm lại: \(what).", "Redone: \(what).") }
    var selectModel: String { pick("Chọn một mô hình trong danh sách trước (màn hình 3).", "Select a model in the list first (screen 3).") }
    var selectUnit: String { pick("Chọn một đơn vị trong danh sách trước (màn hình 2).", "Select a unit in the list first (screen 2).") }

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

    func modelSortName(_ s: ModelSort) -> String {
        switch s {
        case .title: return pick("tên", "title")
        case .unit: return pick("đơn vị", "unit")
        case .field: return pick("lĩnh vực", "field")
        case .status: return pick("đánh giá", "result")
        }
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
