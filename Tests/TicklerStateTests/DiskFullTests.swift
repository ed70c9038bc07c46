import Testing
import TicklerCalendar
import TicklerState

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

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

/// A tmpfs of a few megabytes mounted on a temporary directory, and a file that fills it.
struct SmallFileSystem {
    /// Whether this process may mount one (root, and the kernel lets it).
    static let canMount: Bool = {
        guard geteuid() == 0, let probe = try? SmallFileSystem(megabytes: 1) else { return false }
        probe.remove()
        return true
    }()

    /// Where it is mounted.
    let directory: TemporaryDirectory

    /// Mounts a tmpfs of `megabytes`.
    init(megabytes: Int) throws {
        directory = TemporaryDirectory()
        guard mount("tmpfs", directory.path, "tmpfs", 0, "size=\(megabytes)m,mode=0700") == 0 else {
            directory.remove()
            throw MountError(errno: errno)
        }
    }

    /// The path of `name` on it.
    func file(_ name: String) -> String { directory.file(name) }

    /// The size of `name` in bytes, 0 when it does not exist.
    func size(of name: String) -> Int64 {
        var status = stat()
        return stat(file(name), &status) == 0 ? Int64(status.st_size) : 0
    }

    /// Writes a filler file until the file system has no space left.
    func fill() {
        let descriptor = open(file("filler"), O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0)
        let chunk = [UInt8](repeating: 0xAA, count: 4096)
        // Bounded: the file system holds a few megabytes.
        var chunks = 0
        while chunks < 100_000 && chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {
            chunks += 1
        }
        close(descriptor)
    }

    /// Deletes the filler file.
    func unfill() { unlink(file("filler")) }

    /// Unmounts it and deletes the directory.
    func remove() {
        umount2(directory.path, Int32(MNT_DETACH))
        directory.remove()
    }

    /// `mount(2)` failed.
    struct MountError: Error {
        let errno: Int32
    }
}
