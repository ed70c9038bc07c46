#!/usr/bin/env bash
# System test of Deploy/tickler-ics.service and .timer under real systemd (252 on Debian 12): the service, sandboxed
# as www-data, publishes the sample schedule's calendar into a web directory, atomically and readable by all; with
# ticklerd running, an acknowledged occurrence is marked ACKNOWLEDGED; a schedule with an error fails the run, says
# why in the journal and leaves the published file alone.
#
#   bash Tests/ICS/systemd-ics-test.sh [BIN_DIR]     BIN_DIR holds built ticklerctl and ticklerd (.build/debug)
#
# systemd runs as PID 1 of a private PID+mount namespace (Tests/System/namespace.sh: /etc, /var and /usr/local are
# overlays in a private /run; nothing reaches the host). Needs root; skipped (exit 0) otherwise.
# Ends with "ics-system: N passed, M failed"; exits 1 if anything failed.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "$here/../.." && pwd)
name=ics-system
. "$checkout/Tests/System/namespace.sh"

id www-data >/dev/null 2>&1 || skip "no www-data user"
bin_dir=${1:-.build/debug}
if [ ! -x "$bin_dir/ticklerctl" ] || [ ! -x "$bin_dir/ticklerd" ]; then
    echo "ics-system: ticklerctl or ticklerd not found in $bin_dir: build them first (swift build)"
    echo "ics-system: 0 passed, 1 failed"
    exit 1
fi
namespace_boot "$(cd "$bin_dir" && pwd)"

# --- install as README says ----------------------------------------------------------------------------------------
output=/var/www/html/tickler/tickler.ics
in_ns sh -ec "
    getent group tickler >/dev/null || groupadd --system tickler
    install -m 0755 $T/build/ticklerctl /usr/local/bin/ticklerctl
    rm -rf /etc/tickler && mkdir -p /etc/tickler && cp -r $T/checkout/Config/. /etc/tickler/
    chmod -R a+rX /etc/tickler
    install -d -o www-data -g www-data -m 0755 /var/www/html/tickler
    install -m 0644 $T/checkout/Deploy/tickler-ics.service $T/checkout/Deploy/tickler-ics.timer /etc/systemd/system/
    systemctl daemon-reload
"
journal() { in_ns journalctl -u tickler-ics.service --no-pager -o cat 2>/dev/null; }

if in_ns systemctl enable --now tickler-ics.timer >"$work/enable.log" 2>&1 \
    && in_ns systemctl list-timers --all --no-legend tickler-ics.timer | grep -q tickler-ics.service; then
    pass "tickler-ics.timer is enabled and scheduled: $(in_ns systemctl show -p NextElapseUSecRealtime --value tickler-ics.timer)"
else
    fail "tickler-ics.timer did not start" "$(cat "$work/enable.log")"
fi

if in_ns systemctl start tickler-ics.service 2>"$work/start.log"; then
    pass "systemctl start tickler-ics succeeds"
else
    fail "tickler-ics.service failed" "$(cat "$work/start.log")" "$(journal | tail -n 10)"
fi
first=$(in_ns head -n 1 "$output" 2>/dev/null | tr -d '\r')
last=$(in_ns tail -n 1 "$output" 2>/dev/null | tr -d '\r')
events=$(in_ns grep -c '^BEGIN:VEVENT' "$output" 2>/dev/null)
if [ "$first" = BEGIN:VCALENDAR ] && [ "$last" = END:VCALENDAR ] && [ "${events:-0}" -ge 20 ]; then
    pass "the calendar is published: $output, $events events"
else
    fail "no proper calendar at $output" "first line: $first" "last line: $last" "events: ${events:-none}"
fi
owner_mode=$(in_ns stat -c '%U %a' "$output" 2>/dev/null)
if [ "$owner_mode" = "www-data 644" ]; then
    pass "written by the service's user, readable by the web server and everyone (www-data 644)"
else
    fail "owner and mode are $owner_mode, not www-data 644"
fi
leftovers=$(in_ns ls -A /var/www/html/tickler | grep -vx tickler.ics)
if [ -z "$leftovers" ]; then
    pass "no temporary file is left beside it"
else
    fail "files left in /var/www/html/tickler: $leftovers"
fi

# With ticklerd running, the export marks what people ended: acknowledge an occurrence, publish again. The service's
# group is tickler, so ticklerd's control socket lets it read the history.
in_ns sh -ec "
    install -m 0755 $T/build/ticklerd /usr/local/bin/ticklerd
    sed -e 's|/usr/bin/ticklerd|/usr/local/bin/ticklerd|' $T/checkout/Deploy/ticklerd.service \
        >/etc/systemd/system/ticklerd.service
    install -m 0644 $T/checkout/Deploy/ticklerd.socket /etc/systemd/system/ticklerd.socket
    systemctl daemon-reload
    systemctl start ticklerd.service
" >"$work/ticklerd.log" 2>&1
acked=spring-festival-greetings-guangxi
marked() {
    in_ns awk -v uid="UID:$acked/" 'BEGIN { RS = "BEGIN:VEVENT" } index($0, uid) && /ACKNOWLEDGED:[0-9]+T[0-9]+Z/ { n++ }
        END { print n + 0 }' "$output" 2>/dev/null
}
if in_ns ticklerctl ack "$acked" --note "sent by the ICS test" >"$work/ack.log" 2>&1 \
    && in_ns systemctl start tickler-ics.service 2>"$work/start2.log" && [ "$(marked)" = 1 ]; then
    pass "after ticklerctl ack, the published occurrence's alarms carry ACKNOWLEDGED (RFC 9074): $(cat "$work/ack.log")"
else
    fail "the acknowledged occurrence is not marked in the calendar (marked: $(marked))" "$(cat "$work/ticklerd.log")" \
        "$(cat "$work/ack.log")" "$(cat "$work/start2.log")" "$(journal | tail -n 5)"
fi

# A schedule with an error: the run fails, the journal says where, the published file stays as it was.
before=$(in_ns sha256sum "$output" | cut -d' ' -f1)
in_ns sh -c 'printf "\n[[obligation]]\nid = \"broken\"\ntitle = \"x\"\nevery = \"5q\"\nstart = \"2027-01-01\"\n" \
    >>/etc/tickler/schedule.toml'
if ! in_ns systemctl start tickler-ics.service 2>/dev/null \
    && [ "$(in_ns systemctl show -p Result --value tickler-ics.service)" = exit-code ]; then
    pass "a schedule with an error fails the run (Result=exit-code)"
else
    fail "the run with a broken schedule did not fail"
fi
if journal | grep -q 'schedule.toml:[0-9]*:[0-9]*: obligation "broken": key "every"'; then
    pass "journalctl -u tickler-ics names the error's place"
else
    fail "the journal does not name the error" "$(journal | tail -n 5)"
fi
if [ "$(in_ns sha256sum "$output" | cut -d' ' -f1)" = "$before" ]; then
    pass "the published calendar is left as it was"
else
    fail "the published calendar changed after a failed run"
fi

exposure=$(in_ns systemd-analyze security --no-pager tickler-ics.service 2>/dev/null | sed -n 's/.*Overall exposure level for tickler-ics.service: \([0-9.]*\).*/\1/p')
if [ -n "$exposure" ] && awk -v e="$exposure" 'BEGIN { exit !(e <= 1.0) }'; then
    pass "systemd-analyze security rates tickler-ics.service $exposure"
else
    fail "systemd-analyze security rates tickler-ics.service ${exposure:-?}, above 1.0"
fi

echo "ics-system: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
