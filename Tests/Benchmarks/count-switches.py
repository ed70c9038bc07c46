#!/usr/bin/env python3
"""Counts the context switches of processes over a time, threads that come and go included.

Usage: count-switches.py SECONDS NAME=PID [NAME=PID ...]

Every 50 ms it reads voluntary and involuntary context switches of each thread (/proc/PID/task/TID/status) and
keeps each thread's latest figure, so a worker thread that exits during the watch still counts. Prints, per
process, the switches during the watch and how many threads it had at the most.
"""
import sys
import time


def read_threads(pid):
    import os

    figures = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return figures
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/status") as status:
                total = sum(int(line.split()[1]) for line in status if "ctxt_switches" in line)
        except (FileNotFoundError, ProcessLookupError):
            continue
        figures[tid] = total
    return figures


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    seconds = float(sys.argv[1])
    processes = [argument.split("=", 1) for argument in sys.argv[2:]]
    start = {name: read_threads(pid) for name, pid in processes}
    latest = {name: dict(figures) for name, figures in start.items()}
    most_threads = {name: len(figures) for name, figures in start.items()}
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.05)
        for name, pid in processes:
            figures = read_threads(pid)
            latest[name].update(figures)
            most_threads[name] = max(most_threads[name], len(figures))
    print(f"{'process':12} {'switches':>9} {'per minute':>11} {'threads':>8}   ({seconds:g} s, nothing due)")
    for name, _ in processes:
        switches = sum(value - start[name].get(tid, 0) for tid, value in latest[name].items())
        print(f"{name:12} {switches:9d} {switches * 60 / seconds:11.1f} {most_threads[name]:8d}")


if __name__ == "__main__":
    main()
