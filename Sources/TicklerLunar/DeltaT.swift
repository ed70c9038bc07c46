/// ΔT = TT − UT, the drift of Earth's rotation against dynamical time, in seconds.
///
/// Up to 2005: the polynomials of Espenak and Meeus (NASA, *Five Millennium Canon of Solar Eclipses*, 2006), fitted to
/// observations from 1800. 2005–2025: observed values. After 2025 ΔT cannot be known, only modelled: this model keeps
/// today's plateau (about 69 s, rising only by the long-term tidal term until 2050) and then converges within a
/// century onto the long-term parabola −20 + 31·u² (u in centuries from 1820), which it follows after 2150. The
/// uncertainty grows to a minute or more by 2100; it matters only for new moons and solar terms within a minute or two
/// of local midnight (see the lunar README for the month starts concerned).
enum DeltaT {
    /// ΔT in seconds at a fractional Gregorian year.
    static func seconds(decimalYear y: Double) -> Double {
        switch y {
        case ..<1860:
            let t = y - 1800
            return 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * t * t * t - 0.00037436 * pow(t, 4)
                + 0.0000121272 * pow(t, 5) - 0.0000001699 * pow(t, 6) + 0.000000000875 * pow(t, 7)
        case ..<1900:
            let t = y - 1860
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t - 0.0004473624 * pow(t, 4)
                + pow(t, 5) / 233_174
        case ..<1920:
            let t = y - 1900
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * pow(t, 4)
        case ..<1941:
            let t = y - 1920
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t
        case ..<1961:
            let t = y - 1950
            return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547
        case ..<1986:
            let t = y - 1975
            return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718
        case ..<2005:
            let t = y - 2000
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * pow(t, 4)
                + 0.00002373599 * pow(t, 5)
        case ..<2025:
            // Observed (IERS): 64.7 s in 2005, 66.1 in 2010, 67.6 in 2015, 69.4 in 2020, 69.2 in 2025.
            return interpolate(y, from: 2005, step: 5, values: [64.69, 66.07, 67.64, 69.36, 69.20])
        case ..<2050:
            // Anchored at the 2025 value with today's near-zero rate, plus the long-term tidal acceleration.
            return 69.20 + longTermAcceleration * square((y - 2025) / 100)
        case ..<2150:
            // Converges linearly, over a century, onto the long-term parabola (as Espenak–Meeus do after 2050).
            let at2050 = 69.20 + longTermAcceleration * square(0.25)
            return longTerm(y) - (longTerm(2050) - at2050) * (2150 - y) / 100
        default:
            return longTerm(y)
        }
    }

    /// The long-term acceleration of ΔT in seconds per century² (Morrison and Stephenson).
    static let longTermAcceleration = 31.0

    /// The long-term parabola −20 + 31·u², u in centuries from 1820.
    private static func longTerm(_ y: Double) -> Double {
        -20 + longTermAcceleration * square((y - 1820) / 100)
    }

    /// Linear interpolation in a table of values at `from`, `from + step`, ….
    private static func interpolate(_ y: Double, from: Double, step: Double, values: [Double]) -> Double {
        let position = (y - from) / step
        let index = min(max(Int(position), 0), values.count - 2)
        let fraction = position - Double(index)
        return values[index] + (values[index + 1] - values[index]) * fraction
    }

    /// x².
    private static func square(_ x: Double) -> Double { x * x }

    /// `x` to a small positive integer power.
    private static func pow(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= x }
        return result
    }
}
