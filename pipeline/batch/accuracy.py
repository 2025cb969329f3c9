"""Accuracy on real bulletins written by hand: strict recall, precision and wrongly attributed
places, per document and in all.

The development set (tests/devset/, its FORMAT.md) is real captures from many provinces, each
with gold facts written by hand: entity, measure, category, value, unit, period. Documents are
read from `tests/devset/docs/` and, for those named after `../shared/real_text/` files, from
there (skipped when absent). Each document is extracted as `bulletins ingest` would, without a
warehouse, and its facts matched one-to-one to the gold:

- a figure matches when value and unit agree after conversion to base units (68.44 亿元 is
  684400 万元);
- strictly when the entity (the canonical name; `?` for unknown) and the measure (the metric's
  head, "完成投资" of "完成投资 / 产业项目") agree as well;
- a wrong place is a gold figure found only under a place other than the gold's (a figure that
  repeats, 0个 of three counties, is not counted against the one it was paired with): the error a
  statistician cannot see;
- a scale error is a fact whose number as written matches a gold figure in another scale
  (万元 for 亿元).

Precision counts the facts whose figure is a gold figure: a fact from page chrome, a threshold
or a year is a false one.
"""
from __future__ import annotations

import csv
import functools
import glob
import hashlib
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from pipeline.core.units import canonical_unit, to_base
from pipeline.stages.document import SUPPORTED, Toolkit, extract_document
from pipeline.stages.gazetteer import PLACE_KINDS, normalize_name
from schemas.records import DocumentError, Fact

ROOT = Path(__file__).resolve().parents[2]
COUNT_UNITS = {"", "个", "项", "家", "宗", "名", "位次", "位", "条", "台", "套", "座", "处", "批", "次", "所"}  # words that count, none a scale of another
DEVSET = ROOT / "tests" / "devset"
REAL_TEXT = ROOT.parent / "shared" / "real_text"


@dataclass(frozen=True)
class Gold:
    entity: str
    measure: str
    category: str
    value: float
    unit: str
    period: str
    where: str


@dataclass
class DocumentScore:
    name: str
    gold: int = 0
    facts: int = 0
    value_matched: int = 0  # gold figures found at all
    strict: int = 0  # … with the right entity and measure
    entity_right: int = 0  # … with the right entity
    table_gold: int = 0
    table_strict: int = 0
    text_gold: int = 0
    text_strict: int = 0
    true_facts: int = 0  # facts whose figure is a gold figure
    wrong_place: int = 0
    scale_errors: int = 0
    error: str = ""
    misses: list = field(default_factory=list)  # (gold, the fact paired with it or None)
    false_facts: list = field(default_factory=list)  # facts whose figure is no gold figure

    def row(self) -> dict:
        return {"document": self.name, "gold": self.gold, "facts": self.facts,
                "recall": _ratio(self.value_matched, self.gold), "strict_recall": _ratio(self.strict, self.gold),
                "precision": _ratio(self.true_facts, self.facts), "wrong_place": self.wrong_place,
                "scale_errors": self.scale_errors, "error": self.error}


def _ratio(a: int, b: int) -> Optional[float]:
    return round(a / b, 3) if b else None


MONEY_MEASURES = {"完成投资", "计划投资", "总投资", "固定资产投资", "到位资金", "签约金额", "融资", "营业收入", "税收"}


def read_gold(path: Path) -> list[Gold]:
    with path.open(encoding="utf-8") as fh:
        rows = [ln for ln in fh if not ln.startswith("#")]
    out = []
    for row in csv.DictReader(rows):
        try:
            value = float(row["value"])
        except (TypeError, ValueError):
            continue
        # a bracketed character of a measure's name is part of the word: 开(竣)工项目数 is 开竣工项目数
        measure = re.sub(r"[(（]([\u4e00-\u9fff])[)）]", r"\1", (row.get("measure") or "").strip())
        unit = (row.get("unit") or "").strip()
        if unit in ("亿", "万") and measure in MONEY_MEASURES:
            unit += "元"  # "16.6亿" of a plan, its 元 left out as written: an amount of money
        out.append(Gold(normalize_name(row.get("entity") or "?") or "?", measure,
                        (row.get("category") or "").strip(), value, unit,
                        (row.get("period") or "").strip(), (row.get("where") or "").strip()))
    return out


def documents(devset: Path = DEVSET, real_text: Path = REAL_TEXT) -> list[tuple[str, Path, Path]]:
    """(name, document file, gold file) of every document that is here: a text capture
    (docs/<id>.txt or real_text's), or a page, PDF, Word or Excel file (docs/<id>.html, .pdf,
    .docx, .xlsx …, its source in the gold file's first comment line)."""
    out = []
    for gold in sorted((devset / "gold").glob("*.csv")):
        found = [devset / "docs" / f"{gold.stem}.txt", real_text / f"{gold.stem}.txt"]
        found += sorted(p for p in (devset / "docs").glob(f"{glob.escape(gold.stem)}.*")
                        if p.suffix.lower() in SUPPORTED and p.suffix.lower() != ".txt")
        for text in found:
            if text.is_file():
                out.append((gold.stem, text, gold))
                break
    return out


def _base(value: float, unit: Optional[str]) -> tuple[Optional[float], Optional[str]]:
    unit = canonical_unit(unit) if unit else None
    base, base_unit = to_base(value, unit)
    return (round(base, 6) if base is not None else round(value, 6)), (base_unit or unit or "")


def _measure(f: Fact) -> str:
    if "metric_unknown" in f.flags:
        return ""  # a measure left unknown on purpose (a header that cannot be aligned) matches none
    return (f.metric or f.metric_raw or "").split(" / ")[0]


EVENT_COUNTS = {"开工项目数": "开工", "开复工项目数": "开复工", "竣工项目数": "竣工", "开竣工项目数": "开竣工", "签约项目数": "签约"}


def _same_measure(g: Gold, f: Fact) -> bool:
    """The gold's measure, or the same measure as a communiqué's indicators name it
    (tests/golden/COMMUNIQUE_FORMAT.md): 固定资产投资增速 is the 同比增长 of 固定资产投资, and 民间投资 of a
    communiqué the 固定资产投资 whose category the gold writes 民间投资."""
    measure = _measure(f)
    if measure == g.measure:
        return True
    kind = (g.category or "").split(" / ")[-1]
    category = (f.category or "").split(" / ")[-1]
    if g.measure == "同比增长" and measure.endswith("增速") and len(measure) > 2:
        if not kind:  # the gold's growth of the page's whole: the tool's of its whole investment, not of a part
            return not category and re.fullmatch(r"(全社会|城镇)?固定资产投资|(重点)?项目投资|投资", measure[:-2]) is not None
        return kind == category or (not category and kind == measure[:-2])
    if g.measure == "固定资产投资" and measure.endswith("投资") and "indicator_table" not in f.flags:
        return not category and kind == measure
    pair = {g.measure, measure}
    event = next((EVENT_COUNTS[m] for m in pair if m in EVENT_COUNTS), "")
    others = {"开工", "复工", "竣工", "签约", "投产"} - set(re.findall("开工|复工|竣工|签约|投产", event))
    compound = re.search(r"开竣工|开复工", (g.category or "") + " " + (f.category or ""))
    if compound and compound.group(0) != event:
        return False  # (a batch of 开竣工 projects is no count of 竣工 ones: 开竣工 is one event of its own)
    if "项目数" in pair and event and re.search(r"(?<!计划)(?<![未拟待])" + event, g.category or "") \
            and not any(o in (g.category or "").replace(event, "") for o in others) \
            and not any(w in (f.category or "") and w not in (g.category or "")
                        for w in ("计划", "未开工", "未按", "拟开工", "拟新开工", "拟建", "待建", "在建", "续建", "储备", "谋划",
                                  "前期", *others)):
        # a batch the gold's category names by its one event (集中开工项目 / 民生项目): its count is the count of
        # projects started, 开工项目数 or 项目数 of 集中开工项目 alike (golds write either); not a batch of two
        # events (集中开工竣工项目), whose whole count is no one event's; nor a fact of another kind (续建项目,
        # 计划开工项目, 未开工项目, 签约项目 among started ones)
        return True
    return False


def _same_figure(g: Gold, f: Fact) -> bool:
    gv, gu = _base(g.value, g.unit)
    fv, fu = _base(f.value, f.unit)
    units_agree = gu == fu or (gu in COUNT_UNITS and fu in COUNT_UNITS)
    return units_agree and gv is not None and fv is not None and abs(gv - fv) <= 1e-6 * max(1.0, abs(gv))


def _entity_of(f: Fact) -> str:
    if not f.entity:
        return "?"
    if "entity_as_written" in f.flags:  # 鄧州市 as a traditional-script capture writes 邓州市 (same code)
        return normalize_name(_simplified(f.entity))
    return normalize_name(f.entity)


PARK_END = re.compile(r"(园区|开发区|新区|高新区|经开区|集聚区|商业区|产业园|示范区)$")  # a county's park, by its ending


def _same_place(gold_entity: str, f: Fact, kit: Toolkit) -> bool:
    """The gold's entity and the fact's are one: the same name, or the gold's name read inside the
    fact's jurisdiction as that place for sure (四川天府新区 of the gold is the 天府新区 of the
    reference list): the scorer compares places, not spellings."""
    entity = _entity_of(f)
    if entity == gold_entity:
        return True
    if gold_entity == "?" or not f.entity:
        return False
    if f.entity_parent and gold_entity in (normalize_name(f.entity_parent) + entity,
                                           re.sub(r"(市|地区|盟)$", "", normalize_name(f.entity_parent)) + entity):
        # 晋城市城区 of the gold is 晋城市's 城区 (the division's own name, its parent kept apart); 宿迁湖滨新区
        # is 宿迁市's 湖滨新区, the zone by the name the document writes, under its city
        return True
    if entity.endswith("经开区") and gold_entity == entity[:-3] + "开发区":
        return True  # 海林开发区 of the gold is the 海林经开区 a bare 开发区 is read as (one zone, the tool's name for it)
    parent = normalize_name(f.entity_parent or "")
    short = re.sub(r"(县|市|区|旗)$", "", parent)
    if len(short) >= 2 and entity.startswith(short) and not entity.startswith(parent) \
            and gold_entity == parent + entity[len(short):] and PARK_END.search(entity):
        # 湄潭县工业园区 of the gold is the 湄潭工业园区 made under 湄潭县: one county's park, written with or
        # without its level word
        return True
    if short and entity.startswith(short) and gold_entity.endswith(entity) and len(gold_entity) > len(entity) \
            and PARK_END.search(entity):
        # 拉萨达孜工业园区 of the gold is the 达孜工业园区 made under 达孜区: a county's park, its city's short name
        # written before it or not
        above = kit.gazetteer.city_of(kit.gazetteer.official_named(parent, None)[0])
        if above is not None and gold_entity == (above.short or "") + entity:
            return True
    if parent and entity.startswith(parent) and len(entity) > len(parent) and gold_entity.endswith(entity[len(parent):]):
        # 湖南湘江新区直管区 of the gold is the 湘江新区直管区 of a fact whose parent is 湘江新区 (湖南湘江新区 by its other name)
        above = kit.reconciler.resolve(gold_entity[:-(len(entity) - len(parent))], f.entity_context or None)
        if above.method in ("exact", "former", "alias") and not above.pending and normalize_name(above.entity) == parent:
            return True
    read = kit.reconciler.resolve(gold_entity, f.entity_context or None)
    return read.method in ("exact", "former", "alias") and not read.pending and normalize_name(read.entity) == entity


@functools.lru_cache(maxsize=4096)
def _simplified(name: str) -> str:
    import opencc

    return opencc.OpenCC("t2s").convert(name)


def score_document(name: str, text_path: Path, gold_path: Path, kit: Toolkit) -> DocumentScore:
    gold = read_gold(gold_path)
    score = DocumentScore(name, gold=len(gold))
    score.table_gold = sum(g.where == "table" for g in gold)
    score.text_gold = score.gold - score.table_gold
    raw = text_path.read_bytes()
    if raw.startswith(b"# source:"):  # a text capture's first line says where it was taken from
        raw = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}{text_path.suffix.lower()}"
        path.write_bytes(raw)
        try:
            doc = extract_document(str(path), raw, hashlib.sha256(raw).hexdigest(), kit)
            facts = doc.facts
        except DocumentError as exc:
            facts = []
            score.error = exc.kind
    score.facts = len(facts)
    unmatched = set(range(len(facts)))
    pairs: dict[int, int] = {}  # gold index → fact index, strict pairs first so that a loose one never steals them
    for strength in ("strict", "entity", "value"):
        for k, g in enumerate(gold):
            if k in pairs:
                continue
            for i in sorted(unmatched):
                f = facts[i]
                if not _same_figure(g, f):
                    continue
                if strength == "strict" and not (_same_place(g.entity, f, kit) and _same_measure(g, f)):
                    continue
                if strength == "entity" and _entity_of(f) != g.entity:
                    continue
                pairs[k] = i
                unmatched.discard(i)
                break
    for k, g in enumerate(gold):
        if k not in pairs:
            score.misses.append((g, None))
            continue
        f = facts[pairs[k]]
        score.value_matched += 1
        if _same_place(g.entity, f, kit) and _same_measure(g, f):
            score.strict += 1
            if g.where == "table":
                score.table_strict += 1
            else:
                score.text_strict += 1
        else:
            score.misses.append((g, f))
        if _same_place(g.entity, f, kit):
            score.entity_right += 1
        elif f.entity and f.entity_kind in PLACE_KINDS and \
                not any(_same_figure(g, o) and _same_place(g.entity, o, kit) for o in facts):
            score.wrong_place += 1  # the figure is under another place, and under the gold's nowhere
    score.true_facts = len(facts) - len(unmatched)
    for i in sorted(unmatched):
        f = facts[i]
        score.false_facts.append(f)
        if any(abs(f.value - g.value) < 1e-9 and canonical_unit(f.unit or "") != canonical_unit(g.unit or "")
               and _base(f.value, f.unit)[1] == _base(g.value, g.unit)[1]
               and not {f.unit or "", g.unit} <= COUNT_UNITS for g in gold):  # 4个 and 4项 differ in no scale
            score.scale_errors += 1
    return score


def evaluate(devset: Path = DEVSET, real_text: Path = REAL_TEXT, kit: Optional[Toolkit] = None,
             only: tuple = ("",)) -> list[DocumentScore]:
    kit = kit or Toolkit.create(use_camelot=False)
    return [score_document(name, text, gold, kit) for name, text, gold in documents(devset, real_text)
            if name.startswith(tuple(only))]


def totals(scores: Iterable[DocumentScore]) -> dict:
    scores = list(scores)
    s = lambda attr: sum(getattr(x, attr) for x in scores)  # noqa: E731
    return {"documents": len(scores), "gold": s("gold"), "facts": s("facts"),
            "recall": _ratio(s("value_matched"), s("gold")), "strict_recall": _ratio(s("strict"), s("gold")),
            "entity_right": _ratio(s("entity_right"), s("value_matched")),
            "table_strict_recall": _ratio(s("table_strict"), s("table_gold")),
            "text_strict_recall": _ratio(s("text_strict"), s("text_gold")),
            "precision": _ratio(s("true_facts"), s("facts")), "wrong_place": s("wrong_place"),
            "scale_errors": s("scale_errors")}


def markdown(scores: list[DocumentScore]) -> str:
    head = "| document | gold | facts | recall | strict recall | precision | wrong place | scale errors |\n" \
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    fmt = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
    lines = [f"| {r['document']} | {r['gold']} | {r['facts']} | {fmt(r['recall'])} | {fmt(r['strict_recall'])} | "
             f"{fmt(r['precision'])} | {r['wrong_place']} | {r['scale_errors']} |" for r in (x.row() for x in scores)]
    t = totals(scores)
    lines.append(f"| **all {t['documents']}** | {t['gold']} | {t['facts']} | {fmt(t['recall'])} | "
                 f"{fmt(t['strict_recall'])} | {fmt(t['precision'])} | {t['wrong_place']} | {t['scale_errors']} |")
    return head + "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=str(DEVSET))
    parser.add_argument("--real-text", default=str(REAL_TEXT))
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--misses", type=int, default=0, help="show up to N missed gold facts per document")
    parser.add_argument("--false", type=int, default=0, dest="false_facts",
                        help="show up to N facts per document whose figure is no gold figure")
    parser.add_argument("--only", default="", help="score only the documents whose names start with one of "
                        "these comma-separated prefixes")
    args = parser.parse_args(argv)
    scores = evaluate(Path(args.devset), Path(args.real_text), only=tuple(args.only.split(",")))
    if args.markdown:
        print(markdown(scores))
    elif args.json:
        print(json.dumps(totals(scores), ensure_ascii=False, indent=1))
    else:
        fmt = lambda v: "   –" if v is None else f"{v:4.2f}"  # noqa: E731
        print(f"{'document':58} gold facts recall strict precision wrong_place scale")
        for x in scores:
            r = x.row()
            print(f"{x.name[:58]:58} {x.gold:4} {x.facts:5} {fmt(r['recall'])}   {fmt(r['strict_recall'])}  "
                  f"{fmt(r['precision'])}      {x.wrong_place:4}    {x.scale_errors:3} {x.error}")
            for g, f in x.misses[:args.misses]:
                found = f"found as {_entity_of(f)} / {f.metric or f.metric_raw} / {f.category or ''}" if f else "not found"
                print(f"    missed: {g.entity} / {g.measure} / {g.category} {g.value:g} {g.unit} ({g.where}); {found}")
            for f in x.false_facts[:args.false_facts]:
                print(f"    false: {_entity_of(f)} / {f.metric or f.metric_raw} / {f.category or ''} {f.value:g} "
                      f"{f.unit or ''} ({f.extractor}) «{(f.quote or '')[:60]}»")
        print(json.dumps(totals(scores), ensure_ascii=False))
    return 0
