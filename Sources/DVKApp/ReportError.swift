import DVKCore

/// Why a report is not written.
public enum ReportError: ExplainedError, Equatable {
    /// The year is outside the targets' phase (Đề án 13: 2023–2025).
    case outsidePhase(year: Int, phase: String)

    public func message(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case let .outsidePhase(y, phase):
            return w.pick("năm \(y) ngoài giai đoạn \(phase) của các chỉ tiêu: không có chỉ tiêu để báo cáo (xem năm đó trên màn hình, hoặc sửa chỉ tiêu bằng T).",
                          "\(y) is outside the targets' phase \(phase): nothing to report against (see that year on screen, or edit the targets with T).")
        }
    }
}
