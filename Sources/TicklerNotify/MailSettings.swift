/// A mail channel's settings.
public struct MailSettings: Sendable, Hashable {
    /// The recipients' addresses.
    public var to: [String]
    /// The `From:` header, e.g. `Tickler <tickler@localhost>`.
    public var from: String
    /// The sendmail program, `/usr/sbin/sendmail` (any Debian mail-transport-agent provides it).
    public var sendmail: String

    /// Settings with every value given.
    public init(to: [String], from: String, sendmail: String = "/usr/sbin/sendmail") {
        self.to = to
        self.from = from
        self.sendmail = sendmail
    }
}
