import DVKCore
import DVKDashboard
import DVKStore
import Foundation
import TerminalUI

/// Where the dashboard opens: which unit and year, over which years, and
/// what the header says. Shared by the live dashboard and `dvk snapshot`,
/// so both start from the same state.
public struct SessionStart {
    public var unitID: OrgUnit.ID
    public var year: Int
    public var years: ClosedRange<Int>
    public var dataAsOf: Day?
    /// No units at all: the dashboard opens on an explanation instead of data.
    public var isEmpty = false
    /// Today, from the clock (tests pass a fixed day).
    public var today = SessionStart.currentDay()
    /// The map past years are read on.
    public var map: MapView = .today(SessionStart.currentDay())

    public static func currentDay() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year ?? 2025, month: c.month ?? 1, day: c.day ?? 1) ?? Day.firstOf(year: 2025)
    }

    /// Resolves `unit` (name, code or ref; nil = the home unit) and `year`
    /// (nil = the data-as-of year) against the database.
    /// `map` nil: today's map.
    public static func resolve(db: AppDatabase, unit: String?, year: Int?, lang: Language,
                               today day: Day = SessionStart.currentDay(), map: MapView? = nil) throws -> SessionStart {
        var start = try resolveUnit(db: db, unit: unit, year: year, lang: lang, today: day, map: map ?? .today(day))
        start.map = map ?? .today(day)
        return start
    }

    static func resolveUnit(db: AppDatabase, unit: String?, year: Int?, lang: Language, today day: Day, map: MapView) throws -> SessionStart {
        let dataAsOf = try db.dataAsOf()
        let today = day.year
        let year = year ?? dataAsOf?.year ?? today
        let span = try db.dataYears() ?? year...year
        // The stored count span runs a year ahead (for launches in progress):
        // never offer years past the data's own date.
        let last = max(min(span.upperBound, dataAsOf?.year ?? today), year)
        let years = min(span.lowerBound, year)...last
        do {
            return SessionStart(unitID: try UnitLookup.resolve(db: db, text: unit, year: year, map: map), year: year, years: years, dataAsOf: dataAsOf, today: day)
        } catch LookupError.noUnits {
            return SessionStart(unitID: 0, year: year, years: years, dataAsOf: dataAsOf, isEmpty: true, today: day)
        }
    }

    public func state(lang: Language, size: Size, officer: String, screen: Screen = .overview) -> AppState {
        var s = AppState(unitID: unitID, year: year, years: years, lang: lang, size: size, dataAsOf: dataAsOf, officer: officer,
                         screen: screen, today: today, map: map)
        s.isEmptyDatabase = isEmpty
        return s
    }
}

/// Mistakes in what the user asked for (not in the data).
public enum LookupError: Error, Equatable {
    case unitNotFound(String)
    /// The text typed, the first candidates, and how many matched in all.
    case unitAmbiguous(String, [UnitCandidate], total: Int)
    case noUnits

    public func message(_ lang: Language) -> String {
        let w = Words(lang)
        switch self {
        case let .unitNotFound(t):
            return w.pick("không tìm thấy đơn vị “\(t)” (thử tên không dấu, mã hoặc tên đầy đủ).", "no unit matches “\(t)” (try the name without tone marks, or a code).")
        case let .unitAmbiguous(t, matches, total):
            let head = w.pick("“\(t)” khớp nhiều đơn vị, hãy ghi rõ hơn (tên đầy đủ, mã hoặc ref):",
                              "“\(t)” matches several units, be more specific (full name, code or ref):")
            let more = total > matches.count ? ["  " + w.pick("… và \(total - matches.count) đơn vị khác", "… and \(total - matches.count) more")] : []
            return ([head] + matches.map { "  • " + LookupError.describe($0, w) } + more).joined(separator: "\n")
        case .noUnits:
            return w.pick("cơ sở dữ liệu chưa có đơn vị nào: chạy `dvk demo` để xem dữ liệu mẫu.", "the database has no units yet: run `dvk demo` to see the demo data.")
        }
    }

    /// “Tỉnh Lào Cai — mã 10, tỉnh, đến 30/06/2025 (sáp nhập vào Tỉnh Lào Cai)”.
    static func describe(_ m: UnitCandidate, _ w: Words) -> String {
        let u = m.unit
        var parts: [String] = []
        if let code = u.officialCode, !code.isEmpty { parts.append(w.pick("mã \(code)", "code \(code)")) }
        parts.append(w.kind(of: u))
        if let parent = m.parentName { parts.append(w.pick("thuộc \(parent)", "in \(parent)")) }
        switch (u.validFrom, u.validTo) {
        case let (from?, to?): parts.append(w.pick("từ \(from) đến \(to)", "from \(from) to \(to)"))
        case let (from?, nil): parts.append(w.pick("từ \(from)", "from \(from)"))
        case let (nil, to?): parts.append(w.pick("đến \(to)", "until \(to)"))
        case (nil, nil): break
        }
        if let successor = m.successorName {
            let merged = w.pick("(sáp nhập vào \(successor))", "(merged into \(successor))")
            if u.validTo != nil { parts[parts.count - 1] += " " + merged } else { parts.append(merged) }
        }
        return u.name + " — " + parts.joined(separator: ", ")
    }
}

public enum UnitLookup {
    /// How many namesakes an ambiguous lookup lists.
    static let listed = 8

    /// The unit `text` names (name, official code or ref; nil = the home
    /// unit). Official codes and names repeat between the map before the
    /// 1/7/2025 reform and today's, so among several matches the ones in
    /// force at the end of `year` (nil = the data-as-of year) are preferred;
    /// a ref is unique and always wins.
    /// `map`: which units are in force, as the figures will be read (today's
    /// units on today's map, whatever the year).
    public static func resolve(db: AppDatabase, text: String?, year: Int?, map: MapView = .then) throws -> OrgUnit.ID {
        if let text {
            // No unit name is this long: a pasted page is refused, not searched and echoed back whole.
            if text.count > 300 { throw LookupError.unitNotFound(String(text.prefix(60)) + "…") }
            let found = try db.findUnits(text)
            if found.count == 1 { return found[0].id }
            if found.isEmpty { throw LookupError.unitNotFound(text) }
            let year = try year ?? db.dataAsOf()?.year ?? SessionStart.currentDay().year
            let day = map.mapDay(for: year)
            let inForce = found.filter { $0.isValid(on: day) }
            if inForce.count == 1 { return inForce[0].id }
            let candidates = inForce.isEmpty ? found : inForce
            throw LookupError.unitAmbiguous(text, try db.unitCandidates(Array(candidates.prefix(listed))), total: candidates.count)
        }
        if let home = try db.setting(.homeUnit).flatMap(Int64.init), try db.unit(id: home) != nil { return home }
        let units = try db.allUnits()
        guard !units.isEmpty else { throw LookupError.noUnits }
        return (units.first { $0.parentID == nil } ?? units[0]).id
    }
}

/// Renders a screen without a terminal (`dvk snapshot`, golden tests,
/// benchmarks): the same state, effects and view as the live dashboard.
public enum Headless {
    public static func dashboard(start: SessionStart, screen: Screen, size: Size, lang: Language, officer: String,
                                 runner: EffectRunner) -> Dashboard {
        var model = Dashboard(state: start.state(lang: lang, size: size, officer: officer))
        model.start(perform: runner.perform)
        if screen != .overview {
            Program<Dashboard>.send(.action(.show(screen)), to: &model, perform: runner.perform)
        }
        return model
    }
}
