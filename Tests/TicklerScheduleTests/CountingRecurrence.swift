import Synchronization
import TicklerCalendar
import TicklerSchedule

/// A recurrence that counts the work asked of it: each `occurrences(after:)` call and each occurrence taken.
struct CountingRecurrence<Base: Recurrence>: Recurrence {
    /// The counts, shared by the copies of the recurrence.
    final class Counter: Sendable {
        private let value = Mutex(0)

        /// The queries and occurrences counted so far.
        var count: Int { value.withLock { $0 } }

        /// Counts one more.
        func increment() { value.withLock { $0 += 1 } }
    }

    /// The iterator: counts each occurrence taken.
    struct Occurrences: IteratorProtocol {
        var base: Base.Occurrences
        let counter: Counter

        mutating func next() -> Instant? {
            counter.increment()
            return base.next()
        }
    }

    /// The recurrence counted.
    let base: Base
    /// Where the counts go.
    let counter: Counter

    func occurrences(after instant: Instant) -> Occurrences {
        counter.increment()
        return Occurrences(base: base.occurrences(after: instant), counter: counter)
    }
}

extension TestSupport {
    /// A Hanoi-zone obligation due every `every` from `start`, whose recurrence counts the work asked of it.
    static func counted(
        _ id: String,
        every: Period,
        start: String,
        leads: [Period] = [],
        overdue: Period = .zero
    ) -> (Obligation, CountingRecurrence<EveryRecurrence>.Counter) {
        let counter = CountingRecurrence<EveryRecurrence>.Counter()
        let recurrence = CountingRecurrence(
            base: EveryRecurrence(start: LocalDateTime(iso: start)!, period: every, zone: hanoi),
            counter: counter
        )
        let obligation = Obligation(
            id: id,
            title: "Title of \(id)",
            zone: hanoi,
            recurrence: recurrence,
            recurrenceDescription: "every \(every) from \(start)",
            reminderLeads: leads,
            overdueEvery: overdue,
            source: SourceLocation(file: path, line: 1)
        )
        return (obligation, counter)
    }
}
