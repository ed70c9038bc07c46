#!/usr/bin/env bash
# Idle wake-ups: context switches of every thread of a process (count-switches.py) over SECONDS with nothing due, side by side with
# cron (wakes once a minute) and Remind in daemon mode (`remind -z`, wakes every minute).
#
# ticklerd runs on one obligation due in a year, without a watchdog (no WATCHDOG_USEC), so that any wake-up it
# makes is one it need not make. Each process is left to settle for 10 s first
# (Dispatch parks a worker thread 5 s before it exits: the GRDB workers of ticklerd's start are gone by then).
#
# ticklerd runs on its own epoll loop (TicklerPlatform's EventLoop), so idle it should count 0; a ticklerd on
# Dispatch's thread pool counts about 60 a minute, the tick of libdispatch's workqueue monitor.
#
# Usage: Tests/Benchmarks/idle-wakeups.sh [SECONDS]        (default 60)
#        TICKLERD=.build/debug/ticklerd Tests/Benchmarks/idle-wakeups.sh 20   (a ticklerd already built)
#        TICKLERD_BEFORE=/path/to/old/ticklerd Tests/Benchmarks/idle-wakeups.sh   (an older build beside it, as ticklerd-old)
set -euo pipefail

cd "$(dirname "$0")/../.."
SECONDS_TO_WATCH=${1:-60}
SCRATCH=${SCRATCH:-.build-static}
command -v remind >/dev/null || apt-get install -y -q remind >/dev/null
command -v cron >/dev/null || apt-get install -y -q cron >/dev/null
if [ -z "${TICKLERD:-}" ]; then
    swift build -c release --product ticklerd --scratch-path "$SCRATCH" --static-swift-stdlib >&2
    TICKLERD="$SCRATCH/release/ticklerd"
fi

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/config" "$work/state" "$work/cron"
next_year=$(( $(date +%Y) + 1 ))
cat >"$work/config/schedule.toml" <<TOML
[[obligation]]
id = "far-away"
title = "Nothing due for a year"
once = "$next_year-$(date +%m-%d)"
remind = ["1d"]
TOML
echo "REM $(date -d "+1 year" '+%b %d %Y') AT 08:00 MSG Nothing due for a year" >"$work/remind.rem"

env -u NOTIFY_SOCKET -u WATCHDOG_USEC "$TICKLERD" --config "$work/config" --state-dir "$work/state" \
    >/dev/null 2>&1 &
pids+=($!)
watched=(ticklerd="$!")
if [ -n "${TICKLERD_BEFORE:-}" ]; then
    mkdir -p "$work/state-before"
    env -u NOTIFY_SOCKET -u WATCHDOG_USEC "$TICKLERD_BEFORE" --config "$work/config" --state-dir "$work/state-before" \
        >/dev/null 2>&1 &
    pids+=($!)
    watched+=(ticklerd-old="$!")
fi
remind -z1 "$work/remind.rem" >/dev/null 2>&1 &
pids+=($!)
remind_pid=$!
# A private cron on an empty crontab directory: its once-a-minute wake-up is what it pays while idle.
cron -f -L 0 >/dev/null 2>&1 &
pids+=($!)
cron_pid=$!
sleep 10

python3 Tests/Benchmarks/count-switches.py "$SECONDS_TO_WATCH" \
    "${watched[@]}" "remind -z"="$remind_pid" cron="$cron_pid"
