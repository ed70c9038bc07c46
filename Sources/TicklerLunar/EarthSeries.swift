#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Earth's heliocentric longitude and radius vector: the VSOP87 series as abridged in J. Meeus,
/// *Astronomical Algorithms* (2nd ed.), Appendix III (published planetary-theory data, transcribed).
///
/// Each term contributes `amplitude × cos(phase + frequency × τ)`, τ in Julian millennia from J2000.0; amplitudes are
/// in 1e-8 radian (longitude) or 1e-8 AU (radius). This abridgement gives the Sun's longitude to about one arcsecond,
/// i.e. solar-term instants to about half a minute.
enum EarthSeries {
    /// One periodic term of a VSOP87 series.
    struct PeriodicTerm: Sendable {
        let amplitude: Double
        let phase: Double
        let frequency: Double

        init(_ amplitude: Double, _ phase: Double, _ frequency: Double) {
            self.amplitude = amplitude
            self.phase = phase
            self.frequency = frequency
        }
    }

    /// Σ amplitude × cos(phase + frequency × τ).
    static func sum(_ terms: [PeriodicTerm], _ tau: Double) -> Double {
        var total = 0.0
        for term in terms { total += term.amplitude * cos(term.phase + term.frequency * tau) }
        return total
    }

    /// Σ over the series of Σ(terms) × τ^index, by Horner's rule, scaled from 1e-8 units.
    static func polynomial(_ series: [[PeriodicTerm]], _ tau: Double) -> Double {
        var total = 0.0
        for terms in series.reversed() { total = total * tau + sum(terms, tau) }
        return total / 1e8
    }

    /// The longitude series L0 … L5 (radians × 1e8).
    static let longitude = [longitude0, longitude1, longitude2, longitude3, longitude4, longitude5]

    /// The radius series R0 … R2 (AU × 1e8).
    static let radius = [radius0, radius1, radius2]

    /// L0.
    static let longitude0: [PeriodicTerm] = [
        .init(175_347_046, 0, 0), .init(3_341_656, 4.6692568, 6283.07585), .init(34894, 4.6261, 12566.1517),
        .init(3497, 2.7441, 5753.3849), .init(3418, 2.8289, 3.5231), .init(3136, 3.6277, 77713.7715),
        .init(2676, 4.4181, 7860.4194), .init(2343, 6.1352, 3930.2097), .init(1324, 0.7425, 11506.7698),
        .init(1273, 2.0371, 529.691), .init(1199, 1.1096, 1577.3435), .init(990, 5.233, 5884.927),
        .init(902, 2.045, 26.298), .init(857, 3.508, 398.149), .init(780, 1.179, 5223.694),
        .init(753, 2.533, 5507.553), .init(505, 4.583, 18849.228), .init(492, 4.205, 775.523),
        .init(357, 2.92, 0.067), .init(317, 5.849, 11790.629), .init(284, 1.899, 796.298),
        .init(271, 0.315, 10977.079), .init(243, 0.345, 5486.778), .init(206, 4.806, 2544.314),
        .init(205, 1.869, 5573.143), .init(202, 2.458, 6069.777), .init(156, 0.833, 213.299),
        .init(132, 3.411, 2942.463), .init(126, 1.083, 20.775), .init(115, 0.645, 0.98), .init(103, 0.636, 4694.003),
        .init(102, 0.976, 15720.839), .init(102, 4.267, 7.114), .init(99, 6.21, 2146.17), .init(98, 0.68, 155.42),
        .init(86, 5.98, 161000.69), .init(85, 1.3, 6275.96), .init(85, 3.67, 71430.7), .init(80, 1.81, 17260.15),
        .init(79, 3.04, 12036.46), .init(75, 1.76, 5088.63), .init(74, 3.5, 3154.69), .init(74, 4.68, 801.82),
        .init(70, 0.83, 9437.76), .init(62, 3.98, 8827.39), .init(61, 1.82, 7084.9), .init(57, 2.78, 6286.6),
        .init(56, 4.39, 14143.5), .init(56, 3.47, 6279.55), .init(52, 0.19, 12139.55), .init(52, 1.33, 1748.02),
        .init(51, 0.28, 5856.48), .init(49, 0.49, 1194.45), .init(41, 5.37, 8429.24), .init(41, 2.4, 19651.05),
        .init(39, 6.17, 10447.39), .init(37, 6.04, 10213.29), .init(37, 2.57, 1059.38), .init(36, 1.71, 2352.87),
        .init(36, 1.78, 6812.77), .init(33, 0.59, 17789.85), .init(30, 0.44, 83996.85), .init(30, 2.74, 1349.87),
        .init(25, 3.16, 4690.48),
    ]

    /// L1.
    static let longitude1: [PeriodicTerm] = [
        .init(628_331_966_747, 0, 0), .init(206059, 2.678235, 6283.07585), .init(4303, 2.6351, 12566.1517),
        .init(425, 1.59, 3.523), .init(119, 5.796, 26.298), .init(109, 2.966, 1577.344), .init(93, 2.59, 18849.23),
        .init(72, 1.14, 529.69), .init(68, 1.87, 398.15), .init(67, 4.41, 5507.55), .init(59, 2.89, 5223.69),
        .init(56, 2.17, 155.42), .init(45, 0.4, 796.3), .init(36, 0.47, 775.52), .init(29, 2.65, 7.11),
        .init(21, 5.34, 0.98), .init(19, 1.85, 5486.78), .init(19, 4.97, 213.3), .init(17, 2.99, 6275.96),
        .init(16, 0.03, 2544.31), .init(16, 1.43, 2146.17), .init(15, 1.21, 10977.08), .init(12, 2.83, 1748.02),
        .init(12, 3.26, 5088.63), .init(12, 5.27, 1194.45), .init(12, 2.08, 4694.0), .init(11, 0.77, 553.57),
        .init(10, 1.3, 6286.6), .init(10, 4.24, 1349.87), .init(9, 2.7, 242.73), .init(9, 5.64, 951.72),
        .init(8, 5.3, 2352.87), .init(6, 2.65, 9437.76), .init(6, 4.67, 4690.48),
    ]

    /// L2.
    static let longitude2: [PeriodicTerm] = [
        .init(52919, 0, 0), .init(8720, 1.0721, 6283.0758), .init(309, 0.867, 12566.152), .init(27, 0.05, 3.52),
        .init(16, 5.19, 26.3), .init(16, 3.68, 155.42), .init(10, 0.76, 18849.23), .init(9, 2.06, 77713.77),
        .init(7, 0.83, 775.52), .init(5, 4.66, 1577.34), .init(4, 1.03, 7.11), .init(4, 3.44, 5573.14),
        .init(3, 5.14, 796.3), .init(3, 6.05, 5507.55), .init(3, 1.19, 242.73), .init(3, 6.12, 529.69),
        .init(3, 0.31, 398.15), .init(3, 2.28, 553.57), .init(2, 4.38, 5223.69), .init(2, 3.75, 0.98),
    ]

    /// L3.
    static let longitude3: [PeriodicTerm] = [
        .init(289, 5.844, 6283.076), .init(35, 0, 0), .init(17, 5.49, 12566.15), .init(3, 5.2, 155.42),
        .init(1, 4.72, 3.52), .init(1, 5.3, 18849.23), .init(1, 5.97, 242.73),
    ]

    /// L4.
    static let longitude4: [PeriodicTerm] = [
        .init(114, 3.142, 0), .init(8, 4.13, 6283.08), .init(1, 3.84, 12566.15),
    ]

    /// L5.
    static let longitude5: [PeriodicTerm] = [
        .init(1, 3.14, 0)
    ]

    /// R0 (terms above 4e-6 AU; the radius only scales the aberration).
    static let radius0: [PeriodicTerm] = [
        .init(100_013_989, 0, 0), .init(1_670_700, 3.0984635, 6283.07585), .init(13956, 3.05525, 12566.1517),
        .init(3084, 5.1985, 77713.7715), .init(1628, 1.1739, 5753.3849), .init(1576, 2.8469, 7860.4194),
        .init(925, 5.453, 11506.77), .init(542, 4.564, 3930.21), .init(472, 3.661, 5884.927),
    ]

    /// R1 (abridged).
    static let radius1: [PeriodicTerm] = [
        .init(103019, 1.10749, 6283.07585), .init(1721, 1.0644, 12566.1517), .init(702, 3.142, 0),
    ]

    /// R2 (abridged).
    static let radius2: [PeriodicTerm] = [
        .init(4359, 5.7846, 6283.0758)
    ]
}
