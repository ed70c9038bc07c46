#!/usr/bin/env python3
"""Times `ticklerctl calendar --rrule` against rrule-dateutil.py, whole processes, and checks identical output.

Usage: rrule-bench.py TICKLERCTL N REPEAT START RULE...   (called by rrule-vs-dateutil.sh)

For each rule both commands run REPEAT times, alternating; each run writes to a file, and the two files must be
identical. Per side, the best run is reported twice: CPU time (user + system, the process's own work including its
start-up, which a busy machine does not inflate) and wall-clock time. Ratios are dateutil / Tickler.
"""
import filecmp
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(command, path):
    """Runs `command` with stdout to `path`; returns (cpu seconds, wall seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(path, "wb") as out:
        subprocess.run(command, stdout=out, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main():
    ticklerctl, n, repeat, start = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rules = sys.argv[5:]
    work = tempfile.mkdtemp()
    ours_path, theirs_path = os.path.join(work, "tickler.txt"), os.path.join(work, "dateutil.txt")
    header = "%-56s %7s %21s %21s %15s" % ("rule (N=%d, from %s UTC)" % (n, start), "lines",
                                          "Tickler cpu/wall ms", "dateutil cpu/wall ms", "ratio cpu/wall")
    print(header)
    totals = [0.0, 0.0, 0.0, 0.0]
    for rule in rules:
        ours = [ticklerctl, "calendar", "--rrule", rule, "--start", start, "--tz", "UTC", "-n", str(n)]
        theirs = [sys.executable, os.path.join(HERE, "rrule-dateutil.py"), rule, start, str(n)]
        best = [float("inf")] * 4
        for _ in range(repeat):
            cpu, wall = run(ours, ours_path)
            best[0], best[1] = min(best[0], cpu), min(best[1], wall)
            cpu, wall = run(theirs, theirs_path)
            best[2], best[3] = min(best[2], cpu), min(best[3], wall)
        if not filecmp.cmp(ours_path, theirs_path, shallow=False):
            sys.exit("outputs differ for %s (see %s)" % (rule, work))
        with open(ours_path, "rb") as handle:
            lines = sum(1 for _ in handle)
        for index in range(4):
            totals[index] += best[index]
        print("%-56s %7d %10.1f %10.1f %10.1f %10.1f %6.1fx %6.1fx" % (
            rule, lines, best[0] * 1e3, best[1] * 1e3, best[2] * 1e3, best[3] * 1e3,
            best[2] / best[0], best[3] / best[1]))
    print("%-56s %7s %10.1f %10.1f %10.1f %10.1f %6.1fx %6.1fx" % (
        "total", "", totals[0] * 1e3, totals[1] * 1e3, totals[2] * 1e3, totals[3] * 1e3,
        totals[2] / totals[0], totals[3] / totals[1]))
    for path in (ours_path, theirs_path):
        os.remove(path)
    os.rmdir(work)


if __name__ == "__main__":
    main()
