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

/// One field of an entry form.
public struct FieldSpec: Hashable, Sendable {
    /// The key the validator and the store use for this field.
    public var key: String
    public var label: String
    public var kind: FieldKind
    public var required: Bool
    public var hint: String?

    public init(_ key: String, _ label: String, _ kind: FieldKind = .text, required: Bool = false, hint: String? = nil) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
    }
}

/// Reading what was typed, with messages that say what is expected.
enum FieldParse {
    /// Money is read as a count first (12.000.000 groups thousands), then as a decimal (2,9 tỷ).
    static func money(_ text: String) -> Double? {
        VietnameseNumber.parse(text, isCount: true) ?? VietnameseNumber.parse(text)
    }

    static func problem(_ spec: FieldSpec, _ text: String) -> ValidationProblem? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return spec.required ? .required : nil }
        switch spec.kind {
        case .text, .choice, .toggle: return nil
        case .count, .year: return VietnameseNumber.parse(t, isCount: true) == nil ? .notANumber(t) : nil
        case .decimal: return VietnameseNumber.parse(t) == nil ? .notANumber(t) : nil
        case .money: return money(t) == nil ? .notANumber(t) : nil
        case .date: return Day(parsing: t) == nil ? .notADate(t) : nil
        }
    }
}
