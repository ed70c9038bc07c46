/// Conversions between Julian days, Tickler's day numbers and instants.
///
/// The engine computes in Julian days (Double; JD 2 451 545.0 is 2000-01-01T12:00 TT). Civil days are counted as
/// ``CivilDate/daysSinceEpoch`` (days from 1970-01-01), the day number of TicklerCalendar.
enum JulianDay {
    /// The Julian day of 1970-01-01T00:00 UTC.
    static let unixEpoch = 2_440_587.5

    /// The Julian day of the J2000.0 epoch.
    static let j2000 = 2_451_545.0

    /// The local day (days since 1970-01-01) on which a UT Julian day falls at a fixed offset from UTC.
    static func localDay(ut: Double, utcOffsetSeconds: Int) -> Int {
        Int((ut - unixEpoch + Double(utcOffsetSeconds) / 86_400).rounded(.down))
    }

    /// The UT Julian day of local midnight starting `day` (days since 1970-01-01) at a fixed offset.
    static func localMidnight(day: Int, utcOffsetSeconds: Int) -> Double {
        unixEpoch + Double(day) - Double(utcOffsetSeconds) / 86_400
    }

    /// The fractional Gregorian year of a Julian day, accurate enough for ΔT.
    static func decimalYear(_ jd: Double) -> Double {
        2000 + (jd - j2000) / 365.2425
    }

    /// Universal time for a dynamical-time (TT) Julian day.
    static func universalTime(fromDynamical jde: Double) -> Double {
        jde - DeltaT.seconds(decimalYear: decimalYear(jde)) / 86_400
    }

    /// Microseconds since the Unix epoch for a UT Julian day, rounded to the nearest second.
    static func microsecondsSinceEpoch(ut: Double) -> Int64 {
        Int64(((ut - unixEpoch) * 86_400).rounded()) * 1_000_000
    }
}
