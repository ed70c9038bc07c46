#!/usr/bin/env python3
"""Generates dateutil-fixtures.txt: random RRULEs expanded by python-dateutil, the reference for TicklerRRule.

Usage: python3 make-dateutil-fixtures.py [--rules N] [--seed S] > dateutil-fixtures.txt

Every rule is valid RFC 5545 as TicklerRRule reads it (BY-parts only with the frequencies §3.3.10 allows them for).
Two things are left out on purpose, because Tickler follows RFC 5545 where dateutil does not:
  * UNTIL as a bare date (dateutil reads it as midnight; Tickler as the whole day, "inclusive" as the RFC says);
  * BYDAY mixing plain and numbered weekdays (dateutil requires both at once, which no day satisfies).
Times are naive (floating), or UTC when UNTIL ends in Z; Tickler expands them in UTC, so offsets play no part.

Format, one record per line:
  R <rule> <dtstart YYYYMMDDTHHMMSS>      a rule and its start
  O <t1> <t2> ...                         its first occurrences (at most 40), as seconds since 1970 (UTC)
  A <x> <t1> ...                          up to 5 occurrences strictly after x (dateutil xafter)
"""
import argparse
import calendar
import datetime
import random
import signal
import sys

import dateutil
from dateutil import rrule, tz

FREQS = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def sample(rng, values, low=1, high=3):
    return sorted(rng.sample(values, rng.randint(low, high)))


def make_rule(rng):
    freq = rng.choices(FREQS, weights=[5, 5, 4, 4, 2, 2, 1])[0]
    fine = FREQS.index(freq) >= 4
    parts = ["FREQ=" + freq]
    if rng.random() < 0.35:
        parts.append("INTERVAL=%d" % rng.choice([2, 3, 4, 5, 7, 10, 13] if fine else [2, 3, 4, 5]))
    bound = rng.random()
    utc = False
    if bound < 0.3:
        parts.append("COUNT=%d" % rng.randint(1, 30))
    elif bound < 0.5:
        utc = rng.random() < 0.4
        parts.append("UNTIL=%s")  # filled in once the start is known
    chance = 0.25 if fine else 0.4
    if rng.random() < chance:
        parts.append("BYMONTH=" + ",".join(map(str, sample(rng, list(range(1, 13)), 1, 4))))
    if freq == "YEARLY" and rng.random() < 0.2:
        weeks = sample(rng, list(range(1, 54)) + list(range(-53, 0)), 1, 3)
        parts.append("BYWEEKNO=" + ",".join(map(str, weeks)))
    if freq in ("YEARLY", "HOURLY", "MINUTELY", "SECONDLY") and rng.random() < 0.2:
        days = sample(rng, list(range(1, 367)) + list(range(-366, 0)), 1, 4)
        parts.append("BYYEARDAY=" + ",".join(map(str, days)))
    if freq != "WEEKLY" and rng.random() < chance:
        days = sample(rng, list(range(1, 32)) + list(range(-31, 0)), 1, 4)
        parts.append("BYMONTHDAY=" + ",".join(map(str, days)))
    if rng.random() < 0.5:
        numbered = freq in ("YEARLY", "MONTHLY") and "BYWEEKNO" not in "".join(parts) and rng.random() < 0.6
        if numbered:
            limit = 5 if freq == "MONTHLY" or "BYMONTH=" in "".join(parts) else 53
            ordinals = list(range(1, limit + 1)) + list(range(-limit, 0))
            items = {"%d%s" % (rng.choice(ordinals), rng.choice(DAYS)) for _ in range(rng.randint(1, 3))}
        else:
            items = set(sample(rng, DAYS, 1, 4))
        parts.append("BYDAY=" + ",".join(sorted(items)))
    if rng.random() < (0.3 if fine else 0.25):
        parts.append("BYHOUR=" + ",".join(map(str, sample(rng, list(range(24)), 1, 4))))
    if rng.random() < (0.3 if fine else 0.2):
        parts.append("BYMINUTE=" + ",".join(map(str, sample(rng, list(range(60)), 1, 4))))
    if rng.random() < (0.3 if freq in ("MINUTELY", "SECONDLY") else 0.1):
        parts.append("BYSECOND=" + ",".join(map(str, sample(rng, list(range(60)), 1, 3))))
    if len(parts) > 1 and any(p.startswith("BY") for p in parts) and rng.random() < 0.25:
        positions = sample(rng, [1, 2, 3, -1, -2, -3, 4, -4, 10], 1, 3)
        parts.append("BYSETPOS=" + ",".join(map(str, positions)))
    if rng.random() < 0.25:
        parts.append("WKST=" + rng.choice(DAYS))
    start = datetime.datetime(
        rng.randint(1990, 2035), rng.randint(1, 12), rng.randint(1, 28),
        rng.choice([0, 9, 12, 23, rng.randint(0, 23)]), rng.choice([0, 30, rng.randint(0, 59)]),
        rng.choice([0, 0, rng.randint(0, 59)]))
    start = start.replace(day=rng.randint(1, calendar.monthrange(start.year, start.month)[1]))
    text = ";".join(parts)
    if "UNTIL=%s" in text:
        span = {"YEARLY": 3650, "MONTHLY": 900, "WEEKLY": 300, "DAILY": 90, "HOURLY": 5,
                "MINUTELY": 0.2, "SECONDLY": 0.005}[freq]
        until = start + datetime.timedelta(days=rng.uniform(0, span))
        text = text % (until.strftime("%Y%m%dT%H%M%S") + ("Z" if utc else ""))
    return text, start, utc


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def seconds(moment):
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return int(moment.timestamp())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules", type=int, default=600)
    parser.add_argument("--seed", type=int, default=5545)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    signal.signal(signal.SIGALRM, on_alarm)
    print("# python-dateutil %s, seed %d; see make-dateutil-fixtures.py" % (dateutil.__version__, args.seed))
    written = 0
    while written < args.rules:
        text, start, utc = make_rule(rng)
        queries = [rng.random() for _ in range(3)]
        dtstart = start.replace(tzinfo=tz.UTC) if utc else start
        signal.alarm(2)
        try:
            rule = rrule.rrulestr(text, dtstart=dtstart)
            occurrences = []
            for moment in rule:
                occurrences.append(moment)
                if len(occurrences) == 40:
                    break
            if not occurrences:
                continue
            first, last = seconds(occurrences[0]), seconds(occurrences[-1])
            afters = []
            for q in queries:
                x = first - 86400 * 3 + int(q * (last - first + 86400 * 6))
                moment = datetime.datetime.fromtimestamp(x, datetime.timezone.utc)
                moment = moment if utc else moment.replace(tzinfo=None)
                afters.append((x, [seconds(m) for m in rule.xafter(moment, count=5)]))
        except (ValueError, Timeout):
            continue
        finally:
            signal.alarm(0)
        print("R %s %s" % (text, start.strftime("%Y%m%dT%H%M%S")))
        print("O " + " ".join(str(seconds(m)) for m in occurrences))
        for x, values in afters:
            print(("A %d %s" % (x, " ".join(map(str, values)))).rstrip())
        written += 1


if __name__ == "__main__":
    main()
