public import Logging
import TicklerJournalSchema

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A swift-log handler that writes structured journal entries, or readable stderr lines outside systemd.
///
/// In the journal, each metadata key becomes a field named by `JournalFieldName(normalizing:)`
/// (`tickler.obligation` → `TICKLER_OBLIGATION`); the level becomes `PRIORITY`; the handler sets `MESSAGE`,
/// `SYSLOG_IDENTIFIER` and `CODE_FILE`/`CODE_LINE`/`CODE_FUNC`, which metadata cannot override
/// (metadata may set `MESSAGE_ID` and any other field). A logged error becomes `ERROR=`.
public struct JournalLogHandler: LogHandler {
    /// The fields the handler owns; metadata with these names is ignored.
    public static let reservedFields: Set<JournalFieldName> = [
        .message, .priority, .syslogIdentifier, .codeFile, .codeLine, .codeFunction,
    ]

    /// The logger's label.
    public let label: String
    /// The `SYSLOG_IDENTIFIER` of every entry, e.g. `ticklerd`.
    public let identifier: String
    /// Where entries go.
    public let destination: LogDestination
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    /// Creates a handler.
    /// - Parameters:
    ///   - label: the logger's label.
    ///   - identifier: the `SYSLOG_IDENTIFIER`.
    ///   - destination: the journal or stderr; by default chosen from this process's surroundings.
    ///   - logLevel: the least severe level that is written.
    ///   - metadataProvider: extra metadata gathered at each log call.
    public init(
        label: String,
        identifier: String,
        destination: LogDestination = .choose(for: .current()),
        logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.identifier = identifier
        self.destination = destination
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    /// Makes this the process-wide log handler, choosing the destination once, now.
    /// - Parameters:
    ///   - identifier: the `SYSLOG_IDENTIFIER`, e.g. `ticklerd`.
    ///   - logLevel: the least severe level written by new loggers.
    public static func bootstrap(identifier: String, logLevel: Logger.Level = .info) {
        let destination = LogDestination.choose(for: .current())
        LoggingSystem.bootstrap { label in
            JournalLogHandler(label: label, identifier: identifier, destination: destination, logLevel: logLevel)
        }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        switch destination {
        case .journal:
            do {
                try Journal.send(entry(for: event))
            } catch {
                writeToStandardError(line(for: event, timestamp: nil))
            }
        case .standardError(let timestamps):
            writeToStandardError(line(for: event, timestamp: timestamps ? TerminalText.localTimestamp() : nil))
        }
    }

    /// The journal entry for `event`, with the provider's, the handler's and the event's metadata (later wins).
    public func entry(for event: LogEvent) -> JournalEntry {
        var entry = JournalEntry(
            message: "\(event.message)",
            priority: Priority(event.level),
            identifier: identifier,
            file: event.file,
            line: event.line,
            function: event.function
        )
        for (key, value) in mergedMetadata(event.metadata).sorted(by: { $0.key < $1.key }) {
            guard let name = JournalFieldName(normalizing: key), !Self.reservedFields.contains(name) else { continue }
            entry[name] = Self.text(of: value)
        }
        if let error = event.error {
            entry["ERROR"] = String(describing: error)
        }
        return entry
    }

    /// The stderr line for `event`: `[timestamp ]level identifier: message[ key=value…]`, metadata merged as for the
    /// journal and sorted by key, values quoted when they hold spaces, quotes or control characters, control
    /// characters escaped (`\n`, `\u{1B}`).
    public func line(for event: LogEvent, timestamp: String?) -> String {
        var line = timestamp.map { $0 + " " } ?? ""
        line +=
            "\(Priority(event.level).name) \(identifier): \(TerminalText.escaped(String(describing: event.message)))"
        for (key, value) in mergedMetadata(event.metadata).sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(TerminalText.quotedIfNeeded(Self.text(of: value)))"
        }
        if let error = event.error {
            line += " error=\(TerminalText.quotedIfNeeded(String(describing: error)))"
        }
        return line
    }

    private func mergedMetadata(_ explicit: Logger.Metadata?) -> Logger.Metadata {
        var merged = metadataProvider?.get() ?? [:]
        merged.merge(metadata) { _, handler in handler }
        if let explicit {
            merged.merge(explicit) { _, event in event }
        }
        return merged
    }

    private static func text(of value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible): convertible.description
        case .array, .dictionary: value.description
        }
    }

    private func writeToStandardError(_ line: String) {
        TerminalText.writeLine(line, to: STDERR_FILENO)
    }
}
