import Testing
@testable import DVKCore

@Suite("Validation says what is wrong, in Vietnamese")
struct ValidationTests {
    let v = Validator(today: Day(year: 2026, month: 11, day: 21)!)

    func model(_ change: (inout Model) -> Void = { _ in }) -> Model {
        var m = Model(id: 1, unitID: 1, title: "Hiến đất mở đường", fieldCode: "economy",
                      registeredOn: Day(year: 2023, month: 2, day: 1), launchedOn: Day(year: 2023, month: 3, day: 1))
        change(&m)
        return m
    }

    @Test func aGoodModelHasNoIssues() {
        #expect(v.check(model()).isEmpty)
    }

    @Test func titleIsRequired() {
        let issues = v.check(model { $0.title = "   " })
        #expect(issues.map(\.field) == ["title"])
        #expect(issues[0].message(.vi) == "Chưa nhập: trường này là bắt buộc.")
        #expect(issues[0].message(.en) == "Missing: this field is required.")
    }

    @Test func launchedBeforeRegisteredIsRefused() {
        let issues = v.check(model { $0.launchedOn = Day(year: 2023, month: 1, day: 15) })
        #expect(issues.map(\.field) == ["launchedOn"])
        #expect(issues[0].message(.vi) == "Ngày này không được trước ngày đăng ký.")
    }

    @Test func removalNeedsAReasonAndADateAfterLaunch() {
        let issues = v.check(model { $0.removedOn = Day(year: 2023, month: 2, day: 1) })
        #expect(Set(issues.map(\.field)) == ["removedOn", "removalReason"])
        #expect(issues.contains { $0.message(.vi) == "Loại bỏ mô hình phải ghi rõ lý do." })
    }

    @Test func yearsOutsideASaneRangeAreRefused() {
        #expect(v.checkYear(1999).first?.message(.vi) == "Năm 1999 không hợp lệ: phải từ 2000 đến 2031.")
        #expect(v.checkYear(2000).isEmpty)
        #expect(v.checkYear(2031).isEmpty)
        #expect(!v.checkYear(2032).isEmpty)
    }

    @Test func percentMustBeWithinZeroAndHundred() {
        let bad = SatisfactionSurvey(unitID: 1, year: 2023, permille: 1005)
        #expect(v.check(bad).first?.message(.vi) == "Tỷ lệ 100,5 nằm ngoài khoảng 0–100%.")
        #expect(v.check(SatisfactionSurvey(unitID: 1, year: 2023, permille: 1000)).isEmpty)
        #expect(v.check(SatisfactionSurvey(unitID: 1, year: 2023, permille: 0)).isEmpty)
        #expect(!v.check(SatisfactionSurvey(unitID: 1, year: 2023, permille: -1)).isEmpty)
    }

    @Test func recognitionNeedsALaunchedModel() {
        let rec = Recognition(modelID: 1, level: .district, decisionNumber: "12/QĐ-BCĐ", decidedOn: Day(year: 2023, month: 12, day: 5))
        #expect(v.check(rec, of: model()).isEmpty)
        let issues = v.check(rec, of: model { $0.launchedOn = nil })
        #expect(issues.first?.message(.vi) == "Mô hình chưa ra mắt nên chưa thể công nhận.")
    }

    @Test func negativeMoneyIsRefused() {
        #expect(v.check(model { $0.fundsVND = -1 }).map(\.field) == ["fundsVND"])
    }

    @Test func reportedTotalsThatDoNotAddUpAreFlagged() {
        // Yên Bái, Party committee of provincial agencies and enterprises, 2023: 101 vs 26+36+4+32.
        let f = [
            ReportedFigure(unitID: 7, year: 2023, scope: .collective, count: 101),
            ReportedFigure(unitID: 7, year: 2023, scope: .collective, fieldCode: "politicalSystem", count: 32),
            ReportedFigure(unitID: 7, year: 2023, scope: .collective, fieldCode: "economy", count: 26),
            ReportedFigure(unitID: 7, year: 2023, scope: .collective, fieldCode: "cultureSociety", count: 36),
            ReportedFigure(unitID: 7, year: 2023, scope: .collective, fieldCode: "defenceSecurity", count: 4),
            ReportedFigure(unitID: 7, year: 2023, scope: .individual, count: 9),
        ]
        let m = FigureCheck.mismatches(f, fields: Field.standard)
        #expect(m.count == 1)
        #expect(m[0].issue.message(.vi) == "Số liệu không khớp: tổng báo cáo 101, cộng các lĩnh vực 26 + 36 + 4 + 32 = 98.")
        #expect(m[0].issue.message(.en) == "Figures do not add up: reported total 101, fields 26 + 36 + 4 + 32 = 98.")
    }

    @Test func approximateOrAddingUpTotalsAreNotFlagged() {
        let over = [
            ReportedFigure(unitID: 1, year: 2022, scope: .collective, count: 2600, qualifier: .over),
            ReportedFigure(unitID: 1, year: 2022, scope: .collective, fieldCode: "economy", count: 472),
        ]
        let exact = [
            ReportedFigure(unitID: 1, year: 2022, scope: .collective, count: 5),
            ReportedFigure(unitID: 1, year: 2022, scope: .collective, fieldCode: "economy", count: 2),
            ReportedFigure(unitID: 1, year: 2022, scope: .collective, fieldCode: "cultureSociety", count: 3),
        ]
        #expect(FigureCheck.mismatches(over, fields: Field.standard).isEmpty)
        #expect(FigureCheck.mismatches(exact, fields: Field.standard).isEmpty)
    }
}

@Suite("Dates and numbers the Vietnamese way")
struct FormatTests {
    @Test func datesParseInEveryAcceptedForm() {
        #expect(Day(parsing: "16/03/2023") == Day(year: 2023, month: 3, day: 16))
        #expect(Day(parsing: "6/3/23") == Day(year: 2023, month: 3, day: 6))
        #expect(Day(parsing: "2023-03-16") == Day(year: 2023, month: 3, day: 16))
        #expect(Day(parsing: "29/02/2024") != nil)
        #expect(Day(parsing: "29/02/2023") == nil)
        #expect(Day(parsing: "31/04/2023") == nil)
        #expect(Day(parsing: "16/3") == nil)
        #expect(Day(parsing: "16/3/202") == nil)
        #expect(Day(year: 2023, month: 3, day: 6)!.description == "06/03/2023")
        #expect(Day(year: 2023, month: 3, day: 6)!.iso == "2023-03-06")
    }

    @Test func numbersPrintTheVietnameseWay() {
        #expect(VietnameseNumber.integer(2600) == "2.600")
        #expect(VietnameseNumber.integer(1_000_000) == "1.000.000")
        #expect(VietnameseNumber.integer(999) == "999")
        #expect(VietnameseNumber.integer(2600, .en) == "2,600")
        #expect(VietnameseNumber.decimal(92.5) == "92,5")
        #expect(VietnameseNumber.decimal(92.0) == "92")
        #expect(VietnameseNumber.percent(88.64) == "88,6%")
        #expect(VietnameseNumber.money(2_900_000_000) == "2,9 tỷ")
        #expect(VietnameseNumber.money(350_000_000) == "350 triệu")
        #expect(VietnameseNumber.fixed(95) == "95,0")
        #expect(VietnameseNumber.fixed(95.84) == "95,8")
        #expect(VietnameseNumber.fixed(95, .en) == "95.0")
    }

    @Test func numbersParseWhatOfficersType() {
        #expect(VietnameseNumber.parse("92,5") == 92.5)
        #expect(VietnameseNumber.parse("92.5") == 92.5)
        #expect(VietnameseNumber.parse("2.600", isCount: true) == 2600)
        #expect(VietnameseNumber.parse("2,600", isCount: true) == 2600)
        #expect(VietnameseNumber.parse("2.60", isCount: true) == nil)
        #expect(VietnameseNumber.parse("2,9 tỷ") == 2_900_000_000)
        #expect(VietnameseNumber.parse("350 triệu") == 350_000_000)
        #expect(VietnameseNumber.parse("1.234,5") == 1234.5)
        #expect(VietnameseNumber.parse("abc") == nil)
        #expect(VietnameseNumber.parse("") == nil)
    }
}
