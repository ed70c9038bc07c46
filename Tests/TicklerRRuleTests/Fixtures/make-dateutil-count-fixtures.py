#!/usr/bin/env python3
"""Generates dateutil-count-fixtures.txt: rules with a large COUNT asked for occurrences long after DTSTART.

TicklerRRule counts whole cycles of such a rule instead of listing them (RRuleCycle); python-dateutil counts every
occurrence from DTSTART, so it is the slow but plain reference. Rules are chosen so that dateutil finishes in a few
seconds each: COUNT up to a few million, queries up to centuries after DTSTART (for the rules that repeat only over
400 years). Everything is naive (floating) and expanded in UTC, as in dateutil-fixtures.txt.

Usage: python3 make-dateutil-count-fixtures.py [--rules N] [--seed S] > dateutil-count-fixtures.txt

Format as dateutil-fixtures.txt: R <rule> <dtstart>, O <first occurrences>, A <x> <up to 5 occurrences after x>;
the last A of each rule asks after its last occurrence, so it lists nothing.
"""
import argparse
import bisect
import datetime
import itertools
import random

import dateutil
from dateutil import rrule

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def sample(rng, values, low=1, high=3):
    return sorted(rng.sample(values, rng.randint(low, high)))


def make_rule(rng):
    """A rule with a cycle Tickler can count, its start, and a COUNT that dateutil lists quickly."""
    kind = rng.choice(["fine", "fine", "daily", "weekly", "monthly", "yearly", "daily-months"])
    if kind == "fine":
        freq = rng.choice(["SECONDLY", "MINUTELY", "HOURLY"])
        parts = ["FREQ=" + freq]
        if rng.random() < 0.4:
            parts.append("INTERVAL=%d" % rng.choice([2, 3, 5, 7, 13, 45, 90, 7200, 86401]))
        if freq != "HOURLY" or rng.random() < 0.5:
            if rng.random() < 0.4:
                parts.append("BYHOUR=" + ",".join(map(str, sample(rng, list(range(24)), 1, 6))))
        if rng.random() < 0.4:
            parts.append("BYMINUTE=" + ",".join(map(str, sample(rng, list(range(60)), 1, 8))))
        if rng.random() < 0.4:
            parts.append("BYSECOND=" + ",".join(map(str, sample(rng, list(range(60)), 1, 8))))
        if len(parts) > 1 and rng.random() < 0.2 and freq != "SECONDLY":
            parts.append("BYSETPOS=" + ",".join(map(str, sample(rng, [1, 2, -1, -2, 3], 1, 2))))
        count = rng.randint(20_000, 400_000)
        start_year = rng.randint(1990, 2020)
    elif kind == "daily":
        parts = ["FREQ=DAILY"]
        if rng.random() < 0.4:
            parts.append("INTERVAL=%d" % rng.choice([2, 3, 10, 400]))
        if rng.random() < 0.5:
            parts.append("BYHOUR=" + ",".join(map(str, sample(rng, list(range(24)), 1, 4))))
        if rng.random() < 0.3:
            parts.append("BYMINUTE=" + ",".join(map(str, sample(rng, list(range(60)), 1, 3))))
        count = rng.randint(10_000, 150_000)
        start_year = rng.randint(1700, 2000)
    elif kind == "daily-months":
        parts = ["FREQ=DAILY", rng.choice(["BYMONTH=2;BYMONTHDAY=29", "BYDAY=FR;BYMONTHDAY=13", "BYMONTH=3,9",
                                           "BYDAY=MO,TH", "BYMONTHDAY=-1"])]
        count = rng.randint(300, 30_000)
        start_year = rng.randint(1200, 1700)
    elif kind == "weekly":
        parts = ["FREQ=WEEKLY", "BYDAY=" + ",".join(sample(rng, DAYS, 1, 4))]
        if rng.random() < 0.3:
            parts.append("INTERVAL=%d" % rng.choice([2, 3, 52]))
        if rng.random() < 0.3:
            parts.append("BYMONTH=" + ",".join(map(str, sample(rng, list(range(1, 13)), 1, 4))))
        if rng.random() < 0.3:
            parts.append("BYHOUR=" + ",".join(map(str, sample(rng, list(range(24)), 1, 3))))
        if rng.random() < 0.2:
            parts.append("BYSETPOS=" + ",".join(map(str, sample(rng, [1, -1, 2], 1, 2))))
        if rng.random() < 0.3:
            parts.append("WKST=" + rng.choice(DAYS))
        count = rng.randint(5_000, 60_000)
        start_year = rng.randint(1200, 1900)
    elif kind == "monthly":
        parts = ["FREQ=MONTHLY", rng.choice(["BYDAY=-1FR", "BYMONTHDAY=31", "BYDAY=MO,TU;BYSETPOS=-1",
                                             "BYMONTHDAY=1,15", "BYDAY=2WE", "BYMONTHDAY=-2,29;BYSETPOS=1"])]
        if rng.random() < 0.3:
            parts.append("INTERVAL=%d" % rng.choice([2, 3, 7, 25]))
        count = rng.randint(2_000, 40_000)
        start_year = rng.randint(1100, 1800)
    else:
        parts = ["FREQ=YEARLY", rng.choice(["BYMONTH=2;BYMONTHDAY=29", "BYWEEKNO=53;BYDAY=TH", "BYYEARDAY=366",
                                            "BYMONTH=3;BYDAY=-1SU", "BYDAY=20MO", "BYMONTH=1,7;BYDAY=1MO,-1FR",
                                            "BYWEEKNO=1,-1;BYDAY=MO;BYSETPOS=-1"])]
        if rng.random() < 0.3:
            parts.append("INTERVAL=%d" % rng.choice([3, 7, 150]))
        count = rng.randint(500, 8_000)
        start_year = rng.randint(1, 1500)
    parts.append("COUNT=%d" % count)
    start = datetime.datetime(start_year, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                              rng.randint(0, 59), rng.randint(0, 59))
    return ";".join(parts), start


def seconds(moment):
    return int(moment.replace(tzinfo=datetime.timezone.utc).timestamp())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules", type=int, default=80)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print("# python-dateutil %s, seed %d; see make-dateutil-count-fixtures.py" % (dateutil.__version__, args.seed))
    written = 0
    while written < args.rules:
        text, start = make_rule(rng)
        try:
            rule = rrule.rrulestr(text, dtstart=start)
            first = list(itertools.islice(rule, 5))
            every = list(rule)
        except (ValueError, OverflowError):
            continue
        if len(every) < 100:
            continue
        # Queries in the last third of the occurrences (far after DTSTART), one just before the last occurrence,
        # and one after it.
        picks = sorted(rng.randrange(len(every) * 2 // 3, len(every)) for _ in range(3))
        queries = [seconds(every[i]) - rng.randint(0, 1) for i in picks]
        queries.append(seconds(every[-1]) - 1)
        queries.append(seconds(every[-1]) + rng.randint(0, 10 ** 6))
        print("R %s %04d%02d%02dT%02d%02d%02d" % ((text,) + start.timetuple()[:6]))
        print("O " + " ".join(str(seconds(m)) for m in first))
        stamps = [seconds(m) for m in every]
        for x in queries:
            index = bisect.bisect_right(stamps, x)
            print(("A %d %s" % (x, " ".join(map(str, stamps[index:index + 5])))).rstrip())
        written += 1


if __name__ == "__main__":
    main()
