#!/usr/bin/env bash
# The next occurrence of each of COUNT yearly obligations (three reminder leads), as whole processes, side by side
# in one run: `ticklerctl list` on the Tickler schedule against `remind -n` (Remind 04.02) on the same obligations.
#
# Usage: Tests/Benchmarks/list-vs-remind.sh                 (COUNT=100000 REPEAT=3 by default)
#        COUNT=10000 REPEAT=5 Tests/Benchmarks/list-vs-remind.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
COUNT=${COUNT:-100000}
REPEAT=${REPEAT:-3}
SCRATCH=${SCRATCH:-.build-static}
TODAY=${TODAY:-2026-12-01}

command -v remind >/dev/null || { echo "list-vs-remind: installing remind" >&2; apt-get install -y -q remind >/dev/null; }
swift build -c release --product ticklerctl --scratch-path "$SCRATCH" --static-swift-stdlib >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Tests/Benchmarks/make-schedule.py yearly "$COUNT" "$work"
echo "list-vs-remind: $COUNT yearly obligations, $(du -k "$work/schedule.toml" | cut -f1) KiB of TOML," \
    "$(du -k "$work/remind.rem" | cut -f1) KiB for Remind; best of $REPEAT" >&2
exec python3 Tests/Benchmarks/compare.py "$REPEAT" \
    "ticklerctl list" "$SCRATCH/release/ticklerctl list --config $work --after ${TODAY}T00:00" \
    "remind -n" "remind -n $work/remind.rem $TODAY"
