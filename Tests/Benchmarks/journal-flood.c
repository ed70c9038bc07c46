/*
 * journald's own floor for a burst (issue 11, target 4): sends COUNT entries shaped like ticklerd's `due` entries
 * (the same fields, of about the same lengths) with sd_journal_sendv, back to back, from the whole second START
 * (seconds since the epoch, CLOCK_REALTIME) on. Nothing is computed per entry but two numbers, so the delays of
 * these entries in the journal are what journald and the kernel cost, with no scheduler in front.
 *
 *   cc -O2 -o journal-flood Tests/Benchmarks/journal-flood.c -lsystemd
 *   journal-flood COUNT START
 *
 * Tests/Benchmarks/bursts.sh builds it and runs it as a transient service beside ticklerd.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <systemd/sd-journal.h>
#include <time.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: journal-flood COUNT START\n");
        return 2;
    }
    long count = strtol(argv[1], NULL, 10);
    time_t start = (time_t)strtoll(argv[2], NULL, 10);
    struct tm due;
    gmtime_r(&start, &due);
    char due_field[64];
    strftime(due_field, sizeof due_field, "TICKLER_DUE=%Y-%m-%dT%H:%M:%S+00:00", &due);
    struct timespec at = {.tv_sec = start, .tv_nsec = 0};
    while (clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &at, NULL) != 0) {
    }
    for (long index = 0; index < count; index++) {
        char message[128], obligation[64], title[64];
        snprintf(message, sizeof message, "MESSAGE=due now: Burst %ld (due %s)", index, due_field + 12);
        snprintf(obligation, sizeof obligation, "TICKLER_OBLIGATION=burst-%ld", index);
        snprintf(title, sizeof title, "TICKLER_TITLE=Burst %ld", index);
        const char *fields[] = {
            message,
            "PRIORITY=4",
            "SYSLOG_IDENTIFIER=journal-flood",
            "MESSAGE_ID=1b7a4c3e5d2f4a6b8c9d0e1f2a3b4c5d",
            "CODE_FILE=TicklerDaemon/DaemonCore.swift",
            "CODE_LINE=187",
            "CODE_FUNC=emit(_:)",
            "TICKLER_EVENT=due",
            obligation,
            due_field,
            title,
            "TICKLER_STAGE=due",
        };
        struct iovec vectors[sizeof fields / sizeof fields[0]];
        for (size_t field = 0; field < sizeof fields / sizeof fields[0]; field++) {
            vectors[field].iov_base = (void *)fields[field];
            vectors[field].iov_len = strlen(fields[field]);
        }
        int result = sd_journal_sendv(vectors, (int)(sizeof fields / sizeof fields[0]));
        if (result < 0) {
            fprintf(stderr, "journal-flood: sd_journal_sendv: %s\n", strerror(-result));
            return 1;
        }
    }
    return 0;
}
