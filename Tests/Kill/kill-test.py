#!/usr/bin/env python3
"""Kill test: ticklerd is killed with SIGKILL at random moments, hundreds of times, while reminders fire and
acknowledgements arrive through ticklerctl; then the journal and the state are counted.

Usage: python3 Tests/Kill/kill-test.py [BIN_DIR] [--kills N] [--seed S]
  BIN_DIR  holds built ticklerd and ticklerctl (default $TICKLER_BUILD_DIR, else .build/debug)

ticklerd runs in the foreground (events as timestamped lines on stderr: the journal of this test) on a schedule of
obligations due every few seconds, each reminded one second before, with its own state directory and control
socket. One thread acknowledges the oldest open occurrence of a random obligation again and again (ticklerctl
ack --json); the main thread starts the daemon, waits a random 0.05-1.5 s, kills it with SIGKILL, and starts it
again. At the end a last daemon runs cleanly, and the test counts:
  lost reminders     occurrences due while the test ran (and not acknowledged before) without a due entry: 0
  repeats            entries (obligation, due, stage) written again by a later run: only entries of the killed
                     run's last wake-up (written after its last transaction: at least once, never twice later)
  lost acks          acknowledgements ticklerctl reported done that `ticklerctl history` lacks: 0
Ends with "kill: N passed, M failed"; exits 1 if anything failed.
"""
import argparse
import datetime
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

FIELD = re.compile(r'(TICKLER_[A-Z_]+)=("(?:[^"\\]|\\.)*"|\S+)')


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bin_dir", nargs="?", default=os.environ.get("TICKLER_BUILD_DIR", ".build/debug"))
    parser.add_argument("--kills", type=int, default=int(os.environ.get("TICKLER_KILLS", "200")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("TICKLER_KILL_SEED", "9")))
    parser.add_argument("--obligations", type=int, default=12)
    return parser.parse_args()


def schedule(count, start):
    """Obligations due every 2-4 s from `start` (UTC), reminded 1 s before, no overdue repeats."""
    lines = ["# Written by Tests/Kill/kill-test.py", ""]
    for index in range(count):
        first = start + datetime.timedelta(seconds=index % 3)
        lines += [
            "[[obligation]]",
            f'id = "kill-{index:02d}"',
            f'title = "Kill test {index}"',
            f'every = "{2 + index % 3}s"',
            f'start = {first.strftime("%Y-%m-%dT%H:%M:%S")}',
            'timezone = "UTC"',
            'remind = ["1s"]',
            'overdue-every = "0"',
            "",
        ]
    return "\n".join(lines)


class Acknowledger(threading.Thread):
    """Acknowledges the oldest open occurrence of a random obligation, again and again, and keeps what ticklerctl
    reported as done."""

    def __init__(self, ticklerctl, socket, ids, seed):
        super().__init__(daemon=True)
        self.ticklerctl, self.socket, self.ids = ticklerctl, socket, ids
        self.random = random.Random(seed)
        self.done = []  # (obligation, due) reported done
        self.attempts = 0
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            obligation = self.random.choice(self.ids)
            self.attempts += 1
            try:
                result = subprocess.run(
                    [self.ticklerctl, "ack", obligation, "--json", "--socket", self.socket, "--note", "kill test"],
                    capture_output=True, text=True, timeout=30, env=dict(os.environ, TZ="UTC"))
            except subprocess.TimeoutExpired:
                continue
            if result.returncode == 0:
                outcome = json.loads(result.stdout)
                self.done.append((outcome["obligation"], outcome["due"]))
            time.sleep(self.random.uniform(0.0, 0.15))


def events(journal):
    """The events of each run: {run: [(obligation, due, stage, kind, written)]}, runs in order; `written` is the
    line's timestamp (whole seconds)."""
    runs, current = [], None
    with open(journal, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("=== run "):
                current = []
                runs.append(current)
                continue
            fields = {name: value.strip('"') for name, value in FIELD.findall(line)}
            kind = fields.get("TICKLER_EVENT")
            if current is None or kind not in ("reminder", "due", "overdue", "escalated"):
                continue
            stage = fields.get("TICKLER_STAGE") or fields.get("TICKLER_LEAD") or kind
            written = line[:19]
            current.append((fields.get("TICKLER_OBLIGATION"), fields.get("TICKLER_DUE"), stage, kind, written))
    return runs


def instant_of_line(text):
    """The local time a journal line was written at (`2027-01-27 08:00:00`)."""
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def main():
    arguments = parse_arguments()
    bin_dir = os.path.abspath(arguments.bin_dir)
    ticklerd, ticklerctl = os.path.join(bin_dir, "ticklerd"), os.path.join(bin_dir, "ticklerctl")
    for binary in (ticklerd, ticklerctl):
        if not os.access(binary, os.X_OK):
            print(f"kill: {binary} not found: build it first (swift build)")
            print("kill: 0 passed, 1 failed")
            return 1
    work = tempfile.mkdtemp(prefix="tickler-kill.")
    randomness = random.Random(arguments.seed)
    passed = failed = 0

    def verdict(ok, text, *details):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok - {text}")
        else:
            failed += 1
            print(f"not ok - {text}")
            for detail in details:
                print(f"  {detail}")

    try:
        config, state, socket = (os.path.join(work, name) for name in ("config", "state", "control.socket"))
        journal = os.path.join(work, "journal.log")
        os.makedirs(config)
        began = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        start = began + datetime.timedelta(seconds=3)
        ids = [f"kill-{index:02d}" for index in range(arguments.obligations)]
        with open(os.path.join(config, "schedule.toml"), "w", encoding="utf-8") as file:
            file.write(schedule(arguments.obligations, start))
        command = [ticklerd, "--config", config, "--state-dir", state, "--control-socket", socket]
        environment = dict(os.environ, TZ="UTC")
        environment.pop("NOTIFY_SOCKET", None)
        environment.pop("JOURNAL_STREAM", None)
        log = open(journal, "a", encoding="utf-8")

        def launch(run):
            log.write(f"=== run {run}\n")
            log.flush()
            return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, env=environment)

        # The first run records the obligations as first seen before any is due.
        daemon = launch(0)
        deadline = time.monotonic() + 20
        while not os.path.exists(socket) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(max(0.0, (start - datetime.datetime.now(datetime.timezone.utc)).total_seconds()))
        acknowledger = Acknowledger(ticklerctl, socket, ids, arguments.seed + 1)
        acknowledger.start()
        kills = 0
        clock = time.monotonic()
        for run in range(1, arguments.kills + 1):
            time.sleep(randomness.uniform(0.05, 1.5))
            daemon.send_signal(signal.SIGKILL)
            daemon.wait()
            kills += 1
            daemon = launch(run)
        time.sleep(2)
        acknowledger.stopping.set()
        acknowledger.join(timeout=60)
        # A clean end: the last run fires what is due, then stops on SIGTERM.
        time.sleep(1.5)
        ended = datetime.datetime.now(datetime.timezone.utc)
        histories = {}
        for obligation in ids:
            result = subprocess.run([ticklerctl, "history", obligation, "--json", "--socket", socket],
                                    capture_output=True, text=True, timeout=30, env=environment)
            histories[obligation] = json.loads(result.stdout) if result.returncode == 0 else None
        daemon.send_signal(signal.SIGTERM)
        status = daemon.wait(timeout=30)
        log.close()
        elapsed = time.monotonic() - clock
        verdict(status == 0, f"{kills} kill -9 in {elapsed:.0f} s, then a clean stop (exit {status})")

        runs = events(journal)
        # Repeats: an entry written again in a later run. A wake-up writes its entries, then records them in one
        # transaction; a kill in between repeats them in the next run (at least once, rather than lost). So a run
        # may repeat only entries the killed run wrote in its last wake-up (the same second, give or take one),
        # and never an entry an earlier run recorded.
        seen, repeats, worst, stray = set(), 0, 0, []
        for number, entries in enumerate(runs):
            previous = runs[number - 1] if number > 0 else []
            last = instant_of_line(previous[-1][4]) if previous else None
            last_wake = {
                entry[:3] for entry in previous if last and (last - instant_of_line(entry[4])).total_seconds() <= 1
            }
            again = 0
            for obligation, due, stage, _, _ in entries:
                key = (obligation, due, stage)
                if key in seen:
                    again += 1
                    if key not in last_wake:
                        stray.append(key)
                seen.add(key)
            repeats += again
            worst = max(worst, again)
        total = sum(len(entries) for entries in runs)
        verdict(not stray, f"{total} reminder and due entries, {repeats} repeated ({worst} at most in one run "
                f"after a kill), each from the killed run's last wake-up",
                *[f"repeated from an earlier wake-up: {key}" for key in stray[:5]])

        # Lost reminders: every occurrence due between the start and the end has its due entry, unless it was
        # acknowledged before it fell due.
        acknowledged = {(entry_obligation, instant(due)) for entry_obligation, due in acknowledger.done}
        for obligation, history in histories.items():
            for entry in history or []:
                if entry.get("event") == "acknowledged":
                    acknowledged.add((obligation, instant(entry["due"])))
        fired = {(obligation, instant(due)) for entries in runs for obligation, due, _, kind, _ in entries
                 if kind == "due" and due}
        expected, lost = 0, []
        for index, obligation in enumerate(ids):
            due = start + datetime.timedelta(seconds=index % 3)
            step = datetime.timedelta(seconds=2 + index % 3)
            while due <= ended - datetime.timedelta(seconds=1):
                expected += 1
                if (obligation, due) not in fired and (obligation, due) not in acknowledged:
                    lost.append(f"{obligation} due {due.isoformat()}")
                due += step
        verdict(not lost and expected > 0, f"{expected} occurrences fell due, {len(lost)} without a due entry",
                *lost[:10])

        # Lost acknowledgements: each one ticklerctl reported done is in the history after all the kills.
        missing = []
        for obligation, due in acknowledger.done:
            history = histories.get(obligation) or []
            if not any(entry.get("event") == "acknowledged" and instant(entry["due"]) == instant(due)
                       for entry in history):
                missing.append(f"{obligation} due {due}")
        verdict(all(history is not None for history in histories.values()), "ticklerctl history answers after the kills")
        verdict(acknowledger.done and not missing,
                f"{len(acknowledger.done)} of {acknowledger.attempts} acknowledgements reported done, "
                f"{len(missing)} lost", *missing[:10])
        check = subprocess.run([ticklerd, "--check-state", "--state-dir", state], capture_output=True, text=True)
        verdict(check.returncode == 0, "the state file is sound after the kills (ticklerd --check-state)",
                *check.stdout.splitlines()[-5:])
    finally:
        if os.environ.get("TICKLER_KILL_KEEP"):
            print(f"kill: work kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"kill: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
