"""Series across bulletins: a document checked against the documents of the same area already in
the warehouse, as it is loaded (in its own transaction).

A cumulative figure of one year (完成投资, 开工项目数 … from 1 January) of one entity, measure and
category can only grow from one bulletin to the next: a fall is a typo or a revision, and a
finding names both documents, both values and both quotes. Two documents of the same period are
told apart from a new one: the same figures throughout are the same bulletin loaded again under
another name (one finding, info); some figures different are a revision, each difference a
finding. A figure whose value is ambiguous within its own document (two values for one key) is
never compared. A series is the same area (by code where it has one), genre and title without its
number and period; a document is compared only with the few issues of its own and the nearest
periods of its year, so that the check costs the same however long the series.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.orm import Session

from pipeline.core.vocabulary import CUMULATIVE_MEASURES
from pipeline.stages.validate import MISMATCH_CONFIDENCE
from pipeline.store.findings import finding_row
from schemas.models import Document, Entity, FactRow, FindingRow, Metric
from schemas.records import Finding, Period

SAME_BULLETIN_MIN = 3  # figures alike before two documents of one period are called the same bulletin
NEIGHBOURS = 3  # issues of one period compared at most: the check's cost stays flat as a series grows
# a figure of the month alone, or a stock at a date (余额, 储备): no running total of the year
NOT_RUNNING = re.compile(r"当月|本月|单月|上月|月度|余额|储备|存量|缺口|剩余|待")


@dataclass
class _Figure:
    fact_id: int
    document_id: int
    value_base: float
    raw: str
    value: float
    quote: str
    period_label: Optional[str]
    period_end: dt.date

    @property
    def tolerance(self) -> float:
        return printed_tolerance(self.raw, self.value, self.value_base)


def printed_tolerance(raw: Optional[str], value: float, value_base: float) -> float:
    """Half a unit of the last digit printed, in base units."""
    m = re.search(r"\d+(?:\.(\d+))?", (raw or "").replace(",", ""))
    half = 0.5 * 10 ** -(len(m.group(1) or "") if m else 0)
    return abs(half * value_base / value) if value else 1e-9


def figures_agree(a: float, a_tolerance: float, b: float, b_tolerance: float) -> bool:
    """Two figures (in base units) state the same value: the more precise lies strictly within
    the rounding of the coarser. 28.1 亿元 and 281050 万元 agree; 58400 and 58401 do not, nor 1.2
    and 1.3 亿元 (a unit apart in the last digit is a different figure, never rounding)."""
    return abs(a - b) < max(a_tolerance, b_tolerance)


def series_findings(s: Session, document_id: int) -> list[dict]:
    """Finding rows (for the findings table) of one document against the other bulletins of its
    series; the facts involved are flagged and their confidence lowered, their state before kept
    in the finding (restored if the other document is deleted or replaced)."""
    doc = s.get(Document, document_id)
    if doc is None or not doc.jurisdiction:
        return []
    mine = {key[1:]: figure for key, figure in _figures(s, [document_id]).items()}
    if not mine:
        return []
    if doc.period_end is None:
        return []
    year = doc.period_end.year
    candidates = [o for o in s.execute(select(Document.id, Document.file_name, Document.issued_on, Document.title,
                                              Document.issuer, Document.period_end).where(
        Document.id != document_id, *_same_series(doc), Document.period_end >= dt.date(year, 1, 1),
        Document.period_end <= dt.date(year, 12, 31))).all() if _stem(o.title, o.issuer) == _stem(doc.title, doc.issuer)]
    others = _neighbours(candidates, doc.period_end)
    if not others:
        return []
    theirs = _figures(s, [o.id for o in others], starts={k[4] for k in mine})
    names = _names(s, {k[0] for k in mine}, {k[1] for k in mine})
    rows: list[tuple[dict, list[int]]] = []
    for other in others:
        shared = [(k, mine[k], theirs[(other.id, *k)]) for k in mine if (other.id, *k) in theirs]
        if not shared:
            continue
        same_period = [(k, a, b) for k, a, b in shared if a.period_end == b.period_end]
        differ = [(k, a, b) for k, a, b in same_period
                  if not figures_agree(a.value_base, a.tolerance, b.value_base, b.tolerance)]
        if doc.period_end and doc.period_end == other.period_end and len(same_period) >= SAME_BULLETIN_MIN and not differ:
            k, a, b = same_period[0]
            rows.append((finding_row(document_id, Finding(
                "series_duplicate", "info",
                f"{doc.file_name} states the same {len(same_period)} figures for {a.period_label or a.period_end} as "
                f"{other.file_name}: the same bulletin loaded again under another name?",
                period=Period(a.period_label or "", k[4], a.period_end)), other.id), []))
        for k, a, b in differ:
            entity, metric = names[0].get(k[0], "?"), names[1].get(k[1], "?")
            rows.append((_row(document_id, other.id, "series_revision", "info", k, a, b, entity, metric,
                              f"{entity} {metric}{_category(k)} for {a.period_label or a.period_end}: {doc.file_name} "
                              f"says {a.raw}, {other.file_name} says {b.raw}; "
                              f"{_which_later(doc, other)} (a revision, or one of them is wrong)"), [a.fact_id, b.fact_id]))
        for k, a, b in shared:
            if a.period_end == b.period_end:
                continue
            early, late = (a, b) if a.period_end < b.period_end else (b, a)
            if early.value_base - late.value_base < max(early.tolerance, late.tolerance):
                continue
            entity, metric = names[0].get(k[0], "?"), names[1].get(k[1], "?")
            file_of = {document_id: doc.file_name, other.id: other.file_name}
            rows.append((_row(document_id, other.id, "series_fall", "warning", k, early, late, entity, metric,
                              f"{entity} {metric}{_category(k)}, counted from {k[4]:%Y-%m-%d}, falls from {early.raw} "
                              f"({early.period_label or early.period_end}, {file_of[early.document_id]}) to {late.raw} "
                              f"({late.period_label or late.period_end}, {file_of[late.document_id]}): a cumulative "
                              f"figure cannot fall; a typo or a revision"), [a.fact_id, b.fact_id]))
    _flag(s, rows)
    return [row for row, _ in rows]


def _neighbours(candidates: list, period_end: dt.date) -> list:
    """The issues a document is compared with, a bounded few however long the series: those of
    its own period (the latest NEIGHBOURS loaded) and of the nearest periods before and after it."""
    same = [o for o in candidates if o.period_end == period_end][-NEIGHBOURS:]
    before = [o for o in candidates if o.period_end < period_end]
    after = [o for o in candidates if o.period_end > period_end]
    nearest_before = max((o.period_end for o in before), default=None)
    nearest_after = min((o.period_end for o in after), default=None)
    return same + [o for o in before if o.period_end == nearest_before][-NEIGHBOURS:] \
        + [o for o in after if o.period_end == nearest_after][-NEIGHBOURS:]


def _same_series(doc: Document) -> list:
    """Conditions on the documents of a bulletin's series: the same area (by its code where it
    has one: 鼓楼区 of 福州 is not 鼓楼区 of 南京) and the same genre."""
    conditions = [Document.jurisdiction == doc.jurisdiction]
    conditions.append(Document.jurisdiction_code == doc.jurisdiction_code if doc.jurisdiction_code
                      else Document.jurisdiction_code.is_(None))
    conditions.append(Document.genre == doc.genre if doc.genre else Document.genre.is_(None))
    return conditions


def _stem(title: Optional[str], issuer: Optional[str]) -> str:
    """What stays the same across a series' issues: the title without its number, year, period
    and brackets ("湘潭市重点项目建设情况通报（2021年第6期）" → 湘潭市重点项目建设情况通报), else the issuer."""
    if not title:
        return "issuer:" + (issuer or "")
    stem = re.sub(r"[(（〔\[][^)）〕\]]*[)）〕\]]", "", title)
    stem = re.sub(r"\d{4}\s*年(度)?|第?\s*\d+\s*期|(\d+\s*[-—至~]\s*)?\d+\s*月(份)?|[一二三四]季度|上半年|下半年|前三季度|全年|"
                  r"1-\d+月|\d+", "", stem)
    return re.sub(r"\s+|[“”\"、，,:：]", "", stem)


def _which_later(doc, other) -> str:
    if doc.issued_on and other.issued_on and doc.issued_on != other.issued_on:
        later = doc if doc.issued_on > other.issued_on else other
        return f"{later.file_name} was issued later"
    if doc.issued_on and other.issued_on:
        return "both were issued the same day"
    return "which was issued later is not known"


def _row(document_id, other_id, check, severity, key, a: _Figure, b: _Figure, entity, metric, message) -> dict:
    """A finding on two figures: values and quotes in the order given (a fall: the earlier first)."""
    return finding_row(document_id, Finding(
        check, severity, message, entity=entity, metric=metric, category=key[2],
        period=Period(a.period_label or "", key[4], a.period_end),
        figures=[a.value, b.value], quotes=[a.quote, b.quote]), other_id)


def _category(key) -> str:
    return f" ({key[2]})" if key[2] else ""


def _figures(s: Session, document_ids: list[int], starts: Optional[set] = None) -> dict[tuple, _Figure]:
    """Cumulative figures of a year, by (document id, entity, metric, category, unit, period
    start): a key with two different values in one document is dropped."""
    q = (select(FactRow.id, FactRow.document_id, FactRow.entity_id, FactRow.metric_id, FactRow.category,
                FactRow.unit_base, FactRow.value_base, FactRow.raw, FactRow.value, FactRow.quote, FactRow.metric_raw,
                FactRow.period_label, FactRow.period_start, FactRow.period_end)
         .join(Metric, Metric.id == FactRow.metric_id)
         .where(FactRow.document_id.in_(document_ids), Metric.name.in_(CUMULATIVE_MEASURES),
                FactRow.entity_id.is_not(None), FactRow.value_base.is_not(None), FactRow.period_start.is_not(None),
                FactRow.period_end.is_not(None)))
    if starts is not None:
        q = q.where(FactRow.period_start.in_(starts))
    found: dict[tuple, list[_Figure]] = defaultdict(list)
    for r in s.execute(q):
        if (r.period_start.month, r.period_start.day) != (1, 1) or r.period_end <= r.period_start:
            continue  # a month's or a quarter's own figure is no running total
        if NOT_RUNNING.search(f"{r.metric_raw} {r.category or ''}"):
            continue  # 当月完成投资, 贷款余额, 土地储备: no running total of the year either
        key = (r.entity_id, r.metric_id, r.category or "", r.unit_base, r.period_start)
        found[(r.document_id, *key)].append(
            _Figure(r.id, r.document_id, r.value_base, r.raw, r.value, r.quote, r.period_label, r.period_end))
    out = {}
    for key, figures in found.items():
        first = figures[0]
        if all(figures_agree(f.value_base, f.tolerance, first.value_base, first.tolerance)
               and f.period_end == first.period_end for f in figures):
            out[key] = first
    return out


def _names(s: Session, entity_ids: set, metric_ids: set) -> tuple[dict, dict]:
    entities = dict(s.execute(select(Entity.id, Entity.name).where(Entity.id.in_(entity_ids))).all())
    metrics = dict(s.execute(select(Metric.id, Metric.name).where(Metric.id.in_(metric_ids))).all())
    return entities, metrics


def _flag(s: Session, rows: list[tuple[dict, list[int]]]) -> None:
    """The facts each finding involves: flagged with its check, confidence lowered; their state
    before is kept in the finding (facts_before), to be restored if the other document goes."""
    ids = sorted({fid for _, fact_ids in rows for fid in fact_ids})
    if not ids:
        return
    state = {r.id: (r.confidence, r.flags or "") for r in s.execute(
        select(FactRow.id, FactRow.confidence, FactRow.flags).where(FactRow.id.in_(ids)))}
    added: dict[int, set] = defaultdict(set)
    for row, fact_ids in rows:
        row["facts_before"] = json.dumps([[fid, *state[fid]] for fid in fact_ids]) if fact_ids else None
        for fid in fact_ids:
            added[fid].add(row["check"])
    changes = []
    for fid, checks in added.items():
        present = [f for f in state[fid][1].split(",") if f]
        changes.append({"fact_id": fid, "new_flags": ",".join(present + sorted(c for c in checks if c not in present)),
                        "new_confidence": min(state[fid][0], MISMATCH_CONFIDENCE)})
    facts = FactRow.__table__
    # one statement for all the facts (executemany), not a round trip each
    s.connection().execute(update(facts).where(facts.c.id == bindparam("fact_id")).values(
        flags=bindparam("new_flags"), confidence=bindparam("new_confidence")), changes)


def restore_facts(s: Session, document_id: int) -> None:
    """Before a document is deleted (replaced): the other documents' facts its series findings
    flagged get their state back."""
    kept = s.execute(select(FindingRow.facts_before).where(
        or_(FindingRow.document_id == document_id, FindingRow.other_document_id == document_id),
        FindingRow.facts_before.is_not(None))).scalars().all()
    for before in kept:
        for fid, confidence, flags in json.loads(before):
            s.execute(update(FactRow).where(FactRow.id == fid, FactRow.document_id != document_id).values(
                confidence=confidence, flags=flags))
