import CTicklerPlatform
public import TicklerCalendar

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension Instant {
    /// The current time of the system's real-time clock (`clock_gettime(CLOCK_REALTIME)`).
    public static func now() -> Instant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Instant(microsecondsSinceEpoch: Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000)
    }
}
