import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import Systemd
import TicklerJournalSchema
import TicklerNotify
import TicklerPlatform
import UnixSignals

/// `tickler-notify`: delivers ticklerd's reminders to mail, webhooks and commands, at least once, with a delivery log.
@main
struct TicklerNotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickler-notify",
        abstract: "Deliver ticklerd's reminders to mail, webhooks and commands.",
        discussion: """
            tickler-notify follows ticklerd's reminder, due and overdue entries in the journal and delivers each to \
            the channels its obligation names (TICKLER_NOTIFY, from notify = [...] in the schedule), as configured \
            in notify.toml. Every delivery is a row of the delivery log, keyed by an idempotency key of \
            (obligation, due, stage, channel): marked sent only after the channel accepted it, retried with \
            backoff for 24 hours, never sent twice once recorded. Outcomes are journaled as \
            TICKLER_EVENT=delivered|delivery-failed|delivery-dead.

            FILES
              /etc/tickler/notify.toml, /etc/tickler/notify.d/*.toml
                  The channels. Without them tickler-notify idles.
              STATE/deliveries.sqlite
                  The delivery log and the journal cursor.

            ENVIRONMENT
              STATE_DIRECTORY, CONFIGURATION_DIRECTORY, CREDENTIALS_DIRECTORY
                  Set by systemd; ${credential:NAME} reads CREDENTIALS_DIRECTORY/NAME.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Directory holding notify.toml and notify.d/.", valueName: "dir"))
    var config: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Directory of the delivery log.", valueName: "dir"))
    var stateDirectory: String?

    @Option(
        name: .customLong("journal-directory"),
        help: ArgumentHelp("Read the journal files of this directory instead of the system's.", valueName: "dir")
    )
    var journalDirectory: String?

    @Option(help: ArgumentHelp("The SYSLOG_IDENTIFIER of the entries followed.", valueName: "name"))
    var identifier = JournalSchema.syslogIdentifier

    @Flag(name: .customLong("check-config"), help: "Check notify.toml, print every problem, exit 1 on errors.")
    var checkConfig = false

    func run() async throws {
        // A program that exits before reading its input must fail its attempt, not kill the notifier.
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessEnvironment.current()
        let directory = config ?? environment["CONFIGURATION_DIRECTORY"] ?? "/etc/tickler"
        let file = directory + "/" + NotifyConfiguration.fileName
        let logger = Logger(label: "tickler-notify")
        let configuration: NotifyConfiguration
        do {
            configuration = try NotifyConfiguration.load(
                directory: directory,
                credentials: checkConfig ? nil : CredentialSource.fromEnvironment(environment)
            )
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
        if checkConfig { return }
        let state = environment["STATE_DIRECTORY"] ?? stateDirectory ?? "/var/lib/tickler-notify"
        let log = try DeliveryLog(path: state + "/" + DeliveryLog.fileName)
        let follower =
            configuration.channels.isEmpty
            ? nil : try JournalFollower(directory: journalDirectory, identifier: identifier)
        let sink: any EventSink =
            switch LogDestination.choose(for: .current()) {
            case .journal: JournalEventSink(identifier: JournalSchema.notifierIdentifier)
            case .standardError: TerminalEventSink(identifier: JournalSchema.notifierIdentifier)
            }
        let notifier = Notifier()
        let (reloads, reloadRequests) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let credentials = CredentialSource.fromEnvironment(environment)
        let (journalDirectory, identifier) = (journalDirectory, identifier)
        var services: [any Service] = [
            await ReloadSignalService(requests: reloadRequests),
            NotifyService(
                configuration: configuration,
                configurationFile: file,
                log: log,
                follower: follower,
                sink: sink,
                notifier: notifier,
                logger: logger,
                reloads: reloads,
                loadConfiguration: { () throws(NotifyConfigurationError) in
                    try NotifyConfiguration.load(directory: directory, credentials: credentials)
                },
                makeFollower: { () throws(JournalError) in
                    try JournalFollower(directory: journalDirectory, identifier: identifier)
                }
            ),
        ]
        if !configuration.channels.isEmpty { services.append(WatchdogService(notifier: notifier, logger: logger)) }
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
