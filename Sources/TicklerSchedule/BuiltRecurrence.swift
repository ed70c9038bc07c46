public import TicklerCalendar

/// A recurrence built by ``RecurrenceBuilder``, with its description as people read it.
public struct BuiltRecurrence: Sendable {
    /// The rule that yields the due instants.
    public let recurrence: any Recurrence
    /// The description, written when it is read (``description``).
    let describing: RecurrenceDescription

    /// `every 5y from 2014-12-15 08:00 until 2034-12-31`, as `ticklerctl list` shows it.
    public var description: String { describing.text(describing: recurrence) }

    /// A recurrence and its description.
    public init(recurrence: any Recurrence, description: String) {
        self.init(recurrence: recurrence, describing: .text(description))
    }

    /// A recurrence and its description, written when it is read.
    init(recurrence: any Recurrence, describing: RecurrenceDescription) {
        self.recurrence = recurrence
        self.describing = describing
    }
}
