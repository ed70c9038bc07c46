#!/usr/bin/env python3
"""Resident memory of ticklerd over reloads, and the time to READY=1 at start and after each reload.

Usage: reload-memory.py TICKLERD CONFIG_DIR [RELOADS]      (default 100 reloads)

Starts TICKLERD on CONFIG_DIR with a fresh state directory and a notify socket of its own, sends SIGHUP RELOADS
times, each time waiting for READY=1 (the reload's end), and prints VmRSS after the start, after the first, the
10th and the last reload, and the largest seen. The schedule comes from make-schedule.py.
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    binary, config = sys.argv[1], sys.argv[2]
    reloads = int(sys.argv[3]) if len(sys.argv) == 4 else 100
    work = tempfile.mkdtemp(prefix="tickler-reload-memory.")
    path = os.path.join(work, "notify")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(path)
    env = dict(os.environ, NOTIFY_SOCKET=path)
    env.pop("WATCHDOG_USEC", None)
    start = time.perf_counter()
    daemon = subprocess.Popen(
        [binary, "--config", config, "--state-dir", os.path.join(work, "state")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )

    def ready():
        while b"READY=1" not in notify.recv(65536):
            pass

    def rss():
        with open(f"/proc/{daemon.pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024

    ready()
    print(f"start: READY=1 after {time.perf_counter() - start:.3f} s, {rss():.0f} MiB")
    figures, times = [], []
    for _ in range(reloads):
        begin = time.perf_counter()
        daemon.send_signal(signal.SIGHUP)
        ready()
        times.append(time.perf_counter() - begin)
        figures.append(rss())
    daemon.send_signal(signal.SIGTERM)
    daemon.wait()
    tenth = figures[min(9, len(figures) - 1)]
    print(
        f"reloads: {reloads}, READY=1 after {min(times):.3f}–{max(times):.3f} s; VmRSS after the 1st {figures[0]:.0f} MiB, "
        f"the 10th {tenth:.0f} MiB, the last {figures[-1]:.0f} MiB, at most {max(figures):.0f} MiB"
    )


if __name__ == "__main__":
    main()
