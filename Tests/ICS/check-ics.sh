#!/usr/bin/env bash
# The independent-parser test of `ticklerctl export --ics`: Python's icalendar and recurring-ical-events read the
# exported calendars of the sample schedule (Config/, ten years) and of a schedule with every recurrence kind in
# several zones (Tests/ICS/every-kind.toml), and their instants must equal `ticklerctl upcoming`'s due times.
#
# Usage: Tests/ICS/check-ics.sh [BUILD_DIR]   (default: .build/debug; ticklerctl must be built)
# Needs:  python3 -m pip install -r Tests/ICS/requirements.txt
# Exit status: 0 when every check holds, 1 on a failed check, 2 when the parser modules are missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/.build/debug}

if ! python3 -c 'import icalendar, recurring_ical_events' 2>/dev/null; then
    echo "check-ics: the Python modules icalendar and recurring-ical-events are missing; install them with:" >&2
    echo "  python3 -m pip install -r Tests/ICS/requirements.txt" >&2
    exit 2
fi
if [[ ! -x $build/ticklerctl ]]; then
    echo "check-ics: $build/ticklerctl is not built (swift build --product ticklerctl)" >&2
    exit 1
fi

python3 "$here/check-ics.py" "$build/ticklerctl" "$root/Config" 2026-06-01T00:00:00+07:00 3660
python3 "$here/check-ics.py" "$build/ticklerctl" "$here/every-kind.toml" 2026-06-01T00:00:00+00:00 800
