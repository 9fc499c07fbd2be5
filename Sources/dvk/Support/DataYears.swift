import DVKApp
import DVKCore
import DVKStore

/// The years the database has figures for: a report, an export or a
/// printout of another year would be a list of every target missed.
enum DataYears {
    static func check(_ years: [Int], option: String, db: AppDatabase, lang: Language) throws {
        guard let span = try db.dataYears() else { return }
        let last = min(span.upperBound, try db.dataAsOf()?.year ?? SessionStart.currentDay().year)
        let known = span.lowerBound...max(span.lowerBound, last)
        guard let outside = years.first(where: { !known.contains($0) }) else { return }
        let w = Words(lang)
        throw UserError.badOption(option, w.pick("không có số liệu năm \(outside) (cơ sở dữ liệu có số liệu từ \(known.lowerBound) đến \(known.upperBound)).",
                                                 "no figures for \(outside) (the database covers \(known.lowerBound) to \(known.upperBound))."))
    }
}
