import DVKCore
@testable import DVKExport
import Foundation
import Testing

@Suite struct CSVWriterTests {
    @Test func plainCSVIsHeaderThenRowsWithCRLFAndQuoting() {
        let text = CSVWriter.text(Fixture.table, excelVi: false)
        #expect(!text.hasPrefix("\u{FEFF}"))
        #expect(text.hasSuffix("\r\n"))
        // Every line break is CRLF: no bare LF.
        #expect(text.replacingOccurrences(of: "\r\n", with: "").contains("\n") == false)
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(Array(lines) == [
            "Đơn vị,Loại,Mô hình HQ,Hài lòng (%),Kinh phí (tỷ đồng),Ngày cập nhật,Nội dung,Ghi chú",
            "Xã Suối Giàng,xã,12,93.5,2.9,2025-12-15,\"Trồng chè Shan tuyết, \"\"sạch\"\"\",",
            "Phường Nghĩa Lộ,phường,2600,,0.25,2025-01-02,\"'=HYPERLINK(\"\"http://x\"\")\",",
            "Đặc khu Phú Quốc,đặc khu,-3,100,12.5,,Mô hình mẫu,DỮ LIỆU MẪU",
        ])
        // No context lines: a CSV file is the table alone.
        #expect(!text.contains("Lào Cai"))
    }

    @Test func excelViUsesSemicolonsDecimalCommasAndVietnameseDates() {
        let lines = CSVWriter.text(Fixture.table, excelVi: true).components(separatedBy: "\r\n").dropLast()
        #expect(Array(lines) == [
            "Đơn vị;Loại;Mô hình HQ;Hài lòng (%);Kinh phí (tỷ đồng);Ngày cập nhật;Nội dung;Ghi chú",
            "Xã Suối Giàng;xã;12;93,5;2,9;15/12/2025;\"Trồng chè Shan tuyết, \"\"sạch\"\"\";",
            "Phường Nghĩa Lộ;phường;2600;;0,25;02/01/2025;\"'=HYPERLINK(\"\"http://x\"\")\";",
            "Đặc khu Phú Quốc;đặc khu;-3;100;12,5;;Mô hình mẫu;DỮ LIỆU MẪU",
        ])
    }

    @Test func formulaLookingTextGetsAnApostropheNumbersDoNot() {
        let table = DataTable(title: "t", columns: [TableColumn("A", width: 5), TableColumn("B", width: 5, alignsRight: true)], rows: [
            TableRow([.text("+84 912 345 678"), .integer(-7)]),
            TableRow([.text("@SUM(A1)"), .decimal(-1.5, places: 1)]),
            TableRow([.text("-2 hộ"), .integer(0)]),
            TableRow([.text("bình thường = ổn"), .integer(1)]),
        ])
        let lines = CSVWriter.text(table, excelVi: false).components(separatedBy: "\r\n")
        #expect(lines[1] == "'+84 912 345 678,-7")
        #expect(lines[2] == "'@SUM(A1),-1.5")
        #expect(lines[3] == "'-2 hộ,0")
        #expect(lines[4] == "bình thường = ổn,1")
    }

    @Test func numbersHaveNoThousandsSeparatorsAndKeepTheirPlaces() {
        #expect(CSVWriter.number(1234567.891, places: 2, trim: false, excelVi: false) == "1234567.89")
        #expect(CSVWriter.number(1234567.891, places: 2, trim: false, excelVi: true) == "1234567,89")
        #expect(CSVWriter.number(92, places: 1, trim: false, excelVi: false) == "92.0")
        #expect(CSVWriter.number(-0.05, places: 1, trim: false, excelVi: false) == "-0.1")
        #expect(CSVWriter.number(93.456, places: 2, trim: true, excelVi: false) == "93.46")
        #expect(CSVWriter.number(.nan, places: 2, trim: true, excelVi: false) == "")
    }

    @Test func writeAddsTheBOMAndLeavesOnlyTheFileMode0600() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("don-vi.csv").path
        try CSVWriter.write(Fixture.table, to: path, excelVi: false)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(bytes.dropFirst(3).elementsEqual(Array(CSVWriter.text(Fixture.table, excelVi: false).utf8)))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["don-vi.csv"])
    }

    @Test func aFolderThatDoesNotExistIsAnErrorInVietnamese() throws {
        let path = "/nonexistent-dvk-folder/x.csv"
        #expect(throws: ExportError.self) { try CSVWriter.write(Fixture.table, to: path, excelVi: false) }
        do {
            try CSVWriter.write(Fixture.table, to: path, excelVi: false)
        } catch let error as ExportError {
            #expect(error.message(.vi).hasPrefix("Không ghi được tệp /nonexistent-dvk-folder/x.csv: "))
            #expect(error.message(.en).hasPrefix("Cannot write the file /nonexistent-dvk-folder/x.csv: "))
        }
    }
}
