// swift-tools-version:6.2
import PackageDescription

/// Tickler: a scheduled background service for recurring obligations, reporting through systemd.
///
/// Linux only: it links libsystemd and reads the IANA zone database, so no Apple platform is declared.
let package = Package(
    name: "tickler",
    products: [
        .executable(name: "ticklerd", targets: ["ticklerd"]),
        .executable(name: "ticklerctl", targets: ["ticklerctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libsystemd, linked through pkg-config.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // sd_notify, the journal, the watchdog and a swift-log handler on top of them.
        .target(
            name: "Systemd",
            dependencies: [
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Civil dates, instants, time zones, periods and the recurrence protocol. Pure, no I/O but reading zoneinfo.
        .target(name: "TicklerCalendar"),
        // RFC 5545 recurrence rules.
        .target(name: "TicklerRRule", dependencies: ["TicklerCalendar"]),
        // systemd.time(7) calendar events.
        .target(name: "TicklerOnCalendar", dependencies: ["TicklerCalendar"]),
        // Vietnamese and Chinese lunisolar calendars, solar terms, holidays and working days.
        .target(name: "TicklerLunar", dependencies: ["TicklerCalendar"]),
        // A TOML 1.0 reader with the position of every key and value. Pure: no dependencies, no Foundation.
        .target(name: "TicklerTOML"),
        // The obligation model, TOML loading with diagnostics, and planning.
        .target(
            name: "TicklerSchedule",
            dependencies: [
                "TicklerCalendar", "TicklerRRule", "TicklerOnCalendar", "TicklerLunar", "TicklerTOML",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The service: waiting, firing, reload, state.
        .target(
            name: "TicklerDaemon",
            dependencies: [
                "TicklerSchedule", "Systemd",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The verbs of ticklerctl.
        .target(
            name: "TicklerControl",
            dependencies: [
                "TicklerCalendar", "TicklerRRule", "TicklerOnCalendar", "TicklerLunar", "TicklerSchedule",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ticklerd",
            dependencies: [
                "TicklerDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ticklerctl", dependencies: ["TicklerControl"]),
        // Benchmarks that compare Tickler's engines with references in one run.
        .executableTarget(
            name: "tickler-bench",
            dependencies: ["TicklerCalendar", "TicklerRRule", "TicklerLunar", "TicklerSchedule"]
        ),
        // Test doubles shared by the test targets: time that only the test moves.
        .target(name: "TicklerTestKit"),

        .testTarget(
            name: "SystemdTests",
            dependencies: [
                "Systemd", "TicklerTestKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "TicklerCalendarTests", dependencies: ["TicklerCalendar"]),
        .testTarget(name: "TicklerRRuleTests", dependencies: ["TicklerRRule"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TicklerOnCalendarTests",
            dependencies: ["TicklerOnCalendar"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TicklerLunarTests", dependencies: ["TicklerLunar"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TicklerTOMLTests", dependencies: ["TicklerTOML"]),
        .testTarget(name: "TicklerScheduleTests", dependencies: ["TicklerSchedule"]),
        .testTarget(
            name: "TicklerDaemonTests",
            dependencies: [
                "TicklerDaemon", "TicklerSchedule", "TicklerCalendar", "Systemd", "TicklerTestKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "TicklerControlTests", dependencies: ["TicklerControl"]),
    ]
)

// The project's language rules, stated once for every target.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.unsafeFlags(["-warnings-as-errors"]))
    target.swiftSettings = settings
}
