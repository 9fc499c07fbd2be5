import SnapshotTesting
import Testing
import TerminalUI

/// Golden files in __Snapshots__: the plain text and the role letters of a
/// mixed screen, and the HTML page built from it. Reviewing a change to one
/// of these files is reviewing a change to what users see and print.
@Suite struct GoldenTests {
    static func screen() -> Buffer {
        var buffer = Buffer(width: 32, height: 5)
        buffer.fill(Rect(x: 0, y: 0, width: 32, height: 1), role: .header)
        buffer.write("Đơn vị            Tiến độ", x: 0, y: 0, role: .header)
        buffer.write("Chi đoàn 1", x: 0, y: 1)
        buffer.write("✓ 92% đạt", x: 18, y: 1, role: .met)
        buffer.fill(Rect(x: 0, y: 2, width: 32, height: 1), role: .focus)
        buffer.write(nfd("Chi đoàn Ấp Bắc"), x: 0, y: 2, role: .focus)
        buffer.write("! 61% sát", x: 18, y: 2, role: .atRisk)
        buffer.write("Đội 中文", x: 0, y: 3)
        buffer.write("✗ 20% chậm", x: 18, y: 3, role: .behind)
        buffer.write("Tổ mới", x: 0, y: 4, role: .muted)
        buffer.write("– chưa có", x: 18, y: 4, role: .noData)
        return buffer
    }

    @Test func plainAndRoles() {
        let buffer = Self.screen()
        let text = PlainTextRenderer.render(buffer) + "\n" + RoleRenderer.render(buffer) + "\n"
        assertSnapshot(of: text, as: .lines)
    }

    @Test func html() {
        assertSnapshot(of: HTMLRenderer.render(Self.screen(), title: "Tiến độ", header: "Bản in thử"), as: .lines)
    }
}
