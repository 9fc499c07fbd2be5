import DVKCore
import DVKExport
import Foundation
import Testing

/// With DVK_EXPORT_SAMPLES=/some/folder, writes every format of the fixture
/// there, to open by hand or with LibreOffice (nothing is written otherwise).
@Test func writeSampleFilesWhenAsked() throws {
    guard let folder = ProcessInfo.processInfo.environment["DVK_EXPORT_SAMPLES"] else { return }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let base = folder + "/don-vi"
    try XLSXWriter.write([Fixture.table, Fixture.tall(rows: 130, demo: true)], to: base + ".xlsx")
    try CSVWriter.write(Fixture.table, to: base + ".csv", excelVi: false)
    try CSVWriter.write(Fixture.table, to: base + "-excel-vi.csv", excelVi: true)
    let tall = Fixture.tall(rows: 130, demo: true)
    try Data(PagedPrint.html(tall, header: Fixture.header).utf8).write(to: URL(fileURLWithPath: base + "-tall.html"))
    try Data(PagedPrint.html(Fixture.table, header: Fixture.header).utf8).write(to: URL(fileURLWithPath: base + ".html"))
    try Data(PagedPrint.text(tall, header: Fixture.header).utf8).write(to: URL(fileURLWithPath: base + "-tall.txt"))
}
