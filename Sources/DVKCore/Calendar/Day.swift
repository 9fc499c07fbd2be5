import Foundation

/// A calendar day with no time zone.
///
/// Reports, decisions and launches are dated by the day; a `Date` would drag in
/// time zones and make "31/12" depend on where the officer's PC is.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for days that do not exist (31/02, 29/02 in a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func firstOf(year: Int) -> Day { Day(year: year, month: 1, day: 1)! }
    public static func lastOf(year: Int) -> Day { Day(year: year, month: 12, day: 31)! }

    /// The day after: a merged unit's successor takes over on it.
    public var next: Day {
        if let d = Day(year: year, month: month, day: day + 1) { return d }
        return month == 12 ? Day.firstOf(year: year + 1) : Day(year: year, month: month + 1, day: 1)!
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The Vietnamese way, dd/MM/yyyy.
    public var description: String {
        "\(Day.two(day))/\(Day.two(month))/\(year)"
    }

    /// yyyy-MM-dd: the stored form, which sorts as text in SQL.
    public var iso: String {
        let y = String(year)
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(Day.two(month))-\(Day.two(day))"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Parses `yyyy-MM-dd` (stored form), `dd/MM/yyyy`, `d/m/yyyy` and `d/m/yy`
    /// (two-digit years are 20yy: nothing in this movement predates 2000).
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 10, t.dropFirst(4).first == "-" {
            let p = t.split(separator: "-")
            guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
            self.init(year: y, month: m, day: d)
            return
        }
        let p = t.split(separator: "/", omittingEmptySubsequences: false)
        guard p.count == 3, p.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let d = Int(p[0]), let m = Int(p[1]), var y = Int(p[2]) else { return nil }
        switch p[2].count {
        case 2: y += 2000
        case 4: break
        default: return nil
        }
        self.init(year: y, month: m, day: d)
    }
}
