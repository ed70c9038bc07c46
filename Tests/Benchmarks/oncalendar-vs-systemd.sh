#!/usr/bin/env bash
# Tickler's OnCalendar engine against systemd's own, as whole processes, side by side in one run: for each calendar
# event, `ticklerctl calendar --on-calendar SPEC -n N` against `systemd-analyze calendar --iterations=N SPEC` (both
# from the same base time, in UTC), timed by compare.py (CPU, wall-clock, peak memory, best of REPEAT). The outputs
# differ in form (systemd-analyze prints two lines an iteration); that they agree is what
# Tests/TicklerOnCalendarTests checks, against systemd-analyze too.
#
# Usage: Tests/Benchmarks/oncalendar-vs-systemd.sh          (N=10000 REPEAT=3 by default)
set -euo pipefail

cd "$(dirname "$0")/../.."
N=${N:-10000}
REPEAT=${REPEAT:-3}
SCRATCH=${SCRATCH:-.build-static}
SPECS=(
    "Mon *-*-01..07 09:00 UTC"
    "*-*-* 08:00 UTC"
    "Mon..Fri *-*-* 07..18:00,30 UTC"
    "*-02-29 12:00 UTC"
)

swift build -c release --product ticklerctl --scratch-path "$SCRATCH" --static-swift-stdlib >&2
for spec in "${SPECS[@]}"; do
    echo "oncalendar-vs-systemd: \"$spec\", $N iterations" >&2
    python3 Tests/Benchmarks/compare.py "$REPEAT" \
        "ticklerctl calendar" \
        "$SCRATCH/release/ticklerctl calendar --on-calendar '$spec' --tz UTC --after 2026-01-01T00:00 -n $N" \
        "systemd-analyze" \
        "systemd-analyze calendar --iterations=$N --base-time='2026-01-01 00:00:00 UTC' '$spec'"
done
