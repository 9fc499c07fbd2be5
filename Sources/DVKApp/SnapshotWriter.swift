import DVKCore
import DVKDashboard
import Foundation
import TerminalUI

/// Writes a printed screen as `.txt` and `.html`: a header (unit, year,
/// printed at, data as of, officer) and then exactly the screen's grid.
public struct SnapshotWriter: Sendable {
    public let folder: String
    public let clock: @Sendable () -> Date

    public init(folder: String, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.folder = folder
        self.clock = clock
    }

    /// `$HOME/dvk-snapshots` unless `--snapshots DIR`.
    public static func defaultFolder() -> String { DataFolders().snapshots }

    /// The header lines of a printed file, with the print time added.
    public func header(_ job: PrintJob, lang: Language) -> [String] { header(job.header, lang: lang) }

    public func header(_ lines: [String], lang: Language) -> [String] {
        lines + [Words(lang).pick("In lúc: ", "Printed at: ") + SnapshotWriter.stamp(clock(), pretty: true)]
    }

    public static func text(_ job: PrintJob, header: [String]) -> String {
        header.map(sanitize).joined(separator: "\n") + "\n" + String(repeating: "─", count: job.buffer.width) + "\n"
            + PlainTextRenderer.render(job.buffer) + "\n"
    }

    public static func html(_ job: PrintJob, header: [String]) -> String {
        HTMLRenderer.render(job.buffer, title: header.first ?? "dvk", header: header.joined(separator: "\n"))
    }

    /// Writes both files; returns their paths.
    public func write(_ job: PrintJob, lang: Language = .vi) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let lines = header(job, lang: lang)
        let base = (folder as NSString).appendingPathComponent(fileStem(job))
        let txt = base + ".txt", html = base + ".html"
        // Printed screens hold the board's data: readable by the officer only.
        for (path, text) in [(txt, SnapshotWriter.text(job, header: lines)), (html, SnapshotWriter.html(job, header: lines))] {
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        return [txt, html]
    }

    /// `units_xa-suoi-giang_2025_20261121-1432.txt`: screen, unit, year, time.
    func fileStem(_ job: PrintJob) -> String {
        "\(job.screen.slug)_\(ListFiles.slug(job.unitName))_\(job.year)_\(SnapshotWriter.stamp(clock(), pretty: false))"
    }

    static func stamp(_ date: Date, pretty: Bool) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = pretty ? "dd/MM/yyyy HH:mm" : "yyyyMMdd-HHmmss"
        return f.string(from: date)
    }
}
