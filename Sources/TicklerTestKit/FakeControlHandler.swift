public import TicklerControlProtocol

/// A ``ControlHandler`` for tests of the control socket and of ticklerctl: it records every request with its caller
/// and answers with the reply the test gives (by default canned views and an acknowledgement), optionally after a
/// delay.
public struct FakeControlHandler: ControlHandler {
    /// One request the handler was given.
    public struct Handled: Sendable, Hashable {
        /// The request.
        public var request: ControlRequest
        /// Who sent it.
        public var caller: ControlCaller
    }

    /// Every request handled so far, in order.
    public let handled = Recorder<Handled>()
    /// The answer to each request.
    private let answer: @Sendable (ControlRequest, ControlCaller) async -> ControlReply

    /// A handler answering with `answer`.
    public init(answer: @escaping @Sendable (ControlRequest, ControlCaller) async -> ControlReply = Self.canned) {
        self.answer = answer
    }

    public func handle(_ request: ControlRequest, from caller: ControlCaller) async -> ControlReply {
        handled.append(Handled(request: request, caller: caller))
        return await answer(request, caller)
    }

    /// The canned event of the default answers: `renewal` due 2027-01-28 08:00 in Ho Chi Minh City, its 7-day
    /// reminder on 2027-01-21 08:00; the daemon started and loaded on 2027-01-20 00:00 UTC.
    public static let event = EventView(
        obligationID: "renewal",
        title: "Renew the agreement",
        stage: "remind-7d",
        fireAt: 1_800_493_200_000_000,
        due: 1_801_098_000_000_000,
        zone: "Asia/Ho_Chi_Minh",
        state: .upcoming
    )

    /// The default answers: a status of one obligation, the canned event, one row, a history of one reminder, and
    /// each change carried out from `overdue` (to `acknowledged`, `snoozed`, `skipped`, `overdue`).
    @Sendable public static func canned(_ request: ControlRequest, _ caller: ControlCaller) async -> ControlReply {
        switch request {
        case .status:
            .status(
                StatusView(
                    version: "0.0.0-test",
                    pid: 42,
                    startedAt: 1_800_403_200_000_000,
                    scheduleLocation: "/etc/tickler",
                    files: ["/etc/tickler/schedule.toml"],
                    loadedAt: 1_800_403_200_000_000,
                    obligationCount: 1,
                    counts: [.upcoming: 1],
                    next: [event],
                    lastReload: nil,
                    zone: "UTC"
                )
            )
        case .upcoming: .upcoming([event])
        case .list:
            .list([
                ObligationView(
                    obligationID: event.obligationID,
                    title: event.title,
                    rule: "rrule = \"FREQ=YEARLY\"",
                    zone: event.zone,
                    due: event.due,
                    state: .upcoming
                )
            ])
        case .history(let id):
            .history(
                [HistoryEntry(at: event.fireAt, due: event.due, event: "reminder", stage: "remind-7d")].filter { _ in
                    id == event.obligationID
                }
            )
        case .change(let command):
            .changed(
                TransitionOutcome(
                    obligationID: command.obligationID,
                    due: event.due,
                    zone: event.zone,
                    from: .overdue,
                    to: [.acknowledge: .acknowledged, .snooze: .snoozed, .skip: .skipped, .reopen: .overdue][
                        command.action
                    ] ?? .overdue,
                    snoozedUntil: command.action == .snooze ? event.due + 86_400_000_000 : nil
                )
            )
        }
    }
}
