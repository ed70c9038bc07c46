#!/usr/bin/env python3
"""Writes large, realistic Tickler schedules for the benchmarks, with the same obligations for Remind.

Usage: make-schedule.py KIND COUNT OUTDIR

KIND is "yearly" (every obligation once a year on a fixed day, three reminder leads: the work `remind -n` does) or
"mixed" (every / rrule / on-calendar / lunar in turn, three leads, daily overdue repeats: what an office with a
contract register writes), "register" (as "mixed", but each `rrule` from a start of its own, as a register of
agreements signed on different days has them: the rules cannot be shared between obligations), or "daily"
(`every = "1d"`, three leads: the reload figure of issue 8). OUTDIR receives schedule.toml (a configuration directory for `--config`) and, for
"yearly", remind.rem with one REM line per obligation on the same days. Titles are Vietnamese, as in the sample.
The output depends only on the arguments.
"""
import os
import sys

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PARTNERS = ["Quảng Tây", "Vân Nam", "Bách Sắc", "Văn Sơn", "Sùng Tả", "Phòng Thành Cảng"]


def yearly(index):
    month = 1 + index % 12
    day = 1 + (index * 7) % 28
    year = 2011 + index % 15
    toml = (
        f'\n[[obligation]]\nid = "obligation-{index}"\n'
        f'title = "Gửi thư chúc mừng đối tác {PARTNERS[index % len(PARTNERS)]} số {index}"\n'
        f'every = "1y"\nstart = "{year:04d}-{month:02d}-{day:02d}"\n'
    )
    rem = f"REM {MONTHS[month - 1]} {day} +30 MSG Gửi thư chúc mừng đối tác {PARTNERS[index % len(PARTNERS)]} số {index}\n"
    return toml, rem


def mixed(index):
    month = 1 + index % 12
    day = 1 + index % 28
    kind = index % 4
    if kind == 0:
        rule = f'every = "{1 + index % 5}y"\nstart = "{2010 + index % 15}-{month:02d}-{day:02d}"'
    elif kind == 1:
        rule = f'rrule = "FREQ=MONTHLY;BYDAY={1 + index % 4}MO"\nstart = "2020-01-01"'
    elif kind == 2:
        rule = f'on-calendar = "*-*-{day:02d} 09:00"'
    else:
        rule = f'lunar = "{month:02d}-{day:02d}"'
    return f'\n[[obligation]]\nid = "obligation-{index}"\ntitle = "Nghĩa vụ số {index}"\n{rule}\n', None


def register(index):
    toml, rem = mixed(index)
    if index % 4 == 1:
        # A start of its own: a multiplicative hash of the index picks year, month, day and time.
        bits = (index * 2654435761) % 2**32
        start = (
            f"{2010 + bits % 16}-{1 + (bits >> 4) % 12:02d}-{1 + (bits >> 8) % 28:02d}"
            f"T{7 + (bits >> 13) % 11:02d}:{15 * ((bits >> 17) % 4):02d}"
        )
        toml = toml.replace('start = "2020-01-01"', f'start = "{start}"')
    return toml, rem


def daily(index):
    return (
        f'\n[[obligation]]\nid = "obligation-{index}"\ntitle = "Nghĩa vụ hằng ngày số {index}"\n'
        f'every = "1d"\nstart = "2026-01-{1 + index % 28:02d}T{index % 24:02d}:{index % 60:02d}"\n',
        None,
    )


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("yearly", "mixed", "register", "daily"):
        sys.exit(__doc__)
    kind, count, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(outdir, exist_ok=True)
    header = '[defaults]\ntimezone = "Asia/Ho_Chi_Minh"\nremind = ["30d", "7d", "1d"]\n'
    if kind in ("mixed", "register"):
        header += 'overdue-every = "1d"\n'
    make = {"yearly": yearly, "mixed": mixed, "register": register, "daily": daily}[kind]
    toml_parts, rem_parts = [header], []
    for index in range(count):
        toml, rem = make(index)
        toml_parts.append(toml)
        if rem:
            rem_parts.append(rem)
    with open(os.path.join(outdir, "schedule.toml"), "w", encoding="utf-8") as out:
        out.write("".join(toml_parts))
    if rem_parts:
        with open(os.path.join(outdir, "remind.rem"), "w", encoding="utf-8") as out:
            out.write("".join(rem_parts))


if __name__ == "__main__":
    main()
