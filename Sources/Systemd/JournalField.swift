/// One `NAME=value` field of a journal entry; the value may hold newlines and any UTF-8.
public struct JournalField: Sendable, Hashable {
    /// The field's name.
    public var name: JournalFieldName
    /// The field's value.
    public var value: String

    /// Creates the field `name=value`.
    public init(_ name: JournalFieldName, _ value: String) {
        self.name = name
        self.value = value
    }

    /// The bytes sent to journald: `NAME=value`, binary-safe (sd_journal_sendv frames values with newlines).
    public var payload: [UInt8] {
        Array(name.rawValue.utf8) + [UInt8(ascii: "=")] + Array(value.utf8)
    }
}
