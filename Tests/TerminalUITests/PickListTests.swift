import Testing
import TerminalUI

/// A stand-in for the domain's Vietnamese folding: lowercase, no marks, đ → d.
private let testFold: @Sendable (String) -> String = { text in
    let marksGone = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
        $0.properties.generalCategory != .nonspacingMark
    }
    return String(String.UnicodeScalarView(marksGone)).lowercased().map { $0 == "đ" ? "d" : String($0) }.joined()
}

private let communes = ["Suối Giàng", nfd("Suối Bu"), "Nậm Có", nfd("Đồng Khê"), "Tú Lệ", "Nghĩa Lộ", "Mường Lò"]

/// PickList: folded filtering, selection keys, rendering.
@Suite struct PickListTests {
    func list(filter: String = "", pageSize: Int = 10) -> PickList {
        PickList(items: communes, fold: testFold, filter: TextInput(filter), pageSize: pageSize)
    }

    @Test func filterMatchesEveryFoldedWordIgnoringToneMarks() {
        #expect(list().visibleIndices == Array(0..<7))
        #expect(list(filter: "suoi").visibleIndices == [0, 1])
        #expect(list(filter: nfd("SUỐI  g")).visibleIndices == [0])
        #expect(list(filter: "g suoi").visibleIndices == [0])
        #expect(list(filter: "dong").visibleIndices == [3])
        #expect(list(filter: "lo").visibleIndices == [5, 6])
        let none = list(filter: "xyz")
        #expect(none.visibleIndices.isEmpty)
        #expect(none.selectedItem == nil)
        // Caller-supplied keys are used as given.
        let keyed = PickList(items: ["A", "B"], keys: ["ma so 1", "ma so 2"], fold: testFold, filter: TextInput("2"))
        #expect(keyed.visibleIndices == [1])
    }

    @Test func typingRefiltersAndSelectsTheFirstMatch() {
        var pick = list()
        #expect(press(&pick, .down) && press(&pick, .down))
        #expect(pick.selectedItem == 2)
        for c in "lo" { #expect(press(&pick, .character(c))) }
        #expect(pick.filter.text == "lo")
        #expect(pick.visibleIndices == [5, 6])
        #expect(pick.selected == 0 && pick.selectedItem == 5)
        #expect(press(&pick, .down) && pick.selectedItem == 6)
        #expect(press(&pick, .backspace) && pick.visibleIndices == [4, 5, 6])
        #expect(press(&pick, .ctrl("u")) && pick.visibleIndices.count == 7)
        #expect(!press(&pick, .enter) && !press(&pick, .escape))
    }

    @Test func selectionMovesByRowAndPageAndStopsAtTheEnds() {
        var pick = list(pageSize: 3)
        #expect(press(&pick, .up) && pick.selected == 0)
        #expect(press(&pick, .pageDown) && pick.selected == 3)
        #expect(pick.offset == 1)
        #expect(press(&pick, .pageDown) && pick.selected == 6)
        #expect(press(&pick, .down) && pick.selected == 6)
        #expect(pick.offset == 4)
        #expect(press(&pick, .pageUp) && pick.selected == 3 && pick.offset == 3)
        #expect(press(&pick, .home) && pick.selected == 0 && pick.offset == 0)
        #expect(press(&pick, .end) && pick.selectedItem == 6)
        var empty = list(filter: "xyz")
        #expect(press(&empty, .down) && press(&empty, .end) && empty.selected == 0)
    }

    @Test func rendersFilterLineListAndSelection() {
        var buffer = Buffer(width: 24, height: 7)
        var pick = list(filter: "lo", pageSize: PickList.listRows(in: buffer.area))
        #expect(pick.pageSize == 3)
        pick.render(into: &buffer, area: buffer.area, title: "Chọn xã", filterLabel: "Lọc: ", placeholder: "(không có)")
        #expect(lines(buffer) == [
            "┌ Chọn xã ─────────────┐",
            "│ Lọc: lo              │",
            "├──────────────────────┤",
            "│ ▶ Nghĩa Lộ           │",
            "│   Mường Lò           │",
            "│                      │",
            "└──────────────────────┘",
        ])
        #expect(roles(buffer)[1] == "  mmmmm")
        #expect(roles(buffer)[3] == "  SSSSSSSSSSSSSSSSSSSS")
        #expect(roles(buffer)[4] == "")
        #expect(pick.cursorPosition(in: buffer.area, filterLabel: "Lọc: ") == Point(x: 9, y: 1))

        pick.filter = TextInput()
        #expect(press(&pick, .end))
        pick.render(into: &buffer, area: buffer.area, title: "Chọn xã", filterLabel: "Lọc: ", placeholder: "(không có)")
        #expect(Array(lines(buffer)[3...5]) == [
            "│   Tú Lệ              │",
            "│   Nghĩa Lộ           │",
            "│ ▶ Mường Lò           │",
        ])
    }

    @Test func rendersThePlaceholderWhenNothingMatches() {
        var buffer = Buffer(width: 24, height: 6)
        list(filter: "xyz").render(into: &buffer, area: buffer.area, filterLabel: "Lọc: ", placeholder: "(không có)")
        #expect(lines(buffer) == [
            "┌──────────────────────┐",
            "│ Lọc: xyz             │",
            "├──────────────────────┤",
            "│ (không có)           │",
            "│                      │",
            "└──────────────────────┘",
        ])
        #expect(roles(buffer)[3] == "  mmmmmmmmmm")
    }

    @Test func equalityIgnoresTheFoldClosure() {
        let other = PickList(items: communes, fold: { testFold($0) })
        #expect(other == list())
        #expect(list(filter: "lo") != list())
    }
}

/// `handle` through a function, since `#expect` can't call a mutating method.
private func press(_ list: inout PickList, _ key: Key) -> Bool { list.handle(key) }
