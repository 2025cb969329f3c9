"""Accuracy of a communiqué's prose against gold written by hand (tests/golden/COMMUNIQUE_FORMAT.md).

Each gold row (page, measure, category, value, unit, entity, quote) is matched to one prose fact
with the same value and unit as written, on its page or the next (a sentence may run over a page
break); a fact whose measure is the gold's is preferred. Scores:
- found: the figure was read at all;
- right: with the gold's measure and entity;
- strict: with its category too.
Facts beyond the gold's last page are not counted as extra.

usage: .venv/bin/python -m pipeline.batch.indicator_accuracy GOLD.csv DOCUMENT [--pages N] [-v]
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from schemas.records import Fact


@dataclass
class IndicatorScore:
    gold: int = 0
    found: int = 0
    right: int = 0
    strict: int = 0
    extra: int = 0
    misses: list = field(default_factory=list)  # gold rows not found
    wrong: list = field(default_factory=list)  # (gold row, fact) found under another measure or entity

    def ratio(self, n: int) -> float:
        return round(n / self.gold, 3) if self.gold else 0.0

    def row(self) -> dict:
        return {"gold": self.gold, "found": self.ratio(self.found), "right": self.ratio(self.right),
                "strict": self.ratio(self.strict), "extra": self.extra}


def read_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r.get("value")]


def score(gold: list[dict], facts: list[Fact], last_page: Optional[int] = None) -> IndicatorScore:
    prose = [f for f in facts if f.source_kind == "text" and (last_page is None or (f.page or 1) <= last_page)]
    out = IndicatorScore(gold=len(gold))
    used: set[int] = set()
    for g in gold:
        value, unit = float(g["value"]), g["unit"] or ""
        page = int(g["page"]) if g.get("page") else None

        def same_figure(f: Fact) -> bool:
            return abs(f.value - value) < 1e-9 and (f.unit or "") == unit and \
                (page is None or abs((f.page or 1) - page) <= 1)

        candidates = [i for i, f in enumerate(prose) if i not in used and same_figure(f)]
        best = next((i for i in candidates if prose[i].metric == g["measure"]), candidates[0] if candidates else None)
        if best is None:
            out.misses.append(g)
            continue
        used.add(best)
        out.found += 1
        f = prose[best]
        if f.metric == g["measure"] and (f.entity or "?") == g["entity"]:
            out.right += 1
            out.strict += (f.category or "") == (g["category"] or "")
        else:
            out.wrong.append((g, f))
    out.extra = len(prose) - len(used)
    return out


def main(argv: Optional[list[str]] = None) -> int:
    import argparse

    from pipeline.stages.document import Toolkit, extract_document, read_source

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold")
    parser.add_argument("document")
    parser.add_argument("--pages", type=int, default=None, help="the gold covers pages 1..N")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and wrong measures")
    args = parser.parse_args(argv)
    data, sha = read_source(args.document)
    doc = extract_document(args.document, data, sha, Toolkit.create())
    result = score(read_gold(Path(args.gold)), doc.facts, args.pages)
    print(result.row())
    if args.verbose:
        for g in result.misses:
            print(f"missed: {g['measure']} / {g['category']} {g['value']} {g['unit']} «{g['quote']}»")
        for g, f in result.wrong:
            print(f"wrong: {g['measure']} / {g['category']} {g['value']} → {f.entity} / {f.metric} / {f.category}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
