#!/usr/bin/env bash
# Tickler's RRULE engine against python-dateutil, as whole processes, side by side in one run.
#
# For each rule, `ticklerctl calendar --rrule RULE --start START --tz UTC -n N` and rrule-dateutil.py (dateutil's
# rrulestr, printing the same ISO 8601 lines) each write their occurrences to a file; the files must be identical.
# rrule-bench.py times both sides as whole processes (start-up included), best of REPEAT runs, in CPU time
# (user + system) and wall-clock time, and prints per-rule times and ratios, and the totals.
#
# Usage: Tests/Benchmarks/rrule-vs-dateutil.sh            (N=100000 REPEAT=3 START=2026-01-01T09:00 by default)
#        N=10000 REPEAT=5 SCRATCH=.build-bench Tests/Benchmarks/rrule-vs-dateutil.sh
#        SWIFT_BUILD_FLAGS=--static-swift-stdlib SCRATCH=.build-static Tests/Benchmarks/rrule-vs-dateutil.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
N=${N:-100000}
REPEAT=${REPEAT:-3}
START=${START:-2026-01-01T09:00}
SCRATCH=${SCRATCH:-.build}
PYTHON=${PYTHON:-python3}
SWIFT_BUILD_FLAGS=${SWIFT_BUILD_FLAGS:-}

RULES=(
    "FREQ=MONTHLY;BYDAY=2MO"
    "FREQ=DAILY"
    "FREQ=YEARLY;BYMONTH=3;BYDAY=2MO"
    "FREQ=WEEKLY;BYDAY=MO,WE,FR"
    "FREQ=MONTHLY;BYDAY=-1FR"
    "FREQ=HOURLY;INTERVAL=3"
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
    "FREQ=MINUTELY;INTERVAL=15;BYHOUR=9,10,11,12,13,14,15,16"
    "FREQ=YEARLY;BYWEEKNO=1,-1;BYDAY=MO"
    "FREQ=DAILY;BYMONTH=1,7;BYMONTHDAY=1,-1;BYHOUR=8,20"
)

"$PYTHON" -c 'import dateutil' 2>/dev/null || "$PYTHON" -m pip install --quiet python-dateutil
# shellcheck disable=SC2086 # the flags are meant to split
swift build -c release --product ticklerctl --scratch-path "$SCRATCH" $SWIFT_BUILD_FLAGS >&2
TICKLERCTL="$SCRATCH/release/ticklerctl"
exec "$PYTHON" Tests/Benchmarks/rrule-bench.py "$TICKLERCTL" "$N" "$REPEAT" "$START" "${RULES[@]}"
