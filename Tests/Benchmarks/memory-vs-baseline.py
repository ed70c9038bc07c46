#!/usr/bin/env python3
"""Resident memory of ticklerd on a schedule beside the smallest process built from the same libraries.

Usage: memory-vs-baseline.py TICKLERD BASELINE CONFIG_DIR

Starts TICKLERD on CONFIG_DIR (a fresh state directory) and BASELINE (tickler-baseline: the Swift runtime,
swift-log, swift-service-lifecycle, libsystemd and GRDB with SQLite, doing nothing), each with a notify socket of its
own; waits for READY=1 and 2 s more, reads VmRSS (and VmHWM, the peak) of each, stops both with SIGTERM, and
prints both and the ratio. The target of issue 11 is a ratio of at most 1.5.
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time


def resident(binary, arguments, work, name):
    path = os.path.join(work, name + ".notify")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(path)
    notify.settimeout(60)
    env = dict(os.environ, NOTIFY_SOCKET=path)
    env.pop("WATCHDOG_USEC", None)
    process = subprocess.Popen([binary] + arguments, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while b"READY=1" not in notify.recv(65536):
            pass
        time.sleep(2)
        with open(f"/proc/{process.pid}/status") as status:
            fields = dict(line.split(":", 1) for line in status if line.startswith(("VmRSS", "VmHWM")))
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait()


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ticklerd, baseline, config = sys.argv[1:]
    work = tempfile.mkdtemp(prefix="tickler-memory.")
    daemon_rss, daemon_peak = resident(ticklerd, ["--config", config, "--state-dir", os.path.join(work, "state")], work, "ticklerd")
    base_rss, base_peak = resident(baseline, [], work, "baseline")
    print(f"{'':24} {'VmRSS MiB':>10} {'peak MiB':>10}")
    print(f"{'ticklerd':24} {daemon_rss:10.1f} {daemon_peak:10.1f}")
    print(f"{'tickler-baseline':24} {base_rss:10.1f} {base_peak:10.1f}")
    print(f"ratio ticklerd/baseline: {daemon_rss / base_rss:.2f}x resident (target at most 1.5x)")


if __name__ == "__main__":
    main()
