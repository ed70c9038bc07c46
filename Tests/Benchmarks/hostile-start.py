#!/usr/bin/env python3
"""Start time, peak memory and SIGTERM latency of ticklerd on the hostile schedules of issue 8.

Usage: Tests/Benchmarks/hostile-start.py [TICKLERD]     (default .build/release/ticklerd)

For each schedule it runs `ticklerd --config DIR --state-dir TMP` in the foreground (no journal: entries go to
stderr), waits for the `started` entry, reads the peak resident size (VmHWM), sends SIGTERM and times the exit.
Then it starts a 100,000-obligation schedule and sends SIGTERM while it is still loading, timing that exit too.
"""
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

TICKLERD = sys.argv[1] if len(sys.argv) > 1 else ".build/release/ticklerd"


def schedule(body):
    directory = tempfile.mkdtemp(prefix="tickler-hostile-")
    with open(os.path.join(directory, "schedule.toml"), "w") as file:
        file.write('[defaults]\ntimezone = "UTC"\n\n' + body)
    return directory


def peak_kib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run(name, config, stop_after=None):
    state = tempfile.mkdtemp(prefix="tickler-state-")
    began = time.monotonic()
    process = subprocess.Popen([TICKLERD, "--config", config, "--state-dir", state],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                               env={"PATH": "/usr/bin:/bin", "TZ": "UTC"})
    started = None
    if stop_after is None:
        for line in process.stderr:
            if "started ticklerd" in line:
                started = time.monotonic() - began
                break
        # Keep reading what it logs (events fire every second here), so that a full pipe never blocks it.
        threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
        time.sleep(1)
    else:
        threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
        time.sleep(stop_after)
    memory = peak_kib(process.pid)
    stop = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    latency = time.monotonic() - stop
    start_text = "started in %.3f s" % started if started is not None else "SIGTERM %.1f s after launch" % stop_after
    print("%-52s %s, peak RSS %.1f MiB, exit %d %.3f s after SIGTERM"
          % (name, start_text, memory / 1024, process.returncode, latency))


def main():
    every = "".join('[[obligation]]\nid = "tick-%d"\ntitle = "T"\nevery = "1s"\nstart = "2026-01-01"\n'
                    'remind = ["365d"]\n\n' % i for i in range(10))
    calendar = "".join('[[obligation]]\nid = "cal-%d"\ntitle = "T"\non-calendar = "*:*:*"\n\n' % i for i in range(10))
    count = "".join('[[obligation]]\nid = "count-%d"\ntitle = "T"\nrrule = "FREQ=SECONDLY;COUNT=999999999"\n'
                    'start = "1990-01-01"\n\n' % i for i in range(10))
    daily = "".join('[[obligation]]\nid = "daily-%d"\ntitle = "Daily %d"\nevery = "1d"\nstart = "2027-01-01T08:00"\n\n'
                    % (i, i) for i in range(100_000))
    run('10 x every = "1s", remind = ["365d"]', schedule(every))
    run('10 x on-calendar = "*:*:*"', schedule(calendar))
    run('10 x rrule = "FREQ=SECONDLY;COUNT=999999999" from 1990', schedule(count))
    big = schedule(daily)
    run("100,000 daily obligations", big)
    for delay in (0.2, 0.5, 1.0, 2.0, 3.0, 4.0, 4.5):
        run("100,000 daily obligations, stopped while starting", big, stop_after=delay)


if __name__ == "__main__":
    main()
