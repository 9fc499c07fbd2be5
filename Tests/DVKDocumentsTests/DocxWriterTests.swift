import DVKCore
import DVKExport
@testable import DVKDocuments
import Foundation
import Testing

@Suite struct DocxWriterTests {
    @Test func theDocxIsAZipWithEveryPart() throws {
        let docx = try Docx(DocxWriter.data(sampleReport()))
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/_rels/document.xml.rels", "word/footer1.xml", "word/header1.xml",
                     "docProps/core.xml", "docProps/app.xml"] {
            #expect(docx.paths.contains(part), "missing \(part)")
        }
        #expect(docx.paths.first == "[Content_Types].xml")
        // Every part parses, and each one the relationships name exists with a content type.
        for path in docx.paths { _ = try docx.xml(path) }
        let types = try docx.text("[Content_Types].xml")
        let rels = try docx.xml("word/_rels/document.xml.rels").all("Relationship").compactMap { $0.attributes["Target"] }
        for target in rels {
            #expect(docx.paths.contains("word/" + target), "relationship to missing \(target)")
            #expect(types.contains("PartName=\"/word/\(target)\""), "no content type for \(target)")
        }
    }

    @Test func sameReportSameBytes() throws {
        #expect(try DocxWriter.data(sampleReport()) == DocxWriter.data(sampleReport()))
    }

    @Test func textsComeInTheReportsOrder() throws {
        let doc = sampleReport()
        let body = try Docx(DocxWriter.data(doc)).xml("word/document.xml")
        let paragraphs = body.all("w:p").map(\.wordText).filter { !$0.isEmpty }
        let expected = [
            "TỈNH ỦY YÊN BÁI", "BAN DÂN VẬN", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 15-BC/BDVTU",
            "Yên Bái, ngày 15 tháng 12 năm 2023", "BÁO CÁO",
            "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2023", "-----",
            "I. KẾT QUẢ THỰC HIỆN", "1. Mô hình theo đơn vị",
            "Năm 2023, các cấp ủy",
            "TT", "Đơn vị", "Số mô hình", "Tỷ lệ đạt", "Lĩnh vực", "Ghi chú",
            "1", "Huyện Văn Chấn", "1.250", "93,5%", "Kinh tế",
            "2", "Huyện Trạm Tấu", "48", "100,0%", "–",
            "3", "Xã Mẫu", "7", "71,4%", "Văn hóa – xã hội", "DỮ LIỆU MẪU",
            "Số liệu của xã Mẫu", "II. PHƯƠNG HƯỚNG", "Tiếp tục nâng cao",
            "Nơi nhận:", "- Ban Dân vận Trung ương (b/c),", "- Thường trực Tỉnh ủy (b/c),", "- Lưu Văn phòng.",
            "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn A",
        ]
        var index = 0
        for text in expected {
            guard let found = paragraphs[index...].firstIndex(where: { $0.hasPrefix(text) }) else {
                Issue.record("\"\(text)\" not found after paragraph \(index): \(paragraphs[index...].prefix(3))")
                return
            }
            index = found + 1
        }
    }

    @Test func mastheadLooksAsTheFormatSays() throws {
        let body = try Docx(DocxWriter.data(sampleReport())).xml("word/document.xml")
        func run(_ text: String) throws -> XNode {
            try #require(body.all("w:r").first { $0.wordText == text }, "no run \(text)")
        }
        let party = try run(ReportDocument.partyLine)
        #expect(party.first("w:u")?.attributes["w:val"] == "single")
        #expect(party.first("w:b") != nil)
        #expect(party.first("w:sz")?.attributes["w:val"] == "30")
        let date = try run("Yên Bái, ngày 15 tháng 12 năm 2023")
        #expect(date.first("w:i") != nil)
        #expect(date.first("w:b") == nil)
        #expect(try run("TỈNH ỦY YÊN BÁI").first("w:b") == nil)
        #expect(try run("BAN DÂN VẬN").first("w:b") != nil)
        #expect(try run("Số 15-BC/BDVTU").first("w:b") == nil)
        let title = try run("BÁO CÁO")
        #expect(title.first("w:b") != nil)
        #expect(title.first("w:sz")?.attributes["w:val"] == "32")
        // The header block is a borderless table of two equal columns, the issuer in 13 pt
        // (“BAN TUYÊN GIÁO VÀ DÂN VẬN” on one line).
        let masthead = try #require(body.first("w:tbl"))
        #expect(masthead.all("w:gridCol").map { $0.attributes["w:w"] } == ["4677", "4677"])
        #expect(try run("BAN DÂN VẬN").first("w:sz")?.attributes["w:val"] == "26")
        #expect(masthead.first("w:tblBorders")?.children.allSatisfy { $0.attributes["w:val"] == "nil" } == true)
        let paragraphOfTitle = try #require(body.all("w:p").first { $0.wordText == "BÁO CÁO" })
        #expect(paragraphOfTitle.first("w:jc")?.attributes["w:val"] == "center")
    }

    @Test func timesNewRomanEverywhere() throws {
        let docx = try Docx(DocxWriter.data(sampleReport()))
        for part in ["word/document.xml", "word/footer1.xml", "word/header1.xml"] {
            let fonts = try docx.xml(part).all("w:rFonts")
            #expect(!fonts.isEmpty)
            for f in fonts {
                for key in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] {
                    #expect(f.attributes[key] == "Times New Roman", "\(part) \(key)")
                }
            }
            // Every run says its font.
            for r in try docx.xml(part).all("w:r") { #expect(r.first("w:rFonts") != nil) }
        }
        let styles = try docx.xml("word/styles.xml")
        let defaults = try #require(styles.first("w:rPrDefault")?.first("w:rFonts"))
        #expect(defaults.attributes["w:ascii"] == "Times New Roman")
        let normal = try #require(styles.all("w:style").first { $0.attributes["w:styleId"] == "Normal" })
        #expect(normal.first("w:rFonts")?.attributes["w:hAnsi"] == "Times New Roman")
        #expect(normal.first("w:sz")?.attributes["w:val"] == "28")
        #expect(normal.first("w:jc")?.attributes["w:val"] == "both")
    }

    @Test func a4WithThePartysMargins() throws {
        let body = try Docx(DocxWriter.data(sampleReport())).xml("word/document.xml")
        let section = try #require(body.first("w:sectPr"))
        let size = try #require(section.child("w:pgSz"))
        #expect(size.attributes["w:w"] == "11906")
        #expect(size.attributes["w:h"] == "16838")
        let margins = try #require(section.child("w:pgMar"))
        // 20 mm, 15 mm, 20 mm, 30 mm.
        #expect(margins.attributes["w:top"] == "1134")
        #expect(margins.attributes["w:right"] == "851")
        #expect(margins.attributes["w:bottom"] == "1134")
        #expect(margins.attributes["w:left"] == "1701")
        #expect(section.child("w:footerReference") != nil)
        #expect(section.child("w:headerReference") != nil)
    }

    @Test func bodyParagraphsAreJustifiedAndIndented() throws {
        let body = try Docx(DocxWriter.data(sampleReport())).xml("word/document.xml")
        let paragraph = try #require(body.all("w:p").first { $0.wordText.hasPrefix("Năm 2023") })
        #expect(paragraph.first("w:jc")?.attributes["w:val"] == "both")
        #expect(paragraph.first("w:ind")?.attributes["w:firstLine"] == "567")
        #expect(paragraph.first("w:spacing")?.attributes["w:line"] == "288")
        let heading = try #require(body.all("w:p").first { $0.wordText == "I. KẾT QUẢ THỰC HIỆN" })
        #expect(heading.first("w:b") != nil)
        #expect(heading.first("w:ind")?.attributes["w:firstLine"] == "0")
        let note = try #require(body.all("w:p").first { $0.wordText.hasPrefix("Số liệu của xã Mẫu") })
        #expect(note.first("w:i") != nil)
    }

    @Test func dataTableIsARealBorderedTable() throws {
        let body = try Docx(DocxWriter.data(sampleReport())).xml("word/document.xml")
        let tables = body.all("w:tbl")
        #expect(tables.count == 3) // header block, data, closing block
        let data = try #require(tables.first { $0.wordText.contains("Huyện Văn Chấn") })
        let borders = try #require(data.first("w:tblBorders"))
        #expect(borders.children.count == 6)
        #expect(borders.children.allSatisfy { $0.attributes["w:val"] == "single" && $0.attributes["w:color"] == "000000" })
        let widths = data.all("w:gridCol").compactMap { $0.attributes["w:w"].flatMap(Int.init) }
        #expect(widths.count == 6)
        #expect(widths.reduce(0, +) == 11906 - 1701 - 851)
        #expect(widths[1] > widths[2] && widths[2] > widths[0])
        let rows = data.all("w:tr")
        #expect(rows.count == 4)
        #expect(rows[0].first("w:tblHeader") != nil)
        #expect(rows.dropFirst().allSatisfy { $0.first("w:tblHeader") == nil })
        #expect(rows[0].all("w:r").allSatisfy { $0.first("w:b") != nil })
        #expect(rows[0].all("w:jc").allSatisfy { $0.attributes["w:val"] == "center" })
        func cell(_ row: Int, _ column: Int) -> XNode { rows[row].all("w:tc")[column] }
        #expect(cell(1, 2).wordText == "1.250")
        #expect(cell(1, 2).first("w:jc")?.attributes["w:val"] == "right")
        #expect(cell(1, 1).first("w:jc")?.attributes["w:val"] == "left")
        #expect(cell(2, 4).wordText == "–")
        #expect(cell(1, 5).wordText == "")
        #expect(cell(3, 5).wordText == "DỮ LIỆU MẪU")
        #expect(cell(1, 1).first("w:sz")?.attributes["w:val"] == "26")
    }

    @Test func noDemoNoDemoColumnNoDemoHeader() throws {
        var doc = sampleReport(isDemo: false)
        doc.blocks = doc.blocks.map { block in
            guard case var .table(t) = block else { return block }
            t.rows = t.rows.map { var r = $0; r.isDemo = false; return r }
            return .table(t)
        }
        let docx = try Docx(DocxWriter.data(doc))
        #expect(!docx.paths.contains("word/header1.xml"))
        #expect(try !docx.text("[Content_Types].xml").contains("header1"))
        let body = try docx.xml("word/document.xml")
        #expect(body.first("w:headerReference") == nil)
        #expect(!body.wordText.contains("Ghi chú"))
        #expect(!body.wordText.contains("DỮ LIỆU MẪU"))
    }

    @Test func demoHeaderOnEveryPageAndPageNumberInTheFooter() throws {
        let docx = try Docx(DocxWriter.data(sampleReport()))
        let header = try docx.xml("word/header1.xml")
        #expect(header.wordText == "DỮ LIỆU MẪU — không dùng cho báo cáo chính thức")
        #expect(header.first("w:b") != nil)
        #expect(header.first("w:jc")?.attributes["w:val"] == "center")
        let footer = try docx.xml("word/footer1.xml")
        #expect(footer.first("w:instrText")?.text.trimmingCharacters(in: .whitespaces) == "PAGE")
        #expect(footer.first("w:jc")?.attributes["w:val"] == "center")
    }

    @Test func closingBlockHasRecipientsAndRoomToSign() throws {
        let body = try Docx(DocxWriter.data(sampleReport())).xml("word/document.xml")
        let closing = try #require(body.all("w:tbl").last)
        let cells = closing.all("w:tc")
        #expect(cells.count == 2)
        let title = try #require(cells[0].all("w:r").first { $0.wordText == "Nơi nhận:" })
        #expect(title.first("w:b") != nil && title.first("w:i") != nil && title.first("w:u") != nil)
        #expect(title.first("w:sz")?.attributes["w:val"] == "24")
        let right = cells[1].all("w:p")
        #expect(right.map(\.wordText) == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "", "", "", "", "Nguyễn Văn A"])
        #expect(right.allSatisfy { $0.first("w:jc")?.attributes["w:val"] == "center" })
    }

    @Test func emptySignerNameLeavesTheLineBlank() throws {
        var doc = sampleReport()
        doc.signature = Signature(authority: ["TRƯỞNG BAN"], name: "")
        let body = try Docx(DocxWriter.data(doc)).xml("word/document.xml")
        let right = try #require(body.all("w:tbl").last?.all("w:tc").last)
        #expect(right.all("w:p").map(\.wordText) == ["TRƯỞNG BAN", "", "", "", "", ""])
    }

    @Test func markupCharactersAreEscapedAndRoundTrip() throws {
        let doc = trickyReport()
        let docx = try Docx(DocxWriter.data(doc))
        let raw = try docx.text("word/document.xml")
        #expect(raw.contains("A &amp; B &lt;c&gt; &quot;q&quot; &#39;x&#39; &lt;/w:t&gt;"))
        #expect(!raw.contains("<c>"))
        let body = try docx.xml("word/document.xml")
        let texts = body.all("w:p").map(\.wordText)
        let t = "A & B <c> \"q\" 'x' </w:t>"
        // Subject, heading, paragraph, note, column title, cell, recipient, authority, name.
        #expect(texts.filter { $0 == t }.count == 9)
        #expect(texts.contains("TỈNH ỦY <X>"))
        #expect(texts.contains("Nơi 'đây' & <kia>"))
        let core = try docx.xml("docProps/core.xml")
        #expect(core.first("dc:title")?.text == t)
    }

    @Test func controlCharactersAreDroppedAndTextIsNFC() throws {
        var doc = sampleReport()
        doc.blocks = [.paragraph("Ti\u{0065}\u{0302}\u{0301}n\u{0001} b\u{0110}"), .paragraph("dòng 1\ndòng 2")]
        let body = try Docx(DocxWriter.data(doc)).xml("word/document.xml")
        let texts = body.all("w:p").map(\.wordText)
        #expect(texts.contains("Tiến bĐ"))
        let lines = try #require(body.all("w:p").first { $0.wordText.hasPrefix("dòng 1") })
        #expect(lines.first("w:br") != nil)
        #expect(lines.wordText == "dòng 1dòng 2")
    }

    @Test func documentPropertiesNameTheSubject() throws {
        let core = try Docx(DocxWriter.data(sampleReport())).xml("docProps/core.xml")
        #expect(core.first("dc:title")?.text == "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2023")
        #expect(core.first("dc:creator")?.text == "dvk")
    }

    @Test func writtenFileIsOwnerOnlyAndReplacesTheOldOne() throws {
        let path = temporaryPath("báo cáo.docx")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try #require(FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
        try DocxWriter.write(sampleReport(), to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(FileManager.default.contents(atPath: path) == (try DocxWriter.data(sampleReport())))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["báo cáo.docx"])
    }

    @Test func writingIntoAMissingFolderSaysWhere() {
        let path = "/nonexistent-dvk-folder/x.docx"
        #expect(throws: ExportError.cannotWrite(path: path, code: ENOENT)) { try DocxWriter.write(sampleReport(), to: path) }
    }

    /// A signed copy (mode 0444) is never replaced, not even by root.
    @Test func aReadOnlyFileThereIsLeftAsItIs() throws {
        let path = temporaryPath("đã ký.docx")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try #require(FileManager.default.createFile(atPath: path, contents: Data("signed".utf8), attributes: [.posixPermissions: 0o444]))
        #expect(throws: ExportError.cannotWrite(path: path, code: EACCES)) { try DocxWriter.write(sampleReport(), to: path) }
        #expect(FileManager.default.contents(atPath: path) == Data("signed".utf8))
        #expect(ExportError.cannotWrite(path: path, code: EACCES).message(.vi).contains("không có quyền ghi (tệp chỉ đọc"))
    }

    /// `DVK_KEEP_SAMPLE=1 swift test --filter DVKDocumentsTests` leaves the
    /// sample report in /tmp to open, print or check (scripts/check-docx.py).
    @Test func keepsASampleWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["DVK_KEEP_SAMPLE"] == "1" else { return }
        try DocxWriter.write(sampleReport(), to: "/tmp/dvk-docs-sample.docx")
        try Data(ReportHTML.render(sampleReport()).utf8).write(to: URL(fileURLWithPath: "/tmp/dvk-docs-sample.html"))
        // Three pages: the header row and the demo header repeat, pages are numbered.
        var long = sampleReport()
        long.blocks = long.blocks.map { block in
            guard case var .table(t) = block else { return block }
            t.rows = (1 ... 60).map { i in
                TableRow([.integer(i), .text("Xã số \(i)"), .integer(i * 7), .percent(Double(i % 10) * 10), .text("Kinh tế")],
                         isDemo: i % 4 == 0)
            }
            return .table(t)
        }
        try DocxWriter.write(long, to: "/tmp/dvk-docs-long.docx")
    }
}
