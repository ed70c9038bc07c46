#!/usr/bin/env bash
# Sourced by the system tests under real systemd (Tests/ICS/systemd-ics-test.sh, Tests/Notify/systemd-notify-test.sh):
# boots systemd as PID 1 of a private PID+mount namespace (/etc, /var and /usr/local are overlays in a private
# /run; nothing reaches the host), and gives the tests' helpers. The caller sets, before sourcing:
#   name        the test's name, the prefix of every line ("ics-system")
#   checkout    the checkout's root
# then calls `namespace_boot BIN_DIR` and uses `in_ns COMMAND…`, `pass TEXT`, `fail TEXT [LINES…]`, `$work` (a host
# directory removed at exit) and `$T` (/run/tickler-test in the namespace: build/ and checkout/, read-only).
# It skips (exit 0) when not root or when namespaces are not permitted, and takes turns with the other system tests.

skip() { echo "$name: skipped: $*"; exit 0; }
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "not ok - $1"; shift; for line in "$@"; do echo "  $line"; done; }
T=/run/tickler-test

# Boots systemd in the namespace with BIN_DIR mounted at $T/build; waits until it runs.
namespace_boot() {
    local bin_dir=$1
    [ "$(id -u)" -eq 0 ] || skip "needs root to run systemd as PID 1 of a private namespace"
    for tool in unshare nsenter systemctl journalctl flock; do
        command -v "$tool" >/dev/null 2>&1 || skip "$tool not found"
    done
    [ -x /lib/systemd/systemd ] || skip "/lib/systemd/systemd not found"
    unshare --fork --pid --mount --mount-proc --propagation private true 2>/dev/null \
        || skip "unshare --pid --mount is not permitted here"
    # Take turns with the other system tests: each creates top-level cgroups of the host.
    exec 9<"$checkout/Tests/System/systemd-test.sh"
    flock -w 900 9 || skip "the system test has held its lock for 15 minutes"

    work=$(mktemp -d "/tmp/tickler-$name.XXXXXX")
    mkdir "$work/units"
    for target in sysinit basic multi-user sockets paths timers slices local-fs swap shutdown time-set \
        network network-online; do
        cp "/lib/systemd/system/$target.target" "$work/units/"
    done
    cp /lib/systemd/system/systemd-journald{.service,.socket,-dev-log.socket} "$work/units/"
    printf '[Unit]\nWants=systemd-journald.service\n' >"$work/units/sandbox.target"
    cgroups_before=$(find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d 2>/dev/null | sort)

    local setup='set -e
mount -t tmpfs -o mode=0755 tmpfs /run
T=/run/tickler-test
mkdir -p $T/build $T/checkout
cp -a "$WORK/units" $T/units
for dir in build:"$BIN" checkout:"$CHECKOUT"; do
    mount --bind "${dir#*:}" $T/${dir%%:*}
    mount -o remount,bind,ro $T/${dir%%:*}
done
for dir in /etc /var /usr/local; do
    layer=$T/overlay$(echo $dir | tr / _)
    mkdir -p $layer/upper $layer/work
    mount -t overlay overlay -o lowerdir=$dir,upperdir=$layer/upper,workdir=$layer/work $dir
done
mount -t tmpfs -o mode=0755 tmpfs /etc/systemd/system
mount -t tmpfs -o mode=1777 tmpfs /tmp
exec env container=tickler-test SYSTEMD_UNIT_PATH=$T/units:/etc/systemd/system \
    /lib/systemd/systemd --system --unit=sandbox.target'
    WORK=$work BIN=$bin_dir CHECKOUT=$checkout \
        unshare --fork --pid --mount --mount-proc --propagation private sh -c "$setup" >"$work/systemd.log" 2>&1 &
    unshare_pid=$!
    pid1=""
    trap namespace_cleanup EXIT
    trap 'exit 130' INT TERM

    for _ in $(seq 50); do
        pid1=$(pgrep -P "$unshare_pid" | head -n 1)
        [ -n "$pid1" ] && break
        sleep 0.1
    done
    export SYSTEMD_PAGER= SYSTEMD_COLORS=0 LC_ALL=C.UTF-8
    local booted=no state=""
    for _ in $(seq 100); do
        state=$(in_ns systemctl is-system-running 2>/dev/null)
        case "$state" in running | degraded) booted=yes; break ;; esac
        sleep 0.2
    done
    if [ "$booted" != yes ]; then
        echo "$name: systemd did not come up in the namespace (state: ${state:-none}):"
        tail -n 20 "$work/systemd.log"
        echo "$name: 0 passed, 1 failed"
        exit 1
    fi
}

# Runs a command in the namespace.
in_ns() { nsenter -t "$pid1" -m -p -- "$@"; }

# Ends systemd and removes what the test left on the host: its cgroups, $work, and what the test adds to
# $namespace_cleanup_extra (a command).
namespace_cleanup() {
    [ -n "${namespace_cleanup_extra:-}" ] && eval "$namespace_cleanup_extra"
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
