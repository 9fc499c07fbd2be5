import DVKCore
import DVKDashboard
import DVKStore
import Foundation

/// What a move or a merger would change, worked out by making it inside a
/// transaction that is then rolled back: the same writes and rules as the
/// save, so the preview cannot disagree with what saving does.
enum Consequences {
    /// Carries the rolled-up year out of the transaction that is thrown away.
    private struct RolledBack: Error, Sendable { let after: [ProgressSnapshot] }

    /// `cache` holds the years as stored: the "before" side is read from it, not rolled up again.
    static func lines(_ request: SaveRequest, db: AppDatabase, cache: SnapshotCache, lang: Language, years: [Int]) throws -> [String] {
        let w = Words(lang)
        let unitID: OrgUnit.ID, destination: OrgUnit.ID?
        switch request {
        case let .moveUnit(id, parent): (unitID, destination) = (id, parent)
        case let .mergeUnit(id, into, _): (unitID, destination) = (id, into)
        default: return []
        }
        // A move or merger is judged on each year's own map, where it takes effect.
        let before = try years.map { try cache.snapshot(year: $0, map: .then, from: db) }
        var after = before
        do {
            _ = try db.inOneChange { tx -> Bool in
                if case let .refused(text, field) = try Saving.write(request, tx) { throw Refused(text: text, field: field) }
                throw RolledBack(after: try years.map { try ProgressSnapshot.build(from: tx, year: $0) })
            }
        } catch let done as RolledBack {
            after = done.after
        }
        guard let units = before.last?.tree.units else { return [] }
        let name = { (id: OrgUnit.ID?) in id.flatMap { units[$0]?.name } ?? "–" }
        var out: [String] = []
        switch request {
        case .moveUnit:
            out.append(w.pick("Chuyển “\(name(unitID))” từ \(name(units[unitID]?.parentID)) sang \(name(destination)).",
                              "Move “\(name(unitID))” from \(name(units[unitID]?.parentID)) to \(name(destination))."))
        case let .mergeUnit(_, _, lastDay):
            out.append(w.pick("Sáp nhập “\(name(unitID))” vào \(name(destination)): còn hiệu lực đến \(lastDay.description), từ \(lastDay.next.description) thuộc \(name(destination)).",
                              "Merge “\(name(unitID))” into \(name(destination)): in force until \(lastDay.description), part of \(name(destination)) from \(lastDay.next.description)."))
        default: break
        }
        let follow = try db.recordsFollowing(unit: unitID)
        let n = { (k: Int) in VietnameseNumber.integer(k, lang) }
        out.append(w.pick("Đi theo: \(n(follow.models)) mô hình, \(n(follow.surveys)) khảo sát, \(n(follow.plans)) kế hoạch.",
                          "Going with it: \(n(follow.models)) models, \(n(follow.surveys)) surveys, \(n(follow.plans)) plans."))
        // The parents on both sides, nearest first: their figures are the ones that move.
        var affected: [OrgUnit.ID] = []
        for id in UnitPlacement.ancestors(of: unitID, units) + (destination.map { [$0] + UnitPlacement.ancestors(of: $0, units) } ?? [])
        where !affected.contains(id) { affected.append(id) }
        for (year, (b, a)) in zip(years, zip(before, after)) {
            let changes = affected.compactMap { id in change(name(id), b.progress[id], a.progress[id], w) }
            out.append(changes.isEmpty
                ? w.pick("Số liệu năm \(year) của các cấp trên không đổi.", "No parent's \(year) figures change.")
                : w.pick("Số liệu năm \(year) thay đổi:", "\(year) figures that change:"))
            out += changes
        }
        return out
    }

    /// One parent's figures before → after, or nil when nothing it shows moves.
    private static func change(_ name: String, _ b: UnitProgress?, _ a: UnitProgress?, _ w: Words) -> String? {
        guard let b, let a else { return nil }
        let n = { (k: Int) in VietnameseNumber.integer(k, w.lang) }
        var parts: [String] = []
        if b.models.effective != a.models.effective {
            parts.append(w.pick("mô hình hiệu quả \(n(b.models.effective)) → \(n(a.models.effective))",
                                "effective models \(n(b.models.effective)) → \(n(a.models.effective))"))
        }
        if b.models.inForce != a.models.inForce {
            parts.append(w.pick("đang hoạt động \(n(b.models.inForce)) → \(n(a.models.inForce))", "in force \(n(b.models.inForce)) → \(n(a.models.inForce))"))
        }
        // A target judged over many units ("13/20 communes") moves when one joins or leaves.
        for (tb, ta) in zip(b.targets, a.targets) where tb.target.metric == ta.target.metric && tb.isShare && ta.isShare
            && (tb.unitsMeeting, tb.unitsJudged) != (ta.unitsMeeting, ta.unitsJudged) {
            parts.append("\(w.targetTitle(tb.target, compact: true)) \(tb.unitsMeeting)/\(tb.unitsJudged) → \(ta.unitsMeeting)/\(ta.unitsJudged)")
        }
        if b.overallStatus != a.overallStatus {
            parts.append(w.pick("đánh giá chung: ", "overall: ") + w.status(b.overallStatus) + " → " + w.status(a.overallStatus))
        }
        return parts.isEmpty ? nil : "• \(name): " + parts.joined(separator: "; ")
    }
}

/// A refusal met while trying the change: reported as the save's would be.
struct Refused: Error, Sendable {
    let text: String
    let field: String?
}
