"""Rows shown to a person: numbers as written (never 1.6953e+06), aligned text tables that
count Han characters as two columns, Markdown tables, and CSV or JSON lines as rows stream."""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import itertools
import json
import unicodedata
from typing import Iterable, Iterator, Optional

MAX_WIDTH = 40  # a cell's columns in a text table unless --wide


def plain_number(v: float) -> str:
    """A float as a person writes it: 1695300, 0.0005, 12.5; never an exponent. The shortest
    digits that read back as the same float (Python's repr), laid out without an exponent."""
    if v != v or v in (float("inf"), float("-inf")):
        return str(v)
    if v == int(v) and abs(v) < 2 ** 53:  # every whole number here is exactly a float
        return str(int(v))
    text = format(decimal.Decimal(repr(v)), "f")  # beyond 2**53, the digits repr chose, not the binary's
    return text[:-2] if text.endswith(".0") else text


def shown(v) -> str:
    """Any value of a result row as text: numbers plain, dates ISO, None empty."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float):
        return plain_number(v)
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (bytes, memoryview)):
        return bytes(v).hex()  # as the JSON lines write it
    return str(v)


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _cell(v, max_width: Optional[int]) -> str:
    """A value as one display cell; cut with "…" to max_width columns unless max_width is None."""
    s = shown(v)
    if max_width is None:
        return s.replace("\r\n", " ").replace("\n", " ")
    s = s[: max_width * 2 + 1].replace("\n", " ")  # never measure more than can be shown
    if width(s) <= max_width:
        return s
    used, cut = 0, 0
    for cut, ch in enumerate(s):
        used += width(ch)
        if used > max_width - 1:
            break
    return s[:cut] + "…"


def _pad(s: str, w: int, right: bool = False) -> str:
    gap = " " * max(0, w - width(s))
    return gap + s if right else s + gap


def format_table(columns: list[str], rows: list[tuple], max_width: Optional[int] = MAX_WIDTH) -> str:
    """Aligned text table that accounts for double-width Han characters."""
    return "\n".join(line for line, _ in format_table_stream(columns, iter(rows), max_width, len(rows) or 1))


def format_table_stream(columns: list[str], rows: Iterable, max_width: Optional[int] = MAX_WIDTH,
                        measure: int = 1000) -> Iterator[tuple[str, int]]:
    """(line, rows so far) as rows come: widths are measured on the first `measure` rows, so that
    a long result is printed while it is read, never held whole in memory. Numbers are aligned
    right, as in a spreadsheet."""
    rows = iter(rows)
    first = list(itertools.islice(rows, measure))
    numeric = [bool(first) and all(r[i] is None or (isinstance(r[i], (int, float, decimal.Decimal))
                                                     and not isinstance(r[i], bool)) for r in first)
               for i in range(len(columns))]
    head = [[_cell(v, max_width) for v in r] for r in first]
    widths = [max([width(c)] + [width(r[i]) for r in head]) for i, c in enumerate(columns)]
    yield "  ".join(_pad(c, w, num) for c, w, num in zip(columns, widths, numeric)).rstrip(), 0
    yield "  ".join("-" * w for w in widths), 0
    n = 0
    for n, r in enumerate(itertools.chain(head, ([_cell(v, max_width) for v in r] for r in rows)), 1):
        yield "  ".join(_pad(c, w, num) for c, w, num in zip(r, widths, numeric)).rstrip(), n


def markdown_lines(columns: list[str], rows: Iterable) -> Iterator[str]:
    """A GitHub-flavoured Markdown table, a line at a time; | and line breaks inside cells escaped."""
    def cell(v) -> str:
        return shown(v).replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")

    yield "| " + " | ".join(cell(c) for c in columns) + " |"
    yield "|" + "|".join(" --- " for _ in columns) + "|"
    for r in rows:
        yield "| " + " | ".join(cell(v) for v in r) + " |"


def csv_lines(columns: list[str], rows: Iterable) -> Iterator[str]:
    """CSV text a row at a time (numbers plain, dates ISO)."""
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for r in itertools.chain([columns], rows):
        w.writerow([shown(v) for v in r])
        yield buf.getvalue().rstrip("\n")
        buf.seek(0)
        buf.truncate()


def json_lines(columns: list[str], rows: Iterable) -> Iterator[str]:
    """One JSON object a row; numbers stay numbers, written as in the table (0.00005, never
    5e-05), decimals and dates become text."""
    for r in rows:
        yield "{" + ", ".join(f"{json.dumps(c, ensure_ascii=False)}: {_json_value(v)}" for c, v in zip(columns, r)) + "}"


def _json_value(v) -> str:
    if isinstance(v, float) and v == v and v not in (float("inf"), float("-inf")):
        return plain_number(v)  # a JSON number without an exponent
    if isinstance(v, decimal.Decimal) and v.is_finite():
        return format(v, "f")
    if isinstance(v, (dt.date, dt.datetime)):
        return json.dumps(v.isoformat())
    if isinstance(v, (bytes, memoryview)):
        return json.dumps(bytes(v).hex())
    if v is None or isinstance(v, (bool, int, str)):
        return json.dumps(v, ensure_ascii=False)
    return json.dumps(str(v), ensure_ascii=False)
