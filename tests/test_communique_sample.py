"""The project's own communiqué sample (samples/2022_yibin_tongji_gongbao.pdf, built by
scripts/build_communique_pdf.py): three-line tables with no vertical line at all, one cut by the
page break with no header on its second page, an indicator table, a per-row unit column, footnote
markers in sentences and a page with text nobody sees. Golden facts written by hand from the
figures the builder draws."""
from __future__ import annotations

import pytest

from tests.conftest import SAMPLES

YIBIN = SAMPLES / "2022_yibin_tongji_gongbao.pdf"


def _table(doc, metric, entity="宜宾市", category=""):
    return [(f.value, f.unit, f.page) for f in doc.facts
            if f.source_kind == "table" and f.metric == metric and f.entity == entity and f.category == category]


def test_metadata_from_the_first_lines(extract):
    doc = extract(YIBIN)
    assert doc.meta.title == "2022年宜宾市国民经济和社会发展统计公报"  # the PDF's own title is empty
    assert doc.meta.issuer == "宜宾市统计局" and str(doc.meta.issued_on) == "2023-03-28"
    assert doc.meta.jurisdiction == "宜宾市" and doc.meta.period.label == "2022年"
    assert doc.meta.genre == "communique"


@pytest.mark.parametrize("title, genre", [
    ("2022年宜宾市国民经济和社会发展统计公报", "communique"),
    ("关于全市重点项目建设情况的通报", "bulletin"),
    ("2017年10月中央水利建设投资月报", "monthly"),
    ("关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告", "report"),
    ("全市重点项目计划执行情况通报", "bulletin"),
])
def test_genre_from_the_title(title, genre):
    from pipeline.stages.metadata import genre_of

    assert genre_of(title, []) == genre


def test_indicator_table_rows_and_their_parts(extract):
    doc = extract(YIBIN)
    assert _table(doc, "户籍人口") == [(555.12, "万人", 1)]
    assert _table(doc, "户籍人口", category="城镇") == [(260.41, "万人", 1)]
    assert _table(doc, "户籍人口", category="乡村") == [(294.71, "万人", 1)]  # no 其中: indented as 城镇 is
    assert _table(doc, "户籍人口比重", category="女性") == [(48.61, "%", 1)]
    assert not _table(doc, "户籍人口比重")  # the total's 比重 cell is empty


def test_three_line_table_continued_without_its_header(extract):
    doc = extract(YIBIN)
    counties = [t for t in doc.tables if t.rows and t.rows[0][0] == "翠屏区" and t.page == 1]
    assert len(counties) == 1 and counties[0].row_pages == [1] * 4 + [2] * 6
    assert counties[0].method == "rules-aligned"  # no vertical line: columns from the words' alignment
    gdp = {f.entity: f.value for f in doc.facts if f.source_kind == "table" and f.metric == "地区生产总值"}
    assert gdp == {"翠屏区": 1050.21, "叙州区": 520.33, "南溪区": 210.44, "江安县": 180.12, "长宁县": 175.60,
                   "高县": 160.05, "珙县": 150.38, "筠连县": 101.27, "兴文县": 140.90, "屏山县": 85.70}
    assert _table(doc, "地区生产总值增速", entity="珙县") == [(-1.2, "%", 2)]
    assert all(f.unit == "亿元" for f in doc.facts if f.metric == "地区生产总值" and f.source_kind == "table")
    assert any(x.check == "pdf_table" and "continued" in x.message for x in doc.findings)


def test_unit_column_gives_each_row_its_unit(extract):
    doc = extract(YIBIN)
    coal = [f for f in doc.facts if f.metric == "原煤产量" and f.source_kind == "table"]
    assert [(f.value, f.unit, f.value_base, f.unit_base) for f in coal] == [(512.30, "万吨", 5123000.0, "吨")]
    assert _table(doc, "饮料酒产量") == [(365000.0, "千升", 2)]
    assert _table(doc, "发电量") == [(311.45, "亿千瓦时", 2)]  # not 发电量产量
    assert _table(doc, "纱产量增速") == [(5.0, "%", 2)]


def test_hidden_text_never_becomes_a_figure(extract):
    doc = extract(YIBIN)
    values = {f.value for f in doc.facts}
    # white, off the page, painted over, written over, clipped away
    assert not values & {8888.88, 99.9, 7777.0, 6543.21, 5555.0, 4444.0}
    assert {210.35, 461.30} <= values  # what a reader does see on that page
    assert any(x.check == "pdf_hidden_text" and "page 3" in x.message for x in doc.findings)


def test_footnote_markers_are_not_part_of_numbers(extract):
    doc = extract(YIBIN)
    gdp = [(f.value, f.unit) for f in doc.facts if f.source_kind == "text" and f.metric == "地区生产总值"]
    assert gdp == [(3427.82, "亿元")]
    assert 4.1 in {f.value for f in doc.facts if f.unit == "%"} and 14.1 not in {f.value for f in doc.facts}


def test_sample_rebuilds_to_the_same_facts(tmp_path, extract):
    pytest.importorskip("reportlab")
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_communique_pdf", SAMPLES.parent / "scripts" / "build_communique_pdf.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    rebuilt = builder.build(tmp_path / YIBIN.name)
    key = lambda d: sorted((f.source_kind, f.page, f.entity or "", f.metric or "", f.category, f.value, f.unit or "")  # noqa: E731
                           for f in d.facts)
    assert key(extract(rebuilt)) == key(extract(YIBIN))


def test_prose_indicators_named_as_the_tables_name_them(extract):
    doc = extract(YIBIN)
    prose = {(f.metric, f.category, f.value, f.unit) for f in doc.facts if f.source_kind == "text" and f.page == 3}
    assert {("城镇居民人均可支配收入", "", 41230.0, "元"), ("农村居民人均可支配收入", "", 19870.0, "元"),
            ("城镇居民人均可支配收入增速", "", 4.6, "%"), ("农村居民人均可支配收入增速", "", 6.2, "%"),
            ("居民消费价格增速", "城市", 0.2, "%"), ("居民消费价格增速", "农村", -0.3, "%"),
            ("粮食播种面积", "", 425.6, "万亩"), ("粮食产量", "", 210.8, "万吨"), ("粮食产量增速", "", 1.2, "%"),
            ("夏粮产量", "", 62.4, "万吨"), ("一般公共预算收入增速", "", 6.8, "%")} <= prose


def test_raised_footnote_marks_and_lowered_subscripts(extract):
    doc = extract(YIBIN)
    retail = [(f.value, f.unit) for f in doc.facts if f.metric == "社会消费品零售总额" and f.source_kind == "text"]
    assert retail == [(1210.56, "亿元")]  # the raised 3 after it is a footnote mark, not a digit of it
    assert not {2.5, 10.0, 1210.563} & {f.value for f in doc.facts}
    assert any("PM2.5年平均浓度35" in line for line in doc.source.lines)  # the subscript stays on its line


def test_a_communique_whose_title_is_not_in_its_text_layer(tmp_path, extract):
    """The title drawn as shapes: what is left is a section heading, the body, and the issuer and
    date under it. The heading is no title; 本公报 says the genre; the year is the spring's year before."""
    path = tmp_path / "untitled.txt"
    path.write_text("一、综合\n初步核算，全年全市地区生产总值3427.82亿元，比上年增长4.1%。全年全市粮食总产量210.80万吨，"
                    "增产1.2%。\n注：本公报中数据均为初步统计数。\n宜宾市统计局\n2023年3月28日\n", encoding="utf-8")
    doc = extract(path)
    assert doc.meta.title is None and doc.meta.issuer == "宜宾市统计局" and str(doc.meta.issued_on) == "2023-03-28"
    assert doc.meta.genre == "communique" and doc.meta.jurisdiction == "宜宾市"
    assert {f.period.start.year for f in doc.facts} == {2022}
    assert [(f.metric, f.value) for f in doc.facts] == [("地区生产总值", 3427.82), ("地区生产总值增速", 4.1),
                                                      ("粮食产量", 210.8), ("粮食产量增速", 1.2)]


def test_open_tables_of_one_or_two_figure_columns(extract):
    """Page 4: no rule at all; 表4 has one figure column, 表5 two, each under a caption naming the
    measure its columns name only by their last words (收入, 零售总额); prose lines ending in a
    figure between them are no table."""
    doc = extract(YIBIN)
    revenue = {f.entity: f.value for f in doc.facts if f.source_kind == "table" and f.metric == "一般公共预算收入"}
    assert revenue == {"翠屏区": 52.31, "叙州区": 31.08, "南溪区": 12.47, "江安县": 10.92, "长宁县": 9.85}
    retail = {(f.entity, f.metric): f.value for f in doc.facts if f.source_kind == "table" and f.page == 4
              and f.metric.startswith("社会消费品零售总额")}
    assert retail == {("翠屏区", "社会消费品零售总额"): 420.15, ("叙州区", "社会消费品零售总额"): 180.40,
                      ("南溪区", "社会消费品零售总额"): 75.33, ("高县", "社会消费品零售总额"): 60.12,
                      ("翠屏区", "社会消费品零售总额增速"): 6.2, ("叙州区", "社会消费品零售总额增速"): 5.8,
                      ("南溪区", "社会消费品零售总额增速"): -1.4, ("高县", "社会消费品零售总额增速"): 4.9}
    page4 = [t for t in doc.tables if t.page == 4]
    assert len(page4) == 2 and all(t.method == "aligned-words" for t in page4)
    prose = {(f.metric, f.value, f.unit) for f in doc.facts if f.source_kind == "text" and f.page == 4}
    assert ("新登记市场主体", 5.21, "万户") in prose and ("新登记市场主体增速", 3.4, "%") in prose
    counted = next(f for f in doc.facts if f.page == 4 and f.value == 4.0)  # 增长10%以上的县（区）有4个
    assert "measure_unclear" in counted.flags and not (counted.metric or "").startswith("新登记市场主体")
