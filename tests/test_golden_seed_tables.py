"""Every cell of the golden tables becomes exactly one fact with the right entity, header path,
unit and period; cells without a value ("-", "/", empty, text) become none."""
import pytest

from tests.conftest import seed_path
from tests.golden.seed_tables import GOLDEN_TABLES


def _table(doc, caption):
    for t in doc.tables:
        if caption in (t.caption, t.attachment):
            return t
    raise AssertionError(f"no table {caption!r}; found {[(t.attachment, t.caption) for t in doc.tables]}")


def _expected(golden):
    out = set()
    for row in golden["rows"]:
        entity_raw, entity, values = row[:3]
        category, area_unit = (row[3], row[4]) if len(row) > 3 else (None, None)
        assert len(values) == len(golden["columns"]), f"golden row {entity_raw} has {len(values)} values"
        for (path, unit, start, end), value in zip(golden["columns"], values):
            if value is None:
                continue
            metric = path + (f" / {category}" if category else "")
            out.add((entity_raw, entity, metric, float(value), unit or area_unit, start, end))
    return out


@pytest.mark.parametrize("name", list(GOLDEN_TABLES))
def test_every_cell_is_one_fact(name, extract):
    golden = GOLDEN_TABLES[name]
    doc = extract(seed_path(golden["seed"]))
    table = _table(doc, golden["caption"])
    facts = [f for f in doc.facts if f.source_kind == "table" and f.table_index == table.index]
    got = [(f.entity_raw, f.entity, f.metric_raw, f.value, f.unit, str(f.period.start), str(f.period.end))
           for f in facts]
    assert len(got) == len(set(got)), "a cell became two facts"
    expected = _expected(golden)
    missing = sorted(expected - set(got), key=str)
    extra = sorted(set(got) - expected, key=str)
    assert not missing and not extra, (
        f"{name}: {len(missing)} expected facts missing, {len(extra)} unexpected\n"
        + "\n".join(f"  missing {m}" for m in missing[:15]) + "\n" + "\n".join(f"  extra   {e}" for e in extra[:15]))


def test_values_convert_to_base_units(extract):
    doc = extract(seed_path("003"))
    att2 = _table(doc, "附件 2")
    total = next(f for f in doc.facts if f.table_index == att2.index and f.entity_raw == "合计"
                 and f.metric_raw == "年度投资目标 / 合计")
    assert (total.value_base, total.unit_base) == (pytest.approx(10431000.0), "万元")
    att8 = _table(doc, "附件 8")
    area = next(f for f in doc.facts if f.table_index == att8.index and f.entity_raw == "合计"
                and f.metric_raw == "任务数 / 计划内项目面积 / 集体")
    assert area.unit_base == "平方米" and area.value_base == pytest.approx(31282 * 10000 / 15)


def test_rank_is_never_money(extract):
    """排名 under 单位：万元 is a rank, not 1 万元: a wrong scale is the worst defect."""
    doc = extract(seed_path("000"))
    ranks = [f for f in doc.facts if f.metric_raw == "排名" and f.source_kind == "table"]
    assert len(ranks) == 12 and {f.unit for f in ranks} == {"位次"}
    # and the ranks its sentences state ("增幅城区排名第一") are ranks too
    said = {(f.metric_raw, f.value, f.unit) for f in doc.facts if f.extractor == "prose_rank"}
    assert ("同比增长排名", 1.0, "位次") in said and all(u == "位次" for _, _, u in said)


def test_table_notes_are_kept_not_facts(extract):
    doc = extract(seed_path("003"))
    notes = [n.text for n in doc.notes]
    assert any(n.startswith("注: 1.全市工业用地报批计划 4011 亩") for n in notes)
    assert any(n.startswith("备注:1.项目储备工作") for n in notes)
    # 4011 亩 of the note is a table cell of 附件7 too, but never a prose fact
    assert not [f for f in doc.facts if f.source_kind == "text" and f.value == 4011]


@pytest.mark.parametrize("seed", ["000", "003"])
def test_columns_keep_distinct_canonical_metrics(seed, extract):
    """Canonical metrics never merge two columns of a table: within a row, one fact per measure and
    category (the measure alone may repeat: 新征项目 and 续征项目 are two categories of 宗数)."""
    doc = extract(seed_path(seed))
    for t in doc.tables:
        seen = {}
        for f in doc.facts:
            if f.table_index == t.index:
                key = (f.row, f.metric, f.category, str(f.period.start), str(f.period.end))
                assert key not in seen, f"table {t.index}: {f.metric_raw!r} and {seen[key]!r} both became {f.metric!r}"
                seen[key] = f.metric_raw
