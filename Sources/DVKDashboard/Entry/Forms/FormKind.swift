import DVKCore

/// Which form is open, with what it is about: any `EntryForm`, kept as a
/// value so the form state stays plain, comparable data. Nothing switches
/// over the kinds of form; a new one is a new `EntryForm`.
public struct FormKind: Hashable, Sendable {
    let form: any EntryForm

    init(_ form: any EntryForm) { self.form = form }

    public static func == (a: FormKind, b: FormKind) -> Bool { AnyHashable(a.form) == AnyHashable(b.form) }
    public func hash(into h: inout Hasher) { h.combine(AnyHashable(form)) }

    /// The stored record to read before the form opens.
    public var recordKey: RecordKey? { form.recordKey }

    var confirmsConsequences: Bool { form.confirmsConsequences }

    /// The same form with the stored record it would replace.
    public func with(_ record: StoredRecord?) -> FormKind { FormKind(form.with(record)) }
}
