/// Where text sits in a space wider than itself.
public enum Alignment: Hashable, Sendable {
    case left, right
    /// An odd spare column goes to the right.
    case center
}
