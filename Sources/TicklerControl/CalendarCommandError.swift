/// A `ticklerctl calendar` argument that cannot be used, with the option it belongs to.
struct CalendarCommandError: Error, Hashable, CustomStringConvertible {
    /// The option, such as `--rrule`, or empty for a problem with the combination.
    let option: String
    /// What is wrong, naming the bad part.
    let message: String

    init(_ option: String, _ message: String) {
        self.option = option
        self.message = message
    }

    /// `--rrule: BYMONTH=13: month must be 1…12`.
    var description: String { option.isEmpty ? message : "\(option): \(message)" }
}
