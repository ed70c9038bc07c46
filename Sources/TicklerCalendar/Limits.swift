/// The limits every input is held to, stated once: the loader, `ticklerctl calendar` and the planner see the same.
///
/// - Dates lie in the years 1–9999 (four-digit ISO 8601 years, as RFC 5545 and TOML write them); every recurrence
///   ends with the wall-clock end of year 9999, and instants outside ``instants`` are never asked of a zone.
/// - A period (`every`, a lead in `remind`, `overdue-every`) is at most ``longestPeriodDays`` long.
/// - A count (RRULE `COUNT` and `INTERVAL`, the number of a period, `ticklerctl calendar -n`) is at most
///   ``maximumCount``.
///
/// Within these limits no date, duration or count arithmetic of the engines can overflow: microsecond instants
/// reach ±292,000 years, and `Int` day and month counts far more.
public enum Limits {
    /// The years a date may have.
    public static let years: ClosedRange<Int> = 1...9999

    /// The first day of ``years``: 0001-01-01.
    public static let firstDate = CivilDate(unchecked: 1, 1, 1)

    /// The last day of ``years``: 9999-12-31.
    public static let lastDate = CivilDate(unchecked: 9999, 12, 31)

    /// The last wall-clock moment of ``years``: 9999-12-31T23:59:59.999999.
    public static let lastLocal = LocalDateTime(date: lastDate, time: TimeOfDay(unchecked: 23, 59, 59, 999_999))

    /// The first wall-clock moment of ``years``: 0001-01-01T00:00.
    public static let firstLocal = LocalDateTime(date: firstDate, time: .midnight)

    /// The instants whose wall-clock reading lies in ``years`` in some zone, with a day's margin either side (no
    /// zone is a day or more from UTC).
    public static let instants: ClosedRange<Instant> =
        Instant(
            microsecondsSinceEpoch: firstLocal.localMicroseconds - dayMicroseconds
        )...Instant(microsecondsSinceEpoch: lastLocal.localMicroseconds + dayMicroseconds)

    /// The longest period, in days: 1000 years of 365.25 days. It bounds `every`, the leads of `remind` and
    /// `overdue-every`; a month counts as 31 days and a year as 366 when a period is checked.
    public static let longestPeriodDays = 365_250

    /// Why a period past ``longestPeriodDays`` is refused. Months and years count 31 and 366 days, so the longest
    /// `every` in years is `997y`, in months `11782m`.
    public static let longestPeriodText = "too long (at most 1000 years)"

    /// The largest count: RRULE `COUNT` and `INTERVAL`, the number of units of a period, `-n`.
    public static let maximumCount = 999_999_999

    /// ``maximumCount`` as people read it: `999,999,999`.
    public static let maximumCountText = "999,999,999"

    /// One day in microseconds.
    static let dayMicroseconds: Int64 = 86_400_000_000

    /// Whether `date` lies in ``years``.
    @inlinable
    public static func contains(_ date: CivilDate) -> Bool {
        years.contains(date.year)
    }

    /// `instant` moved into ``instants``: the nearer end when it lies outside.
    public static func clamped(_ instant: Instant) -> Instant {
        min(max(instant, instants.lowerBound), instants.upperBound)
    }
}
