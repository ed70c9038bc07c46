import Systemd
import TicklerCalendar
import TicklerControlProtocol
import TicklerJournalSchema
import TicklerPlatform

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where an obligation's events were delivered: what tickler-notify journaled (`delivered`, `delivery-failed`,
/// `delivery-dead`, each with its channel), as history entries, read from the journal with the caller's own
/// permissions — the journal is the record of the delivery service, which keeps its delivery log to itself.
struct DeliveryHistory {
    /// The outcome kinds, as `TICKLER_EVENT=` names them.
    static let kinds: Set<String> = [
        DaemonEventKind.delivered.name, DaemonEventKind.deliveryFailed.name, DaemonEventKind.deliveryDead.name,
    ]

    /// The most entries read: an obligation due every minute for years has no more outcomes worth a table.
    static let limit = 100_000

    /// The outcomes, oldest first.
    var entries: [HistoryEntry]
    /// Why outcomes may be missing (the journal unreadable, or the caller's view of it partial), if they may.
    var note: String?

    /// The outcomes journaled for `obligationID`, in the local journal or the files of `directory`.
    static func read(obligationID: String, directory: String?) -> DeliveryHistory {
        var entries: [HistoryEntry] = []
        do {
            let reader =
                try directory.map { path throws(JournalError) in try JournalReader(directory: path) }
                ?? JournalReader()
            try reader.addMatch(.syslogIdentifier, JournalSchema.notifierIdentifier)
            try reader.addMatch(JournalFieldName(stringLiteral: EventField.obligation.name), obligationID)
            try reader.seekHead()
            // Each turn reads one entry or ends, and at most `limit` are kept.
            while entries.count < limit, let record = try reader.next() {
                guard let entry = entry(record) else { continue }
                entries.append(entry)
            }
        } catch {
            return DeliveryHistory(
                entries: entries,
                note: "delivery outcomes cannot be read from the journal: \(error)"
            )
        }
        let partial =
            directory == nil && !mayReadTheSystemJournal()
            ? "delivery outcomes come from the journal, where you see only your own entries: root and the "
                + "groups adm and systemd-journal see tickler-notify's" : nil
        return DeliveryHistory(entries: entries, note: partial)
    }

    /// The history entry of a journaled outcome, or nil for another entry.
    static func entry(_ record: JournalRecord) -> HistoryEntry? {
        guard let kind = record[EventField.event.name], kinds.contains(kind),
            let dueText = record[EventField.due.name], let due = ZonedDateTime(iso: dueText)?.instant
        else { return nil }
        return HistoryEntry(
            at: Int64(clamping: record.realtimeMicroseconds),
            due: due.microsecondsSinceEpoch,
            event: kind,
            stage: record[EventField.stage.name],
            note: record[EventField.error.name],
            channel: record[EventField.channel.name]
        )
    }

    /// Whether the caller sees the whole system journal: root, or a member of adm or systemd-journal.
    static func mayReadTheSystemJournal() -> Bool {
        if geteuid() == 0 { return true }
        let readers = ["adm", "systemd-journal"].compactMap(UserDatabase.groupID(named:))
        let count = getgroups(0, nil)
        var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let filled = getgroups(count, &groups)
        return readers.contains(getegid()) || groups.prefix(Int(max(filled, 0))).contains { readers.contains($0) }
    }

    /// `entries` and these outcomes in one list, oldest first (for equal times, the daemon's entry first).
    func merged(into entries: [HistoryEntry]) -> [HistoryEntry] {
        let tagged =
            entries.enumerated().map { ($0.element, 0, $0.offset) }
            + self.entries.enumerated().map { ($0.element, 1, $0.offset) }
        return tagged.sorted { ($0.0.at, $0.1, $0.2) < ($1.0.at, $1.1, $1.2) }.map(\.0)
    }
}
