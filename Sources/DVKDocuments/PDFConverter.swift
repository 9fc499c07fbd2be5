import DVKCore
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// .docx → .pdf through LibreOffice headless. Each run gets its own
/// throwaway user profile, so it works while the user has LibreOffice open
/// and when HOME is read-only.
public enum PDFConverter {
    /// LibreOffice gets this long before it is stopped.
    public static let timeoutSeconds = 120

    static let fallbacks = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
                            "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"]

    /// Where `soffice` is: on PATH first, then the usual install places; nil when absent.
    /// `DVK_SOFFICE` names the converter outright (another install, or none: a path that is not there).
    public static func sofficePath() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let chosen = env["DVK_SOFFICE"], !chosen.isEmpty { return isExecutableFile(chosen) ? chosen : nil }
        return findSoffice(path: env["PATH"], fallbacks: fallbacks)
    }

    static func findSoffice(path: String?, fallbacks: [String]) -> String? {
        let dirs = (path ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for candidate in dirs.map({ $0 + "/soffice" }) + fallbacks where isExecutableFile(candidate) {
            return candidate
        }
        return nil
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
            && access(path, X_OK) == 0
    }

    /// Converts `docx` to a PDF at `pdf` (written 0600, replacing it).
    public static func convert(docx: String, to pdf: String) throws {
        guard let soffice = sofficePath() else { throw DocumentError.converterMissing }
        try convert(docx: docx, to: pdf, soffice: soffice, timeout: timeoutSeconds)
    }

    /// The report straight to PDF: the .docx goes through a private temporary folder.
    public static func write(_ doc: ReportDocument, to pdf: String) throws {
        guard let soffice = sofficePath() else { throw DocumentError.converterMissing }
        let work = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let docx = work + "/report.docx"
        try DocxWriter.write(doc, to: docx)
        try convert(docx: docx, to: pdf, soffice: soffice, timeout: timeoutSeconds)
    }

    static func convert(docx: String, to pdf: String, soffice: String, timeout: Int) throws {
        guard FileManager.default.fileExists(atPath: docx) else { throw DocumentError.inputMissing(path: docx) }
        let work = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let profile = work + "/profile"
        let outdir = work + "/out"
        let log = work + "/soffice.log"
        do {
            try FileManager.default.createDirectory(atPath: outdir, withIntermediateDirectories: false)
        } catch {
            throw DocumentError.writeFailed(path: outdir)
        }
        guard FileManager.default.createFile(atPath: log, contents: nil),
              let logHandle = FileHandle(forWritingAtPath: log)
        else { throw DocumentError.writeFailed(path: log) }
        let source = URL(fileURLWithPath: docx).standardizedFileURL.path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=" + URL(fileURLWithPath: profile, isDirectory: true).absoluteString,
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            "--convert-to", "pdf", "--outdir", outdir, source,
        ]
        var environment = ProcessInfo.processInfo.environment
        // LibreOffice and fontconfig still write under HOME; give them a place when it is read-only.
        if let home = environment["HOME"], !FileManager.default.isWritableFile(atPath: home) {
            environment["HOME"] = work
        } else if environment["HOME"] == nil {
            environment["HOME"] = work
        }
        environment["SAL_USE_VCLPLUGIN"] = "svp"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = logHandle
        process.standardError = logHandle

        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            try? logHandle.close()
            throw DocumentError.conversionFailed(String(describing: error))
        }
        if finished.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            stop(process)
            _ = finished.wait(timeout: .now() + .seconds(5))
            try? logHandle.close()
            throw DocumentError.timedOut(seconds: timeout)
        }
        try? logHandle.close()

        let produced = outdir + "/" + URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent + ".pdf"
        guard let data = FileManager.default.contents(atPath: produced), data.starts(with: Data("%PDF".utf8)) else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let tail = output.split(whereSeparator: \.isNewline).suffix(3).joined(separator: " / ")
            let status = "soffice exit \(process.terminationStatus)"
            throw DocumentError.conversionFailed(tail.isEmpty ? status : status + ": " + tail)
        }
        try SecureFile.write(data, to: pdf)
    }

    /// SIGTERM, then SIGKILL; the whole process group when soffice leads one
    /// (its launcher starts soffice.bin as a child).
    static func stop(_ process: Process) {
        let pid = process.processIdentifier
        guard pid > 0, process.isRunning else { return }
        let group = getpgid(pid) == pid
        _ = group ? kill(-pid, SIGTERM) : kill(pid, SIGTERM)
        for _ in 0 ..< 20 where process.isRunning { usleep(100_000) }
        if process.isRunning { _ = group ? kill(-pid, SIGKILL) : kill(pid, SIGKILL) }
    }

    /// `/tmp/dvk-lo-XXXXXX`, owner-only.
    static func makeTemporaryDirectory() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("dvk-lo-XXXXXX".utf8CString)
        guard let result = mkdtemp(&template) else { throw DocumentError.writeFailed(path: base) }
        return String(cString: result)
    }
}
