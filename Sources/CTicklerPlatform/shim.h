#ifndef TICKLER_CTICKLERPLATFORM_SHIM_H
#define TICKLER_CTICKLERPLATFORM_SHIM_H
/* The Linux headers Glibc's module map leaves out: timers on the real-time clock, file-change notification,
   malloc_trim(3), and what the event loop waits on (epoll, an eventfd to wake it, signalfd for signals). */
#include <malloc.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#endif
