#!/usr/bin/env python3
"""Checks `ticklerctl export --ics` with an independent parser (icalendar + recurring-ical-events).

For one schedule and window it runs `ticklerctl export --ics` and `ticklerctl upcoming --json`, then checks that:
  - the file is well formed at the octet level: CRLF line ends, physical lines of at most 75 octets, each of them
    valid UTF-8 on its own (a fold never splits a character), VERSION, PRODID;
  - the instants that recurring_ical_events.of(calendar).between(start, end) reads are exactly the due instants of
    `ticklerctl upcoming` (its "due" events) in the same window, obligation by obligation;
  - every VTIMEZONE, turned into a time zone by icalendar from its own STANDARD/DAYLIGHT components (not looked up
    by name), gives every event of its zone the same instant as the IANA database does;
  - UIDs are unique, each event has DTSTAMP, SUMMARY, STATUS and one VALARM per reminder lead.

Usage: check-ics.py TICKLERCTL CONFIG AFTER DAYS
Exit status 0 when every check holds, 1 with a line per failure otherwise, 2 when the parser modules are missing.
"""

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

INSTALL = "python3 -m pip install -r Tests/ICS/requirements.txt  (icalendar==7.3.2 recurring-ical-events==3.8.2)"

try:
    import icalendar
    import recurring_ical_events
except ImportError as error:
    print(f"check-ics: the independent parser is missing ({error}); install it with:\n  {INSTALL}", file=sys.stderr)
    sys.exit(2)


def run(arguments, environment=None):
    """Runs ticklerctl; returns standard output as bytes, or exits with its error."""
    result = subprocess.run(arguments, capture_output=True, env=environment)
    if result.returncode != 0:
        sys.exit(f"check-ics: {' '.join(arguments)} failed ({result.returncode}): {result.stderr.decode()}")
    return result.stdout


def parse_instant(text):
    """An ISO 8601 date-time with offset, as ticklerctl prints it, as an aware UTC datetime."""
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def upcoming_dues(ticklerctl, config, after, end):
    """{(obligation, due instant)} of `ticklerctl upcoming --json` due strictly before `end`."""
    count = 20_000
    while True:
        events = json.loads(run([ticklerctl, "upcoming", "--json", "--config", config, "--after", after, "-n", str(count)]))
        # Events come in firing order and a due event fires at its due time: once the list reaches past `end`
        # (or the schedule runs out), every due event before `end` is in it.
        if len(events) < count or parse_instant(events[-1]["fire_at"]) >= end:
            break
        if count >= 2_000_000:
            sys.exit("check-ics: upcoming does not reach the end of the window")
        count *= 4
    return {(e["obligation"], parse_instant(e["due"])) for e in events if e["event"] == "due" and parse_instant(e["due"]) < end}


def check_octets(data, failures):
    """Line ends, folding and UTF-8 of every physical line."""
    if not data.endswith(b"\r\n"):
        failures.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")[:-1]
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            failures.append(f"line {number}: a bare CR or LF")
        if len(line) > 75:
            failures.append(f"line {number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failures.append(f"line {number}: a fold splits a UTF-8 sequence: {line[-8:]!r}")
    if not lines or lines[0] != b"BEGIN:VCALENDAR" or lines[-1] != b"END:VCALENDAR":
        failures.append("not one VCALENDAR")
    return len(lines)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    ticklerctl, config, after, days = sys.argv[1:]
    environment = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    data = run([ticklerctl, "export", "--ics", "--config", config, "--after", after, "--days", days], environment)
    failures = []
    physical = check_octets(data, failures)

    calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
    if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
        failures.append("VERSION:2.0 or PRODID missing")

    # The window as ticklerctl reads it; AFTER carries an explicit offset so that both sides read it alike.
    window_start = parse_instant(after)
    window_end = window_start + timedelta(days=int(days))

    # What the independent parser reads: every occurrence overlapping the window (an hour each, so widen by it).
    read = {}
    for event in recurring_ical_events.of(calendar).between(window_start - timedelta(hours=1), window_end):
        dtstart = event.decoded("DTSTART")
        instant = dtstart.astimezone(timezone.utc)
        uid = str(event["UID"])
        obligation = uid.split("/", 1)[0]
        if not window_start < instant < window_end:
            failures.append(f"{uid}: {instant} outside the window")
        read.setdefault((obligation, instant), []).append(uid)
    expected = upcoming_dues(ticklerctl, config, after, window_end)
    for key in sorted(set(read) - expected):
        failures.append(f"in the calendar, not in upcoming: {key[0]} {key[1].isoformat()}")
    for key in sorted(expected - set(read)):
        failures.append(f"in upcoming, not in the calendar: {key[0]} {key[1].isoformat()}")
    for key, uids in read.items():
        if len(uids) != 1:
            failures.append(f"{key}: {len(uids)} events")

    # Every VEVENT of the file, read directly: unique UIDs, required properties, alarms.
    events = list(calendar.walk("VEVENT"))
    if len(events) != len(read):
        failures.append(f"{len(events)} VEVENTs in the file, {len(read)} read in the window")
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        failures.append("duplicate UIDs")
    for event in events:
        for name in ("DTSTAMP", "DTSTART", "DURATION", "SUMMARY", "DESCRIPTION", "STATUS"):
            if name not in event:
                failures.append(f"{event['UID']}: no {name}")
        if event.decoded("DTSTAMP") != datetime(2026, 1, 1, tzinfo=timezone.utc):
            failures.append(f"{event['UID']}: DTSTAMP {event.decoded('DTSTAMP')} is not SOURCE_DATE_EPOCH")
        for alarm in event.walk("VALARM"):
            if str(alarm.get("ACTION")) != "DISPLAY" or "TRIGGER" not in alarm or "DESCRIPTION" not in alarm:
                failures.append(f"{event['UID']}: a VALARM without ACTION:DISPLAY, TRIGGER or DESCRIPTION")

    # Each VTIMEZONE on its own: icalendar builds a zone from its components alone (lookup_tzid=False).
    zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in calendar.walk("VTIMEZONE")}
    zone_checked = 0
    for event in events:
        dtstart = event["DTSTART"]
        tzid = dtstart.params.get("TZID")
        if tzid is None:
            continue
        if tzid not in zones:
            failures.append(f"{event['UID']}: TZID {tzid} has no VTIMEZONE")
            continue
        local = dtstart.dt.replace(tzinfo=None)
        by_component = local.replace(tzinfo=zones[tzid]).astimezone(timezone.utc)
        by_database = dtstart.dt.astimezone(timezone.utc)
        if by_component != by_database:
            failures.append(f"{event['UID']}: VTIMEZONE {tzid} reads {local} as {by_component}, the database as {by_database}")
        zone_checked += 1

    if failures:
        for failure in failures[:50]:
            print(f"check-ics: {config}: {failure}", file=sys.stderr)
        print(f"check-ics: {config}: {len(failures)} failures", file=sys.stderr)
        sys.exit(1)
    kinds = {obligation for obligation, _ in read}
    print(
        f"check-ics: {config}: {len(read)} events of {len(kinds)} obligations equal upcoming's due times "
        f"({physical} lines, {len(zones)} VTIMEZONEs checked on {zone_checked} events)"
    )


if __name__ == "__main__":
    main()
