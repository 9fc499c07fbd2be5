import Testing
@testable import DVKCore

/// Found by `ParserFuzzTests`: `NumberLimits` trapped on 2^63 when a range
/// reached Int64.max, because Double(Int64.max) rounds up to 2^63.
@Suite("Number limits at the edge of Int64")
struct NumberLimitsTests {
    @Test func twoToTheSixtyThreeIsRefusedNotATrap() {
        let twoTo63 = 9_223_372_036_854_775_808.0
        #expect(NumberLimits.integer(twoTo63, in: Int64.min...Int64.max) == nil)
        #expect(NumberLimits.rounded(twoTo63, in: 0...Int64.max) == nil)
        #expect(NumberLimits.rounded(-twoTo63, in: Int64.min...0) == Int64.min)
        #expect(NumberLimits.integer(twoTo63.nextDown, in: Int64.min...Int64.max) == Int64(twoTo63.nextDown))
    }

    /// A bound that a Double cannot hold exactly still bounds the result.
    @Test func aBoundNotExactAsADoubleStillHolds() {
        let upper: Int64 = (1 << 53) + 3 // as a Double: 2^53 + 4
        #expect(NumberLimits.integer(Double(upper), in: 0...upper) == nil)
        #expect(NumberLimits.integer(Double(1 << 53), in: 0...upper) == 1 << 53)
    }

    @Test func theNamedRangesAreUnchanged() {
        #expect(NumberLimits.integer(1e15, in: NumberLimits.fundsVND) == 1_000_000_000_000_000)
        #expect(NumberLimits.integer(1e15 + 1, in: NumberLimits.fundsVND) == nil)
        #expect(NumberLimits.integer(2.5, in: NumberLimits.year) == nil)
        #expect(NumberLimits.rounded(2.5, in: NumberLimits.year) == 3)
        #expect(NumberLimits.rounded(-0.4, in: NumberLimits.workDays) == 0)
        #expect(NumberLimits.rounded(.nan, in: NumberLimits.workDays) == nil)
        #expect(NumberLimits.rounded(.infinity, in: NumberLimits.anyInteger) == nil)
    }
}
