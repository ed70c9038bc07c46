#!/usr/bin/env python3
"""Resident memory of ticklerd over reloads, and the time to READY=1 at start and after each reload.

Usage: reload-memory.py TICKLERD CONFIG_DIR [RELOADS] [--flat-within MIB] [--peak-under MIB]   (default 100 reloads)

Starts TICKLERD on CONFIG_DIR with a fresh state directory and a notify socket of its own, sends SIGHUP RELOADS
times, each time waiting for READY=1 (the reload's end), and prints VmRSS after the start, after the first, the
10th and the last reload, and the largest seen; and the time to READY=1 both as wall-clock time and as the CPU time
ticklerd used (all threads, from /proc/PID/stat; on a shared machine the wall-clock time includes waiting for a core).
The peak (VmHWM) is the process's whole-life peak. The schedule comes from make-schedule.py.

With --flat-within MIB it is also a check (Tests/run-all.sh runs one): it exits 1 when the resident size after the
10th reload (or the last, if fewer) differs from the size after the 1st by more than MIB. With --peak-under MIB it
exits 1 when the peak (start and every reload) reaches MIB (issue 11: under 150 MB = 143 MiB on 100,000 mixed).
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time


def main():
    arguments = sys.argv[1:]
    flat_within = option(arguments, "--flat-within")
    peak_under = option(arguments, "--peak-under")
    if len(arguments) not in (2, 3):
        sys.exit(__doc__)
    binary, config = arguments[0], arguments[1]
    reloads = int(arguments[2]) if len(arguments) == 3 else 100
    if reloads < 1:
        sys.exit("reload-memory.py: RELOADS must be at least 1")
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
    if flat_within is not None:
        drift = tenth - figures[0]
        verdict = "flat" if abs(drift) <= flat_within else "NOT flat"
        print(f"reload-memory: {verdict}: {drift:+.1f} MiB from the 1st reload to the 10th (allowed ±{flat_within} MiB)")
        print(f"reload-memory: {1 if verdict == 'flat' else 0} passed, {0 if verdict == 'flat' else 1} failed")
        if verdict != "flat":
            sys.exit(1)
    if peak_under is not None:
        under = peak < peak_under
        print(f"reload-memory: peak {peak:.1f} MiB {'under' if under else 'NOT under'} {peak_under} MiB")
        print(f"reload-memory: {1 if under else 0} passed, {0 if under else 1} failed")
        if not under:
            sys.exit(1)


def option(arguments, name):
    """The number after `name` in `arguments`, both taken out; None when `name` is absent."""
    if name not in arguments:
        return None
    at = arguments.index(name)
    if at + 1 >= len(arguments):
        sys.exit(__doc__)
    value = float(arguments[at + 1])
    del arguments[at : at + 2]
    return value


if __name__ == "__main__":
    main()
