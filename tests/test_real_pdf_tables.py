"""Real government PDFs with three-line tables, scored against gold written by hand from the page.

tests/golden/zhoukou_2023_tables.csv holds every cell of the six tables of 周口市's 2023 statistical
communiqué (../shared/real_pdfs/01_…pdf), written from the rendered pages by someone who did not
run the product (how they read it: zhoukou_2023_tables.md beside it).
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from pipeline.core.normalize import normalize_chars

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
ZHOUKOU = SHARED / "real_pdfs" / "01_zhoukou-shi-2023-tongji-gongbao.pdf"
GOLD = Path(__file__).resolve().parent / "golden" / "zhoukou_2023_tables.csv"


def _gold():
    with open(GOLD, encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh)]


def _norm(text: str) -> str:
    return normalize_chars(text or "").replace(" ", "")


def score(facts, gold, entity: str) -> tuple[int, int, list]:
    """(cells found by page and value, cells with the right entity, measure, category and unit, misses)."""
    table = [f for f in facts if f.source_kind == "table"]
    pool = Counter((f.page, f.value) for f in table)
    found = right = 0
    misses = []
    for g in gold:
        key = (int(g["page"]), float(g["value"]))
        if pool[key] > 0:
            pool[key] -= 1
            found += 1
        match = [f for f in table if (f.page, f.value) == key and f.entity == entity and f.metric == g["metric"]
                 and _norm(f.category) == _norm(g["category"]) and f.unit == g["unit"]]
        if match:
            right += 1
        else:
            misses.append((g["table"], g["row_label"], g["column"], g["value"], g["metric"], g["category"]))
    return found, right, misses


@pytest.fixture(scope="module")
def zhoukou(extract):
    if not ZHOUKOU.exists():
        pytest.skip(f"{ZHOUKOU} not found (clone outside the workplace)")
    return extract(ZHOUKOU)


def test_every_cell_of_the_communique_tables(zhoukou):
    gold = _gold()
    assert len(gold) == 136
    found, right, misses = score(zhoukou.facts, gold, "周口市")
    assert found == len(gold), misses[:10]
    assert right / len(gold) >= 0.97, misses[:10]


def test_no_table_value_is_invented(zhoukou):
    """Table facts the gold does not hold: none (a broken grid once read a whole column as one number)."""
    remaining = Counter((int(g["page"]), float(g["value"])) for g in _gold())
    extra = []
    for f in zhoukou.facts:
        if f.source_kind != "table":
            continue
        if remaining[(f.page, f.value)] > 0:
            remaining[(f.page, f.value)] -= 1
        else:
            extra.append((f.page, f.value, f.metric))
    assert extra == []
    assert all(abs(f.value) < 1e9 for f in zhoukou.facts)


def test_communique_tables_read_from_their_rules(zhoukou):
    by_method = Counter(t.method for t in zhoukou.tables)
    assert by_method["rules-vertical"] + by_method["rules-aligned"] == 6, by_method
    assert zhoukou.meta.title == "2023年周口市国民经济和社会发展统计公报"
    assert zhoukou.meta.issuer == "周口市统计局" and str(zhoukou.meta.issued_on) == "2024-04-29"
