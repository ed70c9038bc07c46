/// One delivery channel of notify.toml: its name, what it delivers through, its language and templates.
public struct Channel: Sendable, Hashable {
    /// The name after `[channel.`, as `notify = [...]` in the schedule names it.
    public let name: String
    /// What it delivers through, with its settings.
    public let kind: ChannelKind
    /// The language of the default templates: `en` or `vi`.
    public let language: MessageLanguage
    /// Its own templates, where given (`subject`, `body`); the defaults of ``language`` otherwise.
    public let templates: MessageTemplates
    /// Whether deliveries due together (after downtime) go as one digest message.
    public let digest: Bool
    /// How long one attempt may take, in microseconds.
    public let timeout: Int64
    /// Where its `[channel.NAME]` table is: `FILE:LINE:COLUMN`.
    public let source: String

    /// A channel with every setting given.
    public init(
        name: String,
        kind: ChannelKind,
        language: MessageLanguage = .english,
        templates: MessageTemplates = MessageTemplates(),
        digest: Bool = true,
        timeout: Int64 = 30_000_000,
        source: String = ""
    ) {
        self.name = name
        self.kind = kind
        self.language = language
        self.templates = templates
        self.digest = digest
        self.timeout = timeout
        self.source = source
    }
}
