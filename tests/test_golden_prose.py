"""Figures in sentences, written by hand from the five seeds: subject (canonical), metric phrase,
value, unit and period of each."""
import re

import pytest

from pipeline.core.normalize import normalize_text
from extractors.text import read_text_file
from tests.conftest import seed_path

Q1_2017 = ("2017-01-01", "2017-03-31")
Y2017 = ("2017-01-01", "2017-12-31")
TO_MAY_2018 = ("2018-01-01", "2018-05-31")
H1_2018 = ("2018-01-01", "2018-06-30")
H1_2016 = ("2016-01-01", "2016-06-30")
JS_2020 = ("2020-01-01", "2020-09-30")
Q1_2012 = ("2012-01-01", "2012-03-31")
Y2012 = ("2012-01-01", "2012-12-31")

# (seed, entity, metric phrase, value, unit, period)
PROSE = [
    ("000", "石峰区", "固定资产投资", 213644, "万元", Q1_2017),
    ("000", "石峰区", "同比增长", 14.4, "%", Q1_2017),
    ("000", "石峰区", "市级重点项目完成投资", 11, "亿元", Q1_2017),
    ("000", "石峰区", "全年任务", 92.7, "亿元", Y2017),
    ("000", "石峰区", "占全年任务", 11.9, "%", Q1_2017),
    ("000", "石峰区发展和改革局", "完成年度计划", 33, "%", Q1_2017),
    ("000", "石峰区城乡建设局", "完成年度计划", 26, "%", Q1_2017),
    ("000", "石峰区农村工作局", "完成年度计划", 15, "%", Q1_2017),
    ("000", "石峰区经济和信息化局", "完成", 51693, "万元", Q1_2017),
    ("000", "循环集团", "完成", 47698, "万元", Q1_2017),
    ("000", "石峰区", "年度计划总投资", 92.7, "亿元", Y2017),
    ("000", "石峰区", "全年计划开工", 61, "个", Y2017),
    ("000", "石峰区", "实际开工项目", 14, "个", Q1_2017),
    ("000", "石峰区", "征地面积", 118.5, "亩", Q1_2017),
    ("000", "石峰区", "拆迁面积", 59100, "平方米", Q1_2017),
    ("000", "石峰区", "国有土地房屋征收完成签约", 200, "户", Q1_2017),
    ("000", "石峰区", "全年计划融资", 75, "亿元", Y2017),
    ("000", "石峰区", "融资实际到位资金", 17.8, "亿元", Q1_2017),
    ("001", "南康区", "开工率", 86.24, "%", TO_MAY_2018),
    ("001", "南康区", "完成投资", 169.53, "亿元", TO_MAY_2018),
    ("001", "南康区", "占年度投资计划", 59.05, "%", TO_MAY_2018),
    ("001", "南康区", "发放贷款", 11.6, "亿元", H1_2018),
    ("002", "株洲市", "完成固定资产投资", 896.9, "亿元", H1_2016),
    ("002", "株洲市", "新增创业主体", 1.47, "万个", H1_2016),
    ("002", "株洲市", "带动城乡就业", 4.52, "万人", H1_2016),
    ("003", "株洲市", "重点项目完成投资", 891.3, "亿元", JS_2020),
    ("003", "株洲市", "占年度投资计划", 85.4, "%", JS_2020),
    ("003", "株洲市", "同比上升", 19.9, "个百分点", JS_2020),
    ("003", "株洲市", "计划开工", 239, "个", JS_2020),
    ("003", "株洲市", "实际开工", 274, "个", JS_2020),
    ("003", "株洲市", "完成集体土地征地拆迁", 25031, "亩", JS_2020),
    ("003", "株洲市", "新增社会融资规模", 773.5, "亿元", JS_2020),
    ("004", "岳阳市", "完成投资", 37.6, "亿元", ("2012-01-01", "2012-03-31")),
    ("004", "岳阳市", "占年度计划", 15.1, "%", ("2012-01-01", "2012-03-31")),
    ("004", "岳阳市", "确保全年完成重大项目投资", 245, "亿元", Y2012),
]


@pytest.mark.parametrize("seed,entity,metric,value,unit,period", PROSE,
                         ids=[f"{p[0]}-{p[2]}-{p[3]}" for p in PROSE])
def test_prose_figure(seed, entity, metric, value, unit, period, extract):
    doc = extract(seed_path(seed))
    found = [f for f in doc.facts if f.source_kind == "text" and f.value == pytest.approx(value) and f.unit == unit]
    assert found, f"no prose fact {value} {unit} in {seed}"
    described = [(f.entity, f.metric_raw, str(f.period.start), str(f.period.end)) for f in found]
    assert (entity, metric, *period) in described, f"{value} {unit}: got {described}"


def test_percentage_points_are_not_percent(extract):
    doc = extract(seed_path("003"))
    points = [f for f in doc.facts if f.unit == "个百分点"]
    assert len(points) >= 10
    assert all(f.unit_base == "个百分点" and f.value_base == f.value for f in points)


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_no_number_is_invented(seed, extract):
    """Each fact's number stands in its quote, and the quote stands in the document."""
    path = seed_path(seed)
    text, _ = read_text_file(str(path), path.read_bytes())
    document = "\n".join(normalize_text(text))
    squeezed = re.sub(r"\s+", "", document)
    doc = extract(path)
    for f in doc.facts:
        assert f.raw and re.sub(r"\s+", "", f.raw) in re.sub(r"\s+", "", f.quote), (f.raw, f.quote)
        assert re.sub(r"\s+", "", f.quote) in squeezed, f.quote


def test_no_figures_from_list_markers_dates_or_document_numbers(extract):
    doc = extract(seed_path("003"))
    raws = {f.raw for f in doc.facts if f.source_kind == "text"}
    # 株简准字 22 号, 2020 年第 14 期, 株办〔2020〕6 号, 附件 4, list markers 1. 2.
    assert not {"22", "14", "6", "4"} & {re.sub(r"\D", "", r) for r in raws if not re.search(r"[个亿%亩万]", r)}
    doc4 = extract(seed_path("004"))
    # 一是 / （1） / 1、 are list markers; "十二五" is a plan's name
    assert not [f for f in doc4.facts if f.raw.startswith(("一", "十二", "1、", "(1"))]
    assert {f.raw for f in doc4.facts} >= {"182个", "2857.7亿元", "37.6亿元", "15.1%"}


def test_chinese_numerals_that_carry_a_figure(extract):
    doc = extract(seed_path("002"))
    nine = [f for f in doc.facts if f.raw == "九个"]
    assert nine and nine[0].value == 9 and nine[0].unit == "个"
    # "六个“信贷通”" (a name) and "十分" (very) are not figures
    doc1 = extract(seed_path("001"))
    assert not [f for f in doc1.facts if f.raw.startswith(("六个", "十分", "四套"))]


# seed 003: "全市计划开工239个，实际开工274个（按计划开工195个，计划外开工79个）。其中产业项目计划开工
# 135个，实际开工191个（按计划开工119个，计划外开工72个）。计划竣工70个，实际竣工96个（…），其中产业
# 项目计划竣工38个，实际竣工63个": a part named after 其中 goes on through the counts after it, and
# the bracketed parts of a part are parts of that part
PARTS_003 = [
    (274, "开工项目数", ""), (195, "开工项目数", "按计划开工"), (79, "开工项目数", "计划外开工"),
    (135, "计划开工项目数", "产业项目"), (191, "开工项目数", "产业项目"),
    (119, "开工项目数", "产业项目 / 按计划开工"), (72, "开工项目数", "产业项目 / 计划外开工"),
    (96, "竣工项目数", ""), (38, "计划竣工项目数", "产业项目"), (63, "竣工项目数", "产业项目"),
]


@pytest.mark.parametrize("value,metric,category", PARTS_003, ids=[str(p[0]) for p in PARTS_003])
def test_a_part_goes_on_through_its_counts(value, metric, category, extract):
    doc = extract(seed_path("003"))
    found = [(f.metric, f.category) for f in doc.facts
             if f.source_kind == "text" and f.value == value and f.unit == "个" and ("实际开工" in f.quote or "实际竣工" in f.quote)]
    assert (metric, category) in found, found


# where the part named after 其中 ends: a subject of its own (全市, a place), a count of its own
# kind, or a sum of money (which a part's counts do not carry to)
PART_ENDS = [
    ("其中产业项目开工35个，实际开工31个，全市累计竣工项目12个。", {35: "产业项目", 31: "产业项目", 12: ""}),
    ("其中产业项目开工35个，雨湖区开工12个。", {35: "产业项目", 12: ""}),
    ("其中产业项目开工35个，累计竣工12个，全市完成投资150亿元。", {35: "产业项目", 12: "产业项目", 150: ""}),
    ("其中产业项目开工35个，续建项目复工40个，竣工18个。", {35: "产业项目", 40: "续建项目", 18: ""}),
]


@pytest.mark.parametrize("sentence,categories", PART_ENDS, ids=[str(i) for i in range(len(PART_ENDS))])
def test_where_a_part_ends(sentence, categories, kit):
    from tests.conftest import read_text

    doc = read_text(kit, "xiangtan.txt", "湘潭市重点项目建设情况通报\n湘潭市重点建设项目办公室 2021年7月10日\n"
                    f"1-6月，全市新开工项目53个。{sentence}\n")
    got = {f.value: f.category for f in doc.facts if f.value in categories}
    assert got == {float(k): v for k, v in categories.items()}
