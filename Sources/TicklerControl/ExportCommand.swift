import ArgumentParser
import TicklerCalendar
import TicklerControlProtocol
import TicklerICalendar
import TicklerPlatform
import TicklerSchedule

/// `ticklerctl export --ics`: the schedule's occurrences as an RFC 5545 calendar, for calendar clients.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the schedule's occurrences as an iCalendar (RFC 5545) file.",
        discussion: """
            Writes one VEVENT per due time strictly after --after (default:
            now) and before --after plus --days (default 400, at most 3660),
            for every obligation or those named by --obligation. Every
            recurrence kind is written as explicit instances: calendar clients
            cannot compute lunar dates, solar terms or working-day
            adjustments, so none of them is left to the client.

            Each event starts at the due time in the obligation's zone
            (DTSTART with TZID, and a VTIMEZONE generated from the zone's
            rules for the window; UTC obligations in UTC) and lasts one hour.
            SUMMARY is the title; DESCRIPTION has the partner, owner, notes,
            the recurrence and the command that acknowledges the occurrence;
            CATEGORIES the category; one VALARM (a display alarm) per lead
            time of `remind`, with the text of ticklerd's reminder.

            When ticklerd runs and lets the caller in (root or group tickler),
            its history marks what people ended: each VALARM of an
            acknowledged occurrence carries ACKNOWLEDGED with the time of the
            acknowledgement (RFC 9074), so a client does not ring it; a
            skipped occurrence has STATUS:CANCELLED. Without the daemon the
            export says so on standard error and marks nothing. UIDs are
            <id>/<due time in UTC>@tickler, the same in every export, so a
            client that subscribes to the file updates events in place.

            DTSTAMP is the time of the export, or $SOURCE_DATE_EPOCH (seconds
            since 1970) when set, which makes the output reproducible. An
            export of more than 100000 events is refused.

            --output FILE replaces FILE atomically (a temporary file in the
            same directory, renamed over it), so a web server never serves a
            half-written calendar; without it the calendar goes to standard
            output. Lines end in CRLF and are folded at 75 octets.

            Exit status: 0, or 1 when the schedule has errors or an option is
            invalid.

            Examples:
              ticklerctl export --ics > tickler.ics
              ticklerctl export --ics --days 730 --output /var/www/html/tickler.ics
              ticklerctl export --ics --obligation labour-agreement-van-son --after 2029-01-01
              SOURCE_DATE_EPOCH=0 ticklerctl export --ics --config Config --after 2027-01-01
            """
    )

    /// The longest window, in days: ten years.
    static let maximumDays = 3660

    @OptionGroup var schedule: ScheduleOptions

    @OptionGroup var control: ControlOptions

    @Flag(help: "Write iCalendar (RFC 5545), the only format so far; required.")
    var ics = false

    @Option(help: ArgumentHelp("How many days after --after to export (1…3660).", valueName: "days"))
    var days = 400

    @Option(
        name: .customLong("obligation"),
        help: ArgumentHelp("Export only this obligation; repeat for more (default: all).", valueName: "id")
    )
    var obligationIDs: [String] = []

    @Option(help: ArgumentHelp("Export occurrences after this date-time (default: now).", valueName: "date-time"))
    var after: String?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Replace this file atomically instead of writing to standard output.", valueName: "file")
    )
    var output: String?

    func run() throws {
        do {
            try checkOptions()
            let loaded = try schedule.loadOrExit()
            let bytes = try export(
                loaded,
                now: Instant.now(),
                environment: ProcessEnvironment.current()
            )
            if let output {
                do {
                    try AtomicFile.replace(output, with: bytes)
                } catch {
                    throw ExportCommandError("--output", error.description)
                }
            } else {
                var sink = FileDescriptorSink.standardOutput
                bytes.withUnsafeBytes { sink.write($0) }
            }
        } catch let error as ExportCommandError {
            var errors = FileDescriptorSink.standardError
            errors.writeLine("ticklerctl: \(error)")
            throw ExitCode.failure
        }
    }

    /// Checks the options that need no schedule.
    /// - Throws: ``ExportCommandError`` naming the option.
    func checkOptions() throws(ExportCommandError) {
        guard ics else { throw ExportCommandError("", "say which format: --ics (iCalendar) is the only one so far") }
        guard (1...Self.maximumDays).contains(days) else {
            throw ExportCommandError("--days", "\(days): must be 1…\(Self.maximumDays)")
        }
    }

    /// The calendar of `loaded` as the options ask for it.
    /// - Parameters:
    ///   - now: the instant `--after` defaults to, and the DTSTAMP without `SOURCE_DATE_EPOCH`.
    ///   - environment: where `SOURCE_DATE_EPOCH` is read.
    /// - Throws: ``ExportCommandError`` naming the option or variable at fault.
    func export(_ loaded: Schedule, now: Instant, environment: [String: String]) throws(ExportCommandError) -> [UInt8] {
        try checkOptions()
        let start: Instant
        do {
            start = try AfterOption.instant(after, zone: ZoneDatabase.shared.systemRules(), now: now)
        } catch {
            throw ExportCommandError("--after", "\(after ?? ""): \(AfterOption.expected)")
        }
        let stamp = try Self.stamp(environment: environment, now: now)
        var obligations = loaded.obligations
        if !obligationIDs.isEmpty {
            for id in obligationIDs where loaded[id] == nil {
                throw ExportCommandError("--obligation", "\(id): no such obligation in \(schedule.path)")
            }
            obligations = obligations.filter { obligationIDs.contains($0.id) }
        }
        let end = start.adding(seconds: Int64(days) * 86_400)
        do {
            var export = CalendarExport(obligations: obligations, after: start, before: end, stamp: stamp)
            try export.checkYears()
            let occurrences = try export.occurrences()
            var seen: Set<String> = []
            let inWindow = occurrences.map(\.obligation.id).filter { seen.insert($0).inserted }
            export.resolutions = resolutions(of: inWindow)
            return try export.render(occurrences)
        } catch {
            throw ExportCommandError("", error.description)
        }
    }

    /// How people ended the occurrences of `ids`, by UID, from the running ticklerd's history (one request an
    /// obligation); empty, after a note on standard error, when ticklerd is not running or keeps the caller out.
    func resolutions(of ids: [String]) -> [String: OccurrenceResolution] {
        var result: [String: OccurrenceResolution] = [:]
        for id in ids {
            let answer: DaemonClient.Answer
            do {
                answer = try DaemonClient.ask(.history(obligationID: id), socket: control.path, quietlyRefused: true)
            } catch let failure as ControlFailure {
                FileDescriptorSink.diagnose("\(failure.message); acknowledgements are left out of the calendar")
                return [:]
            } catch {
                // DaemonClient said why already.
                FileDescriptorSink.diagnose("acknowledgements are left out of the calendar")
                return [:]
            }
            switch answer {
            case .notRunning(let reason):
                FileDescriptorSink.diagnose("ticklerd is not running (\(reason)); acknowledgements are left out")
                return [:]
            case .reply(.history(let entries)):
                let events = entries.map { entry in
                    (
                        event: entry.event, due: Instant(microsecondsSinceEpoch: entry.due),
                        at: Instant(microsecondsSinceEpoch: entry.at)
                    )
                }
                for (due, resolution) in OccurrenceResolution.replay(events) {
                    result[CalendarOccurrence.uid(obligationID: id, due: due)] = resolution
                }
            case .reply(.failure(let failure)):
                FileDescriptorSink.diagnose("\(failure.message); acknowledgements are left out of the calendar")
                return [:]
            case .reply:
                FileDescriptorSink.diagnose("ticklerd answered history unexpectedly; acknowledgements are left out")
                return [:]
            }
        }
        return result
    }

    /// The DTSTAMP: `SOURCE_DATE_EPOCH` (whole seconds since 1970, as reproducible builds use it) when set, else now.
    /// - Throws: ``ExportCommandError`` when the variable is set but not a number of seconds in years 1970–9999.
    static func stamp(environment: [String: String], now: Instant) throws(ExportCommandError) -> Instant {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return now }
        guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let seconds = Int64(text), seconds <= 253_402_300_799
        else {
            throw ExportCommandError("SOURCE_DATE_EPOCH", "\(text): expected whole seconds since 1970-01-01 UTC")
        }
        return Instant(secondsSinceEpoch: seconds)
    }
}
