/// A written report in the Party's document format (Hướng dẫn 36-HD/VPTW,
/// 2018): what the .docx, .html and .pdf writers lay out. Only words and
/// structure; the writers own fonts, margins and page breaks.
public struct ReportDocument: Equatable, Sendable {
    /// The issuing body, top-left, one line each: the committee above
    /// ("TỈNH ỦY LÀO CAI"), then the board in bold ("BAN TUYÊN GIÁO VÀ DÂN VẬN");
    /// the writers put the `*` under the last line.
    public var issuer: [String]
    /// "Số 15-BC/BDVTU", under the issuer's `*`.
    public var number: String
    /// Top-right, in italics: "Lào Cai, ngày 15 tháng 12 năm 2025".
    public var placeAndDate: String
    /// "BÁO CÁO", centred.
    public var title: String
    /// The subject under the title, centred, bold (may wrap).
    public var subject: String
    public var blocks: [ReportBlock]
    /// "Nơi nhận", bottom-left: one line each ("- Ban Thường vụ Tỉnh ủy (b/c),").
    public var recipients: [String]
    public var signature: Signature
    /// The data behind it includes the demo set: every page says "DỮ LIỆU MẪU".
    public var isDemo: Bool

    public init(issuer: [String], number: String, placeAndDate: String, title: String = "BÁO CÁO", subject: String,
                blocks: [ReportBlock], recipients: [String], signature: Signature, isDemo: Bool) {
        self.issuer = issuer
        self.number = number
        self.placeAndDate = placeAndDate
        self.title = title
        self.subject = subject
        self.blocks = blocks
        self.recipients = recipients
        self.signature = signature
        self.isDemo = isDemo
    }

    /// The national line top-right, underlined.
    public static let partyLine = "ĐẢNG CỘNG SẢN VIỆT NAM"
}

public enum ReportBlock: Equatable, Sendable {
    /// A numbered section heading ("I. KẾT QUẢ THỰC HIỆN CHỈ TIÊU"), bold.
    case heading(String)
    /// A sub-heading ("1. Mô hình hiệu quả theo lĩnh vực"), bold.
    case subheading(String)
    /// Body text: justified, first line indented.
    case paragraph(String)
    /// A table; its `title` is not printed (the heading above names it).
    case table(DataTable)
    /// A remark in italics (a mismatch, what the figures do not cover).
    case note(String)
}

/// Bottom-right, left blank to sign: "TRƯỞNG BAN", or "K/T TRƯỞNG BAN" over
/// "PHÓ TRƯỞNG BAN", then room for the signature, then the name.
public struct Signature: Equatable, Sendable {
    /// Bold lines above the space ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN").
    public var authority: [String]
    /// The signer's name under the space, bold; empty leaves the line blank.
    public var name: String

    public init(authority: [String], name: String) {
        self.authority = authority
        self.name = name
    }
}
