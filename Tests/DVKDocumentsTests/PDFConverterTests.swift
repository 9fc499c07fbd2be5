import DVKCore
@testable import DVKDocuments
import Foundation
import Testing

@Suite struct PDFConverterTests {
    /// A real conversion: the CI machine and this one have LibreOffice and
    /// poppler-utils, so a missing soffice is a failure here, not a skip.
    @Test(.timeLimit(.minutes(3))) func convertsToAnA4PDF() throws {
        let soffice = PDFConverter.sofficePath()
        try #require(soffice != nil, "LibreOffice (soffice) is needed for this test: apt-get install libreoffice-writer-nogui")
        let docx = temporaryPath("báo cáo 15.docx")
        let folder = (docx as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DocxWriter.write(sampleReport(), to: docx)
        let pdf = folder + "/báo cáo 15.pdf"
        try PDFConverter.convert(docx: docx, to: pdf)

        let data = try #require(FileManager.default.contents(atPath: pdf))
        #expect(data.starts(with: Data("%PDF".utf8)))
        let attributes = try FileManager.default.attributesOfItem(atPath: pdf)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let info = try run("/usr/bin/pdfinfo", [pdf])
        #expect(info.status == 0)
        let size = info.output.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        // 595.3 x 841.9 pt = 210 x 297 mm.
        #expect(size.contains(" 595.") && size.contains(" x 841.") && size.hasSuffix("pts (A4)"), "\(info.output)")
        // The text survives with its diacritics, the header on each page.
        let text = try run("/usr/bin/pdftotext", ["-layout", pdf, "-"]).output
        for s in ["ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "Yên Bái, ngày 15 tháng 12 năm 2023", "Huyện Văn Chấn",
                  "Nguyễn Văn A", "DỮ LIỆU MẪU — không dùng cho báo cáo chính thức"] {
            #expect(text.contains(s), "PDF text lacks \(s)")
        }
        // Only the PDF is left next to the .docx: the profile and the work folder are gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["báo cáo 15.docx", "báo cáo 15.pdf"])
    }

    @Test(.timeLimit(.minutes(3))) func writesAReportStraightToPDF() throws {
        try #require(PDFConverter.sofficePath() != nil, "LibreOffice (soffice) is needed for this test")
        let pdf = temporaryPath("report.pdf")
        defer { try? FileManager.default.removeItem(atPath: (pdf as NSString).deletingLastPathComponent) }
        try PDFConverter.write(sampleReport(isDemo: false), to: pdf)
        #expect(FileManager.default.contents(atPath: pdf)?.starts(with: Data("%PDF".utf8)) == true)
    }

    @Test func missingInputIsNamed() throws {
        try #require(PDFConverter.sofficePath() != nil, "LibreOffice (soffice) is needed for this test")
        #expect(throws: DocumentError.inputMissing(path: "/nonexistent/x.docx")) {
            try PDFConverter.convert(docx: "/nonexistent/x.docx", to: "/tmp/never.pdf")
        }
    }

    @Test func findsSofficeOnThePathOrNotAtAll() throws {
        #expect(PDFConverter.findSoffice(path: "/nonexistent:/also-not", fallbacks: []) == nil)
        #expect(PDFConverter.findSoffice(path: nil, fallbacks: ["/nonexistent/soffice"]) == nil)
        // A directory named soffice is not a program.
        let dir = temporaryPath("bin")
        try FileManager.default.createDirectory(atPath: dir + "/soffice", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        #expect(PDFConverter.findSoffice(path: dir, fallbacks: []) == nil)
        let fake = dir + "/other/soffice"
        try FileManager.default.createDirectory(atPath: dir + "/other", withIntermediateDirectories: true)
        try #require(FileManager.default.createFile(atPath: fake, contents: Data("#!/bin/sh\nexit 3\n".utf8), attributes: [.posixPermissions: 0o700]))
        #expect(PDFConverter.findSoffice(path: dir + ":" + dir + "/other", fallbacks: []) == fake)
    }

    @Test func aConverterThatGivesNoPDFFails() throws {
        let dir = temporaryPath("bin")
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let fake = dir + "/soffice"
        try #require(FileManager.default.createFile(atPath: fake, contents: Data("#!/bin/sh\necho broken >&2\nexit 3\n".utf8),
                                       attributes: [.posixPermissions: 0o700]))
        let docx = dir + ".docx"
        try DocxWriter.write(sampleReport(), to: docx)
        defer { try? FileManager.default.removeItem(atPath: docx) }
        #expect(throws: DocumentError.conversionFailed("soffice exit 3: broken")) {
            try PDFConverter.convert(docx: docx, to: dir + "/x.pdf", soffice: fake, timeout: 30)
        }
    }

    @Test func aHangingConverterIsStopped() throws {
        let dir = temporaryPath("bin")
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let fake = dir + "/soffice"
        try #require(FileManager.default.createFile(atPath: fake, contents: Data("#!/bin/sh\nexec sleep 30\n".utf8),
                                       attributes: [.posixPermissions: 0o700]))
        let docx = dir + ".docx"
        try DocxWriter.write(sampleReport(), to: docx)
        defer { try? FileManager.default.removeItem(atPath: docx) }
        let start = Date()
        #expect(throws: DocumentError.timedOut(seconds: 1)) {
            try PDFConverter.convert(docx: docx, to: dir + "/x.pdf", soffice: fake, timeout: 1)
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func messagesInBothLanguages() {
        #expect(DocumentError.converterMissing.message(.vi)
            == "Không tìm thấy LibreOffice (soffice) để chuyển sang PDF: cài gói libreoffice-writer-nogui, hoặc xuất .docx / .html rồi in từ đó.")
        let all: [DocumentError] = [.converterMissing, .conversionFailed("x"), .timedOut(seconds: 120),
                                    .inputMissing(path: "/a"), .writeFailed(path: "/b"), .archiveFailed("y")]
        for e in all {
            #expect(!e.message(.vi).isEmpty && !e.message(.en).isEmpty && e.message(.vi) != e.message(.en))
        }
        #expect(DocumentError.writeFailed(path: "/b/c.docx").message(.vi).contains("/b/c.docx"))
    }
}
