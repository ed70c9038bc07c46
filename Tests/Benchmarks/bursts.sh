#!/usr/bin/env bash
# Bursts (issue 11, target 4), under real systemd with its own journald: 1,000 obligations due in the same second,
# then 20,000 due over one minute. Each `due` entry's delay is journald's time of reception (__REALTIME_TIMESTAMP)
# minus its due instant; the script prints how many arrived, and the delays' median, p99 and maximum; also as the
# entries reached journald's socket (_SOURCE_REALTIME_TIMESTAMP, the kernel's time of reception). Beside the first,
# in the same run, journald's own floor: the same 1,000 entries sent back to back by journal-flood.c.
#
#   bash Tests/Benchmarks/bursts.sh [BIN_DIR]     BIN_DIR holds ticklerd (default .build/release)
#
# systemd runs as PID 1 of a private PID+mount namespace (Tests/System/namespace.sh), ticklerd from
# Deploy/ticklerd.service as installed; needs root. About three minutes.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "$here/../.." && pwd)
name=bursts
. "$checkout/Tests/System/namespace.sh"

bin_dir=${1:-.build/release}
if [ ! -x "$bin_dir/ticklerd" ]; then
    echo "bursts: $bin_dir/ticklerd not found: build it first (swift build -c release --product ticklerd)"
    exit 1
fi
namespace_boot "$(cd "$bin_dir" && pwd)"

in_ns sh -ec "
    getent group tickler >/dev/null || groupadd --system tickler
    install -m 0755 $T/build/ticklerd /usr/local/bin/ticklerd
    sed -e 's|/usr/bin/ticklerd|/usr/local/bin/ticklerd|' $T/checkout/Deploy/ticklerd.service \
        >/etc/systemd/system/ticklerd.service
    install -m 0644 $T/checkout/Deploy/ticklerd.socket /etc/systemd/system/ticklerd.socket
    systemctl daemon-reload
"

# delays UNIT COUNT START LABEL: how many `due` entries of UNIT due at or after START are in the journal, and their
# delays after the due instant: as journald wrote them and as they reached its socket.
delays() {
    local unit=$1 count=$2 start=$3 label=$4
    in_ns journalctl -u "$unit" TICKLER_EVENT=due -o json --no-pager 2>/dev/null \
        | python3 -c '
import datetime, json, sys
count, start, label = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
delays, sources = [], []
for line in sys.stdin:
    entry = json.loads(line)
    due = datetime.datetime.fromisoformat(entry["TICKLER_DUE"]).timestamp()
    if due >= start:
        delays.append(int(entry["__REALTIME_TIMESTAMP"]) / 1e6 - due)
        if "_SOURCE_REALTIME_TIMESTAMP" in entry:
            sources.append(int(entry["_SOURCE_REALTIME_TIMESTAMP"]) / 1e6 - due)
def summary(values):
    values.sort()
    def at(q): return values[min(len(values) - 1, int(q * len(values)))] * 1000
    return (f"min {values[0] * 1000:.1f} ms, median {at(0.5):.1f} ms, p99 {at(0.99):.1f} ms, max {at(1.0):.1f} ms"
            if values else "none")
print(f"{label}: {len(delays):,} of {count:,} in the journal; delay after the due instant, as journald wrote "
      f"them (__REALTIME_TIMESTAMP): {summary(delays)}")
if sources:
    print(f"{label}: as they reached the journal socket (_SOURCE_REALTIME_TIMESTAMP, {len(sources):,} entries): "
          f"{summary(sources)}")
' "$count" "$start" "$label"
}

# burst COUNT SPREAD LABEL: COUNT obligations due one per second-slot over SPREAD seconds, from a whole second 20 s
# after the schedule is written; a fresh state, so that each is first seen before it falls due.
burst() {
    local count=$1 spread=$2 label=$3 start
    start=$(($(date +%s) + 20))
    python3 - "$count" "$spread" "$start" <<'PY' | in_ns sh -c 'rm -rf /etc/tickler && mkdir -p /etc/tickler && cat >/etc/tickler/schedule.toml && chmod -R a+rX /etc/tickler'
import datetime, sys
count, spread, start = map(int, sys.argv[1:])
print('[defaults]\ntimezone = "UTC"\nremind = []\noverdue-every = "0"\n')
for index in range(count):
    due = datetime.datetime.fromtimestamp(start + index % spread, datetime.timezone.utc)
    print(f'[[obligation]]\nid = "burst-{index}"\ntitle = "Burst {index}"\nonce = "{due:%Y-%m-%dT%H:%M:%S}"\n')
PY
    in_ns sh -ec 'systemctl stop ticklerd.service ticklerd.socket 2>/dev/null || true
        rm -rf /var/lib/private/tickler /var/lib/tickler
        systemctl start ticklerd.service'
    while [ "$(date +%s)" -le $((start + spread + 5)) ]; do sleep 1; done
    delays ticklerd.service "$count" "$start" "$label"
}

# flood COUNT LABEL: journal-flood.c sends COUNT entries shaped like ticklerd's at a whole second, back to back,
# as a service of its own: the delays that journald and the kernel alone cost on this machine.
flood() {
    local count=$1 label=$2 start
    cc -O2 -o "$work/journal-flood" "$here/journal-flood.c" -lsystemd || return 0
    in_ns sh -c 'cat >/usr/local/bin/journal-flood && chmod 0755 /usr/local/bin/journal-flood' <"$work/journal-flood"
    start=$(($(date +%s) + 3))
    printf '[Service]\nType=oneshot\nExecStart=/usr/local/bin/journal-flood %s %s\nLogRateLimitIntervalSec=0\n' \
        "$count" "$start" | in_ns sh -c 'cat >/etc/systemd/system/journal-flood.service && systemctl daemon-reload'
    in_ns systemctl start journal-flood.service
    sleep 1
    delays journal-flood.service "$count" "$start" "$label"
}

burst 1000 1 "1,000 due in one second"
flood 1000 "journald's floor: the same 1,000 entries from a C sender"
burst 20000 60 "20,000 due over one minute"
