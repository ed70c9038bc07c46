#ifndef C_TICKLER_ALLOCATOR_H
#define C_TICKLER_ALLOCATOR_H

/// The settings ticklerd gives jemalloc, its allocator (see malloc_conf.c).
extern const char *tickler_allocator_settings(void);

#endif
