/// Who issues a report and who signs it: the board's settings
/// (`settings.csv`, the `dvk settings` command and the dashboard's form).
/// Each list is kept as one text with “|” between lines.
public struct ReportSettings: Equatable, Sendable {
    /// Committee over board: “TỈNH ỦY LÀO CAI|BAN TUYÊN GIÁO VÀ DÂN VẬN”.
    public var issuer: [String]
    /// “15-BC/BTGDVTU”; blank before the dash is left to fill by hand.
    public var number: String
    /// The place in the date line: “Lào Cai”.
    public var place: String
    /// “TRƯỞNG BAN”, or “K/T TRƯỞNG BAN|PHÓ TRƯỞNG BAN”.
    public var signerTitle: [String]
    public var signerName: String
    public var recipients: [String]

    public init(issuer: [String], number: String, place: String, signerTitle: [String], signerName: String, recipients: [String]) {
        self.issuer = issuer
        self.number = number
        self.place = place
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.recipients = recipients
    }

    /// What an unset board gets, from the province the report is about and
    /// the day it is dated: since 2025 the provincial board is the merged
    /// “Ban Tuyên giáo và Dân vận”.
    public static func defaults(province: String?, on day: Day) -> ReportSettings {
        let place = province.map(ReportSettings.placeName) ?? ""
        let merged = day >= Day(year: 2025, month: 3, day: 1)!
        let board = merged ? "BAN TUYÊN GIÁO VÀ DÂN VẬN" : "BAN DÂN VẬN"
        let committee = place.isEmpty ? "TỈNH ỦY" : "TỈNH ỦY " + place.uppercased()
        return ReportSettings(
            issuer: [committee, board], number: "   -BC/" + (merged ? "BTGDVTU" : "BDVTU"), place: place,
            signerTitle: ["TRƯỞNG BAN"], signerName: "",
            recipients: [merged ? "Ban Tuyên giáo và Dân vận Trung ương (b/c)," : "Ban Dân vận Trung ương (b/c),",
                         "Thường trực Tỉnh ủy (b/c),", "Lưu Văn phòng Ban."])
    }

    /// The defaults for a report on the unit at the end of `path` (root first):
    /// its province, or the top of the path when there is none.
    public static func defaults(path: [OrgUnit], on day: Day) -> ReportSettings {
        defaults(province: (path.first { $0.kind == .province } ?? path.first)?.name, on: day)
    }

    /// “Tỉnh Yên Bái” → “Yên Bái”; “Thành phố Hà Nội” → “Hà Nội”.
    public static func placeName(_ unit: String) -> String {
        for prefix in ["Thành phố ", "Tỉnh ", "TP. ", "TP "] where unit.hasPrefix(prefix) {
            return String(unit.dropFirst(prefix.count))
        }
        return unit
    }

    /// Each setting as it is stored and typed (lines joined by “|”).
    public var texts: [Setting: String] {
        [.reportIssuer: issuer.joined(separator: "|"), .reportNumber: number, .reportPlace: place,
         .reportSignerTitle: signerTitle.joined(separator: "|"), .reportSigner: signerName,
         .reportRecipients: recipients.joined(separator: "|")]
    }

    /// Stored settings over the defaults: a key not set keeps its default.
    public func overridden(by stored: [Setting: String]) -> ReportSettings {
        var s = self
        func lines(_ key: Setting) -> [String]? {
            stored[key].map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        if let v = lines(.reportIssuer), !v.isEmpty { s.issuer = v }
        if let v = stored[.reportNumber] { s.number = v }
        if let v = stored[.reportPlace] { s.place = v }
        if let v = lines(.reportSignerTitle), !v.isEmpty { s.signerTitle = v }
        if let v = stored[.reportSigner] { s.signerName = v }
        if let v = lines(.reportRecipients) { s.recipients = v }
        return s
    }
}

extension Words {
    /// A setting's name on forms, in the change log and in CLI messages.
    public func setting(_ s: Setting) -> String {
        switch s {
        case .dataAsOf: pick("Số liệu đến ngày", "Data as of")
        case .homeUnit: pick("Đơn vị mở đầu", "Home unit")
        case .reportIssuer: pick("Cơ quan ban hành báo cáo", "Report issuer")
        case .reportNumber: pick("Số ký hiệu báo cáo", "Report number")
        case .reportPlace: pick("Địa danh ghi ngày tháng", "Place in the date line")
        case .reportSignerTitle: pick("Chức vụ người ký", "Signer's title")
        case .reportSigner: pick("Họ tên người ký", "Signer's name")
        case .reportRecipients: pick("Nơi nhận", "Recipients")
        }
    }
}
