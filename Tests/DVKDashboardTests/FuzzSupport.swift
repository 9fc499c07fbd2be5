import DVKCore
import Foundation
import TerminalUI

/// The generator the store's synthetic data uses: a failing seed replays.
typealias FuzzRandom = SeededRandom

extension SeededRandom {
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
}

/// What an officer (or a cat on the keyboard) may press, weighted towards
/// the keys that move, open, type and save.
enum FuzzKeys {
    static let moves: [Key] = [.up, .down, .home, .end, .pageUp, .pageDown, .character("j"), .character("k"),
                               .character("g"), .character("G"), .left, .right]
    static let commands: [Key] = "12345[]/sftepu?".map { .character($0) }
        + [.tab, .backTab, .enter, .escape, .backspace, .character("h"), .character("l"), .ctrl("r")]
    static let entry: [Key] = "abvcxwyormnT".map { .character($0) }
    static let editing: [Key] = [.function(2), .ctrl("s"), .function(6), .ctrl("t"), .ctrl("u"), .ctrl("a"), .ctrl("e"),
                                 .ctrl("k"), .ctrl("w"), .delete, .backspace, .tab, .backTab, .enter, .escape,
                                 .character(" "), .character("c"), .character("k"), .character("y"), .character("n")]
    static let rare: [Key] = [.function(1), .function(3), .function(5), .function(12), .ctrl("c"), .ctrl("z"), .unknown,
                              .character("q"), .function(10), .mouse(.wheelUp), .mouse(.wheelDown)]
    /// Digits and separators for number and date fields, letters (Vietnamese too), junk.
    static let typed: [Character] = Array("0123456789.,/-% tỷtriệuđồng") + Array("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐẾỮ")
        + ["\u{1B}", "\u{7}", "\u{9B}", "\u{202E}", "\u{2028}", "\u{301}", "🙂", "中", "\t"]
    static let huge: [String] = ["99999999999 tỷ", String(repeating: "9", count: 25), "1e308", "-1", "31/02/2025",
                                 "0001-01-01", "9999-12-31", "100,04", String(repeating: "ế", count: 300)]

    static func next(_ r: inout FuzzRandom, size: Size) -> Key {
        let roll = Int.random(in: 0..<100, using: &r)
        switch roll {
        case ..<30: return r.pick(moves)
        case ..<48: return r.pick(commands)
        case ..<53: return r.pick(entry)
        case ..<68: return r.pick(editing)
        case ..<90: return .character(r.pick(typed))
        case ..<93: return .paste(r.pick(huge))
        case ..<96:
            return .mouse(.click(x: Int.random(in: -3...(size.width + 3), using: &r), y: Int.random(in: -3...(size.height + 3), using: &r)))
        default: return r.pick(rare)
        }
    }

    /// Mostly usual terminals, sometimes absurd ones.
    static let sizes: [Size] = [Size(width: 1, height: 1), Size(width: 10, height: 5), Size(width: 79, height: 23),
                                Size(width: 80, height: 24), Size(width: 80, height: 24), Size(width: 80, height: 24),
                                Size(width: 80, height: 24), Size(width: 81, height: 25), Size(width: 100, height: 30),
                                Size(width: 120, height: 40), Size(width: 250, height: 70)]
}
