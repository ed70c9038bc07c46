#!/usr/bin/env bash
# System test of Deploy/tickler-notify.service beside ticklerd.service under real systemd (252 on Debian 12):
# without notify.toml the notifier is ready, says "no channels" and has its watchdog off; `systemctl reload` with a
# broken notify.toml fails and changes nothing; reloaded with a webhook channel and an exec channel (the same
# process, its watchdog on again), an obligation due in seconds is fired by ticklerd, followed through the journal by
# tickler-notify and reaches a real HTTP server on 127.0.0.1 (Tests/Notify/webhook-server.py) and the command, and
# the outcome is journaled as TICKLER_EVENT=delivered and shown by `ticklerctl history`.
#
#   bash Tests/Notify/systemd-notify-test.sh [BIN_DIR]   BIN_DIR holds ticklerd and tickler-notify (default .build/debug)
#
# systemd runs as PID 1 of a private PID+mount namespace (Tests/System/namespace.sh); the network namespace is the
# host's, so the unit reaches the server on the loopback. Needs root; skipped (exit 0) otherwise.
# Ends with "notify-system: N passed, M failed"; exits 1 if anything failed.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "$here/../.." && pwd)
name=notify-system
. "$checkout/Tests/System/namespace.sh"

bin_dir=${1:-.build/debug}
for binary in ticklerd tickler-notify; do
    if [ ! -x "$bin_dir/$binary" ]; then
        echo "$name: $bin_dir/$binary not found: build it first (swift build --product $binary)"
        echo "$name: 0 passed, 1 failed"
        exit 1
    fi
done
namespace_boot "$(cd "$bin_dir" && pwd)"

# The webhook server, on the host's loopback, stopped at exit.
python3 "$here/webhook-server.py" --port-file "$work/port" --log "$work/requests.jsonl" --fail-first 1 \
    --lifetime 300 &
server_pid=$!
namespace_cleanup_extra='kill -9 $server_pid 2>/dev/null'
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port" 2>/dev/null)

# --- install the units as install.sh does ---------------------------------------------------------------------------
in_ns sh -ec "
    getent group tickler >/dev/null || groupadd --system tickler
    install -m 0755 $T/build/ticklerd /usr/local/bin/ticklerd
    install -m 0755 $T/build/tickler-notify /usr/local/bin/tickler-notify
    install -m 0755 $T/build/ticklerctl /usr/local/bin/ticklerctl
    sed -e 's|/usr/bin/ticklerd|/usr/local/bin/ticklerd|' $T/checkout/Deploy/ticklerd.service \
        >/etc/systemd/system/ticklerd.service
    install -m 0644 $T/checkout/Deploy/ticklerd.socket /etc/systemd/system/ticklerd.socket
    sed -e 's|/usr/bin/tickler-notify|/usr/local/bin/tickler-notify|' $T/checkout/Deploy/tickler-notify.service \
        >/etc/systemd/system/tickler-notify.service
    rm -rf /etc/tickler && mkdir -p /etc/tickler
    systemctl daemon-reload
    # What systemd-tmpfiles-setup does at a real boot (the namespace's sandbox.target does not run it): the journal
    # directories get group systemd-journal, whose members (the notifier) may read them.
    systemd-tmpfiles --create --prefix /run/log/journal --prefix /var/log/journal >/dev/null 2>&1 || true
"
# The mailbox: Debian's exim4 as an SMTP server on 127.0.0.1:$smtp_port inside the namespace (its spool and
# /var/mail are the namespace's), and msmtp, a sendmail that submits to it over SMTP — the sandboxed unit has no new
# privileges, so a setuid sendmail cannot run in it.
smtp_port=2525
mail_ready=no
if [ -x /usr/sbin/exim4 ] && [ -x /usr/bin/msmtp ]; then
    in_ns sh -ec "
        printf 'defaults\nauto_from off\nsyslog off\naccount default\nhost 127.0.0.1\nport $smtp_port\nfrom tickler@localhost\n' \
            >/etc/msmtprc
        chmod 0644 /etc/msmtprc
        rm -f /var/mail/mail /var/mail/root
        systemd-run --quiet --unit=test-mta /usr/sbin/exim4 -bdf -oX $smtp_port
    " && mail_ready=yes
fi
status() { in_ns systemctl show -p StatusText --value tickler-notify.service; }

if in_ns systemctl start tickler-notify.service 2>"$work/start.log" \
    && [ "$(in_ns systemctl is-active tickler-notify.service)" = active ]; then
    pass "without notify.toml tickler-notify starts (Type=notify, READY=1)"
else
    fail "tickler-notify did not start without notify.toml" "$(cat "$work/start.log")" \
        "$(in_ns journalctl -u tickler-notify --no-pager -o cat | tail -n 10)"
fi
if status | grep -q '^no channels'; then
    pass "STATUS= says it has no channels: $(status)"
else
    fail "STATUS= is '$(status)'"
fi
watchdog=$(in_ns systemctl show -p WatchdogUSec --value tickler-notify.service)
if [ "$watchdog" = 0 ] || [ "$watchdog" = infinity ]; then
    pass "its watchdog is off while idle (WatchdogUSec=$watchdog)"
else
    fail "WatchdogUSec=$watchdog while idle"
fi

# --- systemctl reload with a broken notify.toml fails and changes nothing ---------------------------------------------
in_ns sh -ec 'printf "[channel.hook]\nkind = \"pigeon\"\n" >/etc/tickler/notify.toml; chmod 0644 /etc/tickler/notify.toml'
if ! in_ns systemctl reload tickler-notify.service 2>/dev/null \
    && [ "$(in_ns systemctl is-active tickler-notify.service)" = active ] && status | grep -q '^no channels'; then
    pass "systemctl reload with a broken notify.toml fails; the notifier runs on: $(status)"
else
    fail "a reload with a broken notify.toml did not fail, or the notifier changed" "status: $(status)"
fi
if in_ns journalctl -u tickler-notify.service --no-pager -o cat | grep -q 'notify.toml:2:[0-9]*: .*kind'; then
    pass "journalctl -u tickler-notify names the error's place"
else
    fail "the journal does not name the error" "$(in_ns journalctl -u tickler-notify --no-pager -o cat | tail -n 5)"
fi

# --- an obligation due in 20 seconds, routed to the webhook and the command ------------------------------------------
due=$(date -d '+20 seconds' '+%Y-%m-%dT%H:%M:%S')
in_ns sh -ec "
    cat >/etc/tickler/schedule.toml <<SCHEDULE
[defaults]
timezone = \"UTC\"
remind = []
overdue-every = \"0\"
notify = [\"hook\", \"script\", \"mail\"]

[[obligation]]
id = \"system-test\"
title = \"Thư chúc mừng \\\$(id); echo\"
partner = \"Vân Nam\"
once = \"$due\"
SCHEDULE
    cat >/etc/tickler/notify.toml <<NOTIFY
[channel.hook]
kind = \"webhook\"
url = \"http://127.0.0.1:$port/hook\"

[channel.script]
kind = \"exec\"
command = [\"/usr/bin/logger\", \"-t\", \"notify-exec\", \"--\", \"delivered by exec\"]

[channel.mail]
kind = \"mail\"
to = [\"root@localhost\"]
from = \"Tickler <tickler@localhost>\"
sendmail = \"/usr/bin/msmtp\"
NOTIFY
    chmod 0644 /etc/tickler/schedule.toml /etc/tickler/notify.toml
"
pid_before=$(in_ns systemctl show -p MainPID --value tickler-notify.service)
if in_ns systemctl reload tickler-notify.service 2>"$work/reload.log"; then
    pass "systemctl reload tickler-notify takes the new notify.toml"
else
    fail "systemctl reload tickler-notify failed" "$(cat "$work/reload.log")" \
        "$(in_ns journalctl -u tickler-notify --no-pager -o cat | tail -n 5)"
fi
in_ns systemctl start ticklerd.service 2>"$work/ticklerd.log" \
    || fail "ticklerd did not start" "$(cat "$work/ticklerd.log")"
for _ in $(seq 20); do status | grep -q '^3 channels' && break; sleep 0.25; done
if status | grep -q '^3 channels' \
    && [ "$(in_ns systemctl show -p MainPID --value tickler-notify.service)" = "$pid_before" ]; then
    pass "after the reload, the same process counts the channels in STATUS=: $(status)"
else
    fail "STATUS= is '$(status)' with three channels after the reload (pid $pid_before before)"
fi
watchdog=$(in_ns systemctl show -p WatchdogUSec --value tickler-notify.service)
if [ "$watchdog" != 0 ] && [ "$watchdog" != infinity ]; then
    pass "with channels its watchdog is on again (WatchdogUSec=$watchdog)"
else
    fail "WatchdogUSec=$watchdog with channels"
fi

delivered=no
for _ in $(seq 120); do
    if grep -q '"status": 200' "$work/requests.jsonl" 2>/dev/null; then delivered=yes; break; fi
    sleep 0.5
done
if [ "$delivered" = yes ]; then
    pass "the due event reached the HTTP server on 127.0.0.1 (after a 503 and a retry)"
else
    fail "no accepted request at the HTTP server" "$(cat "$work/requests.jsonl" 2>/dev/null | head -c 600)" \
        "$(in_ns journalctl -u ticklerd -u tickler-notify --no-pager -o short-monotonic | grep -v 'thread priority' | tail -n 25)" \
        "$(in_ns journalctl -t ticklerd TICKLER_EVENT=due --no-pager -o export | grep ^TICKLER_ | head)" \
        "status: $(status)" \
        "delivery log: $(in_ns python3 -c 'import sqlite3; c = sqlite3.connect("/var/lib/private/tickler-notify/deliveries.sqlite"); print(c.execute("SELECT channel, state, attempts, last_error FROM delivery").fetchall())' 2>&1)"
fi
keys=$(python3 -c 'import json,sys; print(" ".join(sorted({json.loads(l)["key"] for l in open(sys.argv[1])})))' \
    "$work/requests.jsonl" 2>/dev/null)
if [ "$(echo "$keys" | wc -w)" = 1 ] && [ "$(wc -l <"$work/requests.jsonl")" -ge 2 ]; then
    pass "the retry carried the same Idempotency-Key ($keys)"
else
    fail "keys of the requests: $keys"
fi
if python3 -c 'import json,sys; b=json.loads(json.loads(open(sys.argv[1]).readlines()[-1])["body"]); sys.exit(b["event"]["title"] != "Thư chúc mừng $(id); echo")' "$work/requests.jsonl"; then
    pass "the title arrived verbatim in the JSON body"
else
    fail "the title in the body is not verbatim" "$(tail -n 1 "$work/requests.jsonl" | head -c 400)"
fi
for _ in $(seq 40); do
    in_ns journalctl -t notify-exec --no-pager -o cat 2>/dev/null | grep -q 'delivered by exec' && break
    sleep 0.5
done
if in_ns journalctl -t notify-exec --no-pager -o cat 2>/dev/null | grep -q 'delivered by exec'; then
    pass "the exec channel ran its command"
else
    fail "the exec channel did not run" "$(in_ns journalctl -t tickler-notify --no-pager -o cat | tail -n 5)"
fi
outcomes=$(in_ns journalctl -t tickler-notify TICKLER_OBLIGATION=system-test --no-pager \
    -o export 2>/dev/null | sed -n 's/^TICKLER_EVENT=//p' | sort | uniq -c | tr -s ' ' | tr '\n' ',')
if echo "$outcomes" | grep -q ' 3 delivered' && echo "$outcomes" | grep -q ' 1 delivery-failed'; then
    pass "journalctl -t tickler-notify shows the outcomes: $outcomes"
else
    fail "outcomes in the journal: $outcomes"
fi
# The mail, read back from the namespace's mailbox by Python's email package, by its Message-ID (the delivery key).
key=$(in_ns journalctl -t tickler-notify TICKLER_CHANNEL=mail TICKLER_EVENT=delivered --no-pager -o export \
    2>/dev/null | sed -n 's/^TICKLER_DELIVERY_KEY=//p' | head -n 1)
message='{}'
for _ in $(seq 40); do
    for box in /var/mail/mail /var/mail/root; do
        message=$(in_ns python3 "$T/checkout/Tests/Notify/read-mailbox.py" "$box" "<$key@tickler-notify>" 2>/dev/null)
        [ -n "$message" ] && [ "$message" != '{}' ] && break 2
    done
    sleep 0.5
done
if [ "$mail_ready" = yes ] && [ -n "$key" ] && echo "$message" | python3 -c '
import json, sys
m = json.load(sys.stdin)
sys.exit(not (m.get("subject", "").endswith("Thư chúc mừng $(id); echo") and "ticklerctl ack system-test" in m.get("body", "")))'
then
    pass "the mail reached the mailbox through msmtp and exim4, its Vietnamese subject decoded (RFC 2047)"
else
    fail "no mail in the mailbox (key ${key:-none}, MTA ready: $mail_ready)" "$message" \
        "$(in_ns journalctl -u tickler-notify -u test-mta --no-pager -o cat | tail -n 8)"
fi
history=$(in_ns ticklerctl history system-test --no-pager 2>&1)
if echo "$history" | grep -q 'delivered to hook (due)' && echo "$history" | grep -q 'delivery to hook failed (due)' \
    && echo "$history" | grep -q 'delivered to script (due)' && echo "$history" | grep -q 'delivered to mail (due)'; then
    pass "ticklerctl history shows where the due event was delivered (hook after a failure, script, mail)"
else
    fail "ticklerctl history does not show the deliveries" "$history"
fi

exposure=$(in_ns systemd-analyze security --no-pager tickler-notify.service 2>/dev/null \
    | sed -n 's/.*Overall exposure level for tickler-notify.service: \([0-9.]*\).*/\1/p')
echo "# systemd-analyze security rates tickler-notify.service ${exposure:-?}"

echo "$name: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
