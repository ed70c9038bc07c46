import TicklerCalendar
import TicklerControlProtocol

/// The running daemon's answers to `list` and `upcoming` (and the next events of `status`) as tables and JSON, with
/// each occurrence's state.
enum DaemonListing {
    /// Asks the running daemon for `request`; nil, after saying on standard error that the files are planned
    /// instead, when it is not running or does not serve the caller (who may still read the files, as before).
    /// - Throws: `ExitCode` after saying why when the daemon refuses otherwise (1).
    static func ask(_ request: ControlRequest, socket: String, fallback configuration: String) throws -> ControlReply? {
        let answer: DaemonClient.Answer
        do {
            answer = try DaemonClient.ask(request, socket: socket, quietlyRefused: true)
        } catch let refusal as ControlFailure {
            FileDescriptorSink.diagnose("\(refusal.message); planning from the files in \(configuration) instead")
            return nil
        }
        switch answer {
        case .notRunning(let reason):
            FileDescriptorSink.diagnose(
                "ticklerd is not running (\(reason)); planning from the files in \(configuration) instead"
            )
            return nil
        case .reply(.failure(let failure)) where failure.code == .permissionDenied:
            FileDescriptorSink.diagnose("\(failure.message); planning from the files in \(configuration) instead")
            return nil
        case .reply(.failure(let failure)): throw DaemonClient.refuse(failure)
        case .reply(let reply): return reply
        }
    }

    /// The events as `upcoming` shows them: when, left, event, state, id, title.
    static func table(_ events: [EventView], now: Instant) -> TextTable {
        var table = TextTable(headings: ["when", "left", "event", "state", "id", "title"])
        for event in events {
            table.append([
                DaemonTime.human(event.fireAt, zone: event.zone), DaemonTime.left(event.fireAt, now: now), event.stage,
                DaemonTime.state(event.state, snoozedUntil: event.snoozedUntil, zone: event.zone), event.obligationID,
                event.title,
            ])
        }
        return table
    }

    /// One event as `upcoming --json` prints it from the daemon.
    static func json(_ event: EventView) -> JSONValue {
        .object([
            ("fire_at", .string(DaemonTime.iso(event.fireAt, zone: event.zone))), ("stage", .string(event.stage)),
            ("obligation", .string(event.obligationID)), ("due", .string(DaemonTime.iso(event.due, zone: event.zone))),
            ("title", .string(event.title)), ("state", .string(event.state.name)),
            ("snoozed_until", DaemonTime.iso(event.snoozedUntil, zone: event.zone)),
        ])
    }

    /// The obligations as `list` shows them: due, left, state, id, recurrence, title.
    static func table(_ rows: [ObligationView], now: Instant) -> TextTable {
        var table = TextTable(headings: ["due", "left", "state", "id", "recurrence", "title"])
        for row in rows {
            table.append([
                row.due.map { DaemonTime.human($0, zone: row.zone) } ?? "-",
                row.due.map { DaemonTime.left($0, now: now) } ?? "-",
                DaemonTime.state(row.state, snoozedUntil: row.snoozedUntil, zone: row.zone), row.obligationID, row.rule,
                row.title,
            ])
        }
        return table
    }

    /// One obligation as `list --json` prints it from the daemon.
    static func json(_ row: ObligationView) -> JSONValue {
        .object([
            ("id", .string(row.obligationID)), ("title", .string(row.title)), ("recurrence", .string(row.rule)),
            ("timezone", .string(row.zone)), ("due", DaemonTime.iso(row.due, zone: row.zone)),
            ("state", .optional(row.state?.name)), ("snoozed_until", DaemonTime.iso(row.snoozedUntil, zone: row.zone)),
        ])
    }
}
