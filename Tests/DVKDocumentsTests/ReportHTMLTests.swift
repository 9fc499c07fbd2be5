import DVKCore
@testable import DVKDocuments
import Foundation
import Testing

@Suite struct ReportHTMLTests {
    @Test func pageIsPrintReady() {
        let html = ReportHTML.render(sampleReport())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4; margin: 20mm 15mm 20mm 30mm;"))
        #expect(html.contains("Times New Roman"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("border: 1px solid #000"))
        // Self-contained: nothing fetched from elsewhere.
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    }

    @Test func sameTextsInTheSameOrder() {
        let html = ReportHTML.render(sampleReport())
        let expected = [
            "TỈNH ỦY YÊN BÁI", "<div class=\"issuer-last\">BAN DÂN VẬN</div>", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 15-BC/BDVTU",
            "<td class=\"date\">Yên Bái, ngày 15 tháng 12 năm 2023</td>", "<h1 class=\"title\">BÁO CÁO</h1>",
            "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2023",
            "<h2>I. KẾT QUẢ THỰC HIỆN</h2>", "<h3>1. Mô hình theo đơn vị</h3>", "<p class=\"body\">Năm 2023",
            "<thead><tr><th scope=\"col\">TT</th>", "<th scope=\"col\">Ghi chú</th></tr></thead>",
            "<td class=\"num\">1.250</td>", "<td class=\"num\">93,5%</td>", "<td>–</td>",
            "<tr class=\"demo-row\">", "<td class=\"mark\">DỮ LIỆU MẪU</td>",
            "<p class=\"body note\">Số liệu của xã Mẫu", "Nơi nhận:", "- Lưu Văn phòng.",
            "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "<div class=\"signer\">Nguyễn Văn A</div>",
        ]
        var rest = html[...]
        for text in expected {
            guard let r = rest.range(of: text) else {
                Issue.record("\"\(text)\" not found in order")
                return
            }
            rest = rest[r.upperBound...]
        }
    }

    @Test func demoMarkOnEveryPageOnlyForDemo() {
        let demo = ReportHTML.render(sampleReport())
        #expect(demo.contains("<div class=\"demo-watermark\" aria-hidden=\"true\">DỮ LIỆU MẪU</div>"))
        #expect(demo.contains(".demo-watermark { position: fixed;"))
        #expect(demo.contains("DỮ LIỆU MẪU — không dùng cho báo cáo chính thức"))
        var doc = sampleReport(isDemo: false)
        doc.blocks = []
        let real = ReportHTML.render(doc)
        #expect(!real.contains("<div class=\"demo-watermark\""))
        #expect(!real.contains("không dùng cho báo cáo chính thức"))
    }

    @Test func markupIsEscaped() {
        let html = ReportHTML.render(trickyReport())
        let escaped = "A &amp; B &lt;c&gt; &quot;q&quot; &#39;x&#39; &lt;/w:t&gt;"
        #expect(html.components(separatedBy: escaped).count - 1 >= 9)
        #expect(!html.contains("<c>"))
        #expect(html.contains("TỈNH ỦY &lt;X&gt;"))
        #expect(html.contains("<title>BÁO CÁO — \(escaped)</title>"))
    }

    @Test func columnWidthsFollowTheTable() {
        let html = ReportHTML.render(sampleReport())
        // Characters 4, 24, 10, 9, 16 and 18 for "Ghi chú", each 130 twips plus 170 of cell margins.
        #expect(html.contains("<col style=\"width: 5.97%\"><col style=\"width: 28.48%\">"))
        #expect(ReportHTML.format2(7.005) == "7.01" || ReportHTML.format2(7.005) == "7.00")
        #expect(ReportHTML.format2(100) == "100.00")
    }
}
