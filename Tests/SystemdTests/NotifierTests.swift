import Systemd
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension ProcessEnvironmentTests {
    /// The sd_notify protocol for real: datagrams on a bound AF_UNIX socket named by `NOTIFY_SOCKET`.
    @Suite struct NotifierTests {
        @Test(arguments: [
            ([NotifyState.ready], "READY=1"),
            ([.stopping], "STOPPING=1"),
            ([.watchdog], "WATCHDOG=1"),
            (
                [.status("12 obligations; next: labour-agreement-van-son in 7 days")],
                "STATUS=12 obligations; next: labour-agreement-van-son in 7 days"
            ),
            ([.ready, .status("Sẵn sàng")], "READY=1\nSTATUS=Sẵn sàng"),
        ])
        func sendsExactDatagram(states: [NotifyState], expected: String) throws {
            let socket = try DatagramSocket()
            let notifier = withEnvironment(["NOTIFY_SOCKET": socket.path]) { Notifier() }
            try withEnvironment(["NOTIFY_SOCKET": socket.path]) { try notifier.send(states) }
            #expect(socket.receiveQueued() == expected)
            #expect(socket.receiveQueued() == nil)
        }

        @Test func reloadingCarriesTheMonotonicClock() throws {
            let socket = try DatagramSocket()
            let before = monotonicMicroseconds()
            try withEnvironment(["NOTIFY_SOCKET": socket.path]) { try Notifier().send(.reloading) }
            let after = monotonicMicroseconds()
            let lines = try #require(socket.receiveQueued()).split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines.first == "RELOADING=1")
            let value = try #require(lines.last?.split(separator: "=", maxSplits: 1).last.map(String.init))
            #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
            let stamp = try #require(UInt64(value), "MONOTONIC_USEC is not a number: \(value)")
            #expect(before <= stamp && stamp <= after)
        }

        @Test func withoutNotifySocketNothingIsSent() throws {
            let socket = try DatagramSocket()
            let notifier = withEnvironment(["NOTIFY_SOCKET": nil]) { Notifier() }
            #expect(!notifier.isActive)
            try withEnvironment(["NOTIFY_SOCKET": socket.path]) { try notifier.send(.ready) }
            #expect(socket.receiveQueued() == nil)
        }

        @Test func aMissingSocketIsAnError() {
            let notifier = withEnvironment(["NOTIFY_SOCKET": "/nonexistent/tickler-notify"]) { Notifier() }
            #expect(throws: NotifyError.self) {
                try withEnvironment(["NOTIFY_SOCKET": "/nonexistent/tickler-notify"]) { try notifier.send(.ready) }
            }
        }

        @Test func watchdogIntervalComesFromTheEnvironment() {
            let pid = String(getpid())
            let enabled = withEnvironment(["WATCHDOG_USEC": "4000000", "WATCHDOG_PID": pid]) { Notifier() }
            #expect(enabled.watchdogInterval == .seconds(4))
            let otherProcess = withEnvironment(["WATCHDOG_USEC": "4000000", "WATCHDOG_PID": "1"]) { Notifier() }
            #expect(otherProcess.watchdogInterval == nil)
            let disabled = withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) { Notifier() }
            #expect(disabled.watchdogInterval == nil)
        }
    }
}

/// Runs `body` with `changes` applied to the environment (nil unsets), restoring the previous values afterwards.
func withEnvironment<R>(_ changes: [String: String?], _ body: () throws -> R) rethrows -> R {
    let saved = changes.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
    for (name, value) in changes {
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
    defer {
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }
    return try body()
}

/// CLOCK_MONOTONIC in microseconds, read independently of the module under test.
func monotonicMicroseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
}
