import ArgumentParser

@main
struct DVK: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dvk",
        abstract: help("Bảng theo dõi phong trào thi đua “Dân vận khéo” trong terminal.",
                       "Terminal dashboard for the “Dân vận khéo” emulation movement."),
        subcommands: [Open.self, Demo.self, Status.self, Snapshot.self, Import.self, Generate.self, Bench.self],
        defaultSubcommand: Open.self
    )
}
