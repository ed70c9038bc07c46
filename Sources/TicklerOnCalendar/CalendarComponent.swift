/// One element of a calendar-event field: a value, a range `a..b`, or a repetition `a/r` / `a..b/r`.
///
/// Values are integers in the field's own unit: years, months, days, hours, minutes, or microseconds for the
/// seconds field (`1.5` is 1 500 000). A range without a repetition steps by one unit (one second for seconds).
public struct CalendarComponent: Hashable, Sendable, Comparable {
    /// The first value.
    public let start: Int
    /// The last value of a range, or -1 when there is none.
    public let stop: Int
    /// The step of a repetition, or 0 when there is none.
    public let `repeat`: Int

    /// A component from its parts.
    public init(start: Int, stop: Int = -1, repeat: Int = 0) {
        self.start = start
        self.stop = stop
        self.repeat = `repeat`
    }

    /// The component with `stop` trimmed to the last value the repetition reaches, a repetition that never
    /// fires dropped, and a range of one value made a plain value — the normal form systemd prints.
    func normalized() -> CalendarComponent {
        var stop = self.stop
        var step = self.repeat
        if stop > start && step > 0 { stop -= (stop - start) % step }
        if (stop > start && step > 0 && start + step > stop) || start == stop {
            step = 0
            stop = -1
        }
        return CalendarComponent(start: start, stop: stop, repeat: step)
    }

    public static func < (lhs: CalendarComponent, rhs: CalendarComponent) -> Bool {
        (lhs.start, lhs.stop, lhs.repeat) < (rhs.start, rhs.stop, rhs.repeat)
    }
}
