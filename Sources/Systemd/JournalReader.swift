import CSystemd
public import TicklerJournalSchema

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads entries from the local journal with `sd_journal_*`: matches, seeking by position or cursor, iteration.
///
/// For Tickler's own entries use ``matchTicklerEvents(_:identifier:)``; each ``JournalRecord`` turns back into the
/// ``DaemonEvent`` that was written (``JournalRecord/event``). A reader is not thread-safe (nor is sd-journal): use
/// it from one task.
public final class JournalReader {
    /// The open journal.
    private let journal: OpaquePointer

    /// Opens the journal files of this machine (`SD_JOURNAL_LOCAL_ONLY`), positioned before the first entry.
    /// - Throws: ``JournalError/callFailed(_:code:)`` when the journal cannot be opened.
    public init() throws(JournalError) {
        var opened: OpaquePointer?
        let result = sd_journal_open(&opened, Int32(SD_JOURNAL_LOCAL_ONLY))
        guard result >= 0, let opened else { throw .callFailed("sd_journal_open", code: -result) }
        journal = opened
        // Whole values, however long: a title is never cut.
        _ = sd_journal_set_data_threshold(journal, 0)
    }

    /// Opens the journal files in `directory` (`sd_journal_open_directory`), positioned before the first entry: a
    /// machine's journal copied elsewhere, or files a test wrote with systemd-journal-remote.
    /// - Throws: ``JournalError/callFailed(_:code:)`` when the directory cannot be opened.
    public init(directory: String) throws(JournalError) {
        var opened: OpaquePointer?
        let result = sd_journal_open_directory(&opened, directory, 0)
        guard result >= 0, let opened else { throw .callFailed("sd_journal_open_directory", code: -result) }
        journal = opened
        _ = sd_journal_set_data_threshold(journal, 0)
    }

    deinit {
        sd_journal_close(journal)
    }

    /// Adds the match `name=value`. Matches of one field are alternatives; matches of different fields must all
    /// hold (until ``addDisjunction()``).
    /// - Throws: ``JournalError/callFailed(_:code:)``.
    public func addMatch(_ name: JournalFieldName, _ value: String) throws(JournalError) {
        let match = Array((name.rawValue + "=" + value).utf8)
        let result = match.withUnsafeBytes { sd_journal_add_match(journal, $0.baseAddress, $0.count) }
        guard result >= 0 else { throw .callFailed("sd_journal_add_match", code: -result) }
    }

    /// Starts an alternative group of matches: entries match the groups before or the one after.
    /// - Throws: ``JournalError/callFailed(_:code:)``.
    public func addDisjunction() throws(JournalError) {
        let result = sd_journal_add_disjunction(journal)
        guard result >= 0 else { throw .callFailed("sd_journal_add_disjunction", code: -result) }
    }

    /// Removes every match.
    public func flushMatches() {
        sd_journal_flush_matches(journal)
    }

    /// Matches the entries of `identifier` (`SYSLOG_IDENTIFIER`, ticklerd by default) of the given kinds (every
    /// Tickler event when empty).
    /// - Throws: ``JournalError/callFailed(_:code:)``.
    public func matchTicklerEvents(
        _ kinds: [DaemonEventKind] = [],
        identifier: String = JournalSchema.syslogIdentifier
    ) throws(JournalError) {
        try addMatch(.syslogIdentifier, identifier)
        for kind in kinds { try addMatch(JournalFieldName(stringLiteral: EventField.event.name), kind.name) }
    }

    /// Moves before the first entry.
    /// - Throws: ``JournalError/callFailed(_:code:)``.
    public func seekHead() throws(JournalError) {
        let result = sd_journal_seek_head(journal)
        guard result >= 0 else { throw .callFailed("sd_journal_seek_head", code: -result) }
    }

    /// Moves after the last entry (``previous()`` then reads the last one; ``next()`` only what comes later).
    /// - Throws: ``JournalError/callFailed(_:code:)``.
    public func seekTail() throws(JournalError) {
        let result = sd_journal_seek_tail(journal)
        guard result >= 0 else { throw .callFailed("sd_journal_seek_tail", code: -result) }
    }

    /// Moves so that ``next()`` reads the first entry after the one at `cursor`.
    /// - Throws: ``JournalError/callFailed(_:code:)`` when the cursor is malformed.
    public func seek(after cursor: String) throws(JournalError) {
        let result = sd_journal_seek_cursor(journal, cursor)
        guard result >= 0 else { throw .callFailed("sd_journal_seek_cursor", code: -result) }
        // Seeking lands near the cursor; step onto its entry (when it still exists) so that next() goes past it.
        let step = sd_journal_next(journal)
        guard step >= 0 else { throw .callFailed("sd_journal_next", code: -step) }
        if step > 0, sd_journal_test_cursor(journal, cursor) <= 0 {
            _ = sd_journal_previous(journal)
        }
    }

    /// Moves so that ``next()`` reads the first entry written at or after `microseconds` since the Unix epoch.
    /// - Throws: ``JournalError/callFailed(_:code:)``.
    public func seek(realtimeMicroseconds microseconds: UInt64) throws(JournalError) {
        let result = sd_journal_seek_realtime_usec(journal, microseconds)
        guard result >= 0 else { throw .callFailed("sd_journal_seek_realtime_usec", code: -result) }
    }

    /// The next matching entry, or nil at the end.
    /// - Throws: ``JournalError/callFailed(_:code:)``.
    public func next() throws(JournalError) -> JournalRecord? {
        let result = sd_journal_next(journal)
        guard result >= 0 else { throw .callFailed("sd_journal_next", code: -result) }
        return result == 0 ? nil : try current()
    }

    /// The previous matching entry, or nil at the start.
    /// - Throws: ``JournalError/callFailed(_:code:)``.
    public func previous() throws(JournalError) -> JournalRecord? {
        let result = sd_journal_previous(journal)
        guard result >= 0 else { throw .callFailed("sd_journal_previous", code: -result) }
        return result == 0 ? nil : try current()
    }

    /// Blocks until the journal changes or `timeout` (microseconds) passes — or, with `wake`, until that descriptor
    /// is readable (the caller drains it) —; true when the journal changed.
    ///
    /// With `wake` it does what `sd_journal_wait` does, on two descriptors: polls the journal's own
    /// (`sd_journal_get_fd`, `sd_journal_get_events`, no longer than `sd_journal_get_timeout` asks) and `wake`, then
    /// `sd_journal_process`.
    /// - Throws: ``JournalError/callFailed(_:code:)``.
    public func wait(microseconds timeout: UInt64, wake: Int32? = nil) throws(JournalError) -> Bool {
        guard let wake else {
            let result = sd_journal_wait(journal, timeout)
            guard result >= 0 else { throw .callFailed("sd_journal_wait", code: -result) }
            return result != SD_JOURNAL_NOP
        }
        let descriptor = sd_journal_get_fd(journal)
        guard descriptor >= 0 else { throw .callFailed("sd_journal_get_fd", code: -descriptor) }
        let events = sd_journal_get_events(journal)
        guard events >= 0 else { throw .callFailed("sd_journal_get_events", code: -events) }
        var milliseconds = timeout / 1000 + (timeout % 1000 == 0 ? 0 : 1)
        var deadline: UInt64 = .max
        if sd_journal_get_timeout(journal, &deadline) >= 0, deadline != .max {
            let now = MonotonicClock.microseconds()
            milliseconds = min(milliseconds, deadline > now ? (deadline - now + 999) / 1000 : 0)
        }
        var descriptors = [
            pollfd(fd: descriptor, events: Int16(events), revents: 0),
            pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
        ]
        let polled = poll(&descriptors, 2, Int32(clamping: milliseconds))
        guard polled >= 0 || errno == EINTR else { throw .callFailed("poll", code: errno) }
        let result = sd_journal_process(journal)
        guard result >= 0 else { throw .callFailed("sd_journal_process", code: -result) }
        return result != SD_JOURNAL_NOP
    }

    /// The entry the reader is on.
    private func current() throws(JournalError) -> JournalRecord {
        var fields: [String: String] = [:]
        sd_journal_restart_data(journal)
        while true {
            var data: UnsafeRawPointer?
            var length = 0
            let result = sd_journal_enumerate_data(journal, &data, &length)
            guard result >= 0 else { throw .callFailed("sd_journal_enumerate_data", code: -result) }
            guard result > 0, let data else { break }
            let bytes = UnsafeRawBufferPointer(start: data, count: length)
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = String(decoding: bytes[..<equals], as: UTF8.self)
            if fields[name] == nil { fields[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self) }
        }
        var cursor: UnsafeMutablePointer<CChar>?
        let cursorResult = sd_journal_get_cursor(journal, &cursor)
        guard cursorResult >= 0, let cursor else { throw .callFailed("sd_journal_get_cursor", code: -cursorResult) }
        defer { free(cursor) }
        var realtime: UInt64 = 0
        _ = sd_journal_get_realtime_usec(journal, &realtime)
        return JournalRecord(fields: fields, cursor: String(cString: cursor), realtimeMicroseconds: realtime)
    }
}
