"""Series across bulletins: a document checked against the documents of the same area already in
the warehouse, as it is loaded (in its own transaction).

A cumulative figure of one year (完成投资, 开工项目数 … from 1 January) of one entity, measure and
category can only grow from one bulletin to the next: a fall is a typo or a revision, and a
finding names both documents, both values and both quotes. Two documents of the same period are
told apart from a new one: the same figures throughout are the same bulletin loaded again under
another name (one finding, info); some figures different are a revision, each difference a
finding. A figure whose value is ambiguous within its own document (two values for one key) is
never compared.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pipeline.core.vocabulary import CUMULATIVE_MEASURES
from pipeline.store.findings import finding_row
from schemas.models import Document, Entity, FactRow, Metric
from schemas.records import Finding, Period

MISMATCH_CONFIDENCE = 0.6
SAME_BULLETIN_MIN = 3  # figures alike before two documents of one period are called the same bulletin


@dataclass
class _Figure:
    fact_id: int
    document_id: int
    value_base: float
    unit_base: str
    raw: str
    value: float
    unit: Optional[str]
    quote: str
    period_label: Optional[str]
    period_end: dt.date

    @property
    def tolerance(self) -> float:
        """Half a unit of the last digit printed, in base units."""
        m = re.search(r"\d+(?:\.(\d+))?", (self.raw or "").replace(",", ""))
        half = 0.5 * 10 ** -(len(m.group(1) or "") if m else 0)
        return abs(half * self.value_base / self.value) if self.value else 1e-9


def series_findings(s: Session, document_id: int) -> list[dict]:
    """Finding rows (for the findings table) of one document against the others of its area; the
    facts involved are flagged and their confidence lowered."""
    doc = s.get(Document, document_id)
    if doc is None or not doc.jurisdiction:
        return []
    mine = {key[1:]: figure for key, figure in _figures(s, [document_id]).items()}
    if not mine:
        return []
    same_area = Document.jurisdiction == doc.jurisdiction
    if doc.jurisdiction_code:  # 鼓楼区 of 福州 is not 鼓楼区 of 南京
        same_area &= Document.jurisdiction_code.is_(None) | (Document.jurisdiction_code == doc.jurisdiction_code)
    others = s.execute(select(Document.id, Document.file_name, Document.issued_on).where(
        Document.id != document_id, same_area)).all()
    if not others:
        return []
    theirs = _figures(s, [o.id for o in others])
    names = _names(s, {k[0] for k in mine}, {k[1] for k in mine})
    rows, flagged = [], []
    for other in others:
        shared = [(k, mine[k], theirs[(other.id, *k)]) for k in mine if (other.id, *k) in theirs]
        if not shared:
            continue
        same_period = [(k, a, b) for k, a, b in shared if a.period_end == b.period_end]
        differ = [(k, a, b) for k, a, b in same_period if abs(a.value_base - b.value_base) > a.tolerance + b.tolerance]
        if len(same_period) >= SAME_BULLETIN_MIN and not differ:
            k, a, b = same_period[0]
            rows.append(finding_row(document_id, Finding(
                "series_duplicate", "info",
                f"{doc.file_name} states the same {len(same_period)} figures for {a.period_label or a.period_end} as "
                f"{other.file_name}: the same bulletin loaded again under another name?",
                period=Period(a.period_label or "", k[4], a.period_end)), other.id))
            continue
        for k, a, b in differ:
            entity, metric = names[0].get(k[0], "?"), names[1].get(k[1], "?")
            later = doc.file_name if _issued_after(doc.issued_on, other.issued_on) else other.file_name
            rows.append(_row(document_id, other.id, "series_revision", "info", k, a, b, entity, metric,
                             f"{entity} {metric}{_category(k)} for {a.period_label or a.period_end}: {doc.file_name} "
                             f"says {a.raw}, {other.file_name} says {b.raw}; {later} was issued later "
                             f"(a revision, or one of them is wrong)"))
            flagged += [(a.fact_id, "series_revision"), (b.fact_id, "series_revision")]
        for k, a, b in shared:
            if a.period_end == b.period_end:
                continue
            early, late = (a, b) if a.period_end < b.period_end else (b, a)
            if early.value_base - late.value_base <= early.tolerance + late.tolerance:
                continue
            entity, metric = names[0].get(k[0], "?"), names[1].get(k[1], "?")
            file_of = {document_id: doc.file_name, other.id: other.file_name}
            rows.append(_row(document_id, other.id, "series_fall", "warning", k, early, late, entity, metric,
                             f"{entity} {metric}{_category(k)}, counted from {k[4]:%Y-%m-%d}, falls from {early.raw} "
                             f"({early.period_label or early.period_end}, {file_of[early.document_id]}) to {late.raw} "
                             f"({late.period_label or late.period_end}, {file_of[late.document_id]}): a cumulative "
                             f"figure cannot fall; a typo or a revision"))
            flagged += [(a.fact_id, "series_fall"), (b.fact_id, "series_fall")]
    _flag(s, flagged)
    return rows


def _row(document_id, other_id, check, severity, key, a: _Figure, b: _Figure, entity, metric, message) -> dict:
    """A finding on two figures: values and quotes in the order given (a fall: the earlier first)."""
    return finding_row(document_id, Finding(
        check, severity, message, entity=entity, metric=metric, category=key[2],
        period=Period(a.period_label or "", key[4], a.period_end),
        values=[a.value, b.value], quotes=[a.quote, b.quote]), other_id)


def _category(key) -> str:
    return f" ({key[2]})" if key[2] else ""


def _issued_after(mine: Optional[dt.date], theirs: Optional[dt.date]) -> bool:
    return bool(mine and theirs and mine > theirs) or (mine is not None and theirs is None) or (mine == theirs)


def _figures(s: Session, document_ids: list[int]) -> dict[tuple, _Figure]:
    """Cumulative figures of a year, by (document id, entity, metric, category, unit, period
    start): a key with two different values in one document is dropped."""
    q = (select(FactRow.id, FactRow.document_id, FactRow.entity_id, FactRow.metric_id, FactRow.category,
                FactRow.unit_base, FactRow.value_base, FactRow.raw, FactRow.value, FactRow.unit, FactRow.quote,
                FactRow.period_label, FactRow.period_start, FactRow.period_end)
         .join(Metric, Metric.id == FactRow.metric_id)
         .where(FactRow.document_id.in_(document_ids), Metric.name.in_(CUMULATIVE_MEASURES),
                FactRow.entity_id.is_not(None), FactRow.value_base.is_not(None), FactRow.period_start.is_not(None),
                FactRow.period_end.is_not(None)))
    found: dict[tuple, list[_Figure]] = defaultdict(list)
    for r in s.execute(q):
        if (r.period_start.month, r.period_start.day) != (1, 1) or r.period_end <= r.period_start:
            continue  # a month's or a quarter's own figure is no running total
        key = (r.entity_id, r.metric_id, r.category or "", r.unit_base, r.period_start)
        found[(r.document_id, *key)].append(
            _Figure(r.id, r.document_id, r.value_base, r.unit_base, r.raw, r.value, r.unit, r.quote, r.period_label,
                    r.period_end))
    out = {}
    for key, figures in found.items():
        first = figures[0]
        if all(abs(f.value_base - first.value_base) <= f.tolerance + first.tolerance and f.period_end == first.period_end
               for f in figures):
            out[key] = first
    return out


def _names(s: Session, entity_ids: set, metric_ids: set) -> tuple[dict, dict]:
    entities = dict(s.execute(select(Entity.id, Entity.name).where(Entity.id.in_(entity_ids))).all())
    metrics = dict(s.execute(select(Metric.id, Metric.name).where(Metric.id.in_(metric_ids))).all())
    return entities, metrics


def _flag(s: Session, flagged: list[tuple[int, str]]) -> None:
    """The facts a series finding involves: flagged with its check, confidence lowered."""
    checks: dict[int, set] = defaultdict(set)
    for fact_id, check in flagged:
        checks[fact_id].add(check)
    for fact_id, names in checks.items():
        flags, confidence = s.execute(select(FactRow.flags, FactRow.confidence).where(FactRow.id == fact_id)).one()
        present = [f for f in (flags or "").split(",") if f]
        s.execute(update(FactRow).where(FactRow.id == fact_id).values(
            flags=",".join(present + sorted(n for n in names if n not in present)),
            confidence=min(confidence, MISMATCH_CONFIDENCE)))
