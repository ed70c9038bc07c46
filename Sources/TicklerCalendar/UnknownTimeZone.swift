/// A time zone name that the zone source (the IANA database on this system) does not know.
public struct UnknownTimeZone: Error, Hashable, CustomStringConvertible {
    /// The name as given.
    public let identifier: String

    public init(identifier: String) { self.identifier = identifier }

    public var description: String {
        "unknown time zone \"\(identifier)\" (expected an IANA name such as Asia/Ho_Chi_Minh; see timedatectl list-timezones)"
    }
}
