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
