/// The notifier's `STATUS=` line: its channels, its queue and the channels failing.
public struct NotifyStatus: Sendable, Hashable, CustomStringConvertible {
    /// How many channels notify.toml defines.
    public var channelCount: Int
    /// The file looked for, named when there are no channels.
    public var configurationFile: String
    /// Deliveries still to make (pending or failed).
    public var queueLength: Int
    /// Channels whose last attempt failed.
    public var failing: [String]
    /// Whether the configuration file exists (it may define no channel).
    public var configurationFileExists: Bool

    /// A status with every part given.
    public init(
        channelCount: Int,
        configurationFile: String,
        queueLength: Int = 0,
        failing: [String] = [],
        configurationFileExists: Bool = false
    ) {
        self.channelCount = channelCount
        self.configurationFile = configurationFile
        self.queueLength = queueLength
        self.failing = failing
        self.configurationFileExists = configurationFileExists
    }

    /// `no channels (no /etc/tickler/notify.toml), idle`, `no channels in /etc/tickler/notify.toml, idle`,
    /// `2 channels, 3 queued, failing: chat`, `2 channels, idle`.
    public var description: String {
        guard channelCount > 0 else {
            return configurationFileExists
                ? "no channels in \(configurationFile), idle" : "no channels (no \(configurationFile)), idle"
        }
        var parts = [channelCount == 1 ? "1 channel" : "\(channelCount) channels"]
        parts.append(queueLength == 0 ? "idle" : "\(queueLength) queued")
        if !failing.isEmpty { parts.append("failing: " + failing.joined(separator: ", ")) }
        return parts.joined(separator: ", ")
    }
}
