"""Checks on a document's facts, reported as findings (data), never raised.

- unit: a figure stored without a unit.
- row_total: a total row (合计 / 全市) against the sum of the rows below it, per column.
- rate: a printed rate (完成率, 开工率, 竣工率, 投产率) in a table against the quotient of its parts
  in the same row (same entity and category, parts in one unit), allowing for the rounding of
  every printed figure; the three facts are flagged `rate_mismatch`, their confidence lowered.
- prose_table (communiqués and reports): a figure stated in a sentence and in the document's own
  table (the same entity, measure, category and period) with different values, beyond the
  rounding of both; both facts are flagged `prose_table_disagree`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Optional

from pipeline.core.vocabulary import TOTAL_ROW
from pipeline.core.units import kind_of
from schemas.records import Fact, Finding

SUMMABLE = {"money", "area", "count"}


def validate(facts: list[Fact], statistical: bool = False) -> list[Finding]:
    """statistical: a communiqué or report, whose prose names its measures as its tables do, so
    that a sentence and a cell can be compared (a bulletin's prose loses the category of a part:
    its 完成投资 of 产业项目 is no match for the table's total)."""
    findings: list[Finding] = []
    for f in facts:
        where = f"table {f.table_index} row {f.row} col {f.col}" if f.source_kind == "table" else f"line {f.line}"
        if f.unit is None:
            severity, message = "warning", f"no unit for {f.raw!r} ({f.metric_raw or 'no metric'}) at {where}"
        elif "unit_from_measure" in f.flags:  # "完成投资5000万": 元 read from the measure, said so
            severity, message = "info", (f"{f.raw!r} read as {f.unit}: the words before it name an amount of money "
                                         f"({f.metric_raw or 'no metric'}) at {where}")
        else:
            continue
        findings.append(Finding("unit", severity, message, f.table_index, f.row, f.col, **_about(f),
                                figures=[f.value], quotes=[f.quote]))
    findings.extend(_row_totals(f for f in facts if f.source_kind == "table"))
    findings.extend(_rates(facts))
    if statistical:
        findings.extend(_prose_against_tables(facts))
    return findings


# a rate and the parts it is the quotient of, in the order a document may mean them
RATE_PARTS = {"完成率": [("完成投资", "计划投资"), ("完成投资", "总投资")],
              "开工率": [("开工项目数", "计划开工项目数")],
              "竣工率": [("竣工项目数", "计划竣工项目数")],
              "投产率": [("投产项目数", "计划投产项目数")]}
MISMATCH_CONFIDENCE = 0.6
NESTED_ROW = re.compile(r"小计|合计|其中|#")  # a fact a check found at odds with the document's own figures


def _rates(facts: list[Fact]) -> list[Finding]:
    """Rates against their parts: 完成率 33% beside 完成 66018 and 计划 200000 agrees (33.009%)."""
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.source_kind == "table":  # a sentence's 计划 may be a quarter's while its rate is of the year's
            groups[(f.table_index, f.row, f.entity or f.entity_raw, f.category)].append(f)
    findings = []
    for group in groups.values():
        for rate in group:
            if rate.metric not in RATE_PARTS or rate.unit != "%":
                continue
            quotients = []
            for num_metric, den_metric in RATE_PARTS[rate.metric]:
                if den_metric == "总投资" and "总投资" not in (rate.metric_raw or ""):
                    continue  # 占总投资 only where the rate's own header says so
                num = [f for f in group if f.metric == num_metric]
                den = [f for f in group if f.metric == den_metric]
                if len(num) == 1 and len(den) == 1 and den[0].value and num[0].unit == den[0].unit:
                    quotients.append((num[0], den[0], 100 * num[0].value / den[0].value))
            if not quotients:
                continue
            if any(abs(rate.value - q) <= _rate_tolerance(rate, n, d, q) for n, d, q in quotients):
                continue
            n, d, q = quotients[0]
            _doubt((rate, n, d), "rate_mismatch")  # which of the three is wrong the row does not say
            findings.append(Finding(
                "rate", "warning",
                f"{rate.entity or rate.entity_raw or '?'} {rate.metric} printed {rate.raw or rate.value} but "
                f"{n.metric} {n.raw or n.value} / {d.metric} {d.raw or d.value} = {q:.2f}%",
                rate.table_index, rate.row, rate.col, **_about(rate), figures=[rate.value, round(q, 4), n.value, d.value],
                quotes=[rate.quote, n.quote, d.quote]))
    return findings


def _rate_tolerance(rate: Fact, num: Fact, den: Fact, quotient: float) -> float:
    """How far the printed rate may be from the quotient of the printed parts: half a unit of its
    last digit, plus the widest quotient the parts' own rounding allows."""
    dn, dd = _half_unit(num), _half_unit(den)
    n, d = abs(num.value), abs(den.value)
    widest = max(abs((n + dn) / (d - dd) * 100 - abs(quotient)) if d > dd else float("inf"),
                 abs(abs(quotient) - (n - dn) / (d + dd) * 100))
    return _half_unit(rate) + widest + 1e-9


def _half_unit(f: Fact) -> float:
    """Half a unit of the last digit printed, in the fact's own unit (33 → 0.5, 33.0 → 0.05)."""
    m = re.search(r"\d+(?:\.(\d+))?", (f.raw or "").replace(",", ""))
    decimals = len(m.group(1) or "") if m else 0
    return 0.5 * 10 ** -decimals


def _prose_against_tables(facts: list[Fact]) -> list[Finding]:
    """A figure stated in a sentence and in the document's own table with different values."""
    tables: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        key = _stated(f)
        if f.source_kind == "table" and key:
            tables[key].append(f)
    findings = []
    for f in facts:
        key = _stated(f)
        if f.source_kind != "text" or not key or key not in tables:
            continue
        cells = tables[key]
        if any(abs(f.value_base - c.value_base) <= _base_tolerance(f) + _base_tolerance(c) for c in cells):
            continue
        cell = cells[0]
        _doubt((f, cell), "prose_table_disagree")
        findings.append(Finding(
            "prose_table", "warning",
            f"{f.entity or f.entity_raw or '?'} {f.metric}{' / ' + f.category if f.category else ''}: the text says "
            f"{f.raw} («{_short(f.quote)}», line {f.line}) but table {cell.table_index} row {cell.row} says {cell.raw}",
            cell.table_index, cell.row, cell.col, **_about(f), figures=[f.value, cell.value], quotes=[f.quote, cell.quote]))
    return findings


def _stated(f: Fact) -> Optional[tuple]:
    """What a figure is of, to compare a sentence with a table: None for a figure no check can
    pair (unknown entity, measure or period, no base unit)."""
    if not (f.entity and f.metric and f.period and f.value_base is not None and f.unit_base):
        return None
    return f.entity, f.metric, f.category or "", f.period.start, f.period.end, f.unit_base


def _base_tolerance(f: Fact) -> float:
    """The rounding of the printed figure, in base units (231.4亿元 → ±500万元)."""
    if not f.value:
        return 1e-9
    return abs(_half_unit(f) * f.value_base / f.value) + 1e-9


def _doubt(facts, flag: str) -> None:
    """Facts a check found at odds with the document's own figures: flagged, confidence lowered."""
    for f in facts:
        f.flags.append(flag)
        f.confidence = min(f.confidence, MISMATCH_CONFIDENCE)


def _about(f: Fact) -> dict:
    """What a finding on this fact is about, as the findings table stores it."""
    return dict(entity=f.entity or f.entity_raw or "", metric=f.metric or f.metric_raw or "", category=f.category or "",
                period=f.period)


def _short(quote: str, n: int = 40) -> str:
    quote = (quote or "").strip()
    return quote if len(quote) <= n else quote[:n] + "…"


def _row_totals(facts: Iterable[Fact]) -> list[Finding]:
    # (table, column, metric path with category) → the total row's fact and the other rows'
    groups: dict[tuple, dict] = defaultdict(lambda: {"total": None, "members": []})
    for f in facts:
        if kind_of(f.unit) not in SUMMABLE:
            continue
        key = (f.table_index, f.col, f.metric_raw)
        if TOTAL_ROW.match(f.entity_raw or ""):
            groups[key]["total"] = f
        elif f.entity_raw:
            groups[key]["members"].append(f)
    findings = []
    for (table, col, metric), g in sorted(groups.items(), key=lambda kv: kv[0]):
        total, members = g["total"], [m for m in g["members"] if m.unit == g["total"].unit] if g["total"] else []
        if total is None or len(members) < 2:
            continue
        if any(NESTED_ROW.search(m.entity_raw) for m in members):
            continue  # 市区小计 / 其中: rows inside rows, which a plain sum counts twice
        members_sum = sum(m.value for m in members)
        # figures are rounded as printed: allow half a unit of the last digit per member
        tolerance = max(abs(total.value) * 0.005, 0.005 * len(members))
        if abs(members_sum - total.value) <= tolerance:
            continue
        # the total or one of the rows is wrong, which the table does not say: the total is the
        # figure a reader takes, so it carries the doubt
        _doubt((total,), "row_total_mismatch")
        findings.append(Finding(
            "row_total", "warning",
            f"table {table} col {col} ({metric}): total {total.raw} but the rows add up to {members_sum:.6g}",
            table, total.row, col, **_about(total), figures=[total.value, round(members_sum, 6)], quotes=[total.quote]))
    return findings
