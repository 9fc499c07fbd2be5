import DVKCore
@testable import DVKExport
import Foundation
import Testing

/// Reads a workbook back with openpyxl (Debian's python3-openpyxl, for
/// /usr/bin/python3) through scripts/check-xlsx.py.
struct Workbook {
    struct Sheet {
        var info: [String: Any]
        var rows: [[[String: Any]]]
        func cell(_ row: Int, _ col: Int) -> [String: Any] { rows[row - 1][col - 1] }
    }
    var sheets: [Sheet] = []

    init(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Fixture.packageRoot.appendingPathComponent("scripts/check-xlsx.py").path, path, "--formats"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ExportError.xlsx("check-xlsx.py exited \(process.terminationStatus): \(problem)")
        }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8))
            if let info = json as? [String: Any] {
                sheets.append(Sheet(info: info, rows: []))
            } else if let row = json as? [[String: Any]] {
                sheets[sheets.count - 1].rows.append(row)
            }
        }
    }
}

@Suite struct XLSXWriterTests {
    @Test func typedCellsFormatsBoldHeaderAndFrozenPanesReadBack() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("báo cáo.xlsx").path
        try XLSXWriter.write([Fixture.table], to: path)

        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["báo cáo.xlsx"])

        let book = try Workbook(path)
        #expect(book.sheets.count == 1)
        let s = try #require(book.sheets.first)
        #expect(s.info["sheet"] as? String == "Đơn vị")
        // Two context lines, a blank row, the header on row 4: frozen below it.
        #expect(s.info["freeze"] as? String == "A5")
        #expect(s.info["autofilter"] as? String == "A4:H7")

        #expect(s.cell(1, 1)["v"] as? String == "Tỉnh Lào Cai — năm 2025")
        #expect(s.cell(1, 1)["bold"] as? Bool == true)
        #expect(s.cell(2, 1)["bold"] as? Bool == false)
        #expect(s.cell(3, 1)["type"] as? String == "null")

        let header = s.rows[3].map { $0["v"] as? String }
        #expect(header == ["Đơn vị", "Loại", "Mô hình HQ", "Hài lòng", "Kinh phí (tỷ đồng)", "Ngày cập nhật", "Nội dung", "Ghi chú"])
        #expect(s.rows[3].allSatisfy { $0["bold"] as? Bool == true })

        // Row 5: Xã Suối Giàng.
        #expect(s.cell(5, 1)["v"] as? String == "Xã Suối Giàng")
        #expect(s.cell(5, 3)["type"] as? String == "int")
        #expect(s.cell(5, 3)["v"] as? Int == 12)
        #expect(s.cell(5, 3)["fmt"] as? String == "#,##0")
        #expect(s.cell(5, 4)["type"] as? String == "float")
        #expect(s.cell(5, 4)["v"] as? Double == 0.935)
        #expect(s.cell(5, 4)["fmt"] as? String == "0.0%")
        #expect(s.cell(5, 5)["v"] as? Double == 2.9)
        #expect(s.cell(5, 5)["fmt"] as? String == "#,##0.0")
        #expect(s.cell(5, 6)["type"] as? String == "date")
        #expect(s.cell(5, 6)["v"] as? String == "2025-12-15")
        #expect(s.cell(5, 6)["fmt"] as? String == "dd/mm/yyyy")
        #expect(s.cell(5, 7)["v"] as? String == "Trồng chè Shan tuyết, \"sạch\"")
        #expect(s.cell(5, 8)["type"] as? String == "null")

        // Row 6: 2600 stays a number; the empty percent is blank; "=…" is text, not a formula.
        #expect(s.cell(6, 3)["v"] as? Int == 2600)
        #expect(s.cell(6, 4)["type"] as? String == "null")
        #expect(s.cell(6, 5)["fmt"] as? String == "#,##0.00")
        #expect(s.cell(6, 7)["v"] as? String == "=HYPERLINK(\"http://x\")")
        #expect(s.cell(6, 7)["dt"] as? String == "s")

        // Row 7: the demo row is marked.
        #expect(s.cell(7, 3)["v"] as? Int == -3)
        #expect(s.cell(7, 4)["v"] as? Int == 1)
        #expect(s.cell(7, 8)["v"] as? String == "DỮ LIỆU MẪU")
    }

    @Test func sheetNamesAreCutCleanedAndUnique() throws {
        let names = XLSXWriter.sheetNames([
            "Đơn vị", "đơn vị", "Mô hình [2025]: xã/phường *?", "Danh sách các mô hình dân vận khéo cấp xã năm 2025",
            "Danh sách các mô hình dân vận khéo cấp xã năm 2025", "", "History", "'Trích'",
        ], lang: .vi)
        #expect(names == [
            "Đơn vị", "đơn vị (2)", "Mô hình -2025-- xã-phường --", "Danh sách các mô hình dân vận k",
            "Danh sách các mô hình dân v (2)", "Bảng", "History 1", "Trích",
        ])
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
        // NFD input is cut as NFC: 31 letters, not 31 scalars.
        let nfd = String(repeating: "ế", count: 40).decomposedStringWithCanonicalMapping
        #expect(XLSXWriter.sheetNames([nfd], lang: .vi) == [String(repeating: "ế", count: 31)])
    }

    @Test func severalTablesBecomeSeveralSheets() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("two.xlsx").path
        let noContext = DataTable(title: "Đơn vị", columns: [TableColumn("Tên", width: 10)], rows: [TableRow([.text("Xã A")])])
        try XLSXWriter.write([Fixture.table, noContext, Fixture.tall(rows: 3)], to: path)
        let book = try Workbook(path)
        #expect(book.sheets.map { $0.info["sheet"] as? String } == ["Đơn vị", "Đơn vị (2)", "Mô hình"])
        // No context: the header is row 1.
        #expect(book.sheets[1].info["freeze"] as? String == "A2")
        #expect(book.sheets[1].cell(1, 1)["bold"] as? Bool == true)
        #expect(book.sheets[2].cell(4, 2)["v"] as? Int == 300)
    }

    @Test func writingOverAnExistingFileReplacesIt() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try XLSXWriter.write([Fixture.tall(rows: 2)], to: path)
        #expect(try Workbook(path).sheets.first?.info["sheet"] as? String == "Mô hình")
    }

    @Test func libraryAndFileErrorsAreThrownAndLeaveNothing() throws {
        #expect(throws: ExportError.nothingToExport) { try XLSXWriter.write([], to: "/tmp/never.xlsx") }
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Excel's limit on a string: libxlsxwriter refuses it and says why.
        let huge = DataTable(title: "x", columns: [TableColumn("a", width: 5)], rows: [TableRow([.text(String(repeating: "a", count: 40_000))])])
        let path = dir.appendingPathComponent("huge.xlsx").path
        do {
            try XLSXWriter.write([huge], to: path)
            Issue.record("expected an error")
        } catch let ExportError.xlsx(message) {
            #expect(message.lowercased().contains("string"))
            #expect(ExportError.xlsx(message).message(.vi).hasPrefix("Không tạo được tệp Excel: "))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        #expect(throws: ExportError.self) { try XLSXWriter.write([huge], to: "/nonexistent-dvk/x.xlsx") }
    }
}
