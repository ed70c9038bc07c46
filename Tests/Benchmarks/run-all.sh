#!/usr/bin/env bash
# Every benchmark of Tickler with its peer side by side in the same run, each printing its figures and ratios:
#
#   1. next occurrences: `ticklerctl list` against `remind -n` on the same 100,000 yearly obligations;
#   2. RRULE: `ticklerctl calendar --rrule` against python-dateutil, outputs compared byte for byte;
#   3. OnCalendar: `ticklerctl calendar --on-calendar` against `systemd-analyze calendar`;
#   4. ticklerd start and reload (time to READY=1, CPU, resident memory over reloads) on 10,000 and 100,000 mixed
#      obligations (every / rrule / on-calendar / lunar, three leads), against the targets of issue 11, and on 10,000
#      daily ones reloaded 100 times (issue 8);
#   5. ticklerd's resident memory on the sample schedule against tickler-baseline (the same libraries, doing nothing);
#   6. the engines inside one process: the planner (tickler-bench planner), lunar conversions against Foundation;
#   7. idle wake-ups against cron and `remind -z` (Tests/Benchmarks/idle-wakeups.sh, when present).
#
# Release build with the Swift runtime linked statically (as the .deb ships it), in $SCRATCH. The figures are only
# comparable within one run: on a shared machine, the load of other work moves all of them; CPU times move least.
#
# Usage: Tests/Benchmarks/run-all.sh                 (everything; about 10 minutes on a 2-core machine)
#        QUICK=1 Tests/Benchmarks/run-all.sh         (10,000 obligations, fewer repeats, no idle benchmark)
set -euo pipefail

cd "$(dirname "$0")/../.."
SCRATCH=${SCRATCH:-.build-static}
export SCRATCH
QUICK=${QUICK:-}
COUNT=$([ -n "$QUICK" ] && echo 10000 || echo 100000)
REPEAT=$([ -n "$QUICK" ] && echo 1 || echo 3)

section() { printf '\n== %s\n' "$*"; }

command -v remind >/dev/null || apt-get install -y -q remind >/dev/null
python3 -c 'import dateutil' 2>/dev/null || python3 -m pip install --quiet python-dateutil
for product in ticklerctl ticklerd tickler-bench tickler-baseline; do
    swift build -c release --product "$product" --scratch-path "$SCRATCH" --static-swift-stdlib >&2
done
BIN="$SCRATCH/release"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

section "machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
    "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(grep PRETTY_NAME /etc/os-release | cut -d'"' -f2); $(swift --version 2>&1 | grep -m1 -o 'Swift version [0-9.]*');" \
    "$(remind -h 2>&1 | grep -m1 -o 'REMIND [0-9.]*'); python-dateutil $(python3 -c 'import dateutil; print(dateutil.__version__)');" \
    "$(systemctl --version | head -1 | cut -d' ' -f1-2)"

section "1. next occurrence of $COUNT yearly obligations: ticklerctl list vs remind -n (target: CPU at most Remind's, peak < 100 MB)"
COUNT=$COUNT REPEAT=$REPEAT Tests/Benchmarks/list-vs-remind.sh

section "2. RRULE: ticklerctl calendar vs python-dateutil"
N=$([ -n "$QUICK" ] && echo 10000 || echo 100000) REPEAT=$REPEAT SWIFT_BUILD_FLAGS=--static-swift-stdlib \
    Tests/Benchmarks/rrule-vs-dateutil.sh

section "3. OnCalendar: ticklerctl calendar vs systemd-analyze calendar"
N=$([ -n "$QUICK" ] && echo 1000 || echo 10000) REPEAT=$REPEAT Tests/Benchmarks/oncalendar-vs-systemd.sh

section "4. ticklerd start and reload (targets: 10,000 < 200 ms, 100,000 < 2 s and peak < 150 MB; RSS after 10 reloads within 5 MB of the first)"
python3 Tests/Benchmarks/make-schedule.py mixed 10000 "$work/mixed-10000"
echo "10,000 mixed obligations, 10 reloads:"
python3 Tests/Benchmarks/reload-memory.py "$BIN/ticklerd" "$work/mixed-10000" 10
python3 Tests/Benchmarks/make-schedule.py daily 10000 "$work/daily-10000"
echo "10,000 daily obligations (issue 8: well under a second; RSS after 100 reloads within 5 MB of the first):"
python3 Tests/Benchmarks/reload-memory.py "$BIN/ticklerd" "$work/daily-10000" "$([ -n "$QUICK" ] && echo 10 || echo 100)"
if [ -z "$QUICK" ]; then
    python3 Tests/Benchmarks/make-schedule.py mixed 100000 "$work/mixed-100000"
    echo "100,000 mixed obligations, 3 reloads:"
    python3 Tests/Benchmarks/reload-memory.py "$BIN/ticklerd" "$work/mixed-100000" 3
fi

section "5. resident memory on the sample schedule: ticklerd vs tickler-baseline (target: at most 1.5x)"
python3 Tests/Benchmarks/memory-vs-baseline.py "$BIN/ticklerd" "$BIN/tickler-baseline" Config

section "6. inside one process: planner and lunar (tickler-bench)"
"$BIN/tickler-bench" planner lunar

if [ -z "$QUICK" ] && [ -x Tests/Benchmarks/idle-wakeups.sh ]; then
    section "7. idle wake-ups over 60 s: ticklerd vs cron and remind -z"
    TICKLERD="$BIN/ticklerd" Tests/Benchmarks/idle-wakeups.sh 60
fi
