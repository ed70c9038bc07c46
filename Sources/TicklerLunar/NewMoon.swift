#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Instants of true new moons (J. Meeus, *Astronomical Algorithms*, chapter 49).
///
/// Lunation `k` = 0 is the new moon of 2000-01-06; the mean phase is corrected by the periodic terms of the Moon's
/// and Sun's anomalies, the Moon's argument of latitude and the node, plus the fourteen planetary arguments.
/// Meeus gives the result as correct to a few seconds against the full ELP-2000/82 theory.
enum NewMoon {
    /// The mean synodic month in days.
    static let synodicMonth = 29.530_588_861

    /// The Julian day (TT) of the mean new moon k = 0.
    static let epoch = 2_451_550.097_66

    /// The lunation number of the first new moon on or after a Julian day (may be one early; callers step).
    static func lunation(near jd: Double) -> Int {
        Int(((jd - epoch) / synodicMonth).rounded(.down))
    }

    /// The dynamical-time Julian day of the true new moon of lunation `k`.
    static func jde(lunation k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let t4 = t3 * t
        let mean = epoch + synodicMonth * k + 0.000_154_37 * t2 - 0.000_000_150 * t3 + 0.000_000_000_73 * t4
        let e = 1 - 0.002_516 * t - 0.000_007_4 * t2
        let sun = radians(2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3)
        let moon = radians(201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4)
        let latitude = radians(
            160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4
        )
        let node = radians(124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3)

        var correction = -0.40720 * sin(moon)
        correction += 0.17241 * e * sin(sun)
        correction += 0.01608 * sin(2 * moon)
        correction += 0.01039 * sin(2 * latitude)
        correction += 0.00739 * e * sin(moon - sun)
        correction += -0.00514 * e * sin(moon + sun)
        correction += 0.00208 * e * e * sin(2 * sun)
        correction += -0.00111 * sin(moon - 2 * latitude)
        correction += -0.00057 * sin(moon + 2 * latitude)
        correction += 0.00056 * e * sin(2 * moon + sun)
        correction += -0.00042 * sin(3 * moon)
        correction += 0.00042 * e * sin(sun + 2 * latitude)
        correction += 0.00038 * e * sin(sun - 2 * latitude)
        correction += -0.00024 * e * sin(2 * moon - sun)
        correction += -0.00017 * sin(node)
        correction += -0.00007 * sin(moon + 2 * sun)
        correction += 0.00004 * sin(2 * moon - 2 * latitude)
        correction += 0.00004 * sin(3 * sun)
        correction += 0.00003 * sin(moon + sun - 2 * latitude)
        correction += 0.00003 * sin(2 * moon + 2 * latitude)
        correction += -0.00003 * sin(moon + sun + 2 * latitude)
        correction += 0.00003 * sin(moon - sun + 2 * latitude)
        correction += -0.00002 * sin(moon - sun - 2 * latitude)
        correction += -0.00002 * sin(3 * moon + sun)
        correction += 0.00002 * sin(4 * moon)

        return mean + correction + planetaryCorrection(k: k, t2: t2)
    }

    /// The fourteen planetary-argument terms, in days.
    private static func planetaryCorrection(k: Double, t2: Double) -> Double {
        let arguments: [(coefficient: Double, base: Double, rate: Double)] = [
            (325, 299.77, 0.107_408), (165, 251.88, 0.016_321), (164, 251.83, 26.651_886),
            (126, 349.42, 36.412_478), (110, 84.66, 18.206_239), (62, 141.74, 53.303_771),
            (60, 207.14, 2.453_732), (56, 154.84, 7.306_860), (47, 34.52, 27.261_239),
            (42, 207.19, 0.121_824), (40, 291.34, 1.844_379), (37, 161.72, 24.198_154),
            (35, 239.56, 25.513_099), (23, 331.55, 3.592_518),
        ]
        var total = 0.0
        for (index, argument) in arguments.enumerated() {
            // A1 alone has a quadratic term.
            let angle = argument.base + argument.rate * k - (index == 0 ? 0.009_173 * t2 : 0)
            total += argument.coefficient * sin(radians(angle))
        }
        return total * 1e-6
    }

    /// Degrees to radians.
    private static func radians(_ degrees: Double) -> Double { degrees / SunPosition.degreesPerRadian }
}
