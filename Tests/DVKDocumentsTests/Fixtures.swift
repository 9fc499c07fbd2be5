import DVKCore
@testable import DVKDocuments
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A report as a Ban Dân vận would send it, with one demo row.
func sampleReport(isDemo: Bool = true) -> ReportDocument {
    let table = DataTable(
        title: "Mô hình",
        columns: [
            TableColumn("TT", width: 4, alignsRight: true),
            TableColumn("Đơn vị", width: 24),
            TableColumn("Số mô hình", width: 10, alignsRight: true),
            TableColumn("Tỷ lệ đạt", width: 9, alignsRight: true),
            TableColumn("Lĩnh vực", width: 16),
        ],
        rows: [
            TableRow([.integer(1), .text("Huyện Văn Chấn"), .integer(1_250), .percent(93.5), .text("Kinh tế")]),
            TableRow([.integer(2), .text("Huyện Trạm Tấu"), .integer(48), .percent(100), .empty]),
            TableRow([.integer(3), .text("Xã Mẫu"), .integer(7), .percent(71.4), .text("Văn hóa – xã hội")], isDemo: true),
        ])
    return ReportDocument(
        issuer: ["TỈNH ỦY YÊN BÁI", "BAN DÂN VẬN"],
        number: "Số 15-BC/BDVTU",
        placeAndDate: "Yên Bái, ngày 15 tháng 12 năm 2023",
        subject: "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2023",
        blocks: [
            .heading("I. KẾT QUẢ THỰC HIỆN"),
            .subheading("1. Mô hình theo đơn vị"),
            .paragraph("Năm 2023, các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong tỉnh tiếp tục quán triệt, triển khai thực hiện phong trào thi đua “Dân vận khéo” gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; toàn tỉnh đã xây dựng, công nhận nhiều mô hình, điển hình “Dân vận khéo” trên các lĩnh vực."),
            .table(table),
            .note("Số liệu của xã Mẫu là dữ liệu mẫu, không dùng để tổng hợp."),
            .heading("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
            .paragraph("Tiếp tục nâng cao chất lượng phong trào thi đua “Dân vận khéo”, tập trung vào các nhiệm vụ trọng tâm, khâu đột phá của tỉnh."),
        ],
        recipients: ["- Ban Dân vận Trung ương (b/c),", "- Thường trực Tỉnh ủy (b/c),", "- Lưu Văn phòng."],
        signature: Signature(authority: ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"], name: "Nguyễn Văn A"),
        isDemo: isDemo)
}

/// A report whose every text carries the characters markup cares about.
func trickyReport() -> ReportDocument {
    let t = "A & B <c> \"q\" 'x' </w:t>"
    return ReportDocument(
        issuer: ["TỈNH ỦY <X>", "BAN & CO"], number: "Số 1-BC/\"A\"", placeAndDate: "Nơi 'đây' & <kia>",
        subject: t, blocks: [.heading(t), .paragraph(t), .note(t),
                             .table(DataTable(title: t, columns: [TableColumn(t, width: 10)], rows: [TableRow([.text(t)], isDemo: true)]))],
        recipients: [t], signature: Signature(authority: [t], name: t), isDemo: true)
}

// MARK: - Reading a .docx back

struct Docx {
    let archive: Archive

    init(_ data: Data) throws {
        archive = try Archive(data: data, accessMode: .read)
    }

    var paths: [String] { archive.map(\.path) }

    func text(_ path: String) throws -> String {
        guard let entry = archive[path] else { throw TestFailure("no part \(path)") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        guard let s = String(data: data, encoding: .utf8) else { throw TestFailure("\(path) is not UTF-8") }
        return s
    }

    func xml(_ path: String) throws -> XNode { try XNode.parse(Data(text(path).utf8)) }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// A small element tree from Foundation's XMLParser: names keep their prefix
/// ("w:p"), as the parts spell them.
final class XNode {
    let name: String
    let attributes: [String: String]
    var children: [XNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    static func parse(_ data: Data) throws -> XNode {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw TestFailure("not well-formed XML: \(parser.parserError.map { String(describing: $0) } ?? "?")")
        }
        return root
    }

    /// Every element below (and including) this one, in document order.
    var all: [XNode] { [self] + children.flatMap(\.all) }
    func all(_ name: String) -> [XNode] { all.filter { $0.name == name } }
    func first(_ name: String) -> XNode? { all.first { $0.name == name } }
    func child(_ name: String) -> XNode? { children.first { $0.name == name } }

    /// The text of the `w:t` elements below, joined.
    var wordText: String { all("w:t").map(\.text).joined() }

    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XNode] = []
        var root: XNode?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XNode(name: qualifiedName ?? name, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

/// Runs a tool and returns its standard output (and exit status).
func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func temporaryPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dvk-docs-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
}
