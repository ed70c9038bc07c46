/// A rule that yields calendar days, such as a lunar date each year or the day of a solar term.
public protocol DateRule: Sendable {
    /// The iterator over days.
    associatedtype Dates: IteratorProtocol<CivilDate>

    /// The days on or after `date`, strictly increasing; the iterator ends when the rule does.
    func dates(from date: CivilDate) -> Dates
}
