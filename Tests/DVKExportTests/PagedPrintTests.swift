import DVKCore
@testable import DVKExport
import Foundation
import Testing

@Suite struct PagedPrintTests {
    @Test func aTallTableFillsNumberedPagesWithTheHeaderOnEach() {
        let pages = PagedPrint.pages(Fixture.tall(rows: 80), header: Fixture.header)
        #expect(pages.count == 2)
        for (n, page) in pages.enumerated() {
            #expect(Array(page.prefix(3)) == Fixture.header)
            #expect(page[3].hasSuffix("Trang \(n + 1)/2"))
            #expect(page[4].allSatisfy { $0 == "─" })
            #expect(page[5] == "Đơn vị       Số")
            #expect(page.count <= 60)
        }
        // 60 lines less 7 of heading: 53 rows on page 1, the rest on page 2.
        #expect(pages[0].count == 60)
        #expect(pages[0][7] == "Xã số 1     100")
        #expect(pages[0].last == "Xã số 53  5.300")
        #expect(pages[1][7] == "Xã số 54  5.400")
        #expect(pages[1].last == "Xã số 80  8.000")
        #expect(pages[1].count == 7 + 27)
    }

    @Test func theFixturePrintsAsThisExactPage() {
        let page = PagedPrint.pages(Fixture.table, header: Fixture.header)
        #expect(page.count == 1)
        let lines = page[0]
        #expect(lines == [
            "Danh sách đơn vị",
            "Tỉnh Lào Cai — năm 2025",
            "Số liệu đến ngày 15/12/2025",
            "DỮ LIỆU MẪU — không dùng cho báo cáo chính thức",
            String(repeating: " ", count: 91) + "Trang 1/1",
            String(repeating: "─", count: 100),
            "Đơn vị            Loại         Mô     Hài    Kinh  Ngày cập    Nội dung                  Ghi chú",
            "                             hình    lòng     phí  nhật",
            "                               HQ             (tỷ",
            "                                            đồng)",
            String(repeating: "─", count: 100),
            "Xã Suối Giàng     xã           12   93,5%     2,9  15/12/2025  Trồng chè Shan tuyết,",
            "                                                               \"sạch\"",
            "Phường Nghĩa Lộ   phường    2.600       –    0,25  02/01/2025  =HYPERLINK(\"http://x\")",
            "Đặc khu Phú Quốc  đặc khu      -3  100,0%    12,5  –           Mô hình mẫu               DỮ LIỆU MẪU",
        ])
    }

    @Test func longTextWrapsInsideItsColumnAndNothingIsCut() {
        let long = "Mô hình “Dân vận khéo” trong xây dựng nông thôn mới kiểu mẫu gắn với chuyển đổi số ở thôn bản vùng cao, "
            + "vận động nhân dân hiến đất làm đường, xây dựng nhà văn hóa, giữ gìn bản sắc dân tộc Mông, Dao, Tày và phát triển du lịch cộng đồng"
        let table = DataTable(title: "Mô hình", columns: [
            TableColumn("Tên mô hình", width: 30), TableColumn("Số hộ", width: 5, alignsRight: true),
        ], rows: [TableRow([.text(long), .integer(1250)]), TableRow([.text("Ngắn"), .integer(7)])])
        let page = PagedPrint.pages(table, header: ["Mô hình"])[0]
        let body = Array(page.drop(while: { !$0.hasPrefix("Tên mô hình") }).dropFirst(2))
        // Wider than a portrait page (96): the text column takes what is left, 89.
        #expect(body.count == 4)
        #expect(body.allSatisfy { TextWidth.of($0) <= 96 })
        #expect(body[0].count == 96 && body[0].hasSuffix("1.250"))
        #expect(body[3] == "Ngắn" + String(repeating: " ", count: 91) + "7")
        // The long text, put back together, is whole.
        let rebuilt = body.prefix(3).map { String($0.prefix(89)).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(rebuilt == long)
    }

    @Test func aGivenWidthNarrowsTextColumnsAndAHugeWordIsSplit() {
        let table = DataTable(title: "x", columns: [TableColumn("Tên", width: 40), TableColumn("Số", width: 3, alignsRight: true)],
                              rows: [TableRow([.text("Giàng A Páo " + String(repeating: "x", count: 30)), .integer(5)])])
        let page = PagedPrint.pages(table, header: ["x"], width: 20)[0]
        let body = page.suffix(3)
        #expect(Array(body) == ["Giàng A Páo" + String(repeating: " ", count: 8) + "5", String(repeating: "x", count: 16), String(repeating: "x", count: 14)])
        #expect(page.allSatisfy { TextWidth.of($0) <= 20 })
    }

    @Test func demoRowsAreMarkedOnEveryPage() {
        let pages = PagedPrint.pages(Fixture.tall(rows: 70, demo: true), header: Fixture.header)
        #expect(pages.count == 2)
        for page in pages { #expect(page.contains("DỮ LIỆU MẪU — không dùng cho báo cáo chính thức")) }
        #expect(pages[0].contains { $0.hasPrefix("Xã số 1 ") && $0.hasSuffix("DỮ LIỆU MẪU") })
        #expect(pages[0].contains { $0.hasSuffix("Ghi chú") })
        let english = PagedPrint.pages(Fixture.tall(rows: 70, demo: true), header: ["List"], lang: .en)
        #expect(english[0].contains("DEMO DATA — not for official reports"))
        #expect(english[1].contains { $0.hasSuffix("Page 2/2") })
    }

    @Test func aRowTallerThanAPageContinuesOnTheNext() {
        let words = (1...40).map { "từ\($0)" }.joined(separator: " ")
        let table = DataTable(title: "x", columns: [TableColumn("Nội dung", width: 8)], rows: [TableRow([.text(words)])])
        let pages = PagedPrint.pages(table, header: ["x"], linesPerPage: 20, width: 12)
        #expect(pages.count > 1)
        #expect(pages.allSatisfy { $0.count <= 20 })
        #expect(pages.count == 2 && pages.allSatisfy { $0[1].trimmingCharacters(in: .whitespaces).hasPrefix("Trang ") })
        let all = pages.flatMap { $0.dropFirst(5) }.joined(separator: " ")
        #expect(all.split(separator: " ").map(String.init) == words.split(separator: " ").map(String.init))
    }

    @Test func precomposedAndDecomposedVietnameseAlignTheSame() {
        let nfc = "Xã Suối Giàng"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
        #expect(TextWidth.of(nfd) == 13 && TextWidth.of(nfc) == 13)
        #expect(TextWidth.pad(nfd, to: 15, right: true) == "  " + nfd)
        let t = { (s: String) in DataTable(title: "x", columns: [TableColumn("Tên", width: 20), TableColumn("Số", width: 3, alignsRight: true)], rows: [TableRow([.text(s), .integer(1)])]) }
        #expect(PagedPrint.pages(t(nfd), header: ["x"]) == PagedPrint.pages(t(nfc), header: ["x"]))
    }

    @Test func textJoinsPagesWithFormFeeds() {
        let text = PagedPrint.text(Fixture.tall(rows: 120), header: Fixture.header)
        #expect(text.filter { $0 == "\u{000C}" }.count == 2)
        #expect(text.components(separatedBy: "\u{000C}")[2].hasPrefix("Danh sách đơn vị\n"))
        #expect(text.hasSuffix("12.000\n"))
    }

    @Test func htmlIsOneSectionPerPrintedPageWithARealTable() {
        let html = PagedPrint.html(Fixture.tall(rows: 80, demo: true), header: ["Danh sách <đơn vị> & \"mô hình\""] + Fixture.header.dropFirst())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4; margin: 15mm; }"))
        #expect(html.contains("page-break-after: always"))
        #expect(html.components(separatedBy: "<section class=\"page\">").count - 1 == 2)
        #expect(html.contains("Trang 1/2") && html.contains("Trang 2/2"))
        #expect(html.components(separatedBy: "Danh sách &lt;đơn vị&gt; &amp; &quot;mô hình&quot;").count - 1 == 3) // title + 2 pages
        #expect(html.components(separatedBy: "<b class=\"demo\">DỮ LIỆU MẪU — không dùng cho báo cáo chính thức</b>").count - 1 == 2)
        #expect(html.contains(" class=\"num\" align=\"right\">Số</th>"))
        #expect(html.contains("<td class=\"num\" align=\"right\">8.000</td>"))
        #expect(html.contains("<td>DỮ LIỆU MẪU</td>"))
        #expect(html.contains("border: 1px solid #000"))
        #expect(!html.contains("landscape"))
    }

    @Test func aWideTablePrintsLandscape() {
        let columns = (1...8).map { TableColumn("Cột số \($0) rất dài", width: 14) }
        let row = TableRow((1...8).map { .text("Giá trị thứ \($0)") })
        let html = PagedPrint.html(DataTable(title: "Rộng", columns: columns, rows: [row]), header: ["Rộng"], lang: .en)
        #expect(html.contains("@page { size: A4 landscape; margin: 15mm; }"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Page 1/1"))
    }

    @Test func anEmptyTableStillPrintsItsPage() {
        let table = DataTable(title: "Mô hình", context: ["Xã A"], columns: [TableColumn("Tên", width: 10)], rows: [])
        let pages = PagedPrint.pages(table, header: [])
        #expect(pages.count == 1)
        #expect(pages[0].first == "Mô hình")
        #expect(pages[0].last == "(không có)")
    }
}
