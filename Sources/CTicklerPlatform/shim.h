#ifndef TICKLER_CTICKLERPLATFORM_SHIM_H
#define TICKLER_CTICKLERPLATFORM_SHIM_H
/* The Linux headers Glibc's module map leaves out: timers on the real-time clock and file-change notification. */
#include <sys/inotify.h>
#include <sys/timerfd.h>
#endif
