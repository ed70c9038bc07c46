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
        .executable(name: "tickler-notify", targets: ["tickler-notify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        // libsystemd, linked through pkg-config.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // Tickler's journal schema: field names, event kinds with their MESSAGE_IDs and priorities, the event sink
        // protocol. No dependency: the daemon, the journal writer and reader, and a notifier share it.
        .target(name: "TicklerJournalSchema"),
        // sd_notify, the journal writer (product events) and reader, the watchdog, a swift-log handler for
        // diagnostics.
        .target(
            name: "Systemd",
            dependencies: [
                "CSystemd", "TicklerJournalSchema",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Civil dates, instants, time zones (rules, the TZif parser, the zone-source protocol), periods and the
        // recurrence protocol. Pure: no files, no environment, no clock.
        .target(name: "TicklerCalendar"),
        // The Linux headers the platform code needs beyond Glibc's module: timerfd and inotify. Links nothing.
        .systemLibrary(name: "CTicklerPlatform"),
        // POSIX: the zone database's files and the system zone, file reading, the wall clock, the timerfd timer,
        // zone-change notification (inotify).
        .target(
            name: "TicklerPlatform",
            dependencies: [
                "TicklerCalendar", "CTicklerPlatform", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
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
                "TicklerCalendar", "TicklerRRule", "TicklerOnCalendar", "TicklerLunar", "TicklerPlatform",
                "TicklerTOML", "TicklerControlProtocol",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // RFC 5545 export of a schedule's occurrences: content lines, VTIMEZONE from the zone rules, events.
        .target(name: "TicklerICalendar", dependencies: ["TicklerCalendar", "TicklerSchedule"]),
        // ticklerd's state behind a protocol: the SQLite store (GRDB), an in-memory one, the state file's checks.
        .target(
            name: "TicklerState",
            dependencies: [
                "TicklerCalendar", "TicklerControlProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // ticklerd's control protocol: requests (views and occurrence changes), replies, the caller's credentials,
        // the handler the daemon implements. Shared by ticklerd and ticklerctl; no dependency.
        .target(name: "TicklerControlProtocol"),
        // The service: waiting, firing, reload, state.
        .target(
            name: "TicklerDaemon",
            dependencies: [
                "TicklerSchedule", "TicklerPlatform", "TicklerJournalSchema", "Systemd", "TicklerState",
                "TicklerControlProtocol",
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
                "TicklerPlatform", "TicklerICalendar", "TicklerControlProtocol", "Systemd", "TicklerJournalSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // ticklerd's allocator: jemalloc (libjemalloc-dev), with its settings; linked into ticklerd only.
        .target(name: "CTicklerAllocator", linkerSettings: [.linkedLibrary("jemalloc")]),
        .executableTarget(
            name: "ticklerd",
            dependencies: [
                "TicklerDaemon", "TicklerSchedule", "TicklerPlatform", "CTicklerAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ticklerctl", dependencies: ["TicklerControl"]),
        // Delivery of ticklerd's events: channels from notify.toml, the delivery log (SQLite), mail, webhooks,
        // commands, templates, the journal follower.
        .target(
            name: "TicklerNotify",
            dependencies: [
                "TicklerJournalSchema", "Systemd", "TicklerTOML", "TicklerSchedule", "TicklerPlatform",
                "TicklerCalendar",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "tickler-notify",
            dependencies: [
                "TicklerNotify", "Systemd", "TicklerJournalSchema", "TicklerPlatform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Benchmarks that compare Tickler's engines with references in one run.
        .executableTarget(
            name: "tickler-bench",
            dependencies: ["TicklerCalendar", "TicklerRRule", "TicklerLunar", "TicklerSchedule", "TicklerPlatform"]
        ),
        // A process doing nothing with what ticklerd is built from, for the memory benchmark's baseline.
        .executableTarget(
            name: "tickler-baseline",
            dependencies: [
                "Systemd", "CTicklerAllocator",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Test doubles shared by the test targets: a temporary directory, time that only the test moves (manual
        // clocks), the recording sink and notifier, an in-memory schedule, the daemon harness, the state stores'
        // conformance suite with in-memory and fault-injecting stores, a small full disk, a zone database of the
        // test's own. No GRDB of its own.
        .target(
            name: "TicklerTestKit",
            dependencies: [
                "TicklerCalendar", "TicklerState", "TicklerPlatform", "TicklerSchedule", "TicklerDaemon", "Systemd",
                "TicklerJournalSchema", "TicklerControlProtocol",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        .testTarget(
            name: "SystemdTests",
            dependencies: [
                "Systemd", "TicklerJournalSchema", "TicklerTestKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "TicklerJournalSchemaTests", dependencies: ["TicklerJournalSchema"]),
        .testTarget(
            name: "TicklerCalendarTests",
            dependencies: ["TicklerCalendar", "TicklerPlatform", "TicklerTestKit"]
        ),
        .testTarget(
            name: "TicklerPlatformTests",
            dependencies: [
                "TicklerPlatform", "TicklerCalendar", "TicklerTestKit",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .testTarget(
            name: "TicklerRRuleTests",
            dependencies: ["TicklerRRule", "TicklerPlatform"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TicklerOnCalendarTests",
            dependencies: ["TicklerOnCalendar", "TicklerPlatform"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TicklerLunarTests",
            dependencies: ["TicklerLunar", "TicklerPlatform"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TicklerScheduleTests",
            dependencies: ["TicklerSchedule", "TicklerPlatform", "TicklerTestKit", "TicklerControlProtocol"]
        ),
        .testTarget(
            name: "TicklerStateTests",
            dependencies: [
                "TicklerState", "TicklerCalendar", "TicklerTestKit", "TicklerControlProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TicklerTOMLTests", dependencies: ["TicklerTOML", "TicklerTestKit"]),
        .testTarget(
            name: "TicklerNotifyTests",
            dependencies: ["TicklerNotify", "TicklerJournalSchema", "TicklerTestKit"]
        ),
        .testTarget(
            name: "TicklerControlProtocolTests",
            dependencies: ["TicklerControlProtocol", "TicklerTestKit"]
        ),
        .testTarget(
            name: "TicklerDaemonTests",
            dependencies: [
                "TicklerDaemon", "TicklerSchedule", "TicklerCalendar", "TicklerPlatform", "TicklerJournalSchema",
                "Systemd", "TicklerTestKit", "TicklerState", "TicklerControlProtocol",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "TicklerControlTests",
            dependencies: [
                "TicklerControl", "TicklerSchedule", "TicklerState", "TicklerCalendar", "TicklerPlatform",
                "TicklerControlProtocol", "TicklerTestKit",
            ]
        ),
        .testTarget(
            name: "TicklerICalendarTests",
            dependencies: ["TicklerICalendar", "TicklerCalendar", "TicklerSchedule", "TicklerPlatform"]
        ),
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
