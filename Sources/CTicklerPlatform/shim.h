#ifndef TICKLER_CTICKLERPLATFORM_SHIM_H
#define TICKLER_CTICKLERPLATFORM_SHIM_H
/* The Linux headers Glibc's module map leaves out: timers on the real-time clock, file-change notification, and
   malloc_trim(3). */
#include <malloc.h>
#include <sys/inotify.h>
#include <sys/timerfd.h>
#endif
