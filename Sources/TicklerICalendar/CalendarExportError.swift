/// Why a calendar could not be exported.
public enum CalendarExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The window holds more occurrences than the export may write.
    case tooManyEvents(limit: Int)
    /// The window reaches a year that a DATE-TIME cannot carry (it has four digits).
    case yearOutOfRange(Int)

    public var description: String {
        switch self {
        case .tooManyEvents(let limit):
            "more than \(limit) occurrences in the window; narrow it with --days or --obligation"
        case .yearOutOfRange(let year):
            "the window reaches the year \(year); iCalendar dates have four-digit years (0000-9999)"
        }
    }
}
