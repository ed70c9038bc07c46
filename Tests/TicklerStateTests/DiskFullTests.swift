import Testing
import TicklerCalendar
import TicklerState
import TicklerTestKit

/// The SQLite store on a real full file system: a small tmpfs (needs root; skipped otherwise).
@Suite(.enabled(if: SmallFileSystem.canMount, "needs root to mount a tmpfs"))
struct DiskFullTests {
    let t0 = Instant(secondsSinceEpoch: 1_800_000_000)

    /// `count` fired events of an obligation with a long id, so that a batch spans many pages.
    func events(_ count: Int, from first: Int = 0) -> [FiredEvent] {
        (first..<(first + count)).map { index in
            let id = "obligation-" + String(repeating: "x", count: 200) + "-\(index)"
            return FiredEvent(key: EventKey(obligationID: id, due: t0, stage: "due"), firedAt: t0)
        }
    }

    @Test func aFullDiskFailsWithSQLITE_FULLGivesTheLogBackAndWaitsForSpace() async throws {
        let disk = try SmallFileSystem(megabytes: 2)
        defer { disk.remove() }
        let store = try SQLiteStateStore(path: disk.file("state.sqlite"))
        try await store.record(fired: events(20), checkpoint: t0)

        disk.fill()
        let batch = events(400, from: 1000)
        let first = await #expect(throws: StateError.self) { try await store.record(fired: batch, checkpoint: t0) }
        #expect(first?.code == .full)
        #expect(first?.sqliteResultCode == 13)
        #expect(first?.description.contains("SQLite error 13") == true)
        let logAfterFailure = disk.size(of: "state.sqlite-wal")

        // While the disk stays full, a write is refused before it touches the file: the log does not grow.
        for _ in 0..<3 {
            let again = await #expect(throws: StateError.self) {
                try await store.record(fired: batch, checkpoint: t0)
            }
            #expect(again?.code == .full)
            #expect(again?.reason.contains("the disk is still full") == true)
            #expect(disk.size(of: "state.sqlite-wal") == logAfterFailure)
        }
        // Reads still work, and nothing of the failed batch is half there.
        #expect(try await store.fired(among: batch.map(\.key)).isEmpty)
        #expect(try await store.firedEvents().count == 20)

        // Space returns: the same batch is written whole.
        disk.unfill()
        try await store.record(fired: batch, checkpoint: t0.adding(seconds: 1))
        #expect(try await store.fired(among: batch.map(\.key)).count == batch.count)
        #expect(try await store.checkpoint() == t0.adding(seconds: 1))
        let reopened = try SQLiteStateStore(path: disk.file("state.sqlite"))
        #expect(try await reopened.firedEvents().count == 420)
    }
}
