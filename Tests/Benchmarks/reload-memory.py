#!/usr/bin/env python3
"""Resident memory of ticklerd over reloads, and the time to READY=1 at start and after each reload.

Usage: reload-memory.py TICKLERD CONFIG_DIR [RELOADS]      (default 100 reloads)

Starts TICKLERD on CONFIG_DIR with a fresh state directory and a notify socket of its own, sends SIGHUP RELOADS
times, each time waiting for READY=1 (the reload's end), and prints VmRSS after the start, after the first, the
10th and the last reload, and the largest seen; and the time to READY=1 both as wall-clock time and as the CPU time
ticklerd used (all threads, from /proc/PID/stat; on a shared machine the wall-clock time includes waiting for a core).
The peak (VmHWM) is the process's whole-life peak. The schedule comes from make-schedule.py.
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

    ticks = os.sysconf("SC_CLK_TCK")

    def cpu():
        with open(f"/proc/{daemon.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks

    def status(name):
        with open(f"/proc/{daemon.pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(name)) / 1024

    def rss():
        with open(f"/proc/{daemon.pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024

    ready()
    print(
        f"start: READY=1 after {time.perf_counter() - start:.3f} s ({cpu():.2f} s CPU), {rss():.0f} MiB, "
        f"peak {status('VmHWM'):.0f} MiB"
    )
    figures, times, cpus = [], [], []
    for _ in range(reloads):
        begin = time.perf_counter()
        used = cpu()
        daemon.send_signal(signal.SIGHUP)
        ready()
        times.append(time.perf_counter() - begin)
        cpus.append(cpu() - used)
        figures.append(rss())
    peak = status("VmHWM")
    daemon.send_signal(signal.SIGTERM)
    daemon.wait()
    tenth = figures[min(9, len(figures) - 1)]
    print(
        f"reloads: {reloads}, READY=1 after {min(times):.3f}–{max(times):.3f} s; VmRSS after the 1st {figures[0]:.0f} MiB, "
        f"the 10th {tenth:.0f} MiB, the last {figures[-1]:.0f} MiB, at most {max(figures):.0f} MiB"
    )
    print(f"reloads: CPU {min(cpus):.2f}–{max(cpus):.2f} s (median {sorted(cpus)[len(cpus) // 2]:.2f}); peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
