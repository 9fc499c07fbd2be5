import DVKCore
import Foundation

/// A list as the dashboard hands it over: Vietnamese names with diacritics,
/// counts, a percentage, money in billions, a date, an empty cell, a demo row,
/// text with a comma and quotes, and text that looks like a formula.
enum Fixture {
    static let day = Day(year: 2025, month: 12, day: 15)!

    static let columns = [
        TableColumn("Đơn vị", width: 20),
        TableColumn("Loại", width: 7),
        TableColumn("Mô hình HQ", width: 6, alignsRight: true),
        TableColumn("Hài lòng", width: 6, alignsRight: true),
        TableColumn("Kinh phí (tỷ đồng)", width: 6, alignsRight: true),
        TableColumn("Ngày cập nhật", width: 10),
        TableColumn("Nội dung", width: 24),
    ]

    static let table = DataTable(
        title: "Đơn vị",
        context: ["Tỉnh Lào Cai — năm 2025", "Địa giới hiện nay · Số liệu đến ngày 15/12/2025"],
        columns: columns,
        rows: [
            TableRow([.text("Xã Suối Giàng"), .text("xã"), .integer(12), .percent(93.5), .decimal(2.9, places: 1),
                      .date(day), .text("Trồng chè Shan tuyết, \"sạch\"")]),
            TableRow([.text("Phường Nghĩa Lộ"), .text("phường"), .integer(2600), .empty, .decimal(0.25, places: 2),
                      .date(Day(year: 2025, month: 1, day: 2)!), .text("=HYPERLINK(\"http://x\")")]),
            TableRow([.text("Đặc khu Phú Quốc"), .text("đặc khu"), .integer(-3), .percent(100), .decimal(12.5, places: 1),
                      .empty, .text("Mô hình mẫu")], isDemo: true),
        ])

    static func tall(rows: Int, demo: Bool = false) -> DataTable {
        DataTable(
            title: "Mô hình",
            columns: [TableColumn("Đơn vị", width: 20), TableColumn("Số", width: 5, alignsRight: true)],
            rows: (1...rows).map { TableRow([.text("Xã số \($0)"), .integer($0 * 100)], isDemo: demo && $0 == 1) })
    }

    static let header = ["Danh sách đơn vị", "Tỉnh Lào Cai — năm 2025", "Số liệu đến ngày 15/12/2025"]

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dvk-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
