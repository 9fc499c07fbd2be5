import DVKCore
import TerminalUI

/// The go-to box's update: typing asks the store again, the answer for what
/// is typed now fills the list, Enter goes there the way drilling down does.
enum GoToUpdate {
    static func open(_ s: inout AppState) -> [Effect] {
        s.mode = .goTo(GoToState())
        return [search("", s)]
    }

    static func search(_ text: String, _ s: AppState) -> Effect {
        .searchUnits(text, today: s.today, limit: GoToState.limit)
    }

    /// An editing key: a changed text is searched again.
    static func key(_ key: Key, _ s: inout AppState) -> [Effect] {
        guard var g = s.goTo else { return [] }
        let before = g.text
        guard g.input.handle(key), g.text != before else { return [] }
        s.goTo = g
        return [search(g.text, s)]
    }

    static func found(_ text: String, _ candidates: [UnitCandidate], _ s: inout AppState) -> [Effect] {
        // Answers arrive in order, but one for text since changed must not replace the list.
        guard var g = s.goTo, text == g.text else { return [] }
        (g.candidates, g.foundFor, g.selected, g.offset) = (candidates, text, 0, 0)
        s.goTo = g
        return []
    }

    static func perform(_ a: Action, _ s: inout AppState) -> [Effect] {
        guard let g = s.goTo else { return [] }
        let page = max(1, Table.visibleRows(in: GoToState.table(Layouts.body(s.size))))
        switch a {
        case .up: move(to: g.selected - 1, &s)
        case .down: move(to: g.selected + 1, &s)
        case .pageUp: move(to: g.selected - page, &s)
        case .pageDown: move(to: g.selected + page, &s)
        case .closeOverlay: s.mode = .normal
        case .chooseUnit:
            guard let c = g.chosen else { return [] }
            s.mode = .normal
            return go(to: c.unit, &s)
        default: break
        }
        return []
    }

    static func move(to row: Int, _ s: inout AppState) {
        guard var g = s.goTo else { return }
        let count = g.candidates?.count ?? 0
        g.selected = count == 0 ? 0 : min(max(0, row), count - 1)
        let rows = Table.visibleRows(in: GoToState.table(Layouts.body(s.size)))
        g.offset = Table.scrollOffset(selected: g.selected, current: g.offset, visibleRows: rows, rowCount: count)
        s.goTo = g
    }

    /// Opens `unit` as drilling down does, so Backspace comes back. A merged
    /// unit opens as its successor (the overview follows it), one formed
    /// later as the old units in its place (the map of that time); one that
    /// ended without a successor, or that no map of the year holds, opens in
    /// the nearest year it counts in.
    static func go(to unit: OrgUnit, _ s: inout AppState) -> [Effect] {
        let year = s.location.year
        let formedLater = unit.validFrom.map { $0 > Day.lastOf(year: year) } ?? false
        guard unit.isValid(on: s.map.mapDay(for: year)) || unit.mergedIntoID != nil || formedLater else {
            guard let other = s.years.filter(unit.isValid(atEndOf:)).min(by: { abs($0 - year) < abs($1 - year) }) else {
                s.notice = .info(s.texts.pick("\(unit.name) không có trong các năm có số liệu.",
                                              "\(unit.name) is in none of the years with data."))
                return []
            }
            s.notice = .info(other < year
                ? s.texts.pick("\(unit.name) chỉ có đến năm \(other): đang xem năm \(other).", "\(unit.name) counts until \(other): showing \(other).")
                : s.texts.pick("\(unit.name) có từ năm \(other): đang xem năm \(other).", "\(unit.name) counts from \(other): showing \(other)."))
            return Update.drill(into: unit.id, year: other, &s)
        }
        guard unit.id != s.location.unitID else { return [] }
        return Update.drill(into: unit.id, &s)
    }
}
