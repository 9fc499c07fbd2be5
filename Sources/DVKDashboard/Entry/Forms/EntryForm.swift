import DVKCore
import Foundation
import TerminalUI

/// Where a form was opened: what it may offer and check against.
struct FormContext {
    var lang: Language
    var today: Day
    var location: Location
    var overview: Overview?

    init(_ s: AppState) {
        (lang, today, location, overview) = (s.lang, s.today, s.location, s.overview)
    }

    var t: Texts { Texts(lang) }
    var validator: Validator { Validator(today: today) }

    /// The years a year field accepts: from the movement's start to the validator's last.
    var years: ClosedRange<Int64> {
        Int64(Validator.earliestYear)...Int64(max(Validator.earliestYear, validator.latestYear))
    }

    /// What a date field starts with: today while the year on screen is this
    /// year; blank (and so asked for) for another year, where a guess would
    /// decide which year the record counts in.
    var dayOnScreen: Day? { today.year == location.year ? today : nil }

    func yearField() -> FieldSpec { FieldSpec(.year, t.pick("Năm", "Year"), .year, required: true, range: years) }

    func fieldChoices() -> [Choice] {
        (overview?.fields ?? Field.standard).sorted { $0.sortOrder < $1.sortOrder }.map { Choice($0.code, $0.name(lang)) }
    }

    /// Units to choose from: the current unit's subtree (or every unit), by name.
    func unitChoices(kinds: [UnitKind]? = nil, excluding: OrgUnit.ID? = nil, everywhere: Bool = false) -> [Choice] {
        guard let o = overview else { return [] }
        let ids = everywhere ? Array(o.unitNames.keys) : o.subtreeUnitIDs
        var list = ids.filter { $0 != excluding }.compactMap { id in o.unitNames[id].map { (id, $0) } }
        if let kinds {
            let wanted = Set(kinds)
            list = list.filter { entry in o.unitKinds[entry.0].map(wanted.contains) ?? false }
        }
        let keyed = list.map { ($0.0, $0.1, VietnameseText.sortKey($0.1)) }.sorted { $0.2 < $1.2 }
        return keyed.map { Choice(String($0.0), $0.1) }
    }
}

/// What the store holds that a form needs before it opens: the record it
/// would replace, or the units a move or merge chooses among.
public enum StoredRecord: Hashable, Sendable {
    case survey(SatisfactionSurvey)
    case plan(PlanAdoption)
    case unitTree([OrgUnit])
    /// The report settings the board has set.
    case reportSettings([Setting: String])
}

/// What a form reads before it opens.
public enum RecordKey: Hashable, Sendable {
    case survey(OrgUnit.ID, year: Int)
    case plan(OrgUnit.ID, year: Int)
    /// Every unit, with its parent and dates in force.
    case unitTree
    case reportSettings
}

/// One kind of record the officer types in: its title, fields, starting
/// values, and how the typed values become a validated `SaveRequest`.
protocol EntryForm: Hashable, Sendable {
    func title(_ t: Texts) -> String
    func fields(_ c: FormContext) -> [FieldSpec]
    /// Starting values: the record's current ones when it exists, else defaults.
    func fill(_ f: inout FormState, _ c: FormContext)
    /// Rules across fields; each field's own parsing is checked before.
    func read(_ r: FormReader) -> Result<SaveRequest, FieldIssues>
    /// The stored record to read before opening, if the form can replace one.
    var recordKey: RecordKey? { get }
    /// The form with that record (nil: none stored).
    func with(_ record: StoredRecord?) -> Self
    /// What saving would replace, said above the fields.
    func replaceNote(_ c: FormContext) -> String?
    /// A choice changed: some forms fill other fields from it.
    func changed(_ key: FieldKey, _ f: inout FormState, _ c: FormContext)
    /// The form as opened from the place on screen (the year shown, the details loaded).
    func placed(_ s: AppState) -> Self
    /// Saving shows what follows from it first (a move, a merge) and asks.
    var confirmsConsequences: Bool { get }
}

extension EntryForm {
    var recordKey: RecordKey? { nil }
    func with(_ record: StoredRecord?) -> Self { self }
    func replaceNote(_ c: FormContext) -> String? { nil }
    func changed(_ key: FieldKey, _ f: inout FormState, _ c: FormContext) {}
    func placed(_ s: AppState) -> Self { self }
    var confirmsConsequences: Bool { false }
}

/// Reads typed values for a form's `read`: out-of-range and unparsable
/// values read as nil, since the field's own message already says why.
struct FormReader {
    let form: FormState
    let context: FormContext

    var validator: Validator { context.validator }
    var location: Location { context.location }

    func spec(_ k: FieldKey) -> FieldSpec { form.spec(k) ?? FieldSpec(k, k.rawValue, .count) }
    func day(_ k: FieldKey) -> Day? { Day(parsing: form.text(k)) }
    func int(_ k: FieldKey) -> Int? { FieldParse.integer(spec(k), form.text(k)) }
    func number(_ k: FieldKey) -> Double? {
        FieldParse.number(spec(k), form.text(k)).flatMap { FieldParse.rangeProblem(spec(k), form.text(k), $0) == nil ? $0 : nil }
    }
    func str(_ k: FieldKey) -> String { form.text(k).trimmingCharacters(in: .whitespacesAndNewlines) }
    func optionalStr(_ k: FieldKey) -> String? { str(k).isEmpty ? nil : str(k) }
    func id(_ k: FieldKey) -> Int64? { form.choice(k).flatMap { Int64($0.value) } }
    func choice(_ k: FieldKey) -> String? { form.choice(k)?.value }
    func toggle(_ k: FieldKey) -> Bool { form.toggles[k] ?? false }

    /// The request when the validator found nothing, else its issues by field.
    func result(_ request: SaveRequest, _ issues: [ValidationIssue]) -> Result<SaveRequest, FieldIssues> {
        guard !issues.isEmpty else { return .success(request) }
        var out: [FieldKey: ValidationIssue] = [:]
        for i in issues {
            // A rule about no one field is said under the first.
            let key = FieldKey(validatorField: i.field).flatMap { k in form.fields.contains { $0.key == k } ? k : nil } ?? form.fields.first?.key ?? .title
            if out[key] == nil { out[key] = i }
        }
        return .failure(FieldIssues(out))
    }
}

/// What is wrong with a form, field by field.
public struct FieldIssues: Error, Hashable {
    public var byField: [FieldKey: ValidationIssue]
    public init(_ byField: [FieldKey: ValidationIssue]) { self.byField = byField }
}
