import DVKCore
import Foundation
import Testing
@testable import DVKStore

/// Issue 7: values that used to trap the importer, or import cleanly and
/// then trap every command, are refused with file, line and column.
extension ImportTests {
    @Test func hugeFundsAreAFieldErrorWithTheRange() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv", Self.set("funds_vnd", "99999999999 tỷ"))
        try expectImportFails("models.csv", line: line, folder: folder,
                              messageContains: ["cột funds_vnd", "“99999999999 tỷ” nằm ngoài phạm vi cho phép: từ 0 đến 1.000.000.000.000.000"])
    }

    @Test func hugePercentIsRefusedNotTrapped() throws {
        let (folder, line) = try Self.brokenSeeds("surveys.csv", pick: 20, Self.set("percent", "99999999999999999999"))
        try expectImportFails("surveys.csv", line: line, folder: folder, messageContains: ["cột percent", "nằm ngoài phạm vi"])
    }

    @Test func hugeThresholdIsRefused() throws {
        let (folder, line) = try Self.brokenSeeds("targets.csv", pick: 1) { header, cells in
            cells[header.firstIndex(of: "metric")!] = "effectiveModelsPerUnit"
            cells[header.firstIndex(of: "threshold")!] = "99999999999999999999"
        }
        try expectImportFails("targets.csv", line: line, folder: folder, messageContains: ["nằm ngoài phạm vi"])
    }

    @Test(arguments: ["0001-01-01", "31/12/1999", "9999-12-31"])
    func dataAsOfOutsideTheYearsDvkAcceptsIsRefused(value: String) throws {
        // The second row is data_as_of itself: no other setting is replaced (a duplicate would be refused first).
        let (folder, line) = try Self.brokenSeeds("settings.csv", pick: 2) { header, cells in
            cells[header.firstIndex(of: "key")!] = "data_as_of"
            cells[header.firstIndex(of: "value")!] = value
        }
        try expectImportFails("settings.csv", line: line, folder: folder, messageContains: ["cột value", "không hợp lệ: phải từ 2000"])
    }

    @Test func duplicateSurveyInOneFileNamesBothLines() throws {
        let (folder, line) = try Self.duplicatedRow("surveys.csv")
        try expectImportFails("surveys.csv", line: line, folder: folder, messageContains: ["đã có khảo sát của đơn vị này", "ở dòng \(line - 1)"])
    }

    @Test func duplicatePlanInOneFileIsAnError() throws {
        let (folder, line) = try Self.duplicatedRow("plans.csv")
        try expectImportFails("plans.csv", line: line, folder: folder, messageContains: ["đã có kế hoạch của đơn vị này", "ở dòng \(line - 1)"])
    }

    @Test func duplicateRecognitionIsNotInsertedTwice() throws {
        let (folder, line) = try Self.duplicatedRow("recognitions.csv")
        try expectImportFails("recognitions.csv", line: line, folder: folder, messageContains: ["công nhận này đã có ở dòng \(line - 1)"])
    }

    @Test func duplicateTargetIsAnError() throws {
        let (folder, line) = try Self.duplicatedRow("targets.csv")
        try expectImportFails("targets.csv", line: line, folder: folder, messageContains: ["bị trùng (đã có ở dòng \(line - 1))"])
    }

    @Test func mergerCycleIsRefused() throws {
        let dir = try Fixture.tempDir("dvk-cycle")
        defer { Fixture.removeTree(dir) }
        try """
        ref,name,kind,parent_ref,valid_to,merged_into_ref
        P,Tỉnh Thử,province,,,
        A,Xã A,commune,P,30/06/2025,B
        B,Xã B,commune,P,30/06/2025,A
        """.write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        let db = try AppDatabase.inMemory()
        let error = #expect(throws: StoreError.self) { try db.importFolder(dir) }
        #expect(error?.message(.vi).contains("vòng lặp sáp nhập") == true, "\(String(describing: error))")
        #expect(try db.count(.unit) == 0)
    }

    @Test func unclosedQuoteReportsItsLine() throws {
        let dir = try Fixture.tempDir("dvk-quote")
        defer { Fixture.removeTree(dir) }
        try "ref,name,kind\nP,Tỉnh Thử,province\nA,\"Xã A,commune\nB,Xã B,commune\n"
            .write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        let error = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(dir) }
        #expect(error?.message(.vi).hasPrefix("units.csv, dòng 3: ") == true, "\(String(describing: error))")
    }

    @Test func nulAndUTF16AreNamedNotMisread() throws {
        let dir = try Fixture.tempDir("dvk-bytes")
        defer { Fixture.removeTree(dir) }
        let url = dir.appendingPathComponent("units.csv")
        try Data("ref,name,kind\nP,Tỉnh\u{0} Thử,province\n".utf8).write(to: url)
        var error = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(dir) }
        #expect(error?.message(.vi) == "units.csv, dòng 2: có ký tự NUL (byte 0): không phải tệp CSV văn bản")
        try (Data([0xFF, 0xFE]) + "ref,name,kind\n".data(using: .utf16LittleEndian)!).write(to: url)
        error = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(dir) }
        #expect(error?.message(.vi).contains("UTF-16") == true)
    }

    @Test func aOneMegabyteFieldIsRefusedAtOnce() throws {
        let (folder, line) = try Self.brokenSeeds("units.csv", pick: 5, Self.set("name", "Xã " + String(repeating: "Suối Giàng ", count: 100_000)))
        try expectImportFails("units.csv", line: line, folder: folder, messageContains: ["cột name: quá dài"])
    }

    @Test func aUnitNameOverTheLimitIsTooLong() throws {
        let (folder, line) = try Self.brokenSeeds("units.csv", pick: 5, Self.set("name", "Xã " + String(repeating: "Suối Giàng ", count: 30)))
        try expectImportFails("units.csv", line: line, folder: folder, messageContains: ["Quá dài: tối đa 200 ký tự."])
    }

    /// Found by the import fuzzer: an unclosed quote in a row's last cell
    /// swallowed the rest of the file, and the message echoed all of it.
    @Test func aMessageQuotesAValueOnOneShortLine() throws {
        let (folder, line) = try Self.brokenSeeds("plans.csv", pick: 1) { _, cells in cells[cells.count - 1] = "\"1" }
        defer { Fixture.removeTree(folder.deletingLastPathComponent()) }
        let error = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(folder) }
        let message = error?.message(.vi) ?? ""
        #expect(message.hasPrefix("plans.csv, dòng \(line): "), "\(message)")
        #expect(!message.contains("\n"))
        #expect(message.count < 200, "\(message)")
    }

    /// A copy of the seeds where the first plain data row of `file` appears twice.
    static func duplicatedRow(_ file: String) throws -> (URL, Int) {
        let dir = try Fixture.tempDir("dvk-dup-seeds")
        let folder = dir.appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: Fixture.seedsFolder, to: folder)
        let url = folder.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let i = try #require((1..<lines.count).first { !lines[$0].isEmpty && !lines[$0].contains("\"") && !lines[0].contains("\"") })
        lines.insert(lines[i], at: i + 1)
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return (folder, i + 2)
    }
    // MARK: Review findings (issue 7, imports)

    /// A copy of the seeds with `file`'s lines changed by `edit` (line 1 is `lines[0]`).
    static func editedSeeds(_ file: String, _ edit: (inout [String]) throws -> Void) throws -> URL {
        let dir = try Fixture.tempDir("dvk-edited-seeds")
        let folder = dir.appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: Fixture.seedsFolder, to: folder)
        let url = folder.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        try edit(&lines)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return folder
    }

    /// The stray quote used to be paired with the next quoted cell, and the
    /// message named the end of the file (models.csv, dòng 366).
    @Test func anUnclosedQuoteNamesTheLineWhereItOpens() throws {
        let folder = try Self.editedSeeds("models.csv") { lines in
            let i = try #require(lines[4].range(of: ",politicalSystem,"))
            lines[4].replaceSubrange(i, with: ",\"Unclosed title,politicalSystem,")
            #expect(lines[4].filter { $0 == "\"" }.count % 2 == 1)
        }
        try expectImportFails("models.csv", line: 5, folder: folder,
                              messageContains: ["dấu ngoặc kép (\") mở ở dòng này không đóng"])
    }

    @Test func unclosedQuoteLineIsTheFirstLineWithAnOddCount() {
        #expect(CSVTable.unclosedQuoteLine("a,b\n\"x\",y\nz,\"open\nq,\"w\"\nr,\"s\"\n") == 3)
        #expect(CSVTable.unclosedQuoteLine("a,b\r\nc,\"d\r\n") == 2)
        #expect(CSVTable.unclosedQuoteLine("a,\"b\"\n") == nil)
    }

    @Test func anAwardListedTwiceIsAnError() throws {
        let (folder, line) = try Self.duplicatedRow("awards.csv")
        try expectImportFails("awards.csv", line: line, folder: folder,
                              messageContains: ["cột decision_number", "bị trùng (đã có ở dòng \(line - 1))"])
    }

    @Test func aReportedFigureListedTwiceIsAnError() throws {
        let (folder, line) = try Self.duplicatedRow("reported_figures.csv")
        try expectImportFails("reported_figures.csv", line: line, folder: folder,
                              messageContains: ["cột field", "bị trùng (đã có ở dòng \(line - 1))"])
    }

    @Test func aSettingGivenTwiceIsAnErrorNotTheLastWins() throws {
        var line = 0, first = 0
        let folder = try Self.editedSeeds("settings.csv") { lines in
            first = try #require(lines.firstIndex { $0.hasPrefix("data_as_of,") }) + 1
            lines.append("data_as_of,01/06/2024")
            line = lines.count
        }
        try expectImportFails("settings.csv", line: line, folder: folder,
                              messageContains: ["cột key", "“data_as_of” bị trùng (đã có ở dòng \(first))"])
    }

    @Test func anEvaluationListedTwiceNamesFileLineAndColumn() throws {
        let (folder, line) = try Self.duplicatedRow("evaluations.csv")
        try expectImportFails("evaluations.csv", line: line, folder: folder,
                              messageContains: ["cột year", "(đã có ở dòng \(line - 1))"])
    }

    @Test func anEvaluationForTheSameYearWithAnotherVerdictIsAnError() throws {
        var line = 0
        let folder = try Self.editedSeeds("evaluations.csv") { lines in
            var cells = lines[1].components(separatedBy: ",")
            cells[2] = cells[2] == "1" ? "0" : "1"
            lines.insert(cells.joined(separator: ","), at: 2)
            line = 3
        }
        defer { Fixture.removeTree(folder.deletingLastPathComponent()) }
        let error = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importFolder(folder) }
        let message = error?.message(.vi) ?? ""
        #expect(message.hasPrefix("evaluations.csv, dòng \(line): cột year: "), "\(message)")
        #expect(message.contains("(đã có ở dòng 2)"), "\(message)")
        #expect(!message.contains("UNIQUE"), "\(message)")
    }

    /// Every field key the Validator reports, and the column it is read from.
    @Test func validatorFieldKeysNameTheirCSVColumns() throws {
        let expected = [
            "title": "title", "field": "field", "description": "description", "goals": "goals",
            "expectedOutputs": "expected_outputs", "removalReason": "removal_reason", "registeredOn": "registered_on",
            "launchedOn": "launched_on", "removedOn": "removed_on", "fundsVND": "funds_vnd", "workDays": "work_days",
            "year": "year", "decisionNumber": "decision_number", "issuer": "issuer", "modelID": "model_ref",
            "decidedOn": "decided_on", "percent": "percent", "respondents": "respondents", "name": "name",
            "validTo": "valid_to", "phaseStart": "phase_start", "phaseEnd": "phase_end", "threshold": "threshold",
            "minPerField": "min_per_field", "unitKinds": "unit_kinds", "value": "value",
        ]
        var columns: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: Fixture.seedsFolder.path) where file.hasSuffix(".csv") {
            let text = try String(contentsOf: Fixture.seedsFolder.appendingPathComponent(file), encoding: .utf8)
            columns.formUnion(text.prefix { $0 != "\n" }.components(separatedBy: ","))
        }
        for (key, column) in expected {
            #expect(SeedImporter.column(for: key) == column, "\(key)")
            #expect(columns.contains(column), "\(column) is no column of seeds/")
        }
    }

    @Test func aLaunchBeforeRegistrationNamesTheCSVColumn() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv") { header, cells in
            cells[header.firstIndex(of: "registered_on")!] = "01/06/2023"
            cells[header.firstIndex(of: "launched_on")!] = "01/01/2023"
            cells[header.firstIndex(of: "removed_on")!] = ""
        }
        try expectImportFails("models.csv", line: line, folder: folder,
                              messageContains: ["cột launched_on: Ngày này không được trước ngày đăng ký."])
    }

    @Test func aRegistrationYearOutOfRangeNamesTheCSVColumn() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv", Self.set("registered_on", "01/01/1990"))
        try expectImportFails("models.csv", line: line, folder: folder, messageContains: ["cột registered_on: Năm 1990 không hợp lệ"])
    }

    @Test func aPhaseEndingBeforeItStartsNamesTheCSVColumn() throws {
        let (folder, line) = try Self.brokenSeeds("targets.csv", pick: 1) { header, cells in
            cells[header.firstIndex(of: "phase_start")!] = "2025"
            cells[header.firstIndex(of: "phase_end")!] = "2023"
        }
        try expectImportFails("targets.csv", line: line, folder: folder, messageContains: ["cột phase_end: "])
    }

    @Test func aRecognitionOfAModelNotLaunchedNamesModelRef() throws {
        // M-0001 has no launch date in seeds/models.csv.
        let (folder, line) = try Self.brokenSeeds("recognitions.csv", Self.set("model_ref", "M-0001"))
        try expectImportFails("recognitions.csv", line: line, folder: folder,
                              messageContains: ["cột model_ref: Mô hình chưa ra mắt nên chưa thể công nhận."])
    }

    @Test func aMissingFolderIsSaidSo() throws {
        let dir = try Fixture.tempDir("dvk-no-folder")
        defer { Fixture.removeTree(dir) }
        let missing = dir.appendingPathComponent("khong-co")
        let db = try AppDatabase.inMemory()
        var error = #expect(throws: StoreError.self) { try db.importFolder(missing) }
        #expect(error?.message(.vi) == "\(missing.path): thư mục không tồn tại", "\(String(describing: error))")
        #expect(error?.message(.vi).contains("units.csv") == false)
        #expect(error?.exitCode == 5)
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        let file = dir.appendingPathComponent("units.csv")
        try "ref,name,kind\n".write(to: file, atomically: true, encoding: .utf8)
        error = #expect(throws: StoreError.self) { try AppDatabase.checkImportFolder(file) }
        #expect(error?.message(.vi).hasPrefix("\(file.path): không phải thư mục") == true, "\(String(describing: error))")
        #expect(error?.exitCode == 5)
        #expect(try db.count(.audit_log) == 0)
    }

    @Test(arguments: ["1e15", "1E+15", "99999999999999999999", "1e400"])
    func hugeWorkDaysAreOutOfRangeNotNotAWholeNumber(value: String) throws {
        let (folder, line) = try Self.brokenSeeds("models.csv", Self.set("work_days", value))
        try expectImportFails("models.csv", line: line, folder: folder,
                              messageContains: ["cột work_days: “\(value)” nằm ngoài phạm vi cho phép: từ 0 đến 100.000.000"])
    }

    @Test(arguments: ["1e308", "-1e308", "1e400"])
    func hugePercentIsOutOfRangeFrom0To100(value: String) throws {
        let (folder, line) = try Self.brokenSeeds("surveys.csv", pick: 20, Self.set("percent", value))
        try expectImportFails("surveys.csv", line: line, folder: folder,
                              messageContains: ["cột percent: “\(value)” nằm ngoài phạm vi cho phép: từ 0 đến 100."])
    }

    @Test func hugeFundsInScientificNotationAreOutOfRange() throws {
        let (folder, line) = try Self.brokenSeeds("models.csv", Self.set("funds_vnd", "1e30"))
        try expectImportFails("models.csv", line: line, folder: folder,
                              messageContains: ["cột funds_vnd: “1e30” nằm ngoài phạm vi cho phép: từ 0 đến"])
    }

    @Test func aHugeCountThresholdNamesTheNonNegativeRange() throws {
        for value in ["99999999999999999999", "-99999999999999999999", "1e308"] {
            let (folder, line) = try Self.brokenSeeds("targets.csv", pick: 1) { header, cells in
                cells[header.firstIndex(of: "metric")!] = "effectiveModelsPerUnit"
                cells[header.firstIndex(of: "threshold")!] = value
            }
            try expectImportFails("targets.csv", line: line, folder: folder,
                                  messageContains: ["cột threshold: “\(value)” nằm ngoài phạm vi cho phép: từ 0 đến 10.000."])
        }
    }

    @Test func aHugePercentThresholdNamesZeroToHundred() throws {
        let (folder, line) = try Self.brokenSeeds("targets.csv", pick: 1, Self.set("threshold", "1e308"))
        try expectImportFails("targets.csv", line: line, folder: folder,
                              messageContains: ["cột threshold: “1e308” nằm ngoài phạm vi cho phép: từ 0 đến 100."])
    }

    @Test func aNegativeThresholdGetsTheValidatorsMessage() throws {
        let (folder, line) = try Self.brokenSeeds("targets.csv", pick: 1, Self.set("threshold", "-5"))
        try expectImportFails("targets.csv", line: line, folder: folder, messageContains: ["cột threshold: Không được là số âm."])
    }

    /// The schema refuses 0 (at_risk_ratio > 0): it was bare SQLite text.
    @Test func aZeroAtRiskRatioIsAFieldError() throws {
        let (folder, line) = try Self.brokenSeeds("targets.csv", pick: 1, Self.set("at_risk_ratio", "0"))
        try expectImportFails("targets.csv", line: line, folder: folder, messageContains: ["cột at_risk_ratio: phải lớn hơn 0"])
    }

    @Test func numbersInScientificNotationAreReadStrictly() {
        #expect(CSVRecord.number("1E+3") == 1000)
        #expect(CSVRecord.number("2.5e9") == 2_500_000_000)
        #expect(CSVRecord.number("1.234", isCount: true) == 1234)
        for text in ["inf", "nan", "0x10", "1e", "e5", "1e5.5", "1,5e3"] { #expect(CSVRecord.number(text) == nil, "\(text)") }
    }
}
