import Foundation
import DVKCore

/// One choice of a pick-list field: the stored value and what the officer reads.
public struct Choice: Hashable, Sendable {
    public var value: String
    public var label: String
    public init(_ value: String, _ label: String) {
        self.value = value
        self.label = label
    }
}

/// What a form field holds and how its text is read.
public enum FieldKind: Hashable, Sendable {
    case text
    /// A count: accepts `2.600` and `2,600` as two thousand six hundred.
    case count
    /// A percentage or ratio: accepts `92,5` and `92.5`.
    case decimal
    /// Money in đồng: accepts `2,9 tỷ`, `350 triệu`, `12.000.000`.
    case money
    /// dd/mm/yyyy, also d/m/yy.
    case date
    case year
    case choice([Choice])
    case toggle
}

/// Which field of a form: one name per value the officer types, shared by
/// the forms, their errors and the validator's field names.
public enum FieldKey: String, Hashable, Sendable {
    case title, kind, unit, field, registeredOn, launchedOn, description, goals, expectedOutputs, fundsVND, workDays
    case year, effective, note
    case level, decisionNumber, decidedOn, issuer, recipient
    case removedOn, removalReason, unlockReason
    case percent, respondents, source
    case adopted, disseminated
    case name, officialCode, validFrom, parent, into, lastDay, acrossProvinces
    case code, threshold, phaseStart, phaseEnd, minPerField
    case reportIssuer, reportNumber, reportPlace, reportSignerTitle, reportSigner, reportRecipients

    /// The form field a validator's message belongs under.
    init?(validatorField name: String) {
        switch name {
        case "modelID": self = .decisionNumber
        case "validTo": self = .lastDay
        default: self.init(rawValue: name)
        }
    }
}

/// One field of an entry form.
public struct FieldSpec: Hashable, Sendable {
    public var key: FieldKey
    public var label: String
    public var kind: FieldKind
    public var required: Bool
    public var hint: String?
    /// What a number field may hold; outside it is a field error, never a trap on conversion.
    public var range: ClosedRange<Int64>?
    /// A choice that opens with nothing chosen: where any default would be a
    /// guess the officer could save unread (a verdict, a new parent).
    public var startsUnset: Bool

    public init(_ key: FieldKey, _ label: String, _ kind: FieldKind = .text, required: Bool = false, hint: String? = nil,
                range: ClosedRange<Int64>? = nil, startsUnset: Bool = false) {
        self.startsUnset = startsUnset
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
        self.range = range
    }
}

/// Reading what was typed, with messages that say what is expected.
enum FieldParse {
    /// Money is read as a count first (12.000.000 groups thousands), then as a decimal (2,9 tỷ).
    static func money(_ text: String) -> Double? {
        VietnameseNumber.parse(text, isCount: true) ?? VietnameseNumber.parse(text)
    }

    /// The number typed in a number field, nil when it is not one (or the field holds no number).
    static func number(_ spec: FieldSpec, _ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch spec.kind {
        case .count, .year: return VietnameseNumber.parse(t, isCount: true)
        case .decimal: return VietnameseNumber.parse(t)
        case .money: return money(t)
        case .text, .date, .choice, .toggle: return nil
        }
    }

    /// The whole number typed, when it lies in the field's range; otherwise nil
    /// (and `problem` says why), so no figure ever reaches `Int(Double)` unchecked.
    static func integer(_ spec: FieldSpec, _ text: String) -> Int? {
        number(spec, text).flatMap { NumberLimits.rounded($0, in: spec.range ?? NumberLimits.anyInteger) }.map { Int($0) }
    }

    static func problem(_ spec: FieldSpec, _ text: String) -> ValidationProblem? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return spec.required ? .required : nil }
        switch spec.kind {
        case .text, .choice, .toggle: return nil
        case .date: return Day(parsing: t) == nil ? .notADate(t) : nil
        case .count, .year, .decimal, .money:
            guard let v = number(spec, t) else { return .notANumber(t) }
            return rangeProblem(spec, t, v)
        }
    }

    /// Outside the field's range, said in the words the field's kind already uses when the figure can be shown.
    static func rangeProblem(_ spec: FieldSpec, _ text: String, _ typed: Double) -> ValidationProblem? {
        // A percentage is stored in tenths: 100,04 is kept as 100,0 and is allowed.
        let isPercent = spec.kind == .decimal && spec.range == NumberLimits.percent
        let v = isPercent ? (typed * 10).rounded() / 10 : typed
        guard let r = spec.range, !(v >= Double(r.lowerBound) && v <= Double(r.upperBound)) else { return nil }
        if r.lowerBound == 0, v < 0 { return .negative }
        // A figure too large to print as an integer is quoted as typed instead.
        let shown = NumberLimits.rounded(v, in: NumberLimits.anyInteger)
        if spec.kind == .year, let y = shown { return .yearOutOfRange(Int(y), min: Int(r.lowerBound), max: Int(r.upperBound)) }
        if isPercent, shown != nil { return .percentOutOfRange(v) }
        return .outOfRange(text, min: r.lowerBound, max: r.upperBound)
    }
}
