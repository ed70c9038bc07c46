#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Readings of CLOCK_MONOTONIC, the clock systemd uses for `MONOTONIC_USEC=`.
public enum MonotonicClock {
    /// Microseconds of CLOCK_MONOTONIC now.
    public static func microseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
