/// Delivers an event to a program: the channel's argument vector as written (never through a shell), the event in
/// `TICKLER_*` variables (its text in `TICKLER_MESSAGE`), nothing on standard input.
struct ExecSender: Sendable {
    /// The settings of the channel.
    let settings: ExecSettings

    /// The environment of the program for `event` delivered under `key`: the channel's variables, `PATH` unless it
    /// sets one, and the event's `TICKLER_*` fields.
    func environment(_ event: DeliveryEvent, key: DeliveryKey, channel: String) -> [String: String] {
        var environment = settings.environment
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        let fields: [(String, String?)] = [
            ("TICKLER_EVENT", event.kind), ("TICKLER_OBLIGATION", event.obligation), ("TICKLER_DUE", event.due),
            ("TICKLER_STAGE", event.stage), ("TICKLER_TITLE", event.title), ("TICKLER_LEAD", event.lead),
            ("TICKLER_PARTNER", event.partner), ("TICKLER_MESSAGE", event.message), ("TICKLER_CHANNEL", channel),
            ("TICKLER_DELIVERY_KEY", key.hex), ("TICKLER_ACK", event.acknowledgeCommand),
        ]
        for (name, value) in fields { if let value { environment[name] = value } }
        return environment
    }

    /// Runs the program for `event`; exit 0 is sent, sysexits(3) codes decide the rest.
    func send(_ event: DeliveryEvent, key: DeliveryKey, channel: String) async -> DeliveryOutcome {
        await ProgramRunner.run(
            settings.command,
            input: nil,
            environment: environment(event, key: key, channel: channel)
        )
    }
}
