#!/usr/bin/env bash
# Tickler's RRULE engine against python-dateutil, as whole processes, side by side in one run.
#
# For each rule, `ticklerctl calendar --rrule RULE --start START --tz UTC -n N` and rrule-dateutil.py (dateutil's
# rrulestr, printing the same ISO 8601 lines) each write their occurrences to a file; the files must be identical.
# Each side is timed by wall clock, process start-up included, best of REPEAT runs; the script prints per-rule
# times and ratios, and the totals.
#
# Usage: Tests/Benchmarks/rrule-vs-dateutil.sh            (N=100000 REPEAT=3 START=2026-01-01T09:00 by default)
#        N=10000 REPEAT=5 SCRATCH=.build-bench Tests/Benchmarks/rrule-vs-dateutil.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
N=${N:-100000}
REPEAT=${REPEAT:-3}
START=${START:-2026-01-01T09:00}
SCRATCH=${SCRATCH:-.build}
PYTHON=${PYTHON:-python3}

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
swift build -c release --product ticklerctl --scratch-path "$SCRATCH" >&2
TICKLERCTL="$SCRATCH/release/ticklerctl"
REFERENCE="Tests/Benchmarks/rrule-dateutil.py"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Best wall-clock time of REPEAT runs of a command writing to $1, in microseconds.
best_of() {
    local out=$1 best="" start end elapsed
    shift
    for _ in $(seq "$REPEAT"); do
        start=$(date +%s%N)
        "$@" >"$out"
        end=$(date +%s%N)
        elapsed=$(((end - start) / 1000))
        if [[ -z $best || $elapsed -lt $best ]]; then best=$elapsed; fi
    done
    echo "$best"
}

printf '%-58s %8s %12s %12s %8s\n' "rule (N=$N, start $START UTC)" lines "tickler ms" "dateutil ms" ratio
total_tickler=0
total_dateutil=0
for rule in "${RULES[@]}"; do
    tickler=$(best_of "$WORK/tickler.txt" "$TICKLERCTL" calendar --rrule "$rule" --start "$START" --tz UTC -n "$N")
    dateutil=$(best_of "$WORK/dateutil.txt" "$PYTHON" "$REFERENCE" "$rule" "$START" "$N")
    if ! cmp -s "$WORK/tickler.txt" "$WORK/dateutil.txt"; then
        echo "outputs differ for $rule:" >&2
        diff "$WORK/tickler.txt" "$WORK/dateutil.txt" | head -5 >&2
        exit 1
    fi
    lines=$(wc -l <"$WORK/tickler.txt")
    total_tickler=$((total_tickler + tickler))
    total_dateutil=$((total_dateutil + dateutil))
    printf '%-58s %8d %12.1f %12.1f %7.1fx\n' "$rule" "$lines" "$(bc -l <<<"$tickler / 1000")" \
        "$(bc -l <<<"$dateutil / 1000")" "$(bc -l <<<"$dateutil / $tickler")"
done
printf '%-58s %8s %12.1f %12.1f %7.1fx\n' "total" "" "$(bc -l <<<"$total_tickler / 1000")" \
    "$(bc -l <<<"$total_dateutil / 1000")" "$(bc -l <<<"$total_dateutil / $total_tickler")"
