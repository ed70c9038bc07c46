#!/usr/bin/env python3
"""Regenerates the lunar-calendar reference fixtures used by TicklerLunarTests.

The references are independent of Tickler's engine:

* month-starts-vietnamese.txt -- lunar-vn (MIT; Ho Ngoc Duc's method) with time_zone=7.0 (UTC+7).
* month-starts-chinese.txt    -- lunar-python (MIT; the Shouxing ephemeris, Beijing time UTC+8).
* solar-terms-chinese.txt     -- lunar-python's jieqi instants (Beijing time, UTC+8).

Each month-start line is `<Gregorian date of day 1> <lunar year>-<month>[L]` (L marks a leap month), for the lunar
years FIRST..LAST. Each solar-term line is `<local date>T<local time> <pinyin key>` for Gregorian years FIRST..LAST.

Usage (idempotent: the same packages give byte-identical files):
    python3 -m venv /tmp/lunarenv && /tmp/lunarenv/bin/pip install lunar-vn==1.4.0 lunar-python==1.4.8
    /tmp/lunarenv/bin/python Tests/TicklerLunarTests/Fixtures/make-fixtures.py
"""
import datetime
import os

import lunar_vn.core as vn
from lunar_python import LunarYear, Solar

FIRST, LAST = 1900, 2100
HERE = os.path.dirname(os.path.abspath(__file__))

# lunar-python's Chinese jieqi names -> Tickler's pinyin keys.
TERM_KEYS = {
    "小寒": "xiaohan", "大寒": "dahan", "立春": "lichun", "雨水": "yushui", "惊蛰": "jingzhe", "春分": "chunfen",
    "清明": "qingming", "谷雨": "guyu", "立夏": "lixia", "小满": "xiaoman", "芒种": "mangzhong", "夏至": "xiazhi",
    "小暑": "xiaoshu", "大暑": "dashu", "立秋": "liqiu", "处暑": "chushu", "白露": "bailu", "秋分": "qiufen",
    "寒露": "hanlu", "霜降": "shuangjiang", "立冬": "lidong", "小雪": "xiaoxue", "大雪": "daxue", "冬至": "dongzhi",
    "DONG_ZHI": "dongzhi", "XIAO_HAN": "xiaohan", "DA_HAN": "dahan", "LI_CHUN": "lichun", "YU_SHUI": "yushui",
    "JING_ZHE": "jingzhe", "DA_XUE": "daxue",
}


def write(name, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(lines) + "\n")


def vietnamese_month_starts():
    lines = []
    day = datetime.date(FIRST, 1, 1)
    end = datetime.date(LAST + 1, 1, 1)  # lunar-vn stops at 2100-12-31
    while day < end:
        lunar = vn.convert_solar_to_lunar(day.day, day.month, day.year, time_zone=7.0)
        if lunar.day == 1 and FIRST <= lunar.year <= LAST:
            lines.append(f"{day.isoformat()} {lunar.year}-{lunar.month:02d}{'L' if lunar.leap else ''}")
        day += datetime.timedelta(days=1)
    return lines


def chinese_month_starts():
    lines = []
    for year in range(FIRST, LAST + 1):
        for month in LunarYear(year).getMonths():
            if month.getYear() != year:
                continue
            solar = Solar.fromJulianDay(month.getFirstJulianDay())
            number = month.getMonth()
            lines.append(f"{solar.toYmd()} {year}-{abs(number):02d}{'L' if number < 0 else ''}")
    return sorted(set(lines))


def chinese_solar_terms():
    terms = set()
    for year in range(FIRST, LAST + 1):
        table = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()
        for name, solar in table.items():
            if solar.getYear() == year:
                terms.add(f"{solar.toYmdHms().replace(' ', 'T')} {TERM_KEYS[name]}")
    return sorted(terms)


if __name__ == "__main__":
    write("month-starts-vietnamese.txt", vietnamese_month_starts())
    write("month-starts-chinese.txt", chinese_month_starts())
    write("solar-terms-chinese.txt", chinese_solar_terms())
