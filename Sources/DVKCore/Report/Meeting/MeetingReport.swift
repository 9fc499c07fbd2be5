/// Everything a report is written from, read by the caller (the store does
/// the reading; the domain only assembles).
public struct ReportInput: Sendable {
    public var period: ReportPeriod
    /// The unit's overview for each year of the period, in year order.
    public var overviews: [Overview]
    /// Every unit of the last year's roll-up: what published figures are checked against.
    public var progress: [OrgUnit.ID: UnitProgress]
    /// Published figures of the subtree in the last year.
    public var figures: [ReportedFigure]
    public var directives: [Directive]
    public var honours: [Honour]
    public var settings: ReportSettings
    /// The day the report is dated.
    public var date: Day
    /// The data behind it includes the demo set.
    public var isDemo: Bool
    public var dataAsOf: Day?

    public init(period: ReportPeriod, overviews: [Overview], progress: [OrgUnit.ID: UnitProgress], figures: [ReportedFigure],
                directives: [Directive], honours: [Honour], settings: ReportSettings, date: Day, isDemo: Bool, dataAsOf: Day?) {
        self.period = period
        self.overviews = overviews
        self.progress = progress
        self.figures = figures
        self.directives = directives
        self.honours = honours
        self.settings = settings
        self.date = date
        self.isDemo = isDemo
        self.dataAsOf = dataAsOf
    }
}

/// Báo cáo kết quả phong trào thi đua “Dân vận khéo”: the report a board
/// takes to its hội nghị sơ kết / tổng kết, in the Party's format.
public enum MeetingReport {
    public static func build(_ input: ReportInput, lang: Language = .vi) -> ReportDocument? {
        guard let last = input.overviews.last else { return nil }
        let w = Words(lang)
        let s = input.settings
        let unit = inText(last.unit.unit.name)
        let subject = w.pick("Kết quả thực hiện phong trào thi đua “Dân vận khéo” \(input.period.words(lang)) của \(unit)",
                             "Results of the “Dân vận khéo” movement \(input.period.words(lang)): \(unit)")
        let d = input.date
        let placeAndDate = (s.place.isEmpty ? "" : s.place + ", ")
            + w.pick("ngày \(two(d.day)) tháng \(two(d.month)) năm \(d.year)", "\(two(d.day))/\(two(d.month))/\(d.year)")
        var blocks = ReportSections.basis(input, last, lang)
        blocks += ReportApproval.note(last, lang)
        blocks += ReportSections.targets(input, lang)
        blocks += ReportSections.fields(input, last, lang)
        blocks += ReportSections.figures(input, last, lang)
        blocks += ReportSections.behind(last, lang)
        blocks += ReportSections.reporting(last, lang)
        blocks += ReportSections.honours(input, lang)
        blocks += ReportSections.closing(lang)
        // “-BC/BTGDVTU”: the office writes the number in the blank when the report is signed.
        let number = s.number.hasPrefix("-") ? "      " + s.number : s.number
        return ReportDocument(issuer: s.issuer, number: w.pick("Số ", "No. ") + number, placeAndDate: placeAndDate,
                              title: w.pick("BÁO CÁO", "REPORT"), subject: subject, blocks: blocks,
                              recipients: s.recipients.map { "- " + $0 },
                              signature: Signature(authority: s.signerTitle, name: s.signerName), isDemo: input.isDemo)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A unit's name inside a sentence: the level word in lower case (“tỉnh Yên Bái”, “xã Suối Giàng”).
    public static func inText(_ name: String) -> String {
        let (level, rest) = UnitLevel.split(name)
        return level.map { $0.rawValue + " " + rest } ?? name
    }

    /// Who speaks in the report: the board, named as in running text
    /// (“Ban Tuyên giáo và Dân vận Tỉnh ủy”), from the issuer's lines.
    public static func narrator(_ issuer: [String]) -> String {
        let board = issuer.last ?? ""
        let known = ["BAN TUYÊN GIÁO VÀ DÂN VẬN": "Ban Tuyên giáo và Dân vận", "BAN DÂN VẬN": "Ban Dân vận", "BAN TUYÊN GIÁO": "Ban Tuyên giáo"]
        let name = known[board.uppercased()] ?? board
        guard issuer.count > 1 else { return name }
        let committee = issuer[issuer.count - 2].uppercased()
        for (prefix, word) in [("TỈNH ỦY", "Tỉnh ủy"), ("THÀNH ỦY", "Thành ủy"), ("HUYỆN ỦY", "Huyện ủy"), ("ĐẢNG ỦY", "Đảng ủy"), ("QUẬN ỦY", "Quận ủy")]
            where committee.hasPrefix(prefix) {
            return name + " " + word
        }
        return name
    }
}
