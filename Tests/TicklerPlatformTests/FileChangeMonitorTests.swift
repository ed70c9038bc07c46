import Testing
import TicklerPlatform
import TicklerTestKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("Noticing changed files with inotify", .timeLimit(.minutes(1)))
struct FileChangeMonitorTests {
    /// Writes `text` to `path` through a file renamed over it.
    static func replace(_ path: String, with text: String) {
        let temporary = path + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(descriptor >= 0)
        _ = text.utf8CString.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count - 1) }
        close(descriptor)
        precondition(rename(temporary, path) == 0)
    }

    @Test func aFileRenamedOverAWatchedOneIsAChange() async throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["UTC"], systemZone: "UTC")
        defer { zoneInfo.remove() }
        let monitor = try FileChangeMonitor()
        monitor.watch([zoneInfo.localtime, zoneInfo.directory + "/UTC"])
        #expect(monitor.watchedDirectories == [zoneInfo.root + "/etc", zoneInfo.directory])
        #expect(!monitor.takeChange())
        Self.replace(zoneInfo.directory + "/UTC", with: "new rules")
        try await monitor.waitForChange()
        try await monitor.waitForChange()  // waiting does not take it
        #expect(monitor.takeChange())
        #expect(!monitor.takeChange())
        #expect(monitor.relevantEventCount == 1)
    }

    @Test func anotherFileInAWatchedDirectoryIsNoChange() async throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["UTC", "Asia/Tokyo"], systemZone: "UTC")
        defer { zoneInfo.remove() }
        let monitor = try FileChangeMonitor()
        monitor.watch([zoneInfo.localtime, zoneInfo.directory + "/UTC"])
        Self.replace(zoneInfo.directory + "/Other", with: "x")
        zoneInfo.install("Asia/Tokyo", from: "UTC")
        // Then a relevant one, so the test knows the events before it were read: its rename is the only one counted.
        zoneInfo.setSystemZone("Asia/Tokyo")
        try await monitor.waitForChange()
        #expect(monitor.takeChange())
        #expect(monitor.relevantEventCount == 1)
    }

    @Test func unwatchedFilesAreDropped() async throws {
        let zoneInfo = TemporaryZoneInfo(zones: ["UTC", "Asia/Tokyo"], systemZone: "UTC")
        defer { zoneInfo.remove() }
        let monitor = try FileChangeMonitor()
        monitor.watch([zoneInfo.directory + "/Asia/Tokyo", zoneInfo.localtime])
        monitor.watch([zoneInfo.localtime, zoneInfo.root + "/missing/dir/file"])
        #expect(monitor.watchedDirectories == [zoneInfo.root + "/etc"])
        zoneInfo.install("Asia/Tokyo", from: "UTC")
        zoneInfo.setSystemZone("UTC")
        try await monitor.waitForChange()
        #expect(monitor.takeChange())
        #expect(monitor.relevantEventCount == 1, "Asia/Tokyo is no longer watched")
    }

    @Test func aWaiterIsCancelled() async throws {
        let monitor = try FileChangeMonitor()
        let waiter = Task { try await monitor.waitForChange() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
    }

    @Test func eventRecordsAreParsed() {
        var bytes: [UInt8] = []
        func record(_ watch: Int32, _ mask: UInt32, _ name: String, padded length: Int) {
            withUnsafeBytes(of: watch) { bytes += $0 }
            withUnsafeBytes(of: mask) { bytes += $0 }
            withUnsafeBytes(of: UInt32(0)) { bytes += $0 }
            withUnsafeBytes(of: UInt32(length)) { bytes += $0 }
            bytes += Array(name.utf8) + [UInt8](repeating: 0, count: length - name.utf8.count)
        }
        record(1, 0x80, "localtime", padded: 16)
        record(2, 0x8000, "", padded: 0)
        let events = FileChangeMonitor.parse(bytes[...])
        #expect(events.map(\.watch) == [1, 2])
        #expect(events.map(\.mask) == [0x80, 0x8000])
        #expect(events.map(\.name) == ["localtime", ""])
        // A record cut short is not read.
        #expect(FileChangeMonitor.parse(bytes.prefix(20)).isEmpty)
    }
}
