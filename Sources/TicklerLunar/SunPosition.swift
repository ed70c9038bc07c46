#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Sun's apparent geocentric longitude (J. Meeus, *Astronomical Algorithms*, chapters 22, 25 and 32).
///
/// The Earth's heliocentric longitude comes from the abridged VSOP87 series (``EarthSeries``); the result is turned
/// around to the Sun, moved into the FK5 frame, and corrected for nutation in longitude and annual aberration, which
/// is what the calendar rules mean by "the Sun's longitude".
enum SunPosition {
    /// Degrees per radian.
    static let degreesPerRadian = 180 / Double.pi

    /// The apparent longitude of the Sun in degrees, 0 ..< 360, at a dynamical-time Julian day.
    static func apparentLongitude(jde: Double) -> Double {
        let tau = (jde - JulianDay.j2000) / 365_250
        let t = tau * 10
        let longitude = EarthSeries.polynomial(EarthSeries.longitude, tau)
        let radius = EarthSeries.polynomial(EarthSeries.radius, tau)
        let geometric = longitude * degreesPerRadian + 180
        let fk5 = -0.09033 / 3600
        let aberration = -20.4898 / 3600 / radius
        return normalized(geometric + fk5 + nutationInLongitude(t: t) + aberration)
    }

    /// The nutation in longitude Δψ in degrees (Meeus ch. 22, the four-term form, good to 0.5″).
    static func nutationInLongitude(t: Double) -> Double {
        let node = (125.04452 - 1934.136261 * t + 0.0020708 * t * t) / degreesPerRadian
        let sun = (280.4665 + 36000.7698 * t) / degreesPerRadian
        let moon = (218.3165 + 481267.8813 * t) / degreesPerRadian
        let arcseconds = -17.20 * sin(node) - 1.32 * sin(2 * sun) - 0.23 * sin(2 * moon) + 0.21 * sin(2 * node)
        return arcseconds / 3600
    }

    /// The dynamical-time Julian day nearest `estimate` at which the apparent longitude equals `target` degrees.
    ///
    /// Newton steps on the mean motion converge in three or four evaluations to well under a second.
    static func jde(whenLongitudeIs target: Double, near estimate: Double) -> Double {
        var jde = estimate
        for _ in 0..<8 {
            let error = signedDifference(target, apparentLongitude(jde: jde))
            let step = error * 365.242_19 / 360
            jde += step
            if abs(step) < 1e-7 { break }
        }
        return jde
    }

    /// `a − b` in degrees, folded into −180 ..< 180.
    static func signedDifference(_ a: Double, _ b: Double) -> Double {
        let difference = normalized(a - b)
        return difference >= 180 ? difference - 360 : difference
    }

    /// An angle in degrees folded into 0 ..< 360.
    static func normalized(_ degrees: Double) -> Double {
        let folded = degrees.truncatingRemainder(dividingBy: 360)
        return folded < 0 ? folded + 360 : folded
    }
}
