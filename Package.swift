// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "salesd",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "salesd", targets: ["salesd"]),
        .executable(name: "salesctl", targets: ["salesctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // Pure core: Foundation only.
        .target(name: "SalesPlan"),
        // The wire contract between the daemon and `salesd ctl`: Codable calls, replies, errors.
        .target(name: "SalesContract"),
        .target(name: "SalesSchedule", dependencies: [
            "SalesPlan",
            .product(name: "HeapModule", package: "swift-collections"),
        ]),
        // Terminal text: column padding, tables, ANSI colour.
        .target(name: "SalesText"),
        .target(name: "SalesScore", dependencies: ["SalesPlan", "SalesContract", "SalesText"]),
        .target(name: "SalesEngine", dependencies: ["SalesPlan", "SalesSchedule", "SalesScore", "SalesContract"]),
        // The plan as an RFC 5545 calendar feed.
        .target(name: "SalesCalendar", dependencies: ["SalesPlan", "SalesSchedule"]),

        // Adapters.
        .target(name: "SalesLedger", dependencies: [
            "SalesPlan", "SalesContract",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(name: "SalesSystemd", dependencies: [
            "CSystemd", "SalesEngine", "SalesPlan",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // epoll, which Swift's Glibc module leaves out (part of libc: nothing to link).
        .systemLibrary(name: "CEpoll"),
        // Varlink over a Unix socket, knowing nothing of salesd's own interface.
        .target(name: "SalesControl", dependencies: ["CEpoll"]),
        // `ctl status` without argument-parser: its options and its text. FoundationEssentials only
        // (no ICU), like SalesContract, SalesControl and SalesText, so salesctl can link it.
        .target(name: "SalesStatus", dependencies: ["SalesContract", "SalesText"]),

        // The daemon's driver: one serial queue executing the engine's actions through the adapters.
        .target(name: "SalesDaemon", dependencies: [
            "SalesPlan", "SalesSchedule", "SalesScore", "SalesEngine", "SalesContract",
            "SalesLedger", "SalesSystemd", "SalesControl", "SalesCalendar",
            .product(name: "Logging", package: "swift-log"),
        ]),

        // The executable parses arguments and composes.
        .executableTarget(name: "salesd", dependencies: [
            "SalesPlan", "SalesSchedule", "SalesScore", "SalesContract", "SalesLedger", "SalesControl", "SalesDaemon",
            "SalesText", "SalesStatus", "SalesSystemd",
            "SalesCalendar",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `salesctl status` answered in a small binary that starts as fast as C tools; every
        // other command line runs `salesd ctl …`.
        .executableTarget(name: "salesctl", dependencies: ["SalesStatus", "SalesContract", "SalesControl"]),

        // What a test does when a real part is missing: skip on a developer's machine, fail in CI.
        .target(name: "RealParts", path: "Tests/RealParts"),
        .testTarget(name: "SalesPlanTests", dependencies: ["SalesPlan"]),
        .testTarget(name: "SalesScheduleTests", dependencies: ["SalesSchedule", "SalesPlan"]),
        .testTarget(name: "SalesScoreTests", dependencies: ["SalesScore", "SalesContract", "SalesPlan"]),
        // `salesd ctl`'s own renderings of replies, tested without a daemon.
        .testTarget(name: "salesdTests", dependencies: ["salesd", "SalesScore", "SalesContract", "SalesPlan"]),
        .testTarget(name: "SalesEngineTests", dependencies: ["SalesEngine", "SalesSchedule", "SalesScore", "SalesPlan", "SalesContract"]),
        .testTarget(name: "SalesLedgerTests", dependencies: [
            "SalesLedger", "SalesPlan", "RealParts", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SalesSystemdTests", dependencies: [
            "SalesSystemd", "SalesEngine", "SalesPlan", "SalesSchedule", "RealParts",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "SalesContractTests", dependencies: ["SalesContract"]),
        .testTarget(name: "SalesCalendarTests", dependencies: ["SalesCalendar", "SalesSchedule", "SalesPlan"]),
        .testTarget(name: "SalesControlTests", dependencies: ["SalesControl", "SalesContract", "RealParts"]),
        .testTarget(name: "SalesDaemonTests", dependencies: [
            "SalesDaemon", "SalesContract", "SalesEngine", "SalesLedger", "SalesPlan", "SalesSchedule", "SalesSystemd",
            "SalesScore",
            .product(name: "Logging", package: "swift-log"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
