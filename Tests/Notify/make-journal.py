#!/usr/bin/env python3
"""Writes ticklerd-like due entries in journal export format on standard output, for systemd-journal-remote.

    make-journal.py COUNT CHANNELS [TITLE]

Each entry is one obligation burst-N due now, routed to CHANNELS (TICKLER_NOTIFY), as ticklerd writes it."""
import sys
import time


def main():
    count, channels = int(sys.argv[1]), sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else "Thư chúc mừng"
    now = int(time.time() * 1_000_000)
    out = sys.stdout
    for index in range(count):
        fields = {
            "__CURSOR": f"s=0;i={index + 1}",
            "__REALTIME_TIMESTAMP": str(now + index),
            "__MONOTONIC_TIMESTAMP": str(index + 1),
            "_BOOT_ID": "6b3c9d8f2a1e4c7b9d0e1f2a3b4c5d6e",
            "SYSLOG_IDENTIFIER": "ticklerd",
            "PRIORITY": "4",
            "TICKLER_EVENT": "due",
            "TICKLER_OBLIGATION": f"burst-{index}",
            "TICKLER_DUE": "2027-10-01T08:00:00+07:00",
            "TICKLER_STAGE": "due",
            "TICKLER_TITLE": title,
            "TICKLER_NOTIFY": channels,
            "MESSAGE": f"due now: {title} (due 2027-10-01 08:00 +07)",
        }
        for name, value in fields.items():
            out.write(f"{name}={value}\n")
        out.write("\n")


if __name__ == "__main__":
    main()
