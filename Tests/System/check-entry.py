#!/usr/bin/env python3
"""Checks one journal entry from `journalctl -o json` against expected fields.

Usage: journalctl -o json ... | check-entry.py [--index N] FIELD=VALUE | FIELD~REGEX | FIELD ...
Reads JSON lines from stdin, takes entry N (default 0, the first; -1 is the last), and checks each argument:
FIELD=VALUE exact, FIELD~REGEX a full match (Python re), FIELD alone present and non-empty. Prints every
mismatch and the entry, and exits 1 if there is any.
"""
import json
import re
import sys


def text(value):
    """journalctl prints non-UTF-8 or binary fields as byte arrays; decode them."""
    if isinstance(value, list):
        return bytes(value).decode("utf-8", "replace")
    return value


def main(arguments):
    index = 0
    if arguments[:1] == ["--index"]:
        index, arguments = int(arguments[1]), arguments[2:]
    entries = [json.loads(line) for line in sys.stdin if line.strip()]
    if not entries:
        print("  no journal entry matched")
        return 1
    entry = {key: text(value) for key, value in entries[index].items()}
    problems = []
    for argument in arguments:
        if "=" in argument:
            name, expected = argument.split("=", 1)
            if entry.get(name) != expected:
                problems.append(f"{name} is {entry.get(name)!r}, expected {expected!r}")
        elif "~" in argument:
            name, pattern = argument.split("~", 1)
            if entry.get(name) is None or not re.fullmatch(pattern, entry[name], re.S):
                problems.append(f"{name} is {entry.get(name)!r}, expected to match {pattern!r}")
        elif not entry.get(argument):
            problems.append(f"{argument} is missing or empty")
    for problem in problems:
        print("  " + problem)
    if problems:
        shown = {k: v for k, v in entry.items() if not k.startswith("__")}
        print("  entry: " + json.dumps(shown, ensure_ascii=False, sort_keys=True))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
