/// An error that says what went wrong in the officer's language: the
/// dashboard's status line and the CLI show `message` as it is.
public protocol ExplainedError: Error {
    func message(_ lang: Language) -> String
}
