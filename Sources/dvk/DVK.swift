import ArgumentParser
import Foundation

@main
struct DVK: ParsableCommand {
    static let version = "0.3.0"

    static let configuration = CommandConfiguration(
        commandName: "dvk",
        abstract: help("Bảng theo dõi phong trào thi đua “Dân vận khéo” trong terminal.",
                       "Terminal dashboard for the “Dân vận khéo” emulation movement."),
        version: version,
        subcommands: [Open.self, Demo.self, Init.self, Status.self, Snapshot.self, Print.self, Export.self, Report.self, Settings.self, Import.self, Undo.self, Check.self, Backup.self, Restore.self, Reassign.self, OfficerCommand.self, ApprovalCommand.self, Generate.self, Bench.self],
        defaultSubcommand: Open.self
    )

    /// As `ParsableCommand.main`, but a bad option exits 2 (the table in
    /// ExitCodes), where the argument parser would use 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try PreOpened.prepare(command)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode || error is CleanExit { exit(withError: error) }
            if code == .validationFailure {
                // The parser's message echoes what was typed: through the sanitiser like every other line.
                Output.note(fullMessage(for: error))
                Foundation.exit(ExitCodes.usage)
            }
            exit(withError: error)
        }
    }
}
