#ifndef C_TICKLER_ALLOCATOR_H
#define C_TICKLER_ALLOCATOR_H

/// The settings jemalloc, ticklerd's allocator, reads before its first allocation (see malloc_conf.c).
extern const char *malloc_conf;

#endif
