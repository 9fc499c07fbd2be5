/// What a cell *means*, not how it looks. Each output (terminal colour,
/// monochrome terminal, HTML, golden files) maps roles to its own look, so
/// widgets never choose colours and printed output can't lose meaning.
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
    case normal, header, focus, selected, met, atRisk, behind, noData, error, muted

    /// One letter per role for golden "style" files (see `RoleRenderer`).
    /// Normal is a space so unstyled areas stay visually empty in diffs.
    public var code: Character {
        switch self {
        case .normal: " "
        case .header: "H"
        case .focus: "F"
        case .selected: "S"
        case .met: "M"
        case .atRisk: "A"
        case .behind: "B"
        case .noData: "N"
        case .error: "E"
        case .muted: "m"
        }
    }

    public var isBold: Bool { style.attributes.contains(.bold) }
}
