import CTicklerPlatform

/// The C heap: what the daemon asks of it after a large allocation pattern ends.
///
/// ticklerd itself allocates with jemalloc, configured to give freed pages back at once (`CTicklerAllocator`), so
/// these calls, made of glibc's malloc, reach a heap it does not use; the tests and `tickler-bench` run on glibc.
public enum Allocator {
    /// Gives the free memory at the top of the heap and in every arena back to the kernel (`malloc_trim(0)`).
    ///
    /// A reload builds a whole new schedule and drops the old one; glibc keeps the freed pages for later, so without
    /// this the resident size steps up over the first reloads of a large schedule and stays at its high-water mark.
    public static func releaseFreeMemory() {
        _ = malloc_trim(0)
    }

    /// The bytes handed out and not yet freed (`mallinfo2`'s `uordblks`): what the benchmarks count as held.
    public static var bytesInUse: Int { Int(mallinfo2().uordblks) }
}
