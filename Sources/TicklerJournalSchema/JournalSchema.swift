/// The constants of Tickler's journal entries that are not a kind or a Tickler field.
public enum JournalSchema {
    /// `SYSLOG_IDENTIFIER` of every entry ticklerd writes, as `journalctl -t ticklerd` filters it.
    public static let syslogIdentifier = "ticklerd"
    /// `SYSLOG_IDENTIFIER` of the delivery outcomes tickler-notify writes.
    public static let notifierIdentifier = "tickler-notify"
    /// journald's field for the human-readable text.
    public static let messageField = "MESSAGE"
    /// journald's field for the 128-bit id of the kind of event, which the message catalog is keyed by.
    public static let messageIDField = "MESSAGE_ID"
    /// journald's field for the syslog priority, `0`–`7`.
    public static let priorityField = "PRIORITY"
    /// journald's field for the program's name.
    public static let syslogIdentifierField = "SYSLOG_IDENTIFIER"
}
