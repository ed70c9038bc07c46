// ticklerd allocates with jemalloc (Debian's libjemalloc2), not glibc's malloc: a reload builds a whole schedule
// beside the old one and drops the old one, and glibc's heap kept the pages that a few live objects of the new
// schedule pinned among the freed ones, climbing with every reload (100,000 obligations with rules of their own:
// 153 -> 196 MiB in 10 reloads, 228 MiB in 30, while the bytes in use stayed at 134.7 MB). jemalloc keeps objects
// of one size class together and, so configured, gives a freed page back at once: flat at 147 MiB.
//
// jemalloc reads these settings from this symbol before the first allocation (its malloc_conf(3) "malloc_conf"
// global): freed pages purged at once rather than after ten seconds (a reload comes as often as the operator asks,
// and a daemon that sleeps until the next reminder never lets time pass inside the allocator), and one arena, as the
// daemon does its work one step at a time.
#include "CTicklerAllocator.h"

const char *malloc_conf = "dirty_decay_ms:0,muzzy_decay_ms:0,narenas:1";
