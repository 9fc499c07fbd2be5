import Testing
import TerminalUI

@Suite struct RectTests {
    let rect = Rect(x: 2, y: 1, width: 10, height: 6)

    @Test func insetShrinksAndClamps() {
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 2, width: 8, height: 4))
        #expect(rect.inset(dx: 2, dy: 0) == Rect(x: 4, y: 1, width: 6, height: 6))
        #expect(rect.inset(by: 9).isEmpty)
    }

    @Test func splitsCoverTheRectExactly() {
        let (top, rest) = rect.splitTop(2)
        #expect(top == Rect(x: 2, y: 1, width: 10, height: 2))
        #expect(rest == Rect(x: 2, y: 3, width: 10, height: 4))
        let (body, bottom) = rect.splitBottom(1)
        #expect(body.height == 5 && bottom == Rect(x: 2, y: 6, width: 10, height: 1))
        let (left, right) = rect.splitLeft(3)
        #expect(left == Rect(x: 2, y: 1, width: 3, height: 6) && right == Rect(x: 5, y: 1, width: 7, height: 6))
        let (main, side) = rect.splitRight(20)
        #expect(main.isEmpty && side == rect)
    }

    @Test func intersectionAndContains() {
        #expect(rect.intersection(Rect(x: 0, y: 0, width: 4, height: 3)) == Rect(x: 2, y: 1, width: 2, height: 2))
        #expect(rect.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
        #expect(rect.contains(x: 2, y: 1) && !rect.contains(x: 12, y: 1))
    }
}
