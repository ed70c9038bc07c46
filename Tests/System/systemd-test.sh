#!/usr/bin/env bash
# System test: ticklerd installed with Deploy/install.sh and run by real systemd (252 on Debian 12).
#
#   bash Tests/System/systemd-test.sh [BIN_DIR]     BIN_DIR holds built ticklerd and ticklerctl
#                                                   (default $TICKLER_BUILD_DIR, else .build/debug)
#
# systemd runs as PID 1 of a private PID+mount namespace. Nothing leaks to the host: inside, /run and /tmp are
# fresh tmpfs, /etc, /var and /usr are overlays whose upper layers live in that /run, and /etc/systemd/system
# is an empty tmpfs; killing PID 1 ends the namespace and drops all of it. Nothing leaks in either: what Tickler
# left on the host (/etc/tickler, /var/lib/tickler, binaries, units) is deleted inside the overlays first.
# It installs with Deploy/install.sh, checks the service, uninstalls; then installs the package Deploy/build-deb.sh
# makes of the same binaries with apt-get, checks it, and purges it. Needs root; skipped (exit 0, with the
# reason) otherwise. Ends with "system: N passed, M failed"; exits 1 if anything failed.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "$here/../.." && pwd)
skip() { echo "system: skipped: $*"; exit 0; }

[ "$(id -u)" -eq 0 ] || skip "needs root to run systemd as PID 1 of a private namespace (CI runs as root)"
for tool in unshare nsenter systemctl journalctl systemd-analyze python3; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool not found"
done
[ -x /lib/systemd/systemd ] || skip "/lib/systemd/systemd not found"
unshare --fork --pid --mount --mount-proc --propagation private true 2>/dev/null \
    || skip "unshare --pid --mount is not permitted here"

# Two runs at once, from this checkout or another, would share the host's top-level cgroups
# (system.slice/ticklerd.service; a restart then fails with 219/CGROUP): take turns on one lock for the machine.
lock=/run/lock/tickler-system-test.lock
[ -d /run/lock ] || lock=/tmp/tickler-system-test.lock
exec 9>>"$lock"
flock -w 900 9 || skip "another system test has held $lock for 15 minutes"

bin_dir=${1:-${TICKLER_BUILD_DIR:-.build/debug}}
for binary in ticklerd ticklerctl; do
    if [ ! -x "$bin_dir/$binary" ]; then
        echo "system: $bin_dir/$binary not found: build it first (swift build)"
        echo "system: 0 passed, 1 failed"
        exit 1
    fi
done
bin_dir=$(cd "$bin_dir" && pwd)

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "not ok - $1"; shift; for line in "$@"; do echo "  $line"; done; }

# --- the namespace -------------------------------------------------------------------------------------------------
work=$(mktemp -d /tmp/tickler-system.XXXXXX)
units="$work/units"
mkdir "$units"
for target in sysinit basic multi-user sockets paths timers slices local-fs swap shutdown; do
    cp "/lib/systemd/system/$target.target" "$units/"
done
cp /lib/systemd/system/systemd-journald{.service,.socket,-dev-log.socket} "$units/"
printf '[Unit]\nWants=systemd-journald.service\n' >"$units/sandbox.target"

# Cgroups the nested systemd creates at the top of each hierarchy stay behind after PID 1 dies: note what exists.
cgroups_before=$(find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d 2>/dev/null | sort)

# Runs inside the new namespaces, before systemd: private /run, overlays over what the test writes, private /tmp;
# the build and the checkout stay visible, read-only, under /run/tickler-test.
setup='set -e
mount -t tmpfs -o mode=0755 tmpfs /run
T=/run/tickler-test
mkdir -p $T/build $T/checkout
cp -a "$WORK/units" $T/units
for dir in build:"$BIN" checkout:"$CHECKOUT"; do
    mount --bind "${dir#*:}" $T/${dir%%:*}
    mount -o remount,bind,ro $T/${dir%%:*}
done
for dir in /etc /var /usr; do
    layer=$T/overlay$(echo $dir | tr / _)
    mkdir -p $layer/upper $layer/work
    mount -t overlay overlay -o lowerdir=$dir,upperdir=$layer/upper,workdir=$layer/work $dir
done
mount -t tmpfs -o mode=0755 tmpfs /etc/systemd/system
# The package installs its unit into /lib/systemd/system: an empty tmpfs there, so that systemd sees that unit and
# none of those of the host.
mount -t tmpfs -o mode=0755 tmpfs /usr/lib/systemd/system
# Whatever Tickler left on the host (a stray /var/lib/tickler, an old install) is deleted in the overlays only:
# every run starts from nothing.
rm -rf /etc/tickler /var/lib/tickler /var/lib/private/tickler /usr/local/bin/ticklerd /usr/local/bin/ticklerctl \
    /usr/bin/ticklerd /usr/bin/ticklerctl /lib/systemd/system/ticklerd.service /lib/systemd/system/ticklerd.socket \
    /var/lib/systemd/deb-systemd-helper-enabled/ticklerd.service.dsh-also \
    /var/lib/systemd/deb-systemd-helper-enabled/multi-user.target.wants/ticklerd.service
# A container image may forbid maintainer scripts to start services (Docker: policy-rc.d exits 101); a Debian
# host has no such file, and this namespace is one.
rm -f /usr/sbin/policy-rc.d
mount -t tmpfs -o mode=1777 tmpfs /tmp
exec env container=tickler-test SYSTEMD_UNIT_PATH=$T/units:/etc/systemd/system:/lib/systemd/system \
    /lib/systemd/systemd --system --unit=sandbox.target'
WORK=$work BIN=$bin_dir CHECKOUT=$checkout \
    unshare --fork --pid --mount --mount-proc --propagation private sh -c "$setup" >"$work/systemd.log" 2>&1 &
unshare_pid=$!
pid1=""

cleanup() {
    [ -n "$pid1" ] && kill -9 "$pid1" 2>/dev/null
    kill -9 "$unshare_pid" 2>/dev/null
    wait "$unshare_pid" 2>/dev/null
    local cgroups_after dir attempt
    cgroups_after=$(find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d 2>/dev/null | sort)
    for dir in $(comm -13 <(echo "$cgroups_before") <(echo "$cgroups_after")); do
        for attempt in 1 2 3 4 5; do
            find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null
            [ -d "$dir" ] || break
            sleep 0.2
        done
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for _ in $(seq 50); do
    pid1=$(pgrep -P "$unshare_pid" | head -n 1)
    [ -n "$pid1" ] && break
    sleep 0.1
done
in_ns() { nsenter -t "$pid1" -m -p -- "$@"; }
export SYSTEMD_PAGER= SYSTEMD_COLORS=0 LC_ALL=C.UTF-8

booted=no
for _ in $(seq 100); do
    state=$(in_ns systemctl is-system-running 2>/dev/null)
    case "$state" in running | degraded) booted=yes; break ;; esac
    sleep 0.2
done
if [ "$booted" != yes ]; then
    echo "system: systemd did not come up in the namespace (state: ${state:-none}):"
    tail -n 20 "$work/systemd.log"
    echo "system: 0 passed, 1 failed"
    exit 1
fi
echo "system: systemd $(in_ns systemctl --version | head -n 1 | cut -d' ' -f2) is PID 1 of a private namespace"

# --- helpers -------------------------------------------------------------------------------------------------------
entries() { in_ns journalctl -u ticklerd.service -o json --no-pager "$@" 2>/dev/null; }
count() { entries "$@" | grep -c .; }
# Checks the entry on stdin (see check-entry.py); what is wrong goes to $work/check.log, shown by `problems`.
check_entry() { python3 "$here/check-entry.py" "$@" >"$work/check.log"; }
problems() { cat "$work/check.log"; }
status_text() { in_ns systemctl show -p StatusText --value ticklerd.service; }
property() { in_ns systemctl show -p "$1" --value ticklerd.service; }
wait_until() {
    local seconds=$1
    shift
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.5
    done
}
has_events() { [ "$(count TICKLER_EVENT="$1" ${2:+TICKLER_OBLIGATION=$2})" -ge "${3:-1}" ]; }
status_matches() { status_text | grep -Ei "$1" >/dev/null; }
journal_tail() { in_ns journalctl -u ticklerd.service --no-pager -n 15 -o cat 2>/dev/null | sed 's/^/  | /'; }
write_schedule() { in_ns sh -c 'mkdir -p /etc/tickler && cat >/etc/tickler/schedule.toml'; }

# --- install and start ---------------------------------------------------------------------------------------------
id=system-test-once
title="Kiểm tra hệ thống: gửi thư chúc mừng"
due=$(date -u -d '+25 seconds' +%Y-%m-%dT%H:%M:%S)
# A one-off obligation due 25 s from now, reminded 10 s before: both entries come while the test watches.
first_schedule() {
    cat <<TOML
# Written by Tests/System/systemd-test.sh
[[obligation]]
id = "$id"
title = "$title"
once = "$due"
timezone = "UTC"
remind = ["10s"]
TOML
}
first_schedule | write_schedule
# A short watchdog, so that the run below spans several intervals: a missed ping would show as a restart.
in_ns sh -c 'mkdir -p /etc/systemd/system/ticklerd.service.d \
    && printf "[Service]\nWatchdogSec=6s\n" >/etc/systemd/system/ticklerd.service.d/50-watchdog.conf'

if in_ns /run/tickler-test/checkout/Deploy/install.sh --bindir-from /run/tickler-test/build \
    >"$work/install.log" 2>&1; then
    pass "install.sh installs and starts ticklerd (prebuilt binaries)"
else
    fail "install.sh failed" "$(tail -n 20 "$work/install.log")"
fi
if in_ns grep -q "$id" /etc/tickler/schedule.toml; then
    pass "install.sh keeps an existing /etc/tickler/schedule.toml"
else
    fail "install.sh replaced the existing schedule"
fi
if [ "$(in_ns systemctl is-active ticklerd.service)" = active ] && [ "$(property Type)" = notify ]; then
    pass "ticklerd.service is active (Type=notify, started after READY=1)"
else
    fail "ticklerd.service is not active" "$(in_ns systemctl status --no-pager ticklerd.service 2>&1 | head -n 15)"
fi
if [ "$(property ExecMainPID)" != 0 ] && in_ns sh -c 'ps -o user= -p "$(systemctl show -p MainPID --value ticklerd)"' \
    | grep -v '^root$' >/dev/null; then
    pass "ticklerd runs as an unprivileged dynamic user"
else
    fail "ticklerd's user is root or unknown"
fi
if status_matches '(^|[^0-9])1 obligation'; then
    pass "StatusText names the obligation count: $(status_text)"
else
    fail "StatusText does not say 1 obligation" "StatusText=$(status_text)"
fi
echo "none appeared in time" >"$work/check.log"
if wait_until 10 has_events started \
    && entries TICKLER_EVENT=started | check_entry TICKLER_EVENT=started PRIORITY=6 SYSLOG_IDENTIFIER=ticklerd \
        MESSAGE_ID=06a01c068e364f58b33fb70dd5aaf78b MESSAGE; then
    pass "a started entry is in the journal"
else
    fail "no proper started entry" "$(problems)"
fi

# --- reminders in the journal --------------------------------------------------------------------------------------
due_pattern="${due}(\\+00:00|Z)"
echo "none appeared in time" >"$work/check.log"
if wait_until 40 has_events reminder "$id" \
    && entries TICKLER_EVENT=reminder TICKLER_OBLIGATION="$id" | check_entry TICKLER_EVENT=reminder \
        TICKLER_OBLIGATION="$id" "TICKLER_DUE~$due_pattern" TICKLER_LEAD=10s TICKLER_TITLE="$title" \
        "MESSAGE~.*$title.*" PRIORITY=5 MESSAGE_ID=e6b96e6c4b04453280eecc44e0bb39aa SYSLOG_IDENTIFIER=ticklerd \
        CODE_FILE CODE_LINE CODE_FUNC; then
    pass "the 10s reminder is in journalctl -u ticklerd -o json with all its fields"
else
    fail "no proper reminder entry for $id (due $due UTC)" "$(problems)" "$(journal_tail)"
fi
echo "none appeared in time" >"$work/check.log"
if wait_until 30 has_events due "$id" \
    && entries TICKLER_EVENT=due TICKLER_OBLIGATION="$id" | check_entry TICKLER_EVENT=due TICKLER_OBLIGATION="$id" \
        "TICKLER_DUE~$due_pattern" TICKLER_TITLE="$title" "MESSAGE~.*$title.*" PRIORITY=4 \
        MESSAGE_ID=f4e291e60b98407581fcb1e702e90334 SYSLOG_IDENTIFIER=ticklerd; then
    pass "the due entry follows at the due time"
else
    fail "no proper due entry for $id" "$(problems)" "$(journal_tail)"
fi

# --- reload ------------------------------------------------------------------------------------------------------
next_year=$(($(date -u +%Y) + 1))
# The valid edit: a second obligation, next year.
valid_schedule() {
    first_schedule
    cat <<TOML

[[obligation]]
id = "system-test-later"
title = "Gia hạn thỏa thuận lao động"
once = "$next_year-06-30"
timezone = "UTC"
TOML
}
valid_schedule | write_schedule
reloaded_before=$(count TICKLER_EVENT=reloaded)
if in_ns systemctl reload ticklerd.service 2>"$work/reload.log"; then
    status_after_reload=$(status_text)
    if echo "$status_after_reload" | grep -Ei '(^|[^0-9])2 obligations' >/dev/null; then
        pass "systemctl reload returns after READY=1 with the new schedule: $status_after_reload"
    elif wait_until 10 status_matches '(^|[^0-9])2 obligations'; then
        fail "reload took effect only after systemctl reload returned" "StatusText then: $status_after_reload"
    else
        fail "the valid edit did not change the schedule" "StatusText=$(status_text)" "$(journal_tail)"
    fi
else
    fail "systemctl reload failed" "$(cat "$work/reload.log")" "$(journal_tail)"
fi
echo "none appeared in time" >"$work/check.log"
if wait_until 10 has_events reloaded "" $((reloaded_before + 1)) \
    && entries TICKLER_EVENT=reloaded | check_entry --index -1 TICKLER_EVENT=reloaded PRIORITY=6 \
        MESSAGE_ID=22384202e98e4b2fa697542d80b8a09e; then
    pass "a reloaded entry is in the journal"
else
    fail "no proper reloaded entry" "$(problems)"
fi

# --- restart does not repeat -------------------------------------------------------------------------------------
reminders_before=$(count TICKLER_EVENT=reminder TICKLER_OBLIGATION="$id")
dues_before=$(count TICKLER_EVENT=due TICKLER_OBLIGATION="$id")
started_before=$(count TICKLER_EVENT=started)
if in_ns systemctl restart ticklerd.service && wait_until 10 has_events started "" $((started_before + 1)); then
    sleep 3 # anything missed while stopped fires right after start; give it the chance to (wrongly) repeat
    reminders_after=$(count TICKLER_EVENT=reminder TICKLER_OBLIGATION="$id")
    dues_after=$(count TICKLER_EVENT=due TICKLER_OBLIGATION="$id")
    if [ "$reminders_before" -ge 1 ] && [ "$dues_before" -ge 1 ] && [ "$reminders_after" = "$reminders_before" ] \
        && [ "$dues_after" = "$dues_before" ]; then
        pass "systemctl restart does not repeat fired reminders ($reminders_after reminder, $dues_after due)"
    else
        fail "restart: no reminder and due entry had fired before, or the restart repeated them" \
            "reminder entries: $reminders_before -> $reminders_after" "due entries: $dues_before -> $dues_after"
    fi
else
    fail "systemctl restart failed" "$(journal_tail)"
fi

# --- the control socket: ack, snooze, status, history, as root, as a member of tickler, refused to others -------
ctl=/usr/local/bin/ticklerctl
permission_line='ticklerctl: permission denied: acknowledging needs root or membership of group "tickler"'
# Runs ticklerctl as user $1 (root, or one made here) with the rest as arguments; stdout+stderr in $work/ctl.log.
ctl_as() {
    local user=$1
    shift
    in_ns runuser -u "$user" -- env SYSTEMD_PAGER= "$ctl" "$@" >"$work/ctl.log" 2>&1
}
ctl_log() { cat "$work/ctl.log"; }
in_ns useradd --no-create-home --groups tickler tickler-member 2>/dev/null
in_ns useradd --no-create-home tickler-outsider 2>/dev/null
socket_mode=$(in_ns stat -c '%a %U %G %F' /run/tickler/control.socket 2>&1)
if [ "$(in_ns systemctl is-active ticklerd.socket)" = active ] && [ "$socket_mode" = "660 root tickler socket" ]; then
    pass "ticklerd.socket listens on /run/tickler/control.socket (mode 0660, root:tickler)"
else
    fail "the control socket is missing or has the wrong mode" "$socket_mode" \
        "$(in_ns systemctl status --no-pager ticklerd.socket 2>&1 | head -n 8)"
fi
# An obligation due in a few seconds, first seen now: once due it is open, for the members to act on.
control_id=system-test-control
control_due=$(date -u -d '+6 seconds' +%Y-%m-%dT%H:%M:%S)
control_schedule() {
    valid_schedule
    printf '\n[[obligation]]\nid = "%s"\ntitle = "Gửi công văn"\nonce = "%s"\ntimezone = "UTC"\n' \
        "$control_id" "$control_due"
}
control_schedule | write_schedule
in_ns systemctl reload ticklerd.service || fail "reload with $control_id failed" "$(journal_tail)"
wait_until 30 has_events due "$control_id" || fail "$control_id did not fall due" "$(journal_tail)"
if ctl_as root status && grep -q '^● ticklerd is running: pid ' "$work/ctl.log" \
    && grep -Eq 'Schedule: /etc/tickler \(3 obligations\)' "$work/ctl.log"; then
    pass "ticklerctl status (root) shows the running daemon: $(grep Occurrences "$work/ctl.log" | sed 's/^ *//')"
else
    fail "ticklerctl status as root failed" "$(ctl_log)"
fi
if ctl_as root snooze "$control_id" --for 1h --note "đợi đối tác" && grep -q '→ snoozed' "$work/ctl.log"; then
    pass "ticklerctl snooze as root: $(ctl_log)"
else
    fail "ticklerctl snooze as root failed" "$(ctl_log)"
fi
if ctl_as tickler-member ack "$control_id" --note "sent by the member" && grep -q '→ acknowledged' "$work/ctl.log"; then
    pass "ticklerctl ack as a member of tickler: $(ctl_log)"
else
    fail "ticklerctl ack as a member of tickler failed" "$(ctl_log)"
fi
if ctl_as tickler-member snooze "$id" --for 2h && grep -q '→ snoozed' "$work/ctl.log" \
    && ctl_as root ack "$id" --note "sent by root" && grep -q '→ acknowledged' "$work/ctl.log"; then
    pass "ticklerctl snooze as a member and ack as root: $(ctl_log)"
else
    fail "snooze as a member or ack as root of $id failed" "$(ctl_log)"
fi
ctl_as root ack "$id"
if [ $? -eq 1 ] && grep -q '^ticklerctl: ' "$work/ctl.log"; then
    pass "acknowledging it again is refused with exit status 1: $(ctl_log)"
else
    fail "a second ack of $id was not refused" "$(ctl_log)"
fi
outsider_ok=yes
for verb in "ack $id" "snooze $id --for 1h" "status" "history $id"; do
    # shellcheck disable=SC2086
    ctl_as tickler-outsider $verb
    status=$?
    if [ "$status" -ne 4 ] || [ "$(ctl_log)" != "$permission_line" ]; then
        outsider_ok=no
        fail "ticklerctl $verb as a user outside tickler: exit $status, not 4 with the refusal" "$(ctl_log)"
    fi
done
[ "$outsider_ok" = yes ] && pass "a user outside tickler gets exit status 4 and '$permission_line' (ack, snooze, status, history)"
echo "none appeared in time" >"$work/check.log"
if wait_until 5 has_events acknowledged "$control_id" \
    && entries TICKLER_EVENT=acknowledged TICKLER_OBLIGATION="$control_id" | check_entry TICKLER_EVENT=acknowledged \
        TICKLER_OBLIGATION="$control_id" TICKLER_USER=tickler-member "TICKLER_NOTE=sent by the member" \
        "TICKLER_DUE~${control_due}(\\+00:00|Z)" MESSAGE_ID SYSLOG_IDENTIFIER=ticklerd \
    && entries TICKLER_EVENT=snoozed TICKLER_OBLIGATION="$control_id" | check_entry TICKLER_EVENT=snoozed \
        TICKLER_USER=root "TICKLER_NOTE=đợi đối tác" MESSAGE_ID; then
    pass "the journal has snoozed (TICKLER_USER=root) and acknowledged (TICKLER_USER=tickler-member) entries"
else
    fail "no proper acknowledged/snoozed entries for $control_id" "$(problems)" "$(journal_tail)"
fi
started_before=$(count TICKLER_EVENT=started)
in_ns systemctl restart ticklerd.service && wait_until 10 has_events started "" $((started_before + 1))
# As a member outside adm and systemd-journal: the history on stdout, and on stderr the note that delivery
# outcomes from the journal may be missing.
if in_ns runuser -u tickler-member -- env SYSTEMD_PAGER= "$ctl" history "$control_id" --json \
        >"$work/ctl.log" 2>"$work/ctl.err" && python3 -c '
import json, sys
entries = json.load(open(sys.argv[1]))
events = [(e["event"], e.get("user")) for e in entries]
assert ("due", None) in events, events
assert events.index(("snoozed", "root")) < events.index(("acknowledged", "tickler-member")), events
' "$work/ctl.log" && grep -q 'delivery outcomes come from the journal, where you see only your own' "$work/ctl.err"; then
    pass "ticklerctl history after a restart: due, snoozed by root, acknowledged by the member, oldest first"
else
    fail "ticklerctl history after a restart is wrong" "$(ctl_log)" "$(cat "$work/ctl.err")"
fi
after_restart=$(count TICKLER_EVENT=overdue TICKLER_OBLIGATION="$id")
sleep 2
if ctl_as root list --no-pager && grep -q "listed, from the running ticklerd" "$work/ctl.log" \
    && grep -Eq "^- +- +- +$control_id " "$work/ctl.log" && grep -Eq " upcoming +system-test-later " "$work/ctl.log" \
    && [ "$(count TICKLER_EVENT=overdue TICKLER_OBLIGATION="$id")" = "$after_restart" ]; then
    pass "ticklerctl list answers from the daemon (no open occurrence left of the acknowledged ones); nothing more fires"
else
    fail "ticklerctl list from the daemon is wrong" "$(ctl_log)"
fi
valid_schedule | write_schedule
in_ns systemctl reload ticklerd.service || fail "reload back to two obligations failed" "$(journal_tail)"

# --- a refused reload: systemctl reload fails, the journal says why, the old schedule keeps running ------------------
# Lines at PRIORITY=3 (or $2) of the unit's journal containing $1 (a fixed string).
journal_lines() { in_ns journalctl -u ticklerd.service -p "${2:-err}" -o cat --no-pager 2>/dev/null | grep -cF -- "$1"; }
broken_schedule() {
    valid_schedule
    printf '\n[[obligation]]\nid = "broken"\ntitle = "this line is fine" but this is not TOML\n'
}
broken_schedule | write_schedule
main_pid=$(property MainPID)
refused_before=$(journal_lines "/etc/tickler/schedule.toml:")
if in_ns systemctl reload ticklerd.service 2>"$work/reload.log"; then
    fail "systemctl reload exited 0 on a schedule the daemon refuses" "$(journal_tail)"
else
    pass "systemctl reload exits non-zero on a refused schedule: $(head -n 1 "$work/reload.log")"
fi
if wait_until 10 test "$(journal_lines "/etc/tickler/schedule.toml:")" -gt "$refused_before"; then
    pass "the journal says why, at priority err: $(in_ns journalctl -u ticklerd.service -p err -o cat --no-pager \
        | grep -F /etc/tickler/schedule.toml: | tail -n 1 | cut -c1-100)"
else
    fail "no error naming /etc/tickler/schedule.toml in journalctl -u ticklerd -p err" "$(journal_tail)"
fi
if [ "$(in_ns systemctl is-active ticklerd.service)" = active ] && [ "$(property MainPID)" = "$main_pid" ] \
    && status_matches '(^|[^0-9])2 obligations' && ! status_matches 'fail'; then
    pass "after a refused reload the daemon, never signalled, runs the old schedule: $(status_text)"
else
    fail "a refused reload did not keep the old schedule" "StatusText=$(status_text)" \
        "ActiveState=$(property ActiveState) MainPID $main_pid -> $(property MainPID)"
fi

# The daemon's own reload (SIGHUP, as before) still refuses and reports the schedule itself.
failed_before=$(count TICKLER_EVENT=reload-failed)
in_ns systemctl kill --kill-who=main -s HUP ticklerd.service
echo "none appeared in time" >"$work/check.log"
if wait_until 10 has_events reload-failed "" $((failed_before + 1)) \
    && entries TICKLER_EVENT=reload-failed | check_entry --index -1 TICKLER_EVENT=reload-failed PRIORITY=3 \
        MESSAGE_ID=34cd325ee4054372bd579f345a53ecba "MESSAGE~.*schedule\.toml.*"; then
    pass "SIGHUP with an invalid edit logs reload-failed (PRIORITY=3) naming the file"
else
    fail "no proper reload-failed entry" "$(problems)" "$(journal_tail)"
fi
if wait_until 5 status_matches 'fail' && [ "$(in_ns systemctl is-active ticklerd.service)" = active ] \
    && status_matches '(^|[^0-9])2 obligations'; then
    pass "after a failed SIGHUP reload it keeps running the old schedule and says so: $(status_text)"
else
    fail "a failed reload did not keep the old schedule, or StatusText does not tell" "StatusText=$(status_text)" \
        "ActiveState=$(property ActiveState)"
fi

# A drop-in the dynamic user cannot read (root's, mode 0600) is refused by the reload and by ticklerctl validate;
# mode 0640 with group tickler (SupplementaryGroups=) is read.
valid_schedule | write_schedule
secret=/etc/tickler/schedule.d/30-secret.toml
in_ns sh -c "mkdir -p /etc/tickler/schedule.d && umask 077 && printf '[[obligation]]\nid = \"secret\"\ntitle = \"S\"\nonce = \"$next_year-07-01\"\ntimezone = \"UTC\"\n' >$secret"
if ! in_ns systemctl reload ticklerd.service 2>/dev/null \
    && wait_until 10 test "$(journal_lines "$secret: cannot read the file")" -ge 1; then
    pass "a 0600 root drop-in: systemctl reload fails, the journal says 'cannot read the file'"
else
    fail "a drop-in the service cannot read did not fail the reload" "$(journal_tail)"
fi
validate_output=$(in_ns /usr/local/bin/ticklerctl validate 2>&1)
if [ $? -ne 0 ] && grep -qF "$secret: ticklerd's service user cannot read this (mode 0600" <<<"$validate_output"; then
    pass "ticklerctl validate (as root) reports the drop-in the service user cannot read"
else
    fail "ticklerctl validate passed or did not explain the unreadable drop-in" "$validate_output"
fi
in_ns sh -c "chgrp tickler $secret && chmod 0640 $secret"
if in_ns /usr/local/bin/ticklerctl validate >/dev/null 2>&1 && in_ns systemctl reload ticklerd.service \
    && status_matches '(^|[^0-9])3 obligations'; then
    pass "a drop-in of mode 0640 and group tickler is read (SupplementaryGroups=tickler): $(status_text)"
else
    fail "the 0640 root:tickler drop-in was not read" "StatusText=$(status_text)" "$(journal_tail)"
fi

# Deleting schedule.toml loses its [defaults]: accepted, with a warning in the journal.
in_ns mv /etc/tickler/schedule.toml /etc/tickler/schedule.toml.away
warnings_before=$(journal_lines "warning: no main schedule file" warning)
if in_ns systemctl reload ticklerd.service && status_matches '(^|[^0-9])1 obligation' \
    && wait_until 10 test "$(journal_lines "warning: no main schedule file" warning)" -ge $((warnings_before + 2)); then
    pass "a deleted schedule.toml is accepted with a warning (PRIORITY=4, from the check and the daemon)"
else
    fail "no warning for the missing schedule.toml" "StatusText=$(status_text)" "$(journal_tail)"
fi
in_ns mv /etc/tickler/schedule.toml.away /etc/tickler/schedule.toml
in_ns rm -f "$secret"
in_ns systemctl reload ticklerd.service || fail "reload after restoring the schedule failed" "$(journal_tail)"

# Nothing at notice or above that is not a Tickler event or one of the problems provoked above; in particular no
# "Failed to set thread priority for worker thread" from Dispatch. ticklerd runs on its own epoll loop, so Dispatch's
# event thread (nice -4) never starts, and its only Dispatch workers (GRDB's) ask for nice 0: not one such line, even
# here, where RLIMIT_NICE cannot be raised.
nice_limit=$(in_ns sh -c 'sed -n "s/^Max nice priority *\([0-9]*\).*/\1/p" /proc/$(systemctl show -p MainPID --value ticklerd)/limits')
noise=$(entries -p notice | python3 -c '
import json, re, sys
provoked = re.compile(r"^(/etc/tickler/\S+: |ticklerd: /etc/tickler: )")
for line in sys.stdin:
    entry = json.loads(line)
    message = entry.get("MESSAGE", "")
    if isinstance(message, list):
        message = bytes(message).decode("utf-8", "replace")
    if entry.get("_PID") == "1" or "TICKLER_EVENT" in entry or provoked.match(message):
        continue
    print(entry.get("PRIORITY", "?"), entry.get("SYSLOG_IDENTIFIER", "?"), message[:150])
')
priority_lines=$(entries | grep -c "Failed to set thread priority" || true)
if [ -z "$noise" ] && [ "$priority_lines" = 0 ] && [ "$(count -p notice TICKLER_EVENT=reminder)" -ge 1 ]; then
    pass "journalctl -u ticklerd -p notice holds only Tickler events and the provoked problems, and no \
thread-priority line at any priority ($SECONDS s; RLIMIT_NICE ${nice_limit:-?})"
else
    fail "journalctl -u ticklerd has other entries at notice, or $priority_lines thread-priority lines" "$noise"
fi
if [ "$(property NRestarts)" = 0 ] && [ "$(property WatchdogUSec)" = 6s ]; then
    pass "no restarts by systemd: watchdog pings arrive (WatchdogSec=6s over $SECONDS s)"
else
    fail "systemd restarted ticklerd $(property NRestarts) times" "$(journal_tail)"
fi

# --- time-zone change ----------------------------------------------------------------------------------------------
# As timedatectl set-timezone does it: a new link renamed over /etc/localtime. The sandboxed daemon notices it at once
# (inotify), without a restart or reload.
zone_before=$(count TICKLER_EVENT=zone-changed)
in_ns sh -c 'ln -sfn ../usr/share/zoneinfo/Asia/Ho_Chi_Minh /etc/.localtime.new && mv -T /etc/.localtime.new /etc/localtime'
echo "none appeared in time" >"$work/check.log"
if wait_until 10 has_events zone-changed "" $((zone_before + 1)) \
    && entries TICKLER_EVENT=zone-changed | check_entry --index -1 TICKLER_EVENT=zone-changed PRIORITY=5 \
        MESSAGE_ID=3c2b0752cd0d4b469123b15d82ab29e8 "MESSAGE~.*to Asia/Ho_Chi_Minh.*"; then
    pass "replacing /etc/localtime logs zone-changed (PRIORITY=5) without a restart"
else
    fail "no proper zone-changed entry after /etc/localtime was replaced" "$(problems)" "$(journal_tail)"
fi

# --- stop ----------------------------------------------------------------------------------------------------------
stopping_before=$(count TICKLER_EVENT=stopping)
if in_ns systemctl stop ticklerd.service && [ "$(property Result)" = success ] \
    && [ "$(property ExecMainStatus)" = 0 ] && [ "$(property ActiveState)" = inactive ]; then
    pass "systemctl stop is clean (Result=success, exit status 0)"
else
    fail "systemctl stop was not clean" "Result=$(property Result) ExecMainCode=$(property ExecMainCode)" \
        "ExecMainStatus=$(property ExecMainStatus) ActiveState=$(property ActiveState)"
fi
if wait_until 10 has_events stopping "" $((stopping_before + 1)); then
    pass "a stopping entry is in the journal"
else
    fail "no stopping entry" "$(journal_tail)"
fi
ctl_as root status
status=$?
if [ "$status" -eq 3 ] && grep -q '^○ ticklerd is not running' "$work/ctl.log" \
    && grep -q 'planned from the files' "$work/ctl.log" && [ "$(in_ns systemctl is-active ticklerd.socket)" != active ] \
    && ! in_ns test -e /run/tickler/control.socket; then
    pass "after systemctl stop, the socket is gone too and ticklerctl status exits 3: $(head -n 1 "$work/ctl.log")"
else
    fail "ticklerctl status without the daemon: exit $status" "$(ctl_log)" \
        "ticklerd.socket: $(in_ns systemctl is-active ticklerd.socket)"
fi
if ctl_as root upcoming -n 1 && grep -q 'ticklerd is not running .*planning from the files in /etc/tickler' "$work/ctl.log"; then
    pass "ticklerctl upcoming without the daemon plans from the files and says so"
else
    fail "ticklerctl upcoming without the daemon" "$(ctl_log)"
fi

# --- sandbox rating, catalog ---------------------------------------------------------------------------------------
exposure=$(in_ns systemd-analyze security --no-pager ticklerd.service 2>/dev/null \
    | sed -n 's/.*Overall exposure level for ticklerd.service: \([0-9.]*\).*/\1/p')
if [ -n "$exposure" ] && python3 -c "import sys; sys.exit(0 if float('$exposure') <= 1.0 else 1)"; then
    pass "systemd-analyze security ticklerd.service rates exposure $exposure (at most 1.0)"
else
    fail "systemd-analyze security ticklerd.service rates exposure '${exposure:-?}', more than 1.0"
fi
catalog=$(in_ns journalctl --list-catalog 2>/dev/null)
if grep -q '^e6b96e6c4b04453280eecc44e0bb39aa' <<<"$catalog"; then
    pass "the message catalog is installed and compiled"
else
    fail "journalctl --list-catalog does not know Tickler's MESSAGE_IDs"
fi

# --- the Systemd module's journald tests, which skip on a host without journald -----------------------------------
test_bundle=$(cd "$bin_dir" && ls -d ./*PackageTests.xctest 2>/dev/null | head -n 1)
if [ -n "$test_bundle" ]; then
    in_ns "/run/tickler-test/build/$test_bundle" --testing-library swift-testing --filter JournaldTests \
        >"$work/journald-tests.log" 2>&1
    result=$?
    if [ "$result" -eq 0 ] && grep -q 'Test run with 3 tests' "$work/journald-tests.log" \
        && ! grep -q 'skipped' "$work/journald-tests.log"; then
        pass "SystemdTests' JournaldTests pass against this journald (entries read back with journalctl -o json)"
    else
        fail "JournaldTests failed or skipped under real journald (exit $result)" \
            "$(grep -E 'Test|skipped|Expectation' "$work/journald-tests.log" | tail -n 8)"
    fi
fi

# --- uninstall -----------------------------------------------------------------------------------------------------
if in_ns /run/tickler-test/checkout/Deploy/uninstall.sh >"$work/uninstall.log" 2>&1 \
    && ! in_ns test -e /etc/systemd/system/ticklerd.service && ! in_ns test -e /etc/systemd/system/ticklerd.socket \
    && ! in_ns test -e /usr/local/bin/ticklerd \
    && in_ns test -f /etc/tickler/schedule.toml && in_ns test -d /var/lib/private/tickler; then
    pass "uninstall.sh removes binaries and unit, keeps the schedule and the state"
else
    fail "uninstall.sh did not do what it should" "$(tail -n 10 "$work/uninstall.log")"
fi
if in_ns /run/tickler-test/checkout/Deploy/uninstall.sh --purge >"$work/uninstall.log" 2>&1 \
    && ! in_ns test -e /etc/tickler && ! in_ns test -e /var/lib/private/tickler; then
    pass "uninstall.sh --purge removes the schedule and the state"
else
    fail "uninstall.sh --purge left files" "$(tail -n 10 "$work/uninstall.log")"
fi

# --- the Debian package ------------------------------------------------------------------------------------------
# Built inside the namespace from the same binaries (the release package is built the same way from a release).
if in_ns /run/tickler-test/checkout/Deploy/build-deb.sh --bindir-from /run/tickler-test/build --output /tmp/deb \
    >"$work/deb.log" 2>&1 && deb=$(tail -n 1 "$work/deb.log") && in_ns test -f "$deb"; then
    pass "build-deb.sh builds ${deb##*/}"
else
    fail "build-deb.sh failed" "$(tail -n 10 "$work/deb.log")"
    deb=""
fi
if [ -n "$deb" ] && in_ns env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" >"$work/apt.log" 2>&1; then
    pass "apt-get install ./${deb##*/} installs it"
else
    fail "apt-get install of the package failed" "$(tail -n 15 "$work/apt.log")"
fi
if wait_until 10 status_matches '[0-9]+ obligations' && [ "$(in_ns systemctl is-active ticklerd.service)" = active ] \
    && [ "$(property FragmentPath)" = /lib/systemd/system/ticklerd.service ] \
    && property ExecStart | grep -q 'path=/usr/bin/ticklerd ' && in_ns systemctl is-enabled -q ticklerd.service; then
    pass "the package's ticklerd.service is enabled and running the sample schedule: $(status_text)"
    if [ "$(in_ns systemctl is-active ticklerd.socket)" = active ] && in_ns systemctl is-enabled -q ticklerd.socket \
        && in_ns /usr/bin/ticklerctl status >"$work/ctl.log" 2>&1; then
        pass "the package's ticklerd.socket is enabled and active; ticklerctl status answers"
    else
        fail "the package's control socket does not answer" "$(ctl_log)"
    fi
else
    fail "the package's service does not run" "FragmentPath=$(property FragmentPath)" "StatusText=$(status_text)" \
        "$(in_ns systemctl status --no-pager ticklerd.service 2>&1 | head -n 12)"
fi
if in_ns dpkg-query -W -f '${Conffiles}\n' tickler | grep -q '/etc/tickler/schedule.toml' \
    && in_ns getent group tickler >/dev/null && in_ns /usr/bin/ticklerctl validate >/dev/null 2>&1; then
    pass "the sample schedule is a conffile, the group tickler exists, ticklerctl validate passes"
else
    fail "conffiles, group or validate wrong" "$(in_ns dpkg-query -W -f '${Conffiles}\n' tickler 2>&1)"
fi
if in_ns env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q tickler >"$work/apt.log" 2>&1 \
    && ! in_ns test -e /lib/systemd/system/ticklerd.service && ! in_ns test -e /lib/systemd/system/ticklerd.socket \
    && ! in_ns test -e /usr/bin/ticklerd \
    && ! in_ns test -e /etc/tickler && ! in_ns test -e /var/lib/private/tickler && ! in_ns test -e /var/lib/tickler \
    && [ "$(in_ns systemctl is-active ticklerd.service)" != active ]; then
    pass "apt-get purge tickler stops it and removes the unit, the schedule and the state"
else
    fail "apt-get purge left something" "$(tail -n 10 "$work/apt.log")" \
        "$(in_ns ls -d /etc/tickler /var/lib/tickler /var/lib/private/tickler /usr/bin/ticklerd 2>&1)"
fi

echo "system: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
