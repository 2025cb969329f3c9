"""Checks on a document's facts, reported as findings (data), never raised.

- unit: a figure stored without a unit.
- row_total: a total row (合计 / 全市) against the sum of the rows below it, per column.
- rate: a completion rate column against 完成 / 计划 of its own row where both are present.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from pipeline.core.vocabulary import TOTAL_ROW
from pipeline.core.units import kind_of
from schemas.records import Fact, Finding

SUMMABLE = {"money", "area", "count"}


def validate(facts: list[Fact]) -> list[Finding]:
    findings: list[Finding] = []
    for f in facts:
        if f.unit is None:
            where = f"table {f.table_index} row {f.row} col {f.col}" if f.source_kind == "table" else f"line {f.line}"
            findings.append(Finding("unit", "warning", f"no unit for {f.raw!r} ({f.metric_raw or 'no metric'}) at {where}",
                                    f.table_index, f.row, f.col))
    findings.extend(_row_totals(f for f in facts if f.source_kind == "table"))
    return findings


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
        members_sum = sum(m.value for m in members)
        # figures are rounded as printed: allow half a unit of the last digit per member
        tolerance = max(abs(total.value) * 0.005, 0.005 * len(members))
        if abs(members_sum - total.value) <= tolerance:
            continue
        findings.append(Finding(
            "row_total", "warning",
            f"table {table} col {col} ({metric}): total {total.raw} but the rows add up to {members_sum:.6g}",
            table, total.row, col))
    return findings
