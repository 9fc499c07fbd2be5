import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI
import Testing

/// Huge numbers in every numeric field of every form: issue 7, 1.2. Saving
/// used to trap in `Int64(Double)`; now each is a message under its field
/// that names the allowed range, and nothing is stored.
@Suite("Numbers out of range in forms")
struct NumberFieldTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var open: [Key]
        var unit: String
        var screen: Screen
        var field: FieldKey
        var typed: String
        var message: String
        var testDescription: String { "\(field) = \(typed)" }
    }

    static let twenty = String(repeating: "9", count: 20)
    static let huge = "1" + String(repeating: "0", count: 30)

    static let cases: [Case] = [
        Case(open: [.character("a")], unit: "Xã Suối Giàng", screen: .models, field: .fundsVND, typed: "99999999999 tỷ",
             message: "“99999999999 tỷ” nằm ngoài phạm vi cho phép: từ 0 đến 1.000.000.000.000.000."),
        Case(open: [.character("a")], unit: "Xã Suối Giàng", screen: .models, field: .fundsVND, typed: "-5 triệu",
             message: "Không được là số âm."),
        Case(open: [.character("a")], unit: "Xã Suối Giàng", screen: .models, field: .workDays, typed: twenty,
             message: "“\(twenty)” nằm ngoài phạm vi cho phép: từ 0 đến 100.000.000."),
        Case(open: [.character("v")], unit: "Xã Suối Giàng", screen: .models, field: .year, typed: "99999999999",
             message: "Năm 99999999999 không hợp lệ: phải từ 2000 đến 2030."),
        Case(open: [.character("y")], unit: "Huyện Văn Chấn", screen: .units, field: .percent, typed: "99999999999",
             message: "Tỷ lệ 99.999.999.999 nằm ngoài khoảng 0–100%."),
        Case(open: [.character("y")], unit: "Huyện Văn Chấn", screen: .units, field: .percent, typed: huge,
             message: "“\(huge)” nằm ngoài phạm vi cho phép: từ 0 đến 100."),
        Case(open: [.character("y")], unit: "Huyện Văn Chấn", screen: .units, field: .respondents, typed: "99999999999",
             message: "“99999999999” nằm ngoài phạm vi cho phép: từ 0 đến 200.000.000."),
        Case(open: [.character("y")], unit: "Huyện Văn Chấn", screen: .units, field: .year, typed: twenty,
             message: "“\(twenty)” nằm ngoài phạm vi cho phép: từ 2.000 đến 2.030."),
        Case(open: [.character("o")], unit: "Huyện Văn Chấn", screen: .units, field: .year, typed: "99999999999 tỷ",
             message: "“99999999999 tỷ” nằm ngoài phạm vi cho phép: từ 2.000 đến 2.030."),
        Case(open: [.character("T")], unit: "Huyện Văn Chấn", screen: .overview, field: .threshold, typed: twenty,
             message: "“\(twenty)” nằm ngoài phạm vi cho phép: từ 0 đến 100."),
        Case(open: [.character("T")], unit: "Huyện Văn Chấn", screen: .overview, field: .phaseStart, typed: "99999999999",
             message: "Năm 99999999999 không hợp lệ: phải từ 2000 đến 2030."),
        Case(open: [.character("T")], unit: "Huyện Văn Chấn", screen: .overview, field: .phaseEnd, typed: twenty,
             message: "“\(twenty)” nằm ngoài phạm vi cho phép: từ 2.000 đến 2.030."),
        Case(open: [.character("T")], unit: "Huyện Văn Chấn", screen: .overview, field: .minPerField, typed: "99999999999",
             message: "“99999999999” nằm ngoài phạm vi cho phép: từ 0 đến 10.000."),
    ]

    /// Tab to the field with `key` in the open form.
    func focus(_ key: FieldKey, _ m: inout Dashboard, _ db: AppDatabase) throws {
        let target = try #require(m.state.form?.fields.firstIndex { $0.key == key })
        while m.state.form?.focus != target { Demo.press([.tab], on: &m, db: db) }
    }

    @Test(arguments: cases)
    func aHugeNumberIsAFieldErrorNotATrap(_ c: Case) throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: c.unit, screen: c.screen, db: db)
        let audit = try db.count(.audit_log)
        Demo.press(c.open, on: &m, db: db)
        #expect(m.state.mode.kind == .form)
        try focus(c.field, &m, db)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type(c.typed, on: &m, db: db)
        // Leaving the field says it at once; saving says it again and stores nothing.
        Demo.press([.tab], on: &m, db: db)
        #expect(m.state.form?.errors[c.field] == c.message)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.mode.kind == .form)
        #expect(m.state.form?.errors[c.field] == c.message)
        #expect(try db.count(.audit_log) == audit)
        #expect(Demo.text(m).contains("nằm ngoài") || Demo.text(m).contains("không hợp lệ") || Demo.text(m).contains("số âm"))
    }

    /// The models target counts models, so its threshold may exceed 100 but not 10.000.
    @Test func theThresholdRangeFollowsTheChosenTarget() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Huyện Văn Chấn", db: db)
        Demo.press([.character("T")], on: &m, db: db)
        try focus(.code, &m, db)
        Demo.press([.right], on: &m, db: db)
        #expect(m.state.form?.choice(.code)?.value == "models")
        try focus(.threshold, &m, db)
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type("10001", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.form?.errors[.threshold] == "“10001” nằm ngoài phạm vi cho phép: từ 0 đến 10.000.")
        Demo.press([.ctrl("u")], on: &m, db: db)
        Demo.type("150", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.mode == .normal)
        #expect(try db.targets().first { $0.code == "models" }?.threshold == 150)
    }

    /// The edges are allowed: one million tỷ, and 100,04% kept as 100,0%.
    @Test func theLargestAllowedValuesAreSaved() throws {
        let db = Demo.fresh()
        var m = try Demo.dashboard(unit: "Xã Suối Giàng", screen: .models, db: db)
        Demo.press([.character("a")], on: &m, db: db)
        Demo.type("Mô hình kinh phí lớn", on: &m, db: db)
        try focus(.fundsVND, &m, db)
        Demo.type("1.000.000 tỷ", on: &m, db: db)
        Demo.press([.function(2)], on: &m, db: db)
        #expect(m.state.mode == .normal)
        let saved = try db.models(ModelQuery(unitIDs: try db.allUnits().map(\.id), year: 2025, search: "kinh phi lon", limit: 5)).rows
        #expect(saved.first?.model.fundsVND == 1_000_000_000_000_000)

        var u = try Demo.dashboard(unit: "Huyện Văn Chấn", screen: .units, db: db)
        let commune = try #require(u.state.visibleChildren.first?.unit)
        // The form opens on the figure on record; it is cleared before typing.
        Demo.press([.character("y"), .tab, .ctrl("u")], on: &u, db: db)
        Demo.type("100,04", on: &u, db: db)
        Demo.press([.function(2)], on: &u, db: db)
        #expect(u.state.mode == .normal)
        #expect(try db.facts(year: 2025)[commune.id]?.survey?.permille == 1000)
    }
}
