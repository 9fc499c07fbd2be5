import Testing
import TerminalUI

/// Issue 8: a key bar that must leave keys out says so with an overflow
/// item ("? thêm" / "? more"), and only then.
@Suite struct KeyBarOverflowTests {
    static let hints = [
        KeyHint(key: "q", label: "Thoát"), KeyHint(key: "?", label: "Trợ giúp"),
        KeyHint(key: "↑↓", label: "Chọn"), KeyHint(key: "Enter", label: "Mở"),
    ]
    static let everything = "q Thoát  ? Trợ giúp  ↑↓ Chọn  Enter Mở"

    static func bar(_ label: String?, width: Int) -> Buffer {
        var buffer = Buffer(width: width, height: 1)
        KeyBar(hints, overflowLabel: label).render(into: &buffer, area: buffer.area)
        return buffer
    }

    @Test func allKeysFitAndNoOverflowItemShows() {
        for width in [38, 39, 60] {
            #expect(lines(Self.bar("? thêm", width: width)) == [Self.everything])
            #expect(lines(Self.bar(nil, width: width)) == [Self.everything])
            #expect(KeyBar(Self.hints, overflowLabel: "? thêm").fittingCount(width: width) == 4)
        }
    }

    @Test func droppedKeysMakeRoomForTheOverflowItem() {
        #expect(lines(Self.bar("? thêm", width: 37)) == ["q Thoát  ? Trợ giúp  ↑↓ Chọn  ? thêm"])
        #expect(lines(Self.bar("? thêm", width: 36)) == ["q Thoát  ? Trợ giúp  ↑↓ Chọn  ? thêm"])
        // One more key gives way so the item fits.
        #expect(lines(Self.bar("? thêm", width: 35)) == ["q Thoát  ? Trợ giúp  ? thêm"])
        #expect(lines(Self.bar("? more", width: 20)) == ["q Thoát  ? more"])
        #expect(lines(Self.bar("? more", width: 14)) == ["? more"])
        // Drawn like a hint: "?" is a key.
        #expect(roles(Self.bar("? thêm", width: 37)) == ["F        F           FF       F"])
        // Narrower than the item itself: cut with "…".
        #expect(lines(Self.bar("? thêm", width: 5)) == ["? th…"])
        #expect(lines(Self.bar("? thêm", width: 2)) == ["?…"])
        #expect(lines(Self.bar("? thêm", width: 1)) == ["…"])
        // Without a label, "…" marks the drop.
        #expect(lines(Self.bar(nil, width: 37)) == ["q Thoát  ? Trợ giúp  ↑↓ Chọn  …"])
        #expect(lines(Self.bar("", width: 37)) == ["q Thoát  ? Trợ giúp  ↑↓ Chọn  …"])
    }

    @Test(arguments: [nil, "? thêm", "? more", "thêm…"] as [String?])
    func theItemShowsExactlyWhenAKeyIsLeftOut(label: String?) {
        let keyBar = KeyBar(Self.hints, overflowLabel: label)
        let item = label.flatMap { $0.isEmpty ? nil : $0 } ?? "…"
        for width in 1...45 {
            let row = lines(Self.bar(label, width: width))[0]
            let shown = keyBar.fittingCount(width: width)
            if shown == Self.hints.count {
                #expect(row == Self.everything, "\(width)")
                continue
            }
            // The keys shown are whole, and the item (or its cut) ends the bar.
            let keys = Self.hints.prefix(shown).map { "\($0.key) \($0.label)" }.joined(separator: "  ")
            if CellWidth.of(item) <= width {
                #expect(row == (shown > 0 ? keys + "  " : "") + item, "\(width): \(row)")
            } else {
                #expect(shown == 0 && row.last == "…", "\(width): \(row)")
            }
        }
    }
}
