#!/usr/bin/env python3
"""Times whole processes side by side: CPU time (user + system), wall-clock time and peak resident memory.

Usage: compare.py REPEAT NAME COMMAND [NAME COMMAND ...]

Each COMMAND is one shell-free command line (split with shlex), run REPEAT times in turn with the others, its
standard output discarded; the best run of each figure is reported, then each later command's ratio to the first.
A command that exits non-zero stops the benchmark. Figures come from wait4(2)'s rusage of the child alone.
"""
import os
import shlex
import subprocess
import sys
import time


def run(argv):
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"compare.py: {shlex.join(argv)} exited with {code}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def main():
    if len(sys.argv) < 4 or len(sys.argv) % 2 != 0:
        sys.exit(__doc__)
    repeat = int(sys.argv[1])
    pairs = [(sys.argv[i], shlex.split(sys.argv[i + 1])) for i in range(2, len(sys.argv), 2)]
    best = {name: [float("inf")] * 3 for name, _ in pairs}
    for _ in range(repeat):
        for name, argv in pairs:
            figures = run(argv)
            best[name] = [min(old, new) for old, new in zip(best[name], figures)]
    first = pairs[0][0]
    print(f"{'':24} {'CPU s':>9} {'wall s':>9} {'peak MiB':>9}")
    for name, _ in pairs:
        cpu, wall, rss = best[name]
        print(f"{name:24} {cpu:9.3f} {wall:9.3f} {rss:9.1f}")
    base_cpu, base_wall, base_rss = best[first]
    for name, _ in pairs[1:]:
        cpu, wall, rss = best[name]
        print(
            f"ratio {name}/{first}: CPU {cpu / max(base_cpu, 1e-9):.2f}x, wall {wall / max(base_wall, 1e-9):.2f}x, "
            f"memory {rss / max(base_rss, 1e-9):.2f}x"
        )


if __name__ == "__main__":
    main()
