import DVKApp
import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import Testing

/// Audit rows made readable at load: names for ids, words for codes,
/// Vietnamese numbers and dates, the unit of every entry, both languages.
@Suite("History: audit rows described once, at load")
struct HistoryDescriptionTests {
    let utc = TimeZone(identifier: "UTC")!
    let names = HistoryNames(
        units: [3: "Xã Suối Giàng", 2: "Huyện Văn Chấn", 6: "Xã Văn Chấn Mới"],
        models: [17: HistoryNames.ModelName(title: "Dân vận khéo trong xây dựng nông thôn mới", unitID: 3)])

    func record(_ entity: String, _ id: String?, action: String = "add", before: String? = nil, after: String?,
                at: String = "2026-11-21T12:55:08Z") -> HistoryRecord {
        HistoryRecord(id: 42, at: at, officer: "cán bộ A", action: action, entity: entity, entityID: id, before: before, after: after)
    }

    func change(_ e: HistoryEntry, _ label: String) -> HistoryChange? { e.changes.first { $0.label == label } }

    // MARK: - Surveys

    static let survey = #"{"is_demo":0,"permille":935,"respondents":1200,"source":"Khảo sát 2025","unit_id":3,"year":2025}"#

    @Test func aSurveySaysItsYearItsUnitAndThePercent() {
        let e = HistoryDescription.describe(record("survey", "3/2025", after: Self.survey), names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Khảo sát hài lòng năm 2025")
        #expect(e.unitID == 3)
        #expect(e.unitName == "Xã Suối Giàng")
        #expect(e.actionName == "thêm")
        #expect(change(e, "Hài lòng") == HistoryChange(label: "Hài lòng", before: "–", after: "93,5%"))
        #expect(change(e, "Đơn vị")?.after == "Xã Suối Giàng")
        #expect(change(e, "Số người trả lời")?.after == "1.200")
        #expect(change(e, "Năm")?.after == "2025")
        // Kept for sorting, search and identity: never shown.
        #expect(!e.changes.contains { ["is_demo", "source", "Hài lòng (‰)"].contains($0.label) })
        // The raw fields stay for undo and redo.
        #expect(e.entity == "survey" && e.entityID == "3/2025")
    }

    @Test func aSurveyInEnglish() {
        let e = HistoryDescription.describe(record("survey", "3/2025", after: Self.survey), names: names, lang: .en, timeZone: utc)
        #expect(e.what == "Satisfaction survey 2025")
        #expect(e.actionName == "add")
        #expect(change(e, "Satisfaction")?.after == "93.5%")
        #expect(change(e, "Respondents")?.after == "1,200")
        #expect(change(e, "Unit")?.after == "Xã Suối Giàng")
    }

    @Test func aChangedSurveyShowsOnlyWhatChanged() {
        let before = #"{"is_demo":0,"permille":920,"respondents":1200,"source":"","unit_id":3,"year":2025}"#
        let e = HistoryDescription.describe(record("survey", "3/2025", action: "update", before: before, after: Self.survey),
                                            names: names, lang: .vi, timeZone: utc)
        #expect(e.changes.map(\.line) == ["Hài lòng: 92% → 93,5%"])
        #expect(e.actionName == "sửa")
    }

    // MARK: - Models

    static let model = #"""
    {"description":"","expected_outputs":"","field_code":"defenceSecurity","funds_vnd":2900000000,"goals":"","id":17,"is_demo":0,\#
    "kind":"collective","launched_on":null,"ref":null,"registered_on":"2025-03-15","removal_reason":null,"removed_on":null,\#
    "search_key":"dan van kheo","sort_key":"x","source":"","title":"Dân vận khéo trong xây dựng nông thôn mới","unit_id":3,"work_days":120}
    """#

    @Test func aModelSaysItsTitleFieldKindDatesAndMoney() {
        let e = HistoryDescription.describe(record("model", "17", after: Self.model), names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Mô hình “Dân vận khéo trong xây dựng nông thôn mới”")
        #expect(e.unitID == 3)
        #expect(e.unitName == "Xã Suối Giàng")
        #expect(change(e, "Lĩnh vực")?.after == "Quốc phòng – an ninh")
        #expect(change(e, "Loại")?.after == "tập thể")
        #expect(change(e, "Ngày đăng ký")?.after == "15/03/2025")
        #expect(change(e, "Kinh phí")?.after == "2,9 tỷ")
        #expect(change(e, "Ngày công")?.after == "120")
        // Empty on both sides, or hidden: not a change.
        #expect(change(e, "Mô tả") == nil && change(e, "Ngày ra mắt") == nil)
        #expect(!e.changes.contains { ["sort_key", "search_key", "id", "ref", "is_demo", "source"].contains($0.label) })
        // Title first, in the order a form shows the columns.
        #expect(e.changes.first?.label == "Tên")
        for raw in ["defenceSecurity", "collective", "2025-03-15", "2900000000"] {
            #expect(!e.changes.contains { $0.after.contains(raw) }, "\(raw) shown as stored")
        }
    }

    @Test func aModelInEnglish() {
        let e = HistoryDescription.describe(record("model", "17", after: Self.model), names: names, lang: .en, timeZone: utc)
        #expect(e.what == "Model “Dân vận khéo trong xây dựng nông thôn mới”")
        #expect(change(e, "Field")?.after == "Defence and security")
        #expect(change(e, "Kind")?.after == "collective")
        #expect(change(e, "Registered")?.after == "15/03/2025")
        #expect(change(e, "Budget")?.after == "2.9 billion VND")
    }

    @Test func anIndividualIsAnExemplarAndAFieldChangeNamesBothFields() {
        let before = Self.model.replacingOccurrences(of: "\"kind\":\"collective\"", with: "\"kind\":\"individual\"")
            .replacingOccurrences(of: "defenceSecurity", with: "economy")
        let after = before.replacingOccurrences(of: "economy", with: "defenceSecurity")
        let e = HistoryDescription.describe(record("model", "17", action: "update", before: before, after: after), names: names, lang: .vi, timeZone: utc)
        #expect(e.what.hasPrefix("Điển hình “"))
        #expect(e.changes.map(\.line) == ["Lĩnh vực: Phát triển kinh tế → Quốc phòng – an ninh"])
    }

    @Test func fieldNamesComeFromTheDatabase() {
        var custom = names
        custom.fields = [Field(code: "defenceSecurity", nameVI: "Quốc phòng, an ninh", nameEN: "Defence, security", sortOrder: 3)]
        let e = HistoryDescription.describe(record("model", "17", after: Self.model), names: custom, lang: .vi, timeZone: utc)
        #expect(change(e, "Lĩnh vực")?.after == "Quốc phòng, an ninh")
    }

    // MARK: - Evaluations, recognitions, awards

    @Test func anEvaluationNamesTheModelAndItsUnit() {
        let after = #"{"effective":1,"model_id":17,"note":"Hội nghị 06/11","year":2025}"#
        let e = HistoryDescription.describe(record("evaluation", "17/2025", after: after), names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Đánh giá 2025 của mô hình “Dân vận khéo trong xây dựng nông thôn mới”")
        #expect(e.unitID == 3)
        #expect(e.unitName == "Xã Suối Giàng")
        #expect(change(e, "Hiệu quả")?.after == "có")
        #expect(change(e, "Mô hình")?.after == "“Dân vận khéo trong xây dựng nông thôn mới”")
        let en = HistoryDescription.describe(record("evaluation", "17/2025", after: after), names: names, lang: .en, timeZone: utc)
        #expect(en.what == "2025 evaluation of model “Dân vận khéo trong xây dựng nông thôn mới”")
        #expect(en.changes.first { $0.label == "Effective" }?.after == "yes")
        let undone = HistoryDescription.describe(record("evaluation", "17/2025", action: "update", before: after,
                                                        after: after.replacingOccurrences(of: "\"effective\":1", with: "\"effective\":0")),
                                                 names: names, lang: .vi, timeZone: utc)
        #expect(undone.changes.map(\.line) == ["Hiệu quả: có → không"])
    }

    @Test func anEvaluationOfAModelNoLongerThereStillReads() {
        let after = #"{"effective":1,"model_id":99,"note":"","year":2024}"#
        let e = HistoryDescription.describe(record("evaluation", "99/2024", after: after), names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Đánh giá 2024 của mô hình #99")
        #expect(e.unitID == nil && e.unitName == nil)
    }

    @Test func aRecognitionSaysTheLevelAndTheDecisionDay() {
        let after = #"{"decided_on":"2021-12-06","decision_number":"40/QĐ-BCĐ","id":5,"issuer":"BCĐ","level":"province","model_id":17}"#
        let e = HistoryDescription.describe(record("recognition", "5", after: after), names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Công nhận mô hình “Dân vận khéo trong xây dựng nông thôn mới” (cấp tỉnh)")
        #expect(e.unitName == "Xã Suối Giàng")
        #expect(change(e, "Cấp")?.after == "cấp tỉnh")
        #expect(change(e, "Ngày quyết định")?.after == "06/12/2021")
    }

    @Test func anAwardForAModelBelongsToTheModelsUnit() {
        let after = #"{"decided_on":"2022-12-11","decision_number":"54-QĐ/BDVHU","id":8,"issuer":"Ban Dân vận","kind":"commendation","model_id":17,"recipient":"Xã Tú Lệ","source":"","unit_id":null}"#
        let e = HistoryDescription.describe(record("award", "8", after: after), names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Giấy khen: Xã Tú Lệ")
        #expect(e.unitID == 3)
        #expect(change(e, "Loại")?.after == "Giấy khen")
    }

    // MARK: - Units, targets, settings, imports

    @Test func aMergerNamesTheSuccessorAndTheLastDay() {
        let before = #"{"id":3,"is_demo":0,"kind":"commune","merged_into_id":null,"name":"Xã Suối Giàng","official_code":"04000","parent_id":2,"valid_from":null,"valid_to":null}"#
        let after = #"{"id":3,"is_demo":0,"kind":"commune","merged_into_id":6,"name":"Xã Suối Giàng","official_code":"04000","parent_id":2,"valid_from":null,"valid_to":"2025-06-30"}"#
        let e = HistoryDescription.describe(record("unit", "3", action: "merge", before: before, after: after), names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Đơn vị “Xã Suối Giàng”")
        #expect(e.unitID == 3 && e.unitName == "Xã Suối Giàng")
        #expect(e.actionName == "sáp nhập")
        #expect(e.changes.map(\.line) == ["Hiệu lực đến: – → 30/06/2025", "Sáp nhập vào: – → Xã Văn Chấn Mới"])
        let added = HistoryDescription.describe(record("unit", "3", after: before), names: names, lang: .vi, timeZone: utc)
        #expect(change(added, "Loại")?.after == "xã")
        #expect(change(added, "Cấp trên")?.after == "Huyện Văn Chấn")
    }

    @Test func aTargetAndASettingRead() {
        let target = #"{"at_risk_ratio":0.8,"code":"models","directive":"Đề án 13","id":2,"metric":"effectiveModelsPerUnit","min_per_field":2,"phase_end":2025,"phase_start":2023,"threshold":10.0,"unit_kinds":"commune;agency"}"#
        let e = HistoryDescription.describe(record("target", "models", action: "update", before: target,
                                                   after: target.replacingOccurrences(of: "10.0", with: "12.0")),
                                            names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Chỉ tiêu: ≥ 12 mô hình hiệu quả/xã, ≥ 2/lĩnh vực")
        #expect(e.unitID == nil && e.unitName == nil)
        #expect(e.changes.map(\.line) == ["Ngưỡng: 10 → 12"])
        let added = HistoryDescription.describe(record("target", "models", after: target), names: names, lang: .vi, timeZone: utc)
        #expect(change(added, "Loại đơn vị")?.after == "xã, cơ quan")
        #expect(change(added, "Ngưỡng gần đạt")?.after == "80%")
        #expect(change(added, "Từ năm")?.after == "2023")
        let setting = HistoryDescription.describe(record("meta", "data_as_of", action: "update", before: #"{"key":"data_as_of","value":"15/12/2025"}"#,
                                                         after: #"{"key":"data_as_of","value":"2026-01-31"}"#),
                                                  names: names, lang: .vi, timeZone: utc)
        #expect(setting.what == "Cài đặt: Số liệu đến ngày")
        #expect(setting.changes.map(\.line) == ["Giá trị: 15/12/2025 → 31/01/2026"])
    }

    @Test func anImportListsTheTablesItFilled() {
        let e = HistoryDescription.describe(record("folder", "/data/seeds", action: "import", after: #"{"model":1234,"unit":52}"#),
                                            names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Nạp dữ liệu từ thư mục “/data/seeds”")
        #expect(e.actionName == "nạp tệp")
        #expect(e.changes.map(\.line) == ["Mô hình: – → 1.234", "Đơn vị: – → 52"])
    }

    // MARK: - Time

    @Test func whenIsTheLocalDayAndMinute() {
        let r = record("survey", "3/2025", after: Self.survey, at: "2026-11-21T12:55:08Z")
        let hanoi = TimeZone(secondsFromGMT: 7 * 3600)!
        #expect(HistoryDescription.describe(r, names: names, lang: .vi, timeZone: hanoi).when == "21/11/2026 19:55")
        #expect(HistoryDescription.describe(r, names: names, lang: .vi, timeZone: utc).when == "21/11/2026 12:55")
        let late = record("survey", "3/2025", after: Self.survey, at: "2026-12-31T20:05:00Z")
        #expect(HistoryDescription.describe(late, names: names, lang: .en, timeZone: hanoi).when == "01/01/2027 03:05")
        let odd = record("survey", "3/2025", after: Self.survey, at: "hôm qua")
        #expect(HistoryDescription.describe(odd, names: names, lang: .vi, timeZone: utc).when == "hôm qua")
        let noZone = record("survey", "3/2025", after: Self.survey, at: "2025-03-15T08:30:00")
        #expect(HistoryDescription.describe(noZone, names: names, lang: .vi, timeZone: utc).when == "15/03/2025 08:30")
    }

    // MARK: - Damaged or missing images

    @Test func damagedJSONGivesAReadableEntry() {
        let e = HistoryDescription.describe(record("model", "17", action: "update", before: "{\"title\": \"cut off", after: "[1, 2"),
                                            names: names, lang: .vi, timeZone: utc)
        #expect(e.what == "Mô hình “Dân vận khéo trong xây dựng nông thôn mới”")
        #expect(e.unitID == 3 && e.unitName == "Xã Suối Giàng")
        #expect(e.changes == [HistoryChange(label: "Dữ liệu nhật ký hỏng", before: "không đọc được", after: "không đọc được")])
        let en = HistoryDescription.describe(record("survey", "3/2025", before: "not json", after: Self.survey), names: names, lang: .en, timeZone: utc)
        #expect(en.changes.first == HistoryChange(label: "Damaged log data", before: "unreadable", after: "–"))
        #expect(en.changes.contains { $0.label == "Satisfaction" && $0.before == "?" && $0.after == "93.5%" })
    }

    @Test func missingImagesAndOddValuesDoNotCrash() {
        let bare = HistoryDescription.describe(record("survey", "3/2025", after: nil), names: names, lang: .vi, timeZone: utc)
        #expect(bare.what == "Khảo sát hài lòng năm 2025")
        #expect(bare.unitName == "Xã Suối Giàng")
        #expect(bare.changes.isEmpty)
        let nothing = HistoryDescription.describe(record("plan_adoption", nil, after: nil), names: names, lang: .vi, timeZone: utc)
        #expect(nothing.what == "Kế hoạch")
        #expect(nothing.unitID == nil)
        let odd = #"{"permille":"abc","unit_id":"x","year":[2025],"funds_vnd":-1e300,"kind":{"a":1},"effective":7}"#
        let e = HistoryDescription.describe(record("survey", "999/2025", after: odd), names: names, lang: .vi, timeZone: utc)
        #expect(e.unitID == 999)
        #expect(e.unitName == "đơn vị #999")
        #expect(change(e, "Hài lòng")?.after == "abc")
        #expect(change(e, "Hiệu quả")?.after == "7")
        let unknown = HistoryDescription.describe(record("gadget", "7", after: "{}"), names: names, lang: .vi, timeZone: utc)
        #expect(unknown.what == "gadget #7")
        #expect(unknown.changes.isEmpty)
        let scalar = HistoryDescription.describe(record("database", nil, action: "generate", after: "42"), names: names, lang: .vi, timeZone: utc)
        #expect(scalar.changes.first?.label == "Dữ liệu nhật ký hỏng")
    }

    // MARK: - Batch and store

    @Test func aBatchAsksForEveryNameOnce() {
        let rows = [
            record("survey", "3/2025", after: Self.survey),
            record("evaluation", "17/2025", after: #"{"effective":1,"model_id":17,"note":"","year":2025}"#),
            record("unit", "2", after: #"{"id":2,"kind":"district","merged_into_id":6,"name":"Huyện Văn Chấn","parent_id":1}"#),
        ]
        var asked: [HistoryDescription.References] = []
        let entries = HistoryDescription.describe(rows, lang: .vi, timeZone: utc) { refs in
            asked.append(refs)
            return names
        }
        #expect(asked.count == 1)
        #expect(asked.first?.units == [1, 2, 3, 6])
        #expect(asked.first?.models == [17])
        #expect(entries.map(\.unitID) == [3, 3, 2])
    }

    // MARK: - Store

    @Test func loadingTheHistoryFromTheStoreGivesReadableEntries() throws {
        let db = try AppDatabase.inMemory(officer: "cán bộ A")
        let province = try db.addUnit(OrgUnit(id: 0, name: "Tỉnh Yên Bái", kind: .province)).value
        let commune = try db.addUnit(OrgUnit(id: 0, name: "Xã Suối Giàng", kind: .commune, parentID: province)).value
        let model = try db.addModel(Model(id: 0, unitID: commune, title: "Dân vận khéo trong xây dựng nông thôn mới",
                                          fieldCode: "defenceSecurity", registeredOn: Day(year: 2025, month: 3, day: 15))).value
        try db.recordEvaluation(Evaluation(modelID: model, year: 2025, effective: true))
        try db.recordSurvey(SatisfactionSurvey(unitID: commune, year: 2025, permille: 935))
        let runner = EffectRunner(db: db, snapshots: SnapshotWriter(folder: NSTemporaryDirectory()), lang: .vi)
        guard case let .historyLoaded(entries)? = runner.perform(.loadHistory(HistoryQuery())).first else {
            Issue.record("no history loaded")
            return
        }
        #expect(entries.map(\.what) == [
            "Khảo sát hài lòng năm 2025",
            "Đánh giá 2025 của mô hình “Dân vận khéo trong xây dựng nông thôn mới”",
            "Mô hình “Dân vận khéo trong xây dựng nông thôn mới”",
            "Đơn vị “Xã Suối Giàng”",
            "Đơn vị “Tỉnh Yên Bái”",
        ])
        #expect(entries.map(\.unitName) == ["Xã Suối Giàng", "Xã Suối Giàng", "Xã Suối Giàng", "Xã Suối Giàng", "Tỉnh Yên Bái"])
        #expect(entries.map(\.unitID) == [commune, commune, commune, commune, province])
        #expect(entries[0].changes.contains(HistoryChange(label: "Hài lòng", before: "–", after: "93,5%")))
        #expect(entries[2].changes.contains(HistoryChange(label: "Lĩnh vực", before: "–", after: "Quốc phòng – an ninh")))
        #expect(entries[2].changes.contains(HistoryChange(label: "Ngày đăng ký", before: "–", after: "15/03/2025")))
        #expect(entries[3].changes.contains(HistoryChange(label: "Cấp trên", before: "–", after: "Tỉnh Yên Bái")))
        // Renamed since: the entries name the unit as it is now.
        try db.renameUnit(commune, to: "Xã Suối Giàng Mới")
        guard case let .historyLoaded(again)? = runner.perform(.loadHistory(HistoryQuery())).first else {
            Issue.record("no history loaded")
            return
        }
        #expect(again[0].changes.map(\.line) == ["Tên: Xã Suối Giàng → Xã Suối Giàng Mới"])
        #expect(again[1].unitName == "Xã Suối Giàng Mới")
    }
}
