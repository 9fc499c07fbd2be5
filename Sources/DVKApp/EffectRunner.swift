import DVKCore
import DVKDashboard
import DVKStore
import Foundation

/// Performs the dashboard's effects against the store and answers with
/// messages. Errors become a `.failed` message with a one-line text, so a
/// damaged or locked database shows in the status line instead of crashing.
public struct EffectRunner {
    public let db: any DashboardSource
    public let snapshots: SnapshotWriter
    public let lang: Language

    public init(db: any DashboardSource, snapshots: SnapshotWriter, lang: Language) {
        self.db = db
        self.snapshots = snapshots
        self.lang = lang
    }

    public func perform(_ effect: Effect) -> [Msg] {
        do {
            switch effect {
            case let .loadOverview(id, year):
                guard let o = try Overview.build(from: db, unit: id, year: year) else {
                    return [.failed(lang == .vi ? "Không tìm thấy đơn vị #\(id) trong năm \(year)." : "Unit #\(id) not found in \(year).")]
                }
                return [.overviewLoaded(o)]
            case let .loadTrend(ids, years, unit):
                return [.trendLoaded(unit: unit, try db.effectiveByYear(unitIDs: ids, years: years))]
            case let .loadModels(query):
                return [.modelsLoaded(try db.models(query))]
            case let .loadModelDetail(id):
                return [.detailLoaded(try db.modelDetail(id))]
            case let .loadSatisfaction(id, years):
                return [.satisfactionLoaded(try SatisfactionGrid.build(from: db, unit: id, years: years))]
            case let .print(job):
                return [.printed(paths: try snapshots.write(job, lang: lang))]
            case .quit:
                return []
            }
        } catch let e as StoreError {
            return [.failed(e.message(lang))]
        } catch {
            return [.failed("\(error.localizedDescription)")]
        }
    }
}
