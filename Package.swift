// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "dvk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dvk", targets: ["dvk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", exact: "1.19.7"),
        // CSV import of seeds/ and user files: RFC 4180 quoting done by a kept library.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        // .docx is a ZIP of XML parts: the archive by a kept library, the XML by us.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The only C: a module map over the system ncursesw plus a shim header.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "DVKCore"),
        .target(name: "DVKStore", dependencies: [
            "DVKCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The C API itself, for one file control GRDB does not wrap (SQLITE_FCNTL_PERSIST_WAL).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ], resources: [
            // The official map of Vietnam (scripts/official-map.py): `dvk init --province`.
            .copy("Resources/vietnam-units.tsv"),
        ]),
        .target(name: "TerminalUI"),
        // libxlsxwriter (Debian libxlsxwriter-dev) through a module map, as ncursesw.
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter"),
        // Tables out of dvk: .xlsx, .csv and full-length A4 printouts.
        .target(name: "DVKExport", dependencies: ["DVKCore", "TerminalUI", "CXlsxWriter"]),
        // The report in the Party's format: .docx, .html, and .pdf through LibreOffice.
        .target(name: "DVKDocuments", dependencies: [
            "DVKCore", "DVKExport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "DVKDashboard", dependencies: ["DVKCore", "TerminalUI"]),
        .target(name: "CursesTerminal", dependencies: ["TerminalUI", "CNcursesw"]),
        // Joins the dashboard to the store: the effect runner and the snapshot writer.
        .target(name: "DVKApp", dependencies: ["DVKCore", "DVKStore", "DVKDashboard", "TerminalUI", "DVKExport", "DVKDocuments"]),
        .executableTarget(name: "dvk", dependencies: [
            "DVKCore", "DVKStore", "TerminalUI", "DVKDashboard", "CursesTerminal", "DVKApp", "DVKExport", "DVKDocuments",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "DVKCoreTests", dependencies: ["DVKCore"]),
        .testTarget(name: "DVKExportTests", dependencies: ["DVKExport", "DVKCore", "TerminalUI"]),
        .testTarget(name: "DVKDocumentsTests", dependencies: [
            "DVKDocuments", "DVKCore", "DVKExport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "DVKStoreTests", dependencies: ["DVKStore", "DVKCore"]),
        .testTarget(name: "TerminalUITests", dependencies: [
            "TerminalUI",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "DVKDashboardTests", dependencies: [
            "DVKDashboard", "DVKCore", "TerminalUI", "DVKApp", "DVKStore",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
    ],
    swiftLanguageModes: [.v6]
)
