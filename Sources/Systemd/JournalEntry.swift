public import TicklerJournalSchema

/// A structured journal entry: an ordered set of fields, each name at most once.
public struct JournalEntry: Sendable, Hashable {
    /// The fields, in the order they were first set.
    public private(set) var fields: [JournalField] = []

    /// Creates an entry with no fields.
    public init() {}

    /// Creates an entry with `MESSAGE`, `PRIORITY`, `CODE_FILE`/`CODE_LINE`/`CODE_FUNC` and, when given,
    /// `MESSAGE_ID` and `SYSLOG_IDENTIFIER`.
    /// - Parameters:
    ///   - message: the human-readable text; may span lines.
    ///   - priority: the syslog priority.
    ///   - messageID: the kind of event, if it has one.
    ///   - identifier: the program name (`SYSLOG_IDENTIFIER`); journald falls back to the process name.
    ///   - file: the source file, `#fileID` by default.
    ///   - line: the source line.
    ///   - function: the function name.
    public init(
        message: String,
        priority: Priority,
        messageID: MessageID? = nil,
        identifier: String? = nil,
        file: String = #fileID,
        line: UInt = #line,
        function: String = #function
    ) {
        self[.message] = message
        self[.priority] = String(priority.rawValue)
        self[.messageID] = messageID?.hex
        self[.syslogIdentifier] = identifier
        self[.codeFile] = file
        self[.codeLine] = String(line)
        self[.codeFunction] = function
    }

    /// The value of the field `name`; setting replaces it in place (or appends it), setting nil removes it.
    public subscript(name: JournalFieldName) -> String? {
        get { fields.first { $0.name == name }?.value }
        set {
            let index = fields.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): fields[index].value = value
            case (let index?, nil): fields.remove(at: index)
            case (nil, let value?): fields.append(JournalField(name, value))
            case (nil, nil): break
            }
        }
    }

    /// The entry's `MESSAGE`, or an empty string.
    public var message: String { self[.message] ?? "" }

    /// The entry's `PRIORITY`, if set to a valid value.
    public var priority: Priority? { self[.priority].flatMap(Int.init).flatMap(Priority.init(rawValue:)) }

    /// The `NAME=value` payloads in field order, as handed to `sd_journal_sendv`.
    public var payloads: [[UInt8]] { fields.map(\.payload) }
}
