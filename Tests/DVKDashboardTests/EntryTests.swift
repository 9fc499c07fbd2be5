import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI
import Testing

/// Data entry driven by keys through `update`, against a private copy of the
/// demo database: what is saved, what is audited, what the officer is told.
@Suite("Data entry")
struct EntryTests {
    func open(_ db: AppDatabase, unit: String = "Xã Suối Giàng", screen: Screen = .models) throws -> Dashboard {
        try Demo.dashboard(unit: unit, screen: screen, db: db)
    }

    func models(_ db: AppDatabase, titled title: String) throws -> [Model] {
        try db.models(ModelQuery(unitIDs: try db.allUnits().map(\.id), year: 2025, search: title, limit: 50)).rows.map(\.model)
    }

    /// Tab to the field with `key` in the open form.
    func focus(_ key: FieldKey, _ m: inout Dashboard, _ db: AppDatabase) {
        guard let target = m.state.form?.fields.firstIndex(where: { $0.key == key }) else { return }
        while m.state.form?.focus != target { Demo.press([.tab], on: &m, db: db) }
    }

    @Test func addingAModelSavesItAuditsItAndMovesTheNumbersAtOnce() throws {
        let db = Demo.fresh()
        var m = try open(db)
        let pendingBefore = try #require(m.state.overview?.unit.models.pending)
        Demo.press([.character("a")], on: &m, db: db)
        #expect(m.state.mode.kind == .form)
        Demo.type("Tổ tự quản đường làng", on: &m, db: db)
        focus(.field, &m, db)
        Demo.press([.right], on: &m, db: db) // economy → culture and society
        focus(.fundsVND, &m, db)
        Demo.type("2,9 tỷ", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.mode == .normal)
        #expect(m.state.notice?.text == "Đã lưu. (u: hoàn tác)")
        let saved = try #require(try models(db, titled: "to tu quan duong lang").first)
        #expect(saved.title == "Tổ tự quản đường làng")
        #expect(saved.fieldCode == "cultureSociety")
        #expect(saved.fundsVND == 2_900_000_000)
        #expect(saved.launchedOn == Day(year: 2025, month: 12, day: 15))
        let audit = try #require(try db.auditLog(limit: 1).first)
        #expect(audit.officer == "kiểm thử" && audit.action == "add" && audit.entity == "model")
        #expect(audit.afterJSON?.contains("Tổ tự quản đường làng") == true)
        // Launched this year and not evaluated yet: one more pending, shown at once.
        #expect(m.state.overview?.unit.models.pending == pendingBefore + 1)
    }

    @Test func everyProblemIsSaidUnderItsFieldAndTheCursorGoesToTheFirst() throws {
        let db = Demo.fresh()
        var m = try open(db)
        let auditBefore = try db.count(.audit_log)
        Demo.press([.character("a")], on: &m, db: db)
        focus(.registeredOn, &m, db)
        Demo.type("10/01/2024", on: &m, db: db)
        focus(.launchedOn, &m, db)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type("01/01/2024", on: &m, db: db)
        focus(.workDays, &m, db)
        Demo.type("abc", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        let f = try #require(m.state.form)
        // Every problem at once: a missing field, a bad number and a cross-field rule.
        #expect(f.errors[.title] == "Chưa nhập: trường này là bắt buộc.")
        #expect(f.errors[.workDays] == "“abc” không phải số: ví dụ 92,5 hoặc 2.600.")
        #expect(f.errors[.launchedOn] == "Ngày này không được trước ngày đăng ký.")
        #expect(f.fields[f.focus].key == .title)
        #expect(m.state.notice?.text == "Chưa lưu: 3 trường cần sửa.")
        Demo.type("Mô hình thử", on: &m, db: db)
        focus(.workDays, &m, db)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.form?.errors.keys.map(\.rawValue).sorted() == ["launchedOn"])
        focus(.launchedOn, &m, db)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type("31/02/2024", on: &m, db: db)
        Demo.press([.tab], on: &m, db: db) // leaving the field checks it
        #expect(m.state.form?.errors[.launchedOn] == "“31/02/2024” không phải ngày hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 16/03/2023.")
        #expect(try db.count(.audit_log) == auditBefore)
    }

    @Test func escAsksBeforeThrowingAwayWhatWasTyped() throws {
        let db = Demo.fresh()
        var m = try open(db)
        Demo.press([.character("a")], on: &m, db: db)
        Demo.type("Chưa lưu", on: &m, db: db)
        Demo.press([.escape], on: &m, db: db)
        #expect(m.state.form?.question == .discard)
        Demo.press([.character("k")], on: &m, db: db)
        #expect(m.state.form?.question == nil)
        #expect(m.state.form?.text(.title) == "Chưa lưu")
        Demo.press([.escape, .character("c")], on: &m, db: db)
        #expect(m.state.form == nil)
        #expect(try models(db, titled: "chua luu").isEmpty)
    }

    @Test func telexTypingInAForm() throws {
        let db = Demo.fresh()
        var m = try open(db)
        Demo.press([.character("a"), .function(6)], on: &m, db: db)
        Demo.type("Suoois Giangf ddaf", on: &m, db: db)
        #expect(m.state.form?.text(.title) == "Suối Giàng đà")
        Demo.press([.ctrl("t")], on: &m, db: db)
        Demo.type(" dd", on: &m, db: db)
        #expect(m.state.form?.text(.title) == "Suối Giàng đà dd")
    }

    @Test func editThenUndoAndRedoThroughTheAuditLog() throws {
        let db = Demo.fresh()
        var m = try open(db)
        let original = try #require(Entry_selected(m))
        Demo.press([.enter], on: &m, db: db)
        #expect(m.state.form?.text(.title) == original.title)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type("Tên mới", on: &m, db: db)
        Demo.press([.ctrl("s")], on: &m, db: db)
        #expect(try db.model(id: original.id)?.title == "Tên mới")
        Demo.press([.character("u")], on: &m, db: db)
        #expect(try db.model(id: original.id)?.title == original.title)
        // The notice names the change it took back, as the history does.
        #expect(m.state.notice?.text == "Đã hoàn tác: sửa mô hình “Tên mới” ở Xã Suối Giàng. (Ctrl-R: làm lại)")
        Demo.press([.ctrl("r")], on: &m, db: db)
        #expect(try db.model(id: original.id)?.title == "Tên mới")
        #expect(m.state.notice?.text == "Đã làm lại: sửa mô hình “Tên mới” ở Xã Suối Giàng.")
        let actions = try db.auditLog(limit: 3).map(\.action)
        #expect(actions[0].hasPrefix("redo:") && actions[1].hasPrefix("undo:") && actions[2] == "update")
        Demo.press([.character("u"), .character("u")], on: &m, db: db)
        #expect(m.state.notice?.text == "Không có thay đổi nào để hoàn tác trong phiên này.")
    }

    /// A new verdict starts unchosen: saving without one is refused under the field.
    @Test func aNewVerdictMustBeChosen() throws {
        let db = Demo.fresh()
        var m = try open(db)
        // The evaluation filter, pressed until it shows the models waiting for a 2025 verdict.
        for _ in 0..<5 where m.state.screen.models?.page?.query.status != .pending {
            Demo.press([.character("e")], on: &m, db: db)
        }
        let model = try #require(Entry_selected(m))
        #expect(try db.evaluations(model: model.id).first { $0.year == 2025 } == nil)
        Demo.press([.character("v")], on: &m, db: db)
        #expect(m.state.form?.choice(.effective) == nil)
        #expect(Demo.text(m).contains("— chưa chọn —"))
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.form?.errors[.effective] == "Chưa chọn: trường này là bắt buộc (Enter mở danh sách).")
        #expect(try db.evaluations(model: model.id).first { $0.year == 2025 } == nil)
    }

    /// Another year typed in the evaluation form: that year's verdict on record, or none chosen.
    @Test func theEvaluationFormFollowsTheYearTyped() throws {
        let db = Demo.fresh()
        var m = try open(db)
        Demo.press([.character("v")], on: &m, db: db)
        #expect(m.state.form?.choice(.effective)?.value == "yes" && m.state.form?.note?.hasPrefix("Năm 2025 đã có đánh giá") == true)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type("2026", on: &m, db: db)
        #expect(m.state.form?.choice(.effective) == nil && m.state.form?.note == nil)
        Demo.press([.backspace, .backspace], on: &m, db: db)
        Demo.type("24", on: &m, db: db)
        #expect(m.state.form?.choice(.effective)?.value == "yes" && m.state.form?.note?.hasPrefix("Năm 2024 đã có đánh giá") == true)
    }

    @Test func evaluationRemovalAndRecognitionOfASelectedModel() throws {
        let db = Demo.fresh()
        var m = try open(db)
        let model = try #require(Entry_selected(m))
        Demo.press([.character("v")], on: &m, db: db)
        // The model has a 2025 verdict: the form shows it, and saving replaces it.
        #expect(m.state.form?.choice(.effective)?.value == "yes")
        Demo.press([.tab, .left], on: &m, db: db) // Hiệu quả → Chưa hiệu quả
        Demo.press([.function(2)], on: &m, db: db)
        #expect(try db.evaluations(model: model.id).first { $0.year == 2025 }?.effective == false)

        Demo.press([.character("x"), .function(2)], on: &m, db: db)
        #expect(m.state.form?.errors[.removalReason] == "Chưa nhập: trường này là bắt buộc.")
        // The cursor is already on the field in error.
        #expect(m.state.form?.focusedField?.key == .removalReason)
        Demo.type("Mô hình hình thức", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        let removed = try #require(try db.model(id: model.id))
        #expect(removed.removedOn == Day(year: 2025, month: 12, day: 15))
        #expect(removed.removalReason == "Mô hình hình thức")

        Demo.press([.character("c")], on: &m, db: db)
        Demo.press([.tab], on: &m, db: db)
        Demo.type("15/QĐ-BCĐ", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.notice?.text == "Đã lưu. (u: hoàn tác)")
    }

    @Test func aSecondModelWithTheSameTitleAsksFirst() throws {
        let db = Demo.fresh()
        var m = try open(db)
        let existing = try #require(Entry_selected(m))
        Demo.press([.character("a")], on: &m, db: db)
        Demo.type(existing.title.uppercased(), on: &m, db: db)
        focus(.launchedOn, &m, db)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type(existing.launchedOn?.description ?? "01/01/2021", on: &m, db: db)
        let before = try db.count(.model)
        Demo.press([.function(2)], on: &m, db: db)
        guard case .duplicate? = m.state.form?.question else { Issue.record("no duplicate question"); return }
        #expect(try db.count(.model) == before)
        Demo.press([.character("c")], on: &m, db: db)
        #expect(try db.count(.model) == before + 1)
    }

    /// Without tone marks, in other case: still the same title.
    @Test func theSameTitleWithoutToneMarksAsksToo() throws {
        let db = Demo.fresh()
        var m = try open(db)
        let existing = try #require(Entry_selected(m))
        Demo.press([.character("a")], on: &m, db: db)
        Demo.type(VietnameseText.searchKey(existing.title).uppercased(), on: &m, db: db)
        focus(.launchedOn, &m, db)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type(existing.launchedOn?.description ?? "01/01/2021", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        guard case .duplicate? = m.state.form?.question else { Issue.record("no duplicate question"); return }
    }

    /// The grid asks about a title already on record too, quoting the stored one; F2 adds it anyway.
    @Test func theGridRefusesASecondModelOfTheSameTitleUntilAsked() throws {
        let db = Demo.fresh()
        var m = try open(db)
        let existing = try #require(Entry_selected(m))
        let before = try db.count(.model)
        Demo.press([.character("b")], on: &m, db: db)
        Demo.press([.backTab, .backTab, .backTab, .ctrl("u")], on: &m, db: db)
        Demo.type(existing.launchedOn?.description ?? "24/04/2021", on: &m, db: db)
        Demo.press([.tab, .tab, .tab], on: &m, db: db)
        Demo.type(VietnameseText.searchKey(existing.title), on: &m, db: db)
        Demo.press([.tab, .tab, .tab], on: &m, db: db)
        let error = try #require(m.state.grid?.rows[0].error)
        #expect(error == "Đã có mô hình “\(existing.title)” ở đơn vị này trong năm \(existing.launchedOn?.year ?? 0): sửa tên, hoặc F2 để vẫn thêm.")
        #expect(try db.count(.model) == before && m.state.notice == nil)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(try db.count(.model) == before + 1 && m.state.grid?.rows[0].error == nil)
    }

    /// Ctrl-C with typed text asks as Esc does; with nothing typed it closes the form, not the program.
    @Test func ctrlCInAFormAsksLikeEsc() throws {
        let db = Demo.fresh()
        var m = try open(db)
        Demo.press([.character("a")], on: &m, db: db)
        Demo.type("Đang gõ dở", on: &m, db: db)
        Demo.press([.ctrl("c")], on: &m, db: db)
        #expect(m.state.form?.question == .discard && !m.state.isFinished)
        Demo.press([.character("k")], on: &m, db: db)
        #expect(m.state.form?.text(.title) == "Đang gõ dở")
        Demo.press([.escape, .character("c"), .character("a"), .ctrl("c")], on: &m, db: db)
        #expect(m.state.mode == .normal && !m.state.isFinished)
        Demo.press([.character("b")], on: &m, db: db)
        Demo.type("Dòng gõ dở", on: &m, db: db)
        Demo.press([.backTab, .backTab, .backTab, .ctrl("u")], on: &m, db: db)
        Demo.type("31/02/2025", on: &m, db: db)
        Demo.press([.down, .ctrl("c")], on: &m, db: db)
        #expect(m.state.grid?.question == .discard && !m.state.isFinished)
    }

    @Test func surveyPercentAcceptsTheVietnameseCommaAndRefusesOutOfRange() throws {
        let db = Demo.fresh()
        var m = try open(db, unit: "Huyện Văn Chấn", screen: .units)
        let commune = try #require(m.state.visibleChildren.first?.unit)
        // The commune has a survey on record: the form opens on it, cleared before typing.
        Demo.press([.character("y"), .tab, .ctrl("u")], on: &m, db: db)
        Demo.type("120", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.form?.errors[.percent] == "Tỷ lệ 120 nằm ngoài khoảng 0–100%.")
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type("92,5", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(try db.facts(year: 2025)[commune.id]?.survey?.permille == 925)
        #expect(m.state.visibleChildren.first?.progress(for: .satisfaction)?.value == 92.5)
    }

    @Test func unitsCanBeAddedRenamedAndMerged() throws {
        let db = Demo.fresh()
        var m = try open(db, unit: "Huyện Văn Chấn", screen: .units)
        Demo.press([.character("a")], on: &m, db: db)
        Demo.type("Xã Mới Lập", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.overview?.children.contains { $0.unit.name == "Xã Mới Lập" } == true)
        Demo.press([.character("/")] + Demo.keys("moi lap") + [.enter], on: &m, db: db)
        Demo.press([.character("r"), .ctrl("u")], on: &m, db: db)
        Demo.type("Xã Mới", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(try db.findUnits("Xã Mới").first?.name == "Xã Mới")
        #expect(try db.auditLog(limit: 1).first?.entity == "unit")
    }

    @Test func targetsAreEditedAsData() throws {
        let db = Demo.fresh()
        var m = try open(db, unit: "Huyện Văn Chấn", screen: .overview)
        Demo.press([.character("T")], on: &m, db: db)
        focus(.code, &m, db)
        Demo.press([.right], on: &m, db: db) // plan → models
        #expect(m.state.form?.choice(.code)?.value == "models")
        #expect(m.state.form?.text(.threshold) == "10")
        focus(.threshold, &m, db)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type("12", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        let t = try #require(try db.targets().first { $0.code == "models" })
        #expect(t.threshold == 12)
        #expect(m.state.overview?.unit.progress(for: .effectiveModelsPerUnit)?.target.threshold == 12)
    }

    @Test func readOnlyEntryKeysExplainInsteadOfOpeningAForm() throws {
        let db = Demo.fresh()
        var m = try open(db)
        m.state.isReadOnly = true
        for key in ["a", "v", "x", "b"] {
            Demo.press([.character(Character(key))], on: &m, db: db)
            #expect(m.state.form == nil && m.state.mode == .normal)
            #expect(m.state.notice?.text.contains("chỉ đọc") == true)
        }
    }

    @Test func historyShowsWhoChangedWhat() throws {
        let db = Demo.fresh()
        var m = try open(db)
        Demo.press([.character("a")], on: &m, db: db)
        Demo.type("Nhật ký thử", on: &m, db: db)
        Demo.press([.function(2), .character("5")], on: &m, db: db)
        #expect(m.state.currentScreen == .history)
        let top = try #require(m.state.screen.history!.entries.first)
        #expect(top.officer == "kiểm thử" && top.action == "add")
        #expect(Demo.text(m).contains("Nhật ký thử"))
        #expect(Demo.text(m).contains("Tên: – → Nhật ký thử"))
    }

    /// Ten models for three communes of a district through one grid, counting
    /// every key press. The lines come as a report lists them: by commune,
    /// then by field; the unit and the field carry over to the next line.
    @Test func tenModelsForThreeCommunesThroughOneGridInFewKeys() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .overview, db: db)
        let before = try db.count(.model), verdicts = try db.count(.evaluation)
        var keys = 0
        func press(_ k: [Key]) { keys += k.count; Demo.press(k, on: &m, db: db) }
        press([.character("b")])
        let g = try #require(m.state.grid)
        // 2025 on screen with "today" in 2025: the date starts as today; the district asks for a unit first.
        #expect(g.focusedColumn == .unit && g.rows[0].unit == nil && g.rows[0].launched.text == "15/12/2025")
        let communes = ["Thị trấn Nông trường Liên Sơn", "Thị trấn Nông trường Trần Phú", "Thị trấn Sơn Thịnh"]
        #expect(Array(g.units.prefix(3).map(\.label)) == communes)
        let lines: [(commune: Int, field: Int, title: String)] = [
            (0, 1, "Tổ hòa giải thôn Pang Cáng"), (0, 1, "Camera an ninh bản Giàng A"),
            (0, 2, "Chi hội nông dân chè sạch"), (0, 2, "Đường hoa thanh niên"),
            (1, 1, "Tủ sách cộng đồng"), (1, 3, "Hộ nghèo vươn lên"), (1, 3, "Câu lạc bộ dân ca"),
            (2, 4, "Tổ tuần tra bản"), (2, 4, "Nhà văn hóa sạch đẹp"), (2, 4, "Dân vận khéo chuyển đổi số"),
        ]
        var commune = -1, field = 1
        for line in lines {
            if line.commune != commune {
                // To the unit cell (none chosen yet on the first line), the next commune, on to the field.
                press((commune < 0 ? [] : [.backTab, .backTab]) + [.right, .tab])
                press([line.field == field && commune >= 0 ? .tab : .character(Character(String(line.field)))])
            } else if line.field != field {
                press([.backTab, .character(Character(String(line.field)))])
            }
            (commune, field) = (line.commune, line.field)
            press(line.title.map { .character($0) } + [.tab, .character("c")])
        }
        press([.escape])
        #expect(m.state.mode == .normal)
        #expect(try db.count(.model) == before + 10 && db.count(.evaluation) == verdicts + 10)
        let units = Dictionary(try db.allUnits().map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        let fields = (m.state.overview?.fields ?? Field.standard).sorted { $0.sortOrder < $1.sortOrder }
        for line in lines {
            let saved = try #require(try models(db, titled: line.title).first { $0.title == line.title })
            #expect(saved.unitID == units[communes[line.commune]], "\(line.title)")
            #expect(saved.fieldCode == fields[line.field - 1].code, "\(line.title)")
            #expect(saved.launchedOn == Day(year: 2025, month: 12, day: 15))
            #expect(try db.evaluations(model: saved.id).first { $0.year == 2025 }?.effective == true)
        }
        // The figure in docs/DATA-ENTRY.md: 10 models for three communes in this many key presses.
        #expect(keys == 248)
    }

    /// Letters in the unit cell find a unit by name, tone marks optional.
    @Test func theUnitCellFindsAUnitByTypedName() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .overview, db: db)
        Demo.press([.character("b")], on: &m, db: db)
        Demo.type("son thin", on: &m, db: db)
        let g = try #require(m.state.grid)
        #expect(g.unitID(g.rows[0]).flatMap { id in g.units.first { $0.value == String(id) }?.label } == "Thị trấn Sơn Thịnh")
        Demo.type("zz", on: &m, db: db)
        #expect(m.state.grid?.unitSearch == "son thin", "a letter that finds nothing is not taken")
    }

    /// A 2025 report typed in 2026: the launch date is asked for, "15/3" is
    /// read in the grid's year, and a verdict on a model launched after the
    /// year names the rule that failed.
    @Test func anotherYearsGridAsksForTheDateAndNamesTheRule() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, db: db)
        m.state.today = Day(year: 2026, month: 12, day: 1)!
        Demo.press([.character("b")], on: &m, db: db)
        #expect(m.state.grid?.focusedColumn == .launched && m.state.grid?.rows[0].launched.text == "")
        Demo.type("2/1/2026", on: &m, db: db)
        Demo.press([.tab, .tab, .tab], on: &m, db: db)
        Demo.type("Mô hình ra mắt năm sau", on: &m, db: db)
        Demo.press([.tab, .character("c")], on: &m, db: db)
        let error = try #require(m.state.grid?.rows[0].error)
        #expect(error.hasPrefix("Ngày ra mắt: Mô hình ra mắt ngày 02/01/2026, sau năm 2025 nên chưa đánh giá được cho năm 2025"))
        Demo.press([.backTab, .backTab, .backTab, .backTab], on: &m, db: db)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type("15/3", on: &m, db: db)
        Demo.press([.tab, .tab, .tab, .tab, .character("c")], on: &m, db: db)
        let saved = try #require(try models(db, titled: "ra mat nam sau").first)
        #expect(saved.launchedOn == Day(year: 2025, month: 3, day: 15))
        #expect(m.state.grid?.rows[0].launched.text == "15/03/2025")
    }
}

@Suite("Grid undo")
struct GridUndoTests {
    /// A grid row (the model and its verdict) is one change: one `u` takes both back.
    @Test func aGridRowIsUndoneAsOneChange() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, db: db)
        let models = try db.count(.model), evaluations = try db.count(.evaluation)
        Demo.press([.character("b")], on: &m, db: db)
        Demo.type("Mô hình từ bảng", on: &m, db: db)
        Demo.press([.tab, .character("c"), .escape], on: &m, db: db)
        #expect(try db.count(.model) == models + 1 && db.count(.evaluation) == evaluations + 1)
        Demo.press([.character("u")], on: &m, db: db)
        #expect(try db.count(.model) == models && db.count(.evaluation) == evaluations)
        #expect(m.state.notice?.text == "Đã hoàn tác: thêm mô hình “Mô hình từ bảng” ở Xã Suối Giàng, kèm 1 đánh giá. (Ctrl-R: làm lại)")
        Demo.press([.ctrl("r")], on: &m, db: db)
        #expect(try db.count(.model) == models + 1 && db.count(.evaluation) == evaluations + 1)
    }
}

/// The model selected on the models screen.
func Entry_selected(_ m: Dashboard) -> Model? {
    guard let page = m.state.screen.models?.page else { return nil }
    let i = (m.state.screen.models?.selected ?? 0) - page.query.offset
    return page.rows.indices.contains(i) ? page.rows[i].model : nil
}

@Suite("History filters")
struct HistoryFilterTests {
    @Test func filtersByKindOfficerTimeAndUnit() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, size: Size(width: 160, height: 30), db: db)
        Demo.press([.character("a")], on: &m, db: db)
        Demo.type("Lọc nhật ký", on: &m, db: db)
        Demo.press([.function(2), .character("5")], on: &m, db: db)
        let all = m.state.screen.history!.entries.count
        #expect(all >= 2) // the import and the add
        Demo.press([.character("f")], on: &m, db: db) // kind: models
        #expect(m.state.screen.history?.query.entity == "model")
        #expect(!m.state.screen.history!.entries.isEmpty && m.state.screen.history!.entries.allSatisfy { $0.entity == "model" })
        Demo.press([.character("e")], on: &m, db: db) // officer: the first one listed
        #expect(m.state.screen.history?.query.officer != nil)
        #expect(m.state.screen.history!.entries.allSatisfy { $0.officer == m.state.screen.history?.query.officer })
        Demo.press([.character("t")], on: &m, db: db) // only this unit
        #expect(m.state.screen.history?.query.underCurrentUnit == true)
        Demo.press([.character("s")], on: &m, db: db) // since the first of the year
        #expect(m.state.screen.history?.query.since == Day(year: 2025, month: 1, day: 1))
        #expect(Demo.text(m).contains("từ ngày [s]: 01/01/2025"))
    }
}

/// Issue 9 §4: another process holds the write lock past the busy timeout and
/// the retries. The save is refused with the busy message and the form stays
/// open with everything typed; once the lock is gone F2 saves it.
@Suite("Busy database while saving")
struct BusySaveTests {
    @Test func aBusySaveKeepsTheFormAndItsValues() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dvk-busy-form-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("dvk.sqlite").path
        let db = try AppDatabase.open(path: path, officer: "kiểm thử", create: true, busyTimeout: 0.1)
        _ = try db.importFolder(Demo.packageRoot.appendingPathComponent("seeds"))
        var m = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, db: db)
        Demo.press([.character("a")], on: &m, db: db)
        Demo.type("Mô hình lúc đang bận", on: &m, db: db)
        let before = try db.count(.model)
        // The other process: sqlite3 holding BEGIN IMMEDIATE until its stdin closes.
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        other.arguments = ["sqlite3", path]
        let input = Pipe(), output = Pipe()
        other.standardInput = input
        other.standardOutput = output
        try other.run()
        // Its "1" comes after the BEGIN IMMEDIATE succeeded: the lock is taken.
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 1;\n".utf8))
        #expect(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("1"))
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.notice?.text.hasPrefix("Cơ sở dữ liệu đang bận") == true)
        #expect(m.state.form?.text(.title) == "Mô hình lúc đang bận")
        #expect(try db.count(.model) == before)
        input.fileHandleForWriting.write(Data("ROLLBACK;\n".utf8))
        try input.fileHandleForWriting.close()
        other.waitUntilExit()
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.form == nil && m.state.notice?.text == "Đã lưu. (u: hoàn tác)")
        #expect(try db.count(.model) == before + 1)
    }
}
