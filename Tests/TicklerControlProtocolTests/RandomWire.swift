import TicklerControlProtocol
import TicklerTestKit

/// Random protocol values for round-trip tests: strings with quotes, escapes, control characters and non-ASCII text,
/// integers over the whole 64-bit range, optionals both present and absent.
struct RandomWire {
    /// The generator.
    var random: SeededRandom

    /// Characters the strings are made of.
    private static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "ử", "春",
        "\u{2028}", "\u{FEFF}", "😀", "{", "}", "[", "]", ":", ",",
    ]

    /// A string of up to 12 characters.
    mutating func string() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            scalars.append(Self.alphabet.randomElement(using: &random)!)
        }
        return String(scalars)
    }

    /// A string or nil.
    mutating func optionalString() -> String? { Bool.random(using: &random) ? string() : nil }

    /// An instant anywhere in the 64-bit range, often a plausible one.
    mutating func instant() -> Int64 {
        Bool.random(using: &random)
            ? Int64.random(in: .min ... .max, using: &random)
            : Int64.random(in: 0...4_102_444_800_000_000, using: &random)
    }

    /// An instant or nil.
    mutating func optionalInstant() -> Int64? { Bool.random(using: &random) ? instant() : nil }

    /// An occurrence state.
    mutating func state() -> OccurrenceState { OccurrenceState.allCases.randomElement(using: &random)! }

    /// An event view.
    mutating func event() -> EventView {
        EventView(
            obligationID: string(),
            title: string(),
            stage: string(),
            fireAt: instant(),
            due: instant(),
            zone: string(),
            state: state(),
            snoozedUntil: optionalInstant()
        )
    }

    /// An occurrence command.
    mutating func command() -> OccurrenceCommand {
        OccurrenceCommand(
            action: OccurrenceAction.allCases.randomElement(using: &random)!,
            obligationID: string(),
            due: optionalString(),
            snoozeFor: optionalString(),
            snoozeUntil: optionalString(),
            note: optionalString()
        )
    }

    /// Any request.
    mutating func request() -> ControlRequest {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: .status
        case 1: .list
        case 2:
            .upcoming(
                days: Int.random(in: 0...Int.max, using: &random),
                limit: Bool.random(using: &random) ? Int.random(in: 0...1000, using: &random) : nil,
                obligationID: optionalString()
            )
        case 3: .history(obligationID: string())
        default: .change(command())
        }
    }

    /// Any reply.
    mutating func reply() -> ControlReply {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: .status(status())
        case 1: .upcoming((0..<Int.random(in: 0...4, using: &random)).map { _ in event() })
        case 2:
            .list(
                (0..<Int.random(in: 0...4, using: &random)).map { _ in
                    ObligationView(
                        obligationID: string(),
                        title: string(),
                        rule: string(),
                        zone: string(),
                        due: optionalInstant(),
                        state: Bool.random(using: &random) ? state() : nil,
                        snoozedUntil: optionalInstant()
                    )
                }
            )
        case 3:
            .history(
                (0..<Int.random(in: 0...4, using: &random)).map { _ in
                    HistoryEntry(
                        at: instant(),
                        due: instant(),
                        event: string(),
                        stage: optionalString(),
                        user: optionalString(),
                        note: optionalString(),
                        snoozedUntil: optionalInstant(),
                        channel: optionalString()
                    )
                }
            )
        case 4:
            .changed(
                TransitionOutcome(
                    obligationID: string(),
                    due: instant(),
                    zone: string(),
                    from: state(),
                    to: state(),
                    snoozedUntil: optionalInstant()
                )
            )
        default: .failure(ControlFailure(ControlFailure.Code.allCases.randomElement(using: &random)!, string()))
        }
    }

    /// A status view.
    mutating func status() -> StatusView {
        var counts: [OccurrenceState: Int] = [:]
        for state in OccurrenceState.allCases where Bool.random(using: &random) {
            counts[state] = Int.random(in: 0...Int.max, using: &random)
        }
        return StatusView(
            version: string(),
            pid: Int32.random(in: .min ... .max, using: &random),
            startedAt: instant(),
            scheduleLocation: string(),
            files: (0..<Int.random(in: 0...3, using: &random)).map { _ in string() },
            loadedAt: instant(),
            obligationCount: Int.random(in: 0...100_000, using: &random),
            counts: counts,
            next: (0..<Int.random(in: 0...5, using: &random)).map { _ in event() },
            lastReload: Bool.random(using: &random)
                ? StatusView.Reload(
                    at: instant(),
                    succeeded: Bool.random(using: &random),
                    problems: (0..<Int.random(in: 0...2, using: &random)).map { _ in string() }
                ) : nil,
            zone: string()
        )
    }
}
