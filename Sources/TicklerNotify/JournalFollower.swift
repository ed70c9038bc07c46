import Dispatch
import Synchronization
public import Systemd
public import TicklerJournalSchema

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Follows ticklerd's reminder, due, overdue and escalation entries in the journal, from a cursor on.
///
/// sd-journal is not thread-safe: the reader is used under a lock, and its blocking wait runs on a Dispatch thread
/// so that no task of the cooperative pool is held. ``wake()`` ends a wait at once (a pipe polled beside the
/// journal's descriptor), for a reload or a stop.
public final class JournalFollower: Sendable {
    /// The reader, with its matches set.
    private let reader: Mutex<JournalReader>
    /// The pipe whose write end ``wake()`` writes and whose read end a wait polls.
    private let waker: (read: Int32, write: Int32)

    /// A follower of the entries of `identifier` (ticklerd) in the local journal, or in the files of `directory`.
    /// - Throws: ``JournalError`` when the journal cannot be opened.
    public init(directory: String? = nil, identifier: String = JournalSchema.syslogIdentifier) throws(JournalError) {
        let opened: JournalReader
        if let directory { opened = try JournalReader(directory: directory) } else { opened = try JournalReader() }
        try opened.addMatch(.syslogIdentifier, identifier)
        let event = JournalFieldName(stringLiteral: EventField.event.name)
        for kind in DeliveryEvent.deliveredKinds { try opened.addMatch(event, kind) }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .callFailed("pipe", code: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        waker = (ends[0], ends[1])
        reader = Mutex(opened)
    }

    /// Closes the wake-up descriptor.
    deinit {
        close(waker.read)
        close(waker.write)
    }

    /// Ends the current wait, or the next one, at once.
    public func wake() {
        var one: UInt8 = 1
        _ = write(waker.write, &one, 1)
    }

    /// Positions the follower after `cursor`, or, without one (a first start), at the entries of the last
    /// `backlogMicroseconds` before `now`, so a first start delivers what ticklerd fired just before.
    /// - Throws: ``JournalError``.
    public func start(after cursor: String?, now: Int64, backlogMicroseconds: Int64) throws(JournalError) {
        try reader.withLock { reader throws(JournalError) in
            if let cursor {
                do {
                    try reader.seek(after: cursor)
                    return
                } catch {
                    // A cursor of a rotated-away or foreign journal: fall back to the backlog.
                }
            }
            try reader.seek(realtimeMicroseconds: UInt64(clamping: max(0, now - backlogMicroseconds)))
        }
    }

    /// The next entries, at most `limit`: the events among them with the channels they are routed to, and the cursor
    /// of the last entry read (nil when none was).
    /// - Throws: ``JournalError``.
    public func read(limit: Int) throws(JournalError) -> (events: [DeliveryEvent], cursor: String?) {
        try reader.withLock { reader throws(JournalError) in
            var events: [DeliveryEvent] = []
            var cursor: String?
            for _ in 0..<limit {
                guard let record = try reader.next() else { break }
                cursor = record.cursor
                if let event = DeliveryEvent(journalFields: record.fields) { events.append(event) }
            }
            return (events, cursor)
        }
    }

    /// Waits, on a thread of its own, until the journal changes, `microseconds` pass or ``wake()`` is called; true
    /// when the journal changed.
    public func wait(microseconds: UInt64) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let changed = self.reader.withLock { reader in
                    (try? reader.wait(microseconds: microseconds, wake: self.waker.read)) ?? false
                }
                drainPipe(self.waker.read)
                continuation.resume(returning: changed)
            }
        }
    }
}

/// Reads everything written into the non-blocking pipe end `descriptor`.
private func drainPipe(_ descriptor: Int32) {
    var bytes = [UInt8](repeating: 0, count: 64)
    while read(descriptor, &bytes, bytes.count) > 0 {}
}
