import ArgumentParser
import TicklerCalendar
import TicklerControlProtocol
import TicklerPlatform
import TicklerSchedule

/// `ticklerctl status`: whether ticklerd runs, its schedule, its occurrences by state, what comes next.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether ticklerd is running, its schedule, its occurrences by state and the next events.",
        discussion: """
            Like `timedatectl` or `systemctl status`: asks the running ticklerd
            over its control socket for its version and process, the schedule
            in force (where from, which files, when loaded), how many open
            occurrences are upcoming, reminding, due, overdue, escalated and
            snoozed, the next five events and the last reload's result.

            When ticklerd is not running it says so and shows the next five
            events planned from the files (--config, as `ticklerctl list`),
            and exits with status 3, as `systemctl status` does for a stopped
            unit.

            --json prints one object: running (true or false), then the
            daemon's view (version, pid, started_at, schedule, files,
            loaded_at, obligations, counts, next, last_reload) or, when not
            running, socket, reason, schedule and next (planned).

            Exit status: 0 when ticklerd is running; 3 when it is not; 4 when
            permission is denied; 1 on any other failure.

            Examples:
              ticklerctl status
              ticklerctl status --json | jq .counts
            """
    )

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var control: ControlOptions

    @OptionGroup var schedule: ScheduleOptions

    func run() throws {
        switch try DaemonClient.ask(.status, socket: control.path) {
        case .reply(.status(let view)): show(view)
        case .reply(.failure(let failure)): throw DaemonClient.refuse(failure)
        case .reply(let other): throw DaemonClient.unexpected(other)
        case .notRunning(let reason):
            showStopped(reason: reason)
            throw ExitCode(DaemonClient.notRunningStatus)
        }
    }

    /// The states in the order the counts are shown.
    static let countedStates: [OccurrenceState] = [.upcoming, .reminding, .due, .overdue, .escalated, .snoozed]

    /// Prints the running daemon's status.
    private func show(_ view: StatusView) {
        var output = FileDescriptorSink.standardOutput
        let now = Instant.now()
        if json {
            var members: [(key: String, value: JSONValue)] = [("running", .bool(true))]
            if case .object(let wire) = view.wire { members += wire.filter { $0.key != "next" && $0.key != "counts" } }
            members = members.map { member in
                switch member.key {
                case "started_at", "loaded_at":
                    guard case .integer(let time) = member.value else { return member }
                    return (member.key, .string(DaemonTime.iso(Int64(time), zone: view.zone)))
                case "last_reload":
                    guard let reload = view.lastReload else { return member }
                    return (
                        member.key,
                        .object([
                            ("at", .string(DaemonTime.iso(reload.at, zone: view.zone))),
                            ("succeeded", .bool(reload.succeeded)), ("problems", .strings(reload.problems)),
                        ])
                    )
                default: return member
                }
            }
            members.append(
                ("counts", .object(Self.countedStates.map { ($0.name, .integer(view.counts[$0] ?? 0)) }))
            )
            members.append(("next", .array(view.next.map(DaemonListing.json))))
            output.writeLine(JSONValue.object(members).rendered())
            return
        }
        let dot = Terminal.coloured("●", 32)
        let started = DaemonTime.human(view.startedAt, zone: view.zone)
        output.writeLine(
            "\(dot) ticklerd is running: pid \(view.pid), version \(Terminal.escaped(view.version)), since \(started) "
                + "(\(DaemonTime.left(view.startedAt, now: now)))"
        )
        var fields: [(String, [String])] = [
            (
                "Schedule",
                [
                    "\(view.scheduleLocation) (\(ScheduleOptions.count(view.obligationCount, "obligation"))), loaded "
                        + DaemonTime.human(view.loadedAt, zone: view.zone)
                ]
            ),
            ("Files", view.files.isEmpty ? ["-"] : view.files),
            (
                "Occurrences",
                [Self.countedStates.map { "\(view.counts[$0] ?? 0) \($0.name)" }.joined(separator: ", ")]
            ),
        ]
        if let reload = view.lastReload {
            let result = reload.succeeded ? "succeeded" : Terminal.coloured("failed, the schedule above kept", 31)
            fields.append(
                ("Last reload", ["\(DaemonTime.human(reload.at, zone: view.zone)), \(result)"] + reload.problems)
            )
        } else {
            fields.append(("Last reload", ["none since the start"]))
        }
        Self.write(fields, to: &output)
        output.writeLine("")
        output.writeLine("Next events:")
        for line in DaemonListing.table(view.next, now: now).lines(legend: true, headingStyle: Terminal.bold) {
            output.writeLine(line)
        }
    }

    /// Prints that the daemon is not running, with the next events planned from the files.
    private func showStopped(reason: String) {
        var output = FileDescriptorSink.standardOutput
        let loaded = try? schedule.load()
        let now = Instant.now()
        let events = loaded.map { Planner(schedule: $0, after: now).upcoming(limit: 5) } ?? []
        if json {
            var members: [(key: String, value: JSONValue)] = [
                ("running", .bool(false)), ("socket", .string(control.path)), ("reason", .string(reason)),
                ("schedule", .string(schedule.path)),
                ("obligations", loaded.map { .integer($0.count) } ?? .null),
            ]
            members.append(
                ("next", .array(loaded.map { s in events.compactMap { UpcomingCommand.json($0, in: s) } } ?? []))
            )
            output.writeLine(JSONValue.object(members).rendered())
            return
        }
        output.writeLine("\(Terminal.coloured("○", 31)) ticklerd is not running (\(reason))")
        let summary =
            loaded.map { "\(schedule.path) (\(ScheduleOptions.count($0.count, "obligation"))), planned from the files" }
            ?? "\(schedule.path): the schedule does not load (ticklerctl validate says why)"
        var fields: [(String, [String])] = [("Schedule", [summary])]
        fields.append(("Start it", ["systemctl start ticklerd"]))
        Self.write(fields, to: &output)
        guard let loaded, !events.isEmpty else { return }
        output.writeLine("")
        output.writeLine("Next events (planned from the files):")
        var table = TextTable(headings: ["when", "left", "event", "id", "title"])
        for event in events {
            guard let obligation = loaded[event.obligationID] else { continue }
            table.append([
                obligation.zone.zoned(event.fireAt).humanDescription,
                HumanDuration.text(microseconds: event.fireAt.microseconds(since: now)), event.stageKey, obligation.id,
                obligation.title,
            ])
        }
        for line in table.lines(legend: true, headingStyle: Terminal.bold) { output.writeLine(line) }
    }

    /// Writes `fields` as `timedatectl` does: labels right-aligned by display width before a colon, values after,
    /// a value's further lines under its first.
    private static func write(_ fields: [(String, [String])], to output: inout FileDescriptorSink) {
        let width = fields.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (label, values) in fields {
            let pad = String(repeating: " ", count: width - DisplayWidth.of(label))
            for (index, value) in values.enumerated() {
                let head = index == 0 ? pad + label + ":" : String(repeating: " ", count: width + 1)
                output.writeLine(" " + head + " " + Terminal.escaped(value))
            }
        }
    }
}
