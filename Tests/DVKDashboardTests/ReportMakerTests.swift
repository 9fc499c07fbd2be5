import DVKApp
import DVKCore
import DVKStore
import Testing

/// The meeting report built from the demo: what each section says, for a
/// year, a half-year and the phase.
@Suite struct ReportMakerTests {
    static func report(_ unit: String, _ period: ReportPeriod) throws -> ReportDocument {
        let id = try #require(try Demo.db.findUnits(unit).first?.id)
        return try #require(try ReportMaker.document(db: Demo.db, unit: id, period: period, map: .today(Day(year: 2025, month: 12, day: 15)!),
                                                     today: Day(year: 2025, month: 12, day: 15)!, lang: .vi))
    }

    static func tables(_ d: ReportDocument) -> [DataTable] {
        d.blocks.compactMap { if case let .table(t) = $0 { t } else { nil } }
    }

    static func texts(_ d: ReportDocument) -> [String] {
        d.blocks.compactMap {
            switch $0 {
            case let .heading(s), let .subheading(s), let .paragraph(s), let .note(s): s
            case .table: nil
            }
        }
    }

    @Test func theYearReportHasTheBoardsHeaderAndCitesTheDirective() throws {
        let d = try Self.report("Tỉnh Yên Bái", .year(2023))
        #expect(d.issuer == ["TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO VÀ DÂN VẬN"])
        #expect(d.number.hasPrefix("Số ") && d.number.hasSuffix(" -BC/BTGDVTU"))
        #expect(d.placeAndDate == "Lào Cai, ngày 15 tháng 12 năm 2025")
        #expect(d.signature.authority == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"])
        #expect(d.isDemo)
        #expect(Self.texts(d).first?.hasPrefix("Thực hiện Đề án số 13 ngày 16/03/2023 của Ban Thường vụ Tỉnh ủy Yên Bái") == true)
    }

    @Test func publishedFiguresStandBesideCountedOnesAndTheMismatchIsFlagged() throws {
        let d = try Self.report("Tỉnh Yên Bái", .year(2023))
        let figures = try #require(Self.tables(d).first { $0.columns.map(\.title).starts(with: ["Đơn vị", "Số liệu", "Công bố"]) })
        let total = try #require(figures.rows.first { $0.cells.count == 5 && $0.cells[2] == .integer(101) })
        #expect(total.cells[4] == .text("tổng 101 ≠ cộng các lĩnh vực 98; sổ theo dõi ghi 0"))
    }

    @Test func theReportingSectionCountsWhoHasNotReported() throws {
        let d = try Self.report("Huyện Văn Chấn", .year(2025))
        let line = try #require(Self.texts(d).first { $0.contains("đơn vị đã báo cáo đủ") })
        #expect(line.hasPrefix("Có 18/27 đơn vị đã báo cáo đủ (66,7%), 1 đơn vị chưa báo cáo gì."))
        let late = try #require(Self.tables(d).first { $0.title == "Đơn vị chưa báo cáo đủ" })
        // Every row is one unit here (communes, organisations): no “units in full” column.
        #expect(late.columns.map(\.title) == ["Đơn vị", "Còn thiếu"])
        #expect(late.rows.contains { $0.cells == [.text("Xã Nậm Lành"), .text("14/14 mô hình chờ đánh giá")] })
        #expect(late.rows.contains { $0.cells == [.text("Hội Nông dân huyện Văn Chấn"), .text("chưa gửi kế hoạch")] })
    }

    @Test func aHalfYearCountsTheDecisionsOfJanuaryToJuneOnly() throws {
        let year = try Self.report("Tỉnh Yên Bái", .year(2023))
        let half = try Self.report("Tỉnh Yên Bái", .halfYear(2023))
        #expect(half.subject.contains("6 tháng đầu năm 2023"))
        func honours(_ d: ReportDocument) -> Int {
            (Self.tables(d).first { $0.title == "Công nhận, khen thưởng" }?.rows ?? []).reduce(0) { n, row in
                if row.cells.count > 3, case let .integer(k) = row.cells[3] { n + k } else { n }
            }
        }
        #expect(honours(half) > 0 && honours(half) < honours(year))
        #expect(Self.texts(half).contains { $0.hasPrefix("Từ ngày 01/01/2023 đến ngày 30/06/2023: ") })
        let decisions = Self.tables(half).first { $0.title == "Công nhận, khen thưởng" }?.rows ?? []
        // Each decision carries its date, all in the first half.
        #expect(decisions.allSatisfy { row in
            guard row.cells.count > 1, case let .text(s) = row.cells[1], let d = s.components(separatedBy: " ngày ").last.flatMap(Day.init(parsing:)) else { return false }
            return d <= Day(year: 2023, month: 6, day: 30)!
        })
        #expect(Self.texts(half).contains { $0.contains("Đánh giá mô hình ghi theo năm, không theo ngày") })
    }

    @Test func aPhaseReadsEachYear() throws {
        let d = try Self.report("Huyện Văn Chấn", .phase(2023...2025))
        let targets = try #require(Self.tables(d).first)
        #expect(targets.columns.map(\.title) == ["Chỉ tiêu", "Mục tiêu", "2023", "2024", "2025", "Đánh giá"])
        #expect(d.subject.contains("giai đoạn 2023 - 2025"))
    }

    /// 2020 has figures in the demo (two communes of Bình Thuận) but is
    /// outside Đề án 13's phase: no targets to report against, so no report.
    @Test func aYearOutsideThePhaseIsRefused() throws {
        let id = try #require(try Demo.db.findUnits("Tỉnh Yên Bái").first?.id)
        #expect(throws: ReportError.outsidePhase(year: 2020, phase: "2023–2025")) {
            try ReportMaker.document(db: Demo.db, unit: id, period: .year(2020), map: .then, lang: .vi)
        }
    }
}

/// Issue 12: the report says which figures the level above has not approved.
@Suite struct ReportApprovalTests {
    @Test func figuresNotYetApprovedAreMarkedAndApprovedOnesAreNot() throws {
        let db = Demo.fresh()
        let province = try #require(try db.findUnits("Tỉnh Yên Bái").first?.id)
        let agency = try #require(try db.findUnits("Sở Nội vụ").first?.id)
        let day = Day(year: 2025, month: 12, day: 15)!
        func note() throws -> String? {
            let d = try #require(try ReportMaker.document(db: db, unit: province, period: .year(2025), map: .today(day), today: day, lang: .vi))
            return ReportMakerTests.texts(d).first { $0.hasPrefix("Số liệu chưa được duyệt") }
        }
        let before = try #require(try note())
        #expect(before.contains("Sở Nội vụ (chưa nộp)"), "\(before)")
        try db.takeApprovalStep(.submit, unit: agency, year: 2025)
        try db.takeApprovalStep(.approve, unit: agency, year: 2025)
        let after = try #require(try note())
        #expect(!after.contains("Sở Nội vụ"), "\(after)")
        #expect(after.contains("Huyện Văn Chấn (chưa nộp)"))
    }
}
