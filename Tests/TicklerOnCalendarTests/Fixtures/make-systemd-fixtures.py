#!/usr/bin/env python3
"""Generates systemd-calendar.jsonl: OnCalendar specs with the elapses systemd-analyze computes for them.

Run from anywhere on a machine with systemd 252 (Debian 12):

    python3 Tests/TicklerOnCalendarTests/Fixtures/make-systemd-fixtures.py

Each line is a JSON object:
    {"tz": "America/New_York", "spec": "...", "base": 1700000000, "valid": true,
     "normalized": "...", "next": [1700003600, ...]}
`base` is the --base-time in Unix seconds; `next` holds the next elapses in Unix seconds (systemd-analyze prints
whole seconds, so sub-second elapses are truncated); an empty list means "never". Invalid specs have
"valid": false; valid ones for which systemd gives up ("Infinite loop in calendar calculation", which happens
when a daylight-saving gap starts just after midnight) have "failed": true and no elapses. The specs are generated from a fixed seed, plus hand-picked daylight-saving cases around
the transitions of each zone.
"""
import calendar
import json
import os
import random
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

ITERATIONS = 8
ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Ho_Chi_Minh", "Australia/Lord_Howe",
         "America/Havana", "America/Santiago", "America/St_Johns", "America/Sao_Paulo", "Europe/London",
         "Asia/Tehran", "Pacific/Chatham", "Europe/Dublin", "Africa/Casablanca", "Pacific/Apia"]
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "systemd-calendar.jsonl")
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
STAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) UTC$")


def analyze(spec, base, tz):
    """Runs systemd-analyze; returns (normalized, [elapses]), None when the spec is invalid, or "failed" when
    systemd accepts it but fails to compute an elapse (it prints none of them then)."""
    env = dict(os.environ, TZ=tz, LC_ALL="C", SYSTEMD_COLORS="0")
    run = subprocess.run(["systemd-analyze", "calendar", f"--iterations={ITERATIONS}", f"--base-time=@{base}", spec],
                         env=env, capture_output=True, text=True)
    if run.returncode != 0:
        return "failed" if "Failed to determine next elapse" in run.stderr else None
    normalized = None
    lines = []  # [local text, UTC text or None] per elapse
    for line in run.stdout.splitlines():
        text = line.strip()
        if text.startswith("Normalized form:"):
            normalized = text.split(":", 1)[1].strip()
        elif text.startswith("Next elapse:") or text.startswith("Iter. #"):
            value = text.split(":", 1)[1].strip()
            if value != "never":
                lines.append([value, None])
        elif text.startswith("(in UTC):"):
            lines[-1][1] = text.split(":", 1)[1].strip()
    elapses = [parse_stamp(utc or local) for local, utc in lines]
    return normalized, elapses


def parse_stamp(text):
    match = STAMP.search(text)
    if not match:
        raise ValueError(f"unexpected timestamp {text!r}")
    return calendar.timegm(tuple(int(g) for g in match.groups()))


def chain(rng, low, high, width):
    """A random field: *, a value, a list, a range or a repetition."""
    kind = rng.random()
    def value():
        return f"{rng.randint(low, high):0{width}d}"
    if kind < 0.25:
        return "*"
    if kind < 0.45:
        return value()
    if kind < 0.6:
        return ",".join(sorted({value() for _ in range(rng.randint(2, 4))}))
    if kind < 0.75:
        a = rng.randint(low, high)
        b = rng.randint(a, high)
        return f"{a:0{width}d}..{b:0{width}d}"
    if kind < 0.9:
        return f"{rng.randint(low, high):0{width}d}/{rng.randint(1, max(1, (high - low) // 2))}"
    a = rng.randint(low, high)
    b = rng.randint(a, high)
    return f"{a:0{width}d}..{b:0{width}d}/{rng.randint(1, max(1, (b - a) or 1))}"


def weekdays(rng):
    parts = []
    for _ in range(rng.randint(1, 2)):
        a = rng.randint(0, 6)
        if rng.random() < 0.5:
            b = rng.randint(a, 6)
            parts.append(f"{WEEKDAYS[a]}..{WEEKDAYS[b]}" if b > a else WEEKDAYS[a])
        else:
            parts.append(WEEKDAYS[a])
    return ",".join(parts)


def seconds(rng):
    kind = rng.random()
    if kind < 0.5:
        return "00"
    if kind < 0.65:
        return f"{rng.randint(0, 59):02d}"
    if kind < 0.8:
        return f"{rng.randint(0, 29):02d}/{rng.randint(5, 30)}"
    if kind < 0.9:
        return f"{rng.randint(0, 59)}.{rng.randint(1, 9)}"
    return "*"


def random_spec(rng):
    if rng.random() < 0.06:
        return rng.choice(["minutely", "hourly", "daily", "weekly", "monthly", "yearly", "annually", "quarterly",
                           "semiannually", "semi-annually"])
    parts = []
    if rng.random() < 0.3:
        parts.append(weekdays(rng))
    form = rng.random()
    if form < 0.4:
        parts.append(f"{chain(rng, 2020, 2040, 4)}-{chain(rng, 1, 12, 2)}-{chain(rng, 1, 31, 2)}")
    elif form < 0.6:
        parts.append(f"{chain(rng, 1, 12, 2)}-{chain(rng, 1, 28, 2)}")
    elif form < 0.75:
        day = rng.choice(["01", "02", "03", "07", "07/1", "1..3", "05/2", "01,15"])
        parts.append(f"*-{chain(rng, 1, 12, 2)}~{day}")
    # else: time only
    if rng.random() < 0.85 or form >= 0.75:
        time = f"{chain(rng, 0, 23, 2)}:{chain(rng, 0, 59, 2)}"
        if rng.random() < 0.4:
            time += ":" + seconds(rng)
        parts.append(time)
    spec = " ".join(parts) if parts else "*-*-*"
    zone = rng.random()
    if zone < 0.08:
        spec += " UTC"
    elif zone < 0.14:
        spec += " " + rng.choice(["Asia/Tokyo", "America/New_York", "Europe/Berlin", "Asia/Ho_Chi_Minh"])
    return spec


def transitions(tz, year):
    """UTC seconds of the offset changes of `tz` in `year`, found hour by hour."""
    zone = ZoneInfo(tz)
    start = datetime(year, 1, 1, tzinfo=timezone.utc)
    result = []
    previous = start.astimezone(zone).utcoffset()
    for hour in range(1, 366 * 24):
        moment = start + timedelta(hours=hour)
        offset = moment.astimezone(zone).utcoffset()
        if offset != previous:
            result.append(int(moment.timestamp()))
        previous = offset
    return result


DST_SPECS = ["*:0/20", "*-*-* 02:30", "*-*-* 01:30", "*-*-* 00:00", "hourly", "*-*-* 02..03:15",
             "*:*:0/45", "daily", "*-*-* 00:30", "Sun *-*-* 01..03:00/30", "*-*-* 23:30", "*:30"]
INVALID = ["*-*-5..3", "Sat..Mon", "*/5-01-01", "epoch", "25:00", "*-*-* 12:60", "*-13-01", "*-*-32",
           "*-*~29", "*-02~03/5", "Mon..", "Fry", "12:00:1..1.5", "0/0:00", "*-*-* 12", "1969-01-01",
           "2200-01-01", "*-*-* *:*:60", "Mon-Wed-Fri", "*-*-*-*", "12:00 Mars/Olympus", "", "  ",
           "*-*-1/0", "daily daily"]


# Cases that once told two readings of systemd's and glibc's rules apart: a gap right after midnight that makes
# systemd give up, a result before the base that makes it retry an hour later, negative daylight saving.
HAND_PICKED = [
    ("America/St_Johns", "*:30", 828846000),
    ("America/St_Johns", "2027..2040-01/5-09,15", 1227194601),
    ("America/Santiago", "*:0/20", 845173800),
    ("Europe/Dublin", "Sun *-*-* 01..03:00/30", 1616882400),
    ("Africa/Casablanca", "*-*-* 02..03:15", 2386806600),
    ("Pacific/Apia", "*-*-* 12:00", 1325000000),
]


def main():
    rng = random.Random(252)
    cases = []
    for _ in range(1000):
        tz = rng.choice(ZONES)
        base = rng.randint(946684800, 2208988800)  # 2000 … 2040
        cases.append((tz, random_spec(rng), base))
    for tz in ZONES[1:]:
        for year in (1996, 2021, 2024, 2037, 2045):
            for moment in transitions(tz, year):
                for spec in rng.sample(DST_SPECS, 4):
                    cases.append((tz, spec, moment - rng.choice([3 * 3600, 2 * 3600 + 1200, 5400, 600, 0])))
    cases.extend(HAND_PICKED)
    for spec in INVALID:
        cases.append(("UTC", spec, 1700000000))
    with open(OUTPUT, "w") as out:
        for tz, spec, base in cases:
            result = analyze(spec, base, tz)
            record = {"tz": tz, "spec": spec, "base": base, "valid": result is not None}
            if result == "failed":
                record["failed"] = True
            elif result is not None:
                record["normalized"], record["next"] = result
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases written to {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
