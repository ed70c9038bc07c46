import TicklerTOML

/// Where an obligation's events are delivered: the channel names of `notify` for every stage, and of
/// `notify-reminder`, `notify-due`, `notify-overdue`, `notify-escalated` for one stage.
///
/// ticklerd does not deliver: it writes the channels of each fired event into the journal (`TICKLER_NOTIFY`), and
/// `tickler-notify` delivers to the channels its `notify.toml` defines. An empty list routes a stage nowhere, also
/// against `[defaults]`.
public struct NotifyRouting: Sendable, Hashable {
    /// The stages a route can be given for, each with its own key `notify-<stage>`.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// The lead-time reminders.
        case reminder
        /// The due time.
        case due
        /// The overdue repeats.
        case overdue
        /// The escalation steps of an obligation's lifecycle.
        case escalated

        /// The stage of a fired ``ReminderStage``.
        public init(_ stage: ReminderStage) {
            switch stage {
            case .reminder: self = .reminder
            case .due: self = .due
            case .overdue: self = .overdue
            }
        }

        /// The stage's own key: `notify-reminder`, ….
        public var key: String { "notify-" + rawValue }
    }

    /// The keys a route is written with, in an obligation or in `[defaults]`.
    static let keys = ["notify"] + Stage.allCases.map(\.key)

    /// `notify`: the channels of every stage without a list of its own; nil when not set.
    public var channels: [String]?
    /// `notify-<stage>`: the channels of one stage.
    public var stageChannels: [Stage: [String]]

    /// A route of `channels` for every stage, and `stageChannels` for some.
    public init(channels: [String]? = nil, stageChannels: [Stage: [String]] = [:]) {
        self.channels = channels
        self.stageChannels = stageChannels
    }

    /// The channels events of `stage` go to, in the order written; empty when none.
    public func channels(for stage: Stage) -> [String] {
        stageChannels[stage] ?? channels ?? []
    }

    /// This route with each key `other` sets taking its place (later `[defaults]` over earlier ones).
    func overridden(by other: NotifyRouting) -> NotifyRouting {
        NotifyRouting(
            channels: other.channels ?? channels,
            stageChannels: stageChannels.merging(other.stageChannels) { _, new in new }
        )
    }

    /// An obligation's own route (this one) over the defaults' `fallback`: a stage takes the obligation's
    /// `notify-<stage>`, else its `notify`, else the defaults' `notify-<stage>`, else their `notify`.
    func resolved(over fallback: NotifyRouting) -> NotifyRouting {
        guard channels == nil else { return self }
        // Most obligations set no route of their own and take the defaults' as they are.
        guard !stageChannels.isEmpty else { return fallback }
        return fallback.overridden(by: self)
    }

    /// The stages with their keys, spelled once rather than for each table read.
    private static let stageKeys = Stage.allCases.map { ($0, TOMLTable.Key($0.key)) }
    /// `notify`, as the table is asked for it.
    private static let channelsKey = TOMLTable.Key("notify")
    /// `notify` and the stage keys.
    private static let allKeys = TOMLTable.KeySet([channelsKey.name] + stageKeys.map(\.1.name))

    /// Reads the route keys of `reader`'s table, reporting bad channel lists to it.
    static func read(_ reader: inout TableReader) -> NotifyRouting {
        // Most obligations route nothing of their own: one look at each of the table's keys tells.
        guard allKeys.containsAny(of: reader.table) else { return NotifyRouting() }
        var routing = NotifyRouting(channels: channelList(&reader, key: channelsKey))
        for (stage, key) in stageKeys {
            if let channels = channelList(&reader, key: key) { routing.stageChannels[stage] = channels }
        }
        return routing
    }

    /// The channel names at `key`: an array of distinct names of letters, digits, `-` and `_` (a bare TOML key, as
    /// `[channel.NAME]` in notify.toml names them); nil when absent or bad (reported).
    private static func channelList(_ reader: inout TableReader, key: TOMLTable.Key) -> [String]? {
        guard let names = reader.strings(key, expected: "an array of channel names such as [\"office-mail\"]") else {
            return nil
        }
        var seen: Set<String> = []
        for name in names {
            guard isChannelName(name) else {
                reader.report(key.name, "invalid channel name \"\(name)\" (use letters, digits, \"-\" and \"_\")")
                return nil
            }
            guard seen.insert(name).inserted else {
                reader.report(key.name, "channel \"\(name)\" is listed twice")
                return nil
            }
        }
        return names
    }

    /// Whether `name` is a non-empty bare TOML key: ASCII letters, digits, `-` and `_`.
    public static func isChannelName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == 0x2D || byte == 0x5F
            }
    }
}
