#!/usr/bin/env python3
"""Prints the first N occurrences of an RRULE with python-dateutil, one per line, as `ticklerctl calendar` does.

Usage: rrule-dateutil.py RULE START N     (START as 2026-01-01T09:00, read in UTC)
Lines are ISO 8601 with the offset, 2026-01-30T09:00:00+00:00, the reference side of rrule-vs-dateutil.sh.
"""
import datetime
import itertools
import sys

from dateutil import rrule, tz


def main():
    text, start, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    dtstart = datetime.datetime.fromisoformat(start).replace(tzinfo=tz.UTC)
    rule = rrule.rrulestr(text, dtstart=dtstart)
    out = sys.stdout
    out.write("".join(moment.isoformat() + "\n" for moment in itertools.islice(rule, count)))


if __name__ == "__main__":
    main()
