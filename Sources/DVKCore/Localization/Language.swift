/// The language of everything the user reads. Vietnamese by default.
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// `--lang` wins, then `DVK_LANG`, then Vietnamese.
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        for candidate in [flag, environment["DVK_LANG"]] {
            if let c = candidate?.lowercased(), let lang = Language(rawValue: String(c.prefix(2))) { return lang }
        }
        return .vi
    }
}
