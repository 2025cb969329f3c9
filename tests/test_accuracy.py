"""Accuracy on the development set of real bulletins (tests/devset/, gold written by hand) never
falls: the floors in tests/devset/thresholds.json only go up. The set's own captures always run;
the seventeen of ../shared/real_text join them where that folder is present."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.batch.accuracy import DEVSET, REAL_TEXT, documents, evaluate, read_gold, totals

FLOORS = json.loads((DEVSET / "thresholds.json").read_text(encoding="utf-8"))
CEILINGS = ("wrong_place", "scale_errors")


def test_the_devset_spans_the_country():
    docs = documents(DEVSET, Path("/nonexistent"))
    assert len(docs) >= 24 and all(read_gold(g) or "#" in g.read_text(encoding="utf-8") for _, _, g in docs)
    # every capture keeps where it came from: a text's first line, or a binary file's gold's
    sources = [(t if t.suffix == ".txt" else g).read_text(encoding="utf-8").splitlines()[0] for _, t, g in docs]
    assert all(s.startswith("# source: ") for s in sources)


def _fallen(got: dict, floor: dict) -> dict:
    return {k: (got[k], v) for k, v in floor.items() if not k.startswith("_") and
            (k in CEILINGS and got[k] > v or k not in CEILINGS and (got[k] or 0) < v)}


def test_accuracy_does_not_fall(kit):
    with_real = REAL_TEXT.is_dir()
    scores = evaluate(DEVSET, REAL_TEXT if with_real else Path("/nonexistent"), kit)
    holdouts = FLOORS["holdouts"]
    developed = totals(s for s in scores if not s.name.startswith(tuple(holdouts)))
    print("\n" + json.dumps({"developed": developed}, ensure_ascii=False))
    fallen = _fallen(developed, FLOORS["with_real_text" if with_real else "own_captures"])
    for prefix, floor in holdouts.items():
        unseen = totals(s for s in scores if s.name.startswith(prefix))
        print(json.dumps({f"holdout {prefix}": unseen}, ensure_ascii=False))
        fallen.update({f"holdout {prefix} {k}": v for k, v in _fallen(unseen, floor).items()})
    assert not fallen, f"below the floors of tests/devset/thresholds.json (got, floor): {fallen}"


def _fact(value, unit, entity, parent, context, raw="", metric_raw="项目数", source_kind="text", **kw):
    """A fact as the scorer sees it, of the fields that decide whose it is and what it measures."""
    from schemas.records import Fact

    return Fact(value=value, unit=unit, value_base=value, unit_base=unit, entity_raw=raw or entity, metric_raw=metric_raw,
                period=None, source_kind=source_kind, quote="", extractor="prose", entity=entity, entity_parent=parent,
                entity_context=context, **kw)


def test_the_scorer_compares_places_not_spellings(kit):
    """A zone's part is the same place under the zone's other name (湖南湘江新区直管区 of a gold file is the
    湘江新区直管区 under 湘江新区), but another part of it, or a part of another zone, is not."""
    from pipeline.batch.accuracy import _same_place

    part = _fact(47, "个", "湘江新区直管区", "湘江新区", "湘江新区", raw="新区直管区", metric_raw="项目")
    assert _same_place("湖南湘江新区直管区", part, kit)
    assert _same_place("湘江新区直管区", part, kit)
    assert not _same_place("湖南湘江新区核心区", part, kit)
    assert not _same_place("湖南湘江新区", part, kit)


def test_the_scorer_reads_a_zone_under_its_city_by_the_citys_short_name(kit):
    """宿迁湖滨新区 of a gold file is the 湖滨新区 a fact keeps under 宿迁市; not a 湖滨新区 under another city."""
    from pipeline.batch.accuracy import _same_place

    assert _same_place("宿迁湖滨新区", _fact(22, "个", "湖滨新区", "宿迁市", "宿迁市", source_kind="table"), kit)
    assert not _same_place("宿迁湖滨新区", _fact(22, "个", "湖滨新区", "岳阳市", "岳阳市", source_kind="table"), kit)


def test_the_scorer_reads_a_countys_park_with_or_without_its_citys_short_name(kit):
    """拉萨达孜工业园区 of a gold file is the 达孜工业园区 a fact keeps under 达孜区 (拉萨's); 日喀则达孜工业园区 is not."""
    from pipeline.batch.accuracy import _same_place

    park = _fact(19, "家", "达孜工业园区", "达孜区", "拉萨市", metric_raw="入驻企业")
    assert _same_place("拉萨达孜工业园区", park, kit)
    assert _same_place("达孜工业园区", park, kit)
    assert not _same_place("日喀则达孜工业园区", park, kit)


def test_the_scorer_reads_a_batchs_count_by_the_event_its_gold_category_names():
    """民生项目8个 in a page of a 集中开工 batch: the gold writes 开工项目数 (or 项目数) of "集中开工项目 / 民生项目";
    the tool's 项目数 (or 开工项目数) of 民生项目 is the same count. Not where the category names no event, a planned one
    (计划开工), or two events (集中开工竣工项目: the whole batch is no one event's count)."""
    from pipeline.batch.accuracy import Gold, _same_measure

    def fact(metric: str):
        return _fact(8, "个", "九龙坡区", None, None, metric_raw="民生项目", metric=metric, category="民生项目")

    def gold(measure: str, category: str) -> Gold:
        return Gold("九龙坡区", measure, category, 8.0, "个", "", "text")
    assert _same_measure(gold("开工项目数", "第一批集中开工重点项目 / 民生项目"), fact("项目数"))
    assert _same_measure(gold("项目数", "集中开工项目"), fact("开工项目数"))
    assert _same_measure(gold("签约项目数", "集中签约项目"), fact("项目数"))
    assert not _same_measure(gold("开工项目数", "民生项目"), fact("项目数"))
    assert not _same_measure(gold("项目数", "计划开工项目"), fact("开工项目数"))
    assert not _same_measure(gold("项目数", "集中开工竣工项目"), fact("开工项目数"))
    assert not _same_measure(gold("竣工项目数", "集中开工项目"), fact("项目数"))
    assert not _same_measure(gold("项目数", "集中开竣工项目"), fact("竣工项目数"))
    assert _same_measure(gold("项目数", "集中开竣工项目"), fact("开竣工项目数"))


def test_the_scorer_reads_a_bare_kaifaqu_as_the_zone_the_tool_names_its_jingkaiqu(kit):
    """海林开发区 of a gold file is the 海林经开区 a bare 开发区 is read as; 海林高新区 is another zone."""
    from pipeline.batch.accuracy import _same_place
    from schemas.records import Fact

    def zone(name: str) -> Fact:
        return Fact(value=30, unit="个", value_base=30, unit_base="个", entity_raw="海林开发区", metric_raw="项目数", period=None,
                    source_kind="text", quote="", extractor="prose", entity=name, entity_parent="海林市", entity_context="海林市")
    assert _same_place("海林开发区", zone("海林经开区"), kit)
    assert not _same_place("海林开发区", zone("海林高新区"), kit)


def test_the_scorer_reads_a_communiques_growth_and_parts_as_the_golds_measures():
    """固定资产投资增速 (COMMUNIQUE_FORMAT's name) is the gold's 同比增长 of the same category (or of the measure
    it names); a communiqué's 民间投资 is the gold's 固定资产投资 / 民间投资; other measures are not."""
    from pipeline.batch.accuracy import Gold, _same_measure
    from schemas.records import Fact

    def fact(metric: str, category: str = "", flags=()) -> Fact:
        return Fact(value=8.7, unit="%", value_base=8.7, unit_base="%", entity_raw="", metric_raw=metric, period=None,
                    source_kind="text", quote="", extractor="prose", entity="日照市", metric=metric, category=category,
                    flags=list(flags))

    def gold(measure: str, category: str = "") -> Gold:
        return Gold("日照市", measure, category, 8.7, "%", "", "text")
    assert _same_measure(gold("同比增长"), fact("固定资产投资增速"))
    assert _same_measure(gold("同比增长", "工业投资"), fact("工业投资增速"))
    assert _same_measure(gold("同比增长", "采矿业"), fact("固定资产投资增速", "采矿业"))
    assert not _same_measure(gold("同比增长", "采矿业"), fact("固定资产投资增速", "制造业"))
    assert not _same_measure(gold("同比增长", "工业投资"), fact("民间投资增速"))
    assert not _same_measure(gold("完成率"), fact("固定资产投资增速"))
    assert _same_measure(gold("固定资产投资", "民间投资"), fact("民间投资"))
    assert not _same_measure(gold("固定资产投资", "民间投资"), fact("完成投资"))
