"""Reporting periods: "1-3月", "1-9 月", "一季度", "上半年", "截止5月底", "截至3月下旬", "全年".

A period without a year takes the year given by the caller (the document's year). Year-to-date
phrases (截至 N 月底 / 下旬) cover 1 January to the end of month N.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from schemas.records import Period

CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
            "十一": 11, "十二": 12}
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"

PERIOD_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("range", re.compile(rf"(?:(?P<y>(?:19|20)\d\d)年)?(?P<a>{_M})\s*(?:月份?)?\s*(?:-|至|到)\s*(?P<b>{_M})\s*月(?:份)?(?!\d*日)")),
    ("ytd", re.compile(rf"(?:截至|截止|截止到|截至到|到)(?:(?P<y>(?:19|20)\d\d)年)?(?P<b>{_M})\s*月(?:份)?(?P<part>底|末|上旬|中旬|下旬|初)?")),
    ("first_quarters", re.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?前(?P<q>[一二三1-3])(?:个)?季度")),
    ("first_months", re.compile(rf"(?:(?P<y>(?:19|20)\d\d)年)?(?<![提之此以])前(?!一)(?P<b>{_M})(?:个)?月(?:份)?(?![\d上中下初底末])")),
    ("quarter", re.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?:第)?(?P<q>[一二三四1-4])季度")),
    ("half", re.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?P<h>上|下)半年")),
    ("year", re.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?:全年|年度|年内)")),
    # 份 taken whole or not at all, and "7月份中" (during July) is July: never "7月" before "份中"
    ("month", re.compile(rf"(?:(?P<y>(?:19|20)\d\d)年)?(?P<b>{_M})(?:月份中(?![旬上下])|月份|月(?!份))"
                         rf"(?![\d上中下初底末]|\s*\d+\s*日|-)")),
]
# the kinds that name a span within a year (not 全年 / 年度); with "month", the kinds a header's period takes
SPAN_KINDS = frozenset({"range", "ytd", "first_quarters", "first_months", "quarter", "half"})
QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month(text: str) -> int:
    return int(text) if text.isdigit() else CN_MONTH[text]


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _label(text: str) -> str:
    return re.sub(r"\s+", "", text)


def period_from_match(kind: str, m: re.Match, year: Optional[int]) -> Optional[Period]:
    y = int(m.group("y")) if m.groupdict().get("y") else year
    label = _label(m.group(0))
    if y is None:
        return Period(label)
    try:
        if kind == "range":
            a, b = _month(m.group("a")), _month(m.group("b"))
            if a > b:
                return None
            return Period(label, dt.date(y, a, 1), _end_of_month(y, b))
        if kind in ("ytd", "month", "first_months"):  # "前7月": the year to the end of July
            b = _month(m.group("b"))
            start = dt.date(y, b, 1) if kind == "month" else dt.date(y, 1, 1)
            return Period(label, start, _end_of_month(y, b))
        if kind == "first_quarters":
            q = QUARTER[m.group("q")]
            return Period(label, dt.date(y, 1, 1), _end_of_month(y, 3 * q))
        if kind == "quarter":
            q = QUARTER[m.group("q")]
            return Period(label, dt.date(y, 3 * q - 2, 1), _end_of_month(y, 3 * q))
        if kind == "half":
            first = m.group("h") == "上"
            return Period(label, dt.date(y, 1 if first else 7, 1), dt.date(y, 6, 30) if first else dt.date(y, 12, 31))
        if kind == "year":
            return Period(label, dt.date(y, 1, 1), dt.date(y, 12, 31))
    except (ValueError, KeyError):
        return None
    return None


def find_period(text: str, year: Optional[int], kinds: Optional[set[str]] = None) -> Optional[Period]:
    """The first period expression in text (earliest position; longer match wins a tie)."""
    best = None
    for kind, pattern in PERIOD_PATTERNS:
        if kinds and kind not in kinds:
            continue
        for m in pattern.finditer(text):
            if kind == "year" and text[m.end():m.end() + 1] in ("第",):
                continue
            key = (m.start(), -(m.end() - m.start()))
            if best is None or key < best[0]:
                best = (key, kind, m)
            break
    if best is None:
        return None
    return period_from_match(best[1], best[2], year)


def strip_period(text: str) -> str:
    """Header text without its period ("1-9月完成投资" → "完成投资")."""
    for kind, pattern in PERIOD_PATTERNS:
        if kind in SPAN_KINDS | {"month"}:
            text = pattern.sub("", text, count=1) if pattern.match(text.strip()) else text
    text = re.sub(r"^全年", "", text.strip())
    return text.strip() or text


def year_period(year: int) -> Period:
    return Period(f"{year}年", dt.date(year, 1, 1), dt.date(year, 12, 31))
