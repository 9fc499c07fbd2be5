import Testing
import TerminalUI

@Suite struct LayoutTests {
    let screen = Rect(x: 0, y: 0, width: 20, height: 10)

    @Test func headerBodyFooter() {
        let parts = Layout.vertical(screen, [.fixed(1), .fill(1), .fixed(1)])
        #expect(parts == [
            Rect(x: 0, y: 0, width: 20, height: 1),
            Rect(x: 0, y: 1, width: 20, height: 8),
            Rect(x: 0, y: 9, width: 20, height: 1),
        ])
    }

    @Test func horizontalSplitIsConsecutiveFromTheOrigin() {
        let parts = Layout.horizontal(Rect(x: 3, y: 2, width: 10, height: 4), [.fixed(4), .fill(1)])
        #expect(parts == [Rect(x: 3, y: 2, width: 4, height: 4), Rect(x: 7, y: 2, width: 6, height: 4)])
    }

    @Test func percentagesRoundAsAGroup() {
        #expect(Layout.sizes(11, [.percent(50), .percent(50)]) == [6, 5])
        #expect(Layout.sizes(10, [.percent(33), .percent(33), .percent(34)]) == [3, 3, 4])
        #expect(Layout.sizes(10, [.percent(25), .percent(25), .percent(50)]) == [3, 2, 5])
        #expect(Layout.sizes(7, [.percent(30)]) == [2])
        #expect(Layout.sizes(10, [.percent(-5), .percent(250)]) == [0, 10])
    }

    @Test func fillsShareTheLeftoverByWeight() {
        #expect(Layout.sizes(10, [.fill(1), .fill(2)]) == [3, 7])
        #expect(Layout.sizes(10, [.fixed(4), .fill(1), .fill(1)]) == [4, 3, 3])
        #expect(Layout.sizes(11, [.fill(1), .fill(1)]) == [6, 5])
        #expect(Layout.sizes(10, [.fill(0), .fill(1)]) == [0, 10])
        // Without anything to grow, the rest stays unused.
        #expect(Layout.sizes(10, [.fixed(3), .percent(20)]) == [3, 2])
    }

    @Test func minGetsItsBaseThenGrowsLikeAFill() {
        #expect(Layout.sizes(10, [.min(3), .fill(1)]) == [7, 3])
        #expect(Layout.sizes(10, [.min(3), .fixed(5)]) == [5, 5])
        #expect(Layout.sizes(2, [.min(3), .fixed(5)]) == [2, 0])
    }

    @Test func noRoomGivesZeroSizeInOrder() {
        #expect(Layout.sizes(10, [.fixed(4), .fixed(4), .fixed(4)]) == [4, 4, 2])
        #expect(Layout.sizes(0, [.fixed(1), .fill(1), .percent(50)]) == [0, 0, 0])
        #expect(Layout.sizes(-3, [.fixed(1)]) == [0])
        // A fill asks for nothing, so a later fixed row still gets its room.
        #expect(Layout.sizes(1, [.fill(1), .fixed(1)]) == [0, 1])
        let parts = Layout.vertical(Rect(x: 0, y: 0, width: 5, height: 2), [.fixed(3), .fill(1)])
        #expect(parts == [Rect(x: 0, y: 0, width: 5, height: 2), Rect(x: 0, y: 2, width: 5, height: 0)])
        #expect(parts[1].isEmpty)
    }

    @Test func sizesNeverExceedTheTotal() {
        let sets: [[Layout.Constraint]] = [
            [.percent(60), .percent(60), .fill(1)],
            [.min(7), .percent(50), .fixed(2), .fill(3)],
            [.fill(1), .fill(1), .fill(1)],
        ]
        for constraints in sets {
            for total in 0...23 {
                let sizes = Layout.sizes(total, constraints)
                #expect(sizes.reduce(0, +) <= total)
                #expect(sizes.allSatisfy { $0 >= 0 })
                #expect(Layout.sizes(total, constraints) == sizes)
            }
        }
    }

    @Test func centeredRect() {
        #expect(screen.centered(width: 6, height: 3) == Rect(x: 7, y: 3, width: 6, height: 3))
        #expect(screen.centered(width: 7, height: 4) == Rect(x: 6, y: 3, width: 7, height: 4))
        #expect(screen.centered(width: 50, height: 50) == screen)
    }
}
