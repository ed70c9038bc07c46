#!/bin/bash
# Makes Fixtures/main-28a90bf: a state database as ticklerd of commit 28a90bf (the last main before TicklerState)
# leaves it after running and then being killed (kill -9) — state.sqlite with its write-ahead log, the recent
# records being in the log only — plus what it holds, read by the sqlite3 tool, for the carry-over test.
#
# Usage: Tests/TicklerStateTests/Fixtures/make-fixtures.sh   (from the checkout; needs git, swift, sqlite3, python3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/main-28a90bf"
work=$(mktemp -d /tmp/tickler-fixture.XXXXXX)
trap 'rm -rf "$work"' EXIT

git -C "$here/../../.." worktree add --detach "$work/src" 28a90bf >/dev/null
(cd "$work/src" && swift build --product ticklerd >/dev/null)
ticklerd="$work/src/.build/debug/ticklerd"
mkdir -p "$work/config" "$work/state"

# times(OFFSET...): UTC wall-clock times OFFSET seconds from now.
at() { date -u -d "@$(($(date +%s) + $1))" +%Y-%m-%dT%H:%M:%S; }

# First run: reminders in seconds (leads written 4s, 2s, 120s, 1w, 1s), due times and overdue repeats; SIGTERM.
cat >"$work/config/schedule.toml" <<TOML
[defaults]
timezone = "UTC"
overdue-every = "0"

[[obligation]]
id = "letter-a"
title = "Letter A"
once = "$(at 8)"
remind = ["4s", "2s"]
overdue-every = "1s"

[[obligation]]
id = "renewal-b"
title = "Renewal B"
once = "$(at 124)"
remind = ["120s", "1w"]

[[obligation]]
id = "report-c"
title = "Report C"
every = "3s"
start = "$(at 1)"
remind = ["1s"]

[[obligation]]
id = "later-d"
title = "Later D"
once = "2040-01-01"
TOML
timeout -s TERM 13 "$ticklerd" --config "$work/config" --state-dir "$work/state" >/dev/null 2>&1 || true

# Second run, after downtime, with one more obligation whose lead is written "1w"; killed with SIGKILL.
cat >>"$work/config/schedule.toml" <<TOML

[[obligation]]
id = "weekly-e"
title = "Weekly E"
once = "$(at 604803)"
remind = ["1w"]
TOML
"$ticklerd" --config "$work/config" --state-dir "$work/state" >/dev/null 2>&1 &
sleep 6.5
kill -9 $!
wait || true

mkdir -p "$out"
cp "$work/state/state.sqlite" "$work/state/state.sqlite-wal" "$work/config/schedule.toml" "$out/"
# Read from a copy: sqlite3 folds the log into the database it opens.
mkdir "$work/probe"
cp "$work/state/state.sqlite" "$work/state/state.sqlite-wal" "$work/probe/"
db="$work/probe/state.sqlite"
sqlite3 "$db" "SELECT obligation_id, due_us, stage, fired_at_us FROM fired_event
    ORDER BY fired_at_us, obligation_id, due_us, stage" >"$out/fired-events.txt"
sqlite3 "$db" "SELECT obligation_id, first_seen_us FROM obligation_seen ORDER BY 1" >"$out/first-seen.txt"
sqlite3 "$db" "SELECT instant_us FROM checkpoint" >"$out/checkpoint.txt"
git -C "$here/../../.." worktree remove --force "$work/src"
echo "wrote $out"
