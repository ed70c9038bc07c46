public import TicklerCalendar

/// A recurrence built by ``RecurrenceBuilder``, with its description as people read it.
public struct BuiltRecurrence: Sendable {
    /// The rule that yields the due instants.
    public let recurrence: any Recurrence
    /// `every 5y from 2014-12-15 08:00 until 2034-12-31`, as `ticklerctl list` shows it.
    public let description: String

    /// A recurrence and its description.
    public init(recurrence: any Recurrence, description: String) {
        self.recurrence = recurrence
        self.description = description
    }
}
