/// Where the rules of time zones come from: the engines ask it, and never read files themselves.
///
/// The file-backed implementation reads the system's IANA database (`ZoneDatabase` in TicklerPlatform);
/// ``InMemoryZoneSource`` holds rules given to it, for tests and for callers that already have them.
public protocol ZoneSource: Sendable {
    /// The rules of the IANA zone `identifier` (`Asia/Ho_Chi_Minh`, `UTC`).
    /// - Throws: ``UnknownTimeZone`` when the name is malformed or the source has no such zone.
    func rules(for identifier: String) throws(UnknownTimeZone) -> ZoneRules

    /// The zone of wall-clock times that name none: the system's zone for the file-backed source.
    func systemRules() -> ZoneRules
}
