import CTicklerPlatform

/// The C heap: what the daemon asks of it after a large allocation pattern ends.
public enum Allocator {
    /// Gives the free memory at the top of the heap and in every arena back to the kernel (`malloc_trim(0)`).
    ///
    /// A reload builds a whole new schedule and drops the old one; glibc keeps the freed pages for later, so without
    /// this the resident size steps up over the first reloads of a large schedule and stays at its high-water mark.
    public static func releaseFreeMemory() {
        _ = malloc_trim(0)
    }

    /// Makes every thread allocate from the one main arena (`mallopt(M_ARENA_MAX, 1)`); call it first thing.
    ///
    /// A reload runs on whichever worker thread the executor picks, and glibc gives threads arenas of their own: each
    /// reload then leaves its pieces in another arena, and the resident size of 10,000 daily obligations climbed from
    /// 70 to 94 MiB over 10 reloads. In one arena each reload reuses what the last one freed (66 to 69 MiB). The daemon
    /// does its work one step at a time, so the arena is not contended.
    public static func useOneArena() {
        _ = mallopt(M_ARENA_MAX, 1)
    }

    /// The bytes handed out and not yet freed (`mallinfo2`'s `uordblks`): what the benchmarks count as held.
    public static var bytesInUse: Int { Int(mallinfo2().uordblks) }
}
