/// A buffer as one letter per cell naming its role (see `StyleRole.code`).
/// Golden "style" files keep these next to the plain text, so a test catches
/// a lost highlight even though plain text has no colour. Continuation cells
/// repeat their wide cell's letter, keeping the grid one char per column.
public enum RoleRenderer {
    public static func lines(_ buffer: Buffer) -> [String] {
        (0..<buffer.height).map { y in
            PlainTextRenderer.trimTrailingSpaces(String(buffer.row(y).map(\.role.code)))
        }
    }

    public static func render(_ buffer: Buffer) -> String {
        lines(buffer).joined(separator: "\n")
    }
}
