import DVKCore
import DVKDocuments
import DVKStore
import Foundation

/// Reads what a meeting report needs from the store and writes it: the
/// dashboard's `R` and `dvk report` share this, so both make the same file.
public enum ReportMaker {
    /// The report of `unit` for `period`, on `map`, dated `date` (default:
    /// the data's as-of day, else today).
    public static func document(db: AppDatabase, unit: OrgUnit.ID, period: ReportPeriod, map: MapView, date: Day? = nil,
                                today: Day = SessionStart.currentDay(), lang: Language,
                                cache: SnapshotCache? = nil) throws -> ReportDocument? {
        var overviews: [Overview] = []
        var last: ProgressSnapshot?
        for year in period.years {
            let snap = try cache?.snapshot(year: year, map: map, unit: unit, from: db)
                ?? ProgressSnapshot.build(from: db, year: year, map: map, scope: unit)
            guard var o = Overview.make(from: snap, unit: unit) else { continue }
            o.approvals = try db.approvals(year: o.year).mapValues(\.state)
            overviews.append(o)
            last = snap
        }
        guard let o = overviews.last, let snap = last else { return nil }
        // The targets are the phase's: a year outside it has nothing to report against (every unit
        // “behind”, none asked to report), so it is refused rather than written.
        if let phase = o.unit.targets.first?.target.phase, let outside = period.years.first(where: { !phase.contains($0) }) {
            throw ReportError.outsidePhase(year: outside, phase: "\(phase)")
        }
        let dataAsOf = try db.dataAsOf()
        let day = date ?? dataAsOf ?? today
        let settings = ReportSettings.defaults(path: o.path, on: day).overridden(by: try db.reportSettings())
        let input = ReportInput(period: period, overviews: overviews, progress: snap.progress, figures: snap.figures,
                                directives: try db.directives(), honours: try db.honours(units: o.subtreeUnitIDs, days: period.days),
                                settings: settings, date: day, isDemo: try db.holdsDemoData(units: o.subtreeUnitIDs), dataAsOf: dataAsOf)
        return MeetingReport.build(input, lang: lang)
    }

    public enum Format: String, CaseIterable, Sendable {
        case docx, pdf, html

        public init?(path: String) {
            self.init(rawValue: (path as NSString).pathExtension.lowercased())
        }
    }

    /// Writes the report as the file's extension says.
    public static func write(_ doc: ReportDocument, to path: String, format: Format) throws {
        switch format {
        case .docx: try DocxWriter.write(doc, to: path)
        case .pdf: try PDFConverter.write(doc, to: path)
        case .html: try ListFiles.writeText(ReportHTML.render(doc), to: path)
        }
    }

    /// `bao-cao_tinh-yen-bai_2023_20261202-0930`: what, whose, which year, when.
    public static func fileStem(unitName: String, period: ReportPeriod, at date: Date) -> String {
        let span: String = switch period {
        case let .year(y): "\(y)"
        case let .halfYear(y): "\(y)-6thang"
        case let .phase(r): "\(r.lowerBound)-\(r.upperBound)"
        }
        return "bao-cao_\(ListFiles.slug(unitName))_\(span)_\(SnapshotWriter.stamp(date, pretty: false))"
    }
}
