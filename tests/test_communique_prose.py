"""A communiqué's prose: its indicators named as its tables name them (pipeline/stages/indicator_prose.py).

Gold written by hand (tests/golden/COMMUNIQUE_FORMAT.md): zhoukou's pages 1–6 (../shared, skipped
without it) and two real county communiqués captured from the web (tests/devset/communiques/,
always run). The sentences below are written here in the genre's phrasings from many provinces."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch.indicator_accuracy import read_gold, score
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parent
ZHOUKOU = SHARED / "real_pdfs" / "01_zhoukou-shi-2023-tongji-gongbao.pdf"
CAPTURES = ROOT / "devset" / "communiques"


@pytest.mark.skipif(not ZHOUKOU.exists(), reason="../shared/real_pdfs is not beside the project (a clone elsewhere)")
def test_zhoukou_prose_against_its_gold(extract):
    result = score(read_gold(ROOT / "golden" / "zhoukou_2023_prose.csv"), extract(ZHOUKOU).facts, last_page=6)
    assert result.gold == 160
    assert result.found >= 155 and result.right >= 144 and result.strict >= 143, result.row()
    assert result.extra <= 3


@pytest.mark.parametrize("name, found, right", [("wangjiang_2022", 37, 37), ("jiangzhou_2019", 61, 52)])
def test_real_county_communiques_against_their_gold(extract, name, found, right):
    text = CAPTURES / f"{name}_tongji_gongbao.txt"
    result = score(read_gold(CAPTURES / f"{name}_tongji_gongbao.csv"), extract(text).facts)
    assert result.found >= found and result.right >= right, result.row()
    assert result.extra == 0


def _communique(tmp_path, body: str, area: str = "遵义市", year: int = 2022, title: str = ""):
    path = tmp_path / f"{abs(hash(body))}.txt"
    title = title or f"{year}年{area}国民经济和社会发展统计公报"
    path.write_text(f"{title}\n{area}统计局\n{year + 1}年3月20日\n{body}\n", encoding="utf-8")
    return path


def _facts(extract, path):
    return [(f.entity, f.metric, f.category, f.value, f.unit) for f in extract(path).facts if f.source_kind == "text"]


def test_growth_is_the_growth_of_the_figure_it_follows(tmp_path, extract):
    facts = _facts(extract, _communique(tmp_path, "全年全市农林牧渔业总产值实现612.35亿元，比上年增长3.9%。"
                                                  "全年粮食播种面积830.2万亩，总产量282.5万吨，减产1.6%。"
                                                  "生猪出栏612.8万头，增长4.1%。规模以上工业增加值增长6.3%。"))
    assert facts == [
        ("遵义市", "农林牧渔业总产值", "", 612.35, "亿元"), ("遵义市", "农林牧渔业总产值增速", "", 3.9, "%"),
        ("遵义市", "粮食播种面积", "", 830.2, "万亩"), ("遵义市", "粮食产量", "", 282.5, "万吨"),
        ("遵义市", "粮食产量增速", "", -1.6, "%"),  # 减产 is a fall
        ("遵义市", "生猪出栏", "", 612.8, "万头"), ("遵义市", "生猪出栏增速", "", 4.1, "%"),
        ("遵义市", "规模以上工业增加值增速", "", 6.3, "%"),
    ]


def test_a_list_of_indicators_gives_each_figure_its_own(tmp_path, extract):
    facts = _facts(extract, _communique(tmp_path, "第一、二、三产业增加值占地区生产总值的比重分别为11.2%、45.6%、43.2%，"
                                                  "对经济增长的贡献率分别为8.1%、50.3%、41.6%。全年城镇、农村居民人均"
                                                  "可支配收入分别为41230元和19870元，分别增长4.6%和6.2%。",
                                        area="曲靖市"))
    assert facts == [
        ("曲靖市", "第一产业增加值比重", "", 11.2, "%"), ("曲靖市", "第二产业增加值比重", "", 45.6, "%"),
        ("曲靖市", "第三产业增加值比重", "", 43.2, "%"),
        ("曲靖市", "第一产业经济增长的贡献率", "", 8.1, "%"), ("曲靖市", "第二产业经济增长的贡献率", "", 50.3, "%"),
        ("曲靖市", "第三产业经济增长的贡献率", "", 41.6, "%"),
        ("曲靖市", "城镇居民人均可支配收入", "", 41230.0, "元"), ("曲靖市", "农村居民人均可支配收入", "", 19870.0, "元"),
        ("曲靖市", "城镇居民人均可支配收入增速", "", 4.6, "%"), ("曲靖市", "农村居民人均可支配收入增速", "", 6.2, "%"),
    ]


def test_a_part_after_qizhong_is_a_category_of_the_measure_just_said(tmp_path, extract):
    facts = _facts(extract, _communique(tmp_path, "全年居民消费价格与上年持平。其中，城市上涨0.2%，农村下降0.3%。\n"
                                                  "年末农村劳动力转移就业总量210.5万人，其中省内转移88.1万人，省外输出122.4万人。",
                                        area="赣州市"))
    assert facts == [
        ("赣州市", "居民消费价格增速", "城市", 0.2, "%"), ("赣州市", "居民消费价格增速", "农村", -0.3, "%"),
        ("赣州市", "农村劳动力转移就业总量", "", 210.5, "万人"),
        ("赣州市", "农村劳动力转移就业总量", "省内转移", 88.1, "万人"),
        ("赣州市", "农村劳动力转移就业总量", "省外输出", 122.4, "万人"),
    ]


def test_a_part_whose_whole_is_not_beside_it_is_flagged_not_filed_under_another_measure(tmp_path, extract):
    path = _communique(tmp_path, "全年新登记市场主体3.1万户，增长5.0%。\n其中，城市下降0.1%，农村上涨0.1%。", area="赣州市")
    parts = [f for f in extract(path).facts if f.value in (-0.1, 0.1)]
    assert len(parts) == 2
    assert all("growth_of_unknown_measure" in f.flags and f.metric != "新登记市场主体增速" for f in parts)


def test_a_share_of_the_province_and_a_provincial_title_stay_the_area(tmp_path, extract):
    facts = extract(_communique(tmp_path, "全年全市港口货物吞吐量4081万吨，增长23.5%，占全省的87.1%。"
                                          "新增河南省智能制造标杆企业3家。", area="周口市", year=2023)).facts
    named = {(f.entity, f.metric, f.value) for f in facts if f.source_kind == "text"}
    assert ("周口市", "港口货物吞吐量比重", 87.1) in named
    title = next(f for f in facts if f.value == 3)
    assert (title.entity, title.metric) == ("周口市", "新增河南省智能制造标杆企业")
    assert "place_above_area_in_measure" in title.flags
    assert not any(f.entity == "河南省" for f in facts)


def test_education_figures_take_the_kind_of_school_said_before_them(tmp_path, extract):
    facts = _facts(extract, _communique(tmp_path, "全年全市各级各类学校2563所，毕业生35.6万人，在校生131.7万人。"
                                                  "普通高中学校50所，毕业生4.99万人，在校生15.95万人。", area="南阳市"))
    assert [(m, v) for _, m, _, v, _ in facts] == [("各级各类学校", 2563.0), ("毕业生", 35.6), ("在校生", 131.7),
                                                   ("普通高中学校", 50.0), ("普通高中毕业生", 4.99),
                                                   ("普通高中在校生", 15.95)]


def test_growth_with_a_note_in_brackets_keeps_its_indicator(tmp_path, extract):
    facts = _facts(extract, _communique(tmp_path, "全年全县固定资产投资(不含农户,下同)同比增长10.5%。"
                                                  "年末全县金融机构各项存款余额562.3亿元，比年初增加58.7亿元。",
                                        area="郸城县"))
    assert facts == [("郸城县", "固定资产投资增速", "", 10.5, "%"),
                     ("郸城县", "金融机构各项存款余额", "", 562.3, "亿元"),
                     ("郸城县", "金融机构各项存款余额增减", "", 58.7, "亿元")]


def test_a_progress_bulletin_keeps_the_catalog_measures(tmp_path, extract):
    path = tmp_path / "bulletin.txt"
    path.write_text("关于全市重点项目建设情况的通报\n株洲市重点建设项目办公室\n2021年7月5日\n"
                    "1-6月，全市重点项目完成投资235.6亿元，同比增长12.3%，生猪出栏10万头的养殖项目开工。\n", encoding="utf-8")
    facts = {(f.metric, f.value, f.unit) for f in extract(path).facts}
    assert ("完成投资", 235.6, "亿元") in facts and ("同比增长", 12.3, "%") in facts
    assert not any(f[2] == "万头" for f in facts)  # a project's capacity in a bulletin's prose is no figure


def test_a_bound_in_points_is_no_figure(tmp_path, extract):
    path = tmp_path / "bound.txt"
    path.write_text("关于全市重点项目建设情况的通报\n株洲市重点建设项目办公室\n2021年7月5日\n"
                    "1-6月，全市重点项目完成投资235.6亿元，投资增速高于全省5个百分点以上的县区有3个。\n", encoding="utf-8")
    assert 5.0 not in {f.value for f in extract(path).facts}


ZUNYI = "2022年遵义市国民经济和社会发展统计公报\n遵义市统计局\n2023年3月20日\n"


@pytest.mark.parametrize("head, body, expected", [
    # a province's or a parent city's own figure stays theirs; a parallel clause keeps its measure
    ("2022年郸城县国民经济和社会发展统计公报\n郸城县统计局\n2023年3月20日\n",
     "全年周口市地区生产总值增长4.0%，全县地区生产总值增长5.1%。",
     [("周口市", "地区生产总值增速", "", 4.0), ("郸城县", "地区生产总值增速", "", 5.1)]),
    (ZUNYI, "全年贵州省地区生产总值20164.6亿元。", [("贵州省", "地区生产总值", "", 20164.6)]),
    # figures after the clauses of 分别 are no members of the list
    (ZUNYI, "全年城镇、农村居民人均可支配收入分别为41230元和19870元，全体居民人均消费支出25000元，增长3.1%。",
     [("遵义市", "城镇居民人均可支配收入", "", 41230.0), ("遵义市", "农村居民人均可支配收入", "", 19870.0),
      ("遵义市", "全体居民人均消费支出", "", 25000.0), ("遵义市", "全体居民人均消费支出增速", "", 3.1)]),
    # figures that do not divide among a list are named by the whole list, flagged
    (ZUNYI, "全年小麦、玉米、稻谷播种面积分别为500万亩、300万亩。",
     [("遵义市", "小麦、玉米、稻谷播种面积", "", 500.0), ("遵义市", "小麦、玉米、稻谷播种面积", "", 300.0)]),
    # a total's growth after a list is of no one member
    (ZUNYI, "全年小麦、玉米产量分别为120.3万吨、80.2万吨，合计增长2.1%。",
     [("遵义市", "小麦产量", "", 120.3), ("遵义市", "玉米产量", "", 80.2), ("遵义市", "同比增长", "", 2.1)]),
    # changes of 分别 after several levels pair with them in order
    (ZUNYI, "年末全市金融机构本外币各项存款余额5620.3亿元，各项贷款余额4810.2亿元，分别比年初增加520.1亿元和450.3亿元。",
     [("遵义市", "金融机构本外币各项存款余额", "", 5620.3), ("遵义市", "各项贷款余额", "", 4810.2),
      ("遵义市", "金融机构本外币各项存款余额增减", "", 520.1), ("遵义市", "各项贷款余额增减", "", 450.3)]),
    (ZUNYI, "全年规模以上工业企业营业收入2314.5亿元、利润总额201.3亿元，分别增长9.4%和23.7%。",
     [("遵义市", "规模以上工业企业营业收入", "", 2314.5), ("遵义市", "规模以上工业企业利润总额", "", 201.3),
      ("遵义市", "规模以上工业企业营业收入增速", "", 9.4), ("遵义市", "规模以上工业企业利润总额增速", "", 23.7)]),
    # 全年发电量 is this year's output, not a project's annual capacity
    (ZUNYI, "全市建成光伏电站2个，全年发电量120.3亿千瓦时，增长5.1%。",
     [("遵义市", "光伏电站", "", 2.0), ("遵义市", "发电量", "", 120.3), ("遵义市", "发电量增速", "", 5.1)]),
    # a class of the thing counted and a berth class are no figures
    (ZUNYI, "年末全市共有养殖场1200个，其中存栏500头以上的规模养猪场320个。",
     [("遵义市", "养殖场", "", 1200.0), ("遵义市", "存栏500头以上的规模养猪场", "", 320.0)]),
    # targets of a work report are targets
    ("2023年遵义市政府工作报告\n遵义市人民政府\n2023年1月10日\n",
     "主要预期目标是：地区生产总值增长6%左右，粮食产量稳定在280万吨以上。",
     [("遵义市", "地区生产总值增速目标", "", 6.0), ("遵义市", "粮食产量目标", "", 280.0)]),
    # a comparison with the province is the area's, named as written
    (ZUNYI, "全年全市地区生产总值4401.6亿元，增长7.2%，增速高于全省1.5个百分点。",
     [("遵义市", "地区生产总值", "", 4401.6), ("遵义市", "地区生产总值增速", "", 7.2), ("遵义市", "增速高于全省", "", 1.5)]),
    # a split without 其中, right after its whole
    (ZUNYI, "全年居民消费价格上涨1.7%，城市上涨1.9%，农村上涨1.5%。",
     [("遵义市", "居民消费价格增速", "", 1.7), ("遵义市", "居民消费价格增速", "城市", 1.9),
      ("遵义市", "居民消费价格增速", "农村", 1.5)]),
    # a list of places: each place's figure
    (ZUNYI, "仁怀、赤水地区生产总值分别为1210.5亿元和150.2亿元。",
     [("仁怀市", "地区生产总值", "", 1210.5), ("赤水市", "地区生产总值", "", 150.2)]),
])
def test_communique_sentences_from_a_second_read(tmp_path, extract, head, body, expected):
    path = tmp_path / "c.txt"
    path.write_text(head + body + "\n", encoding="utf-8")
    assert [(f.entity, f.metric, f.category, f.value) for f in extract(path).facts] == expected


def test_unclear_cases_are_flagged(tmp_path, extract):
    path = tmp_path / "c.txt"
    path.write_text(ZUNYI + "全年小麦、玉米、稻谷播种面积分别为500万亩、300万亩。1、2月份全市工业增加值分别增长5.1%和6.2%。"
                    "全年小麦、玉米产量分别为120.3万吨、80.2万吨，合计增长2.1%。\n", encoding="utf-8")
    flags = {f.value: f.flags for f in extract(path).facts}
    assert "indicator_list_unaligned" in flags[500.0] and "indicator_list_unaligned" in flags[300.0]
    assert "period_list_unaligned" in flags[5.1] and "period_list_unaligned" in flags[6.2]
    assert "growth_of_unknown_measure" in flags[2.1]


def test_a_bulletin_reads_visits_as_no_people(tmp_path, extract):
    path = tmp_path / "b.txt"
    path.write_text("关于全市重点项目建设情况的通报\n遵义市发展和改革委员会\n2022年7月5日\n"
                    "1-6月，全市接待游客1.2亿人次，同比增长10.2%。\n", encoding="utf-8")
    assert not any(f.unit and f.unit.endswith("人") for f in extract(path).facts)


def test_a_menu_line_is_no_title_and_no_genre(tmp_path, extract):
    path = tmp_path / "m.txt"
    path.write_text("1-6月全市重点项目建设进展\n首页 > 统计信息 > 统计公报\n2022年7月5日\n"
                    "1-6月，全市重点项目完成投资235.6亿元，生猪出栏10万头的养殖项目开工。\n", encoding="utf-8")
    doc = extract(path)
    assert doc.meta.genre == "bulletin" and doc.meta.title == "1-6月全市重点项目建设进展"
    assert not any(f.unit == "万头" for f in doc.facts)
