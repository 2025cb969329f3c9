"""A town's own news (镇, 乡, 街道): its figures are the town's, never the county written before it;
a county's or a city's news that tells of one of its towns stays the county's or the city's."""
from __future__ import annotations

from tests.conftest import read_text

TOWN_WITH_ITS_COUNTY = """大桥镇重点项目建设提速
本报讯 古田县大桥镇今年安排重点项目16项,总投资8.6亿元,年度计划投资2.4亿元,截至6月底,已完成投资1.38亿元,占年度计划57.5%。该镇新开工项目5个,竣工项目3个。
"""


def test_a_towns_news_is_the_towns_under_the_county_written_before_it(kit):
    doc = read_text(kit, "daqiao.txt", TOWN_WITH_ITS_COUNTY)
    assert doc.meta.jurisdiction == "大桥镇"
    by_value = {f.value: f for f in doc.facts}
    for value in (16, 8.6, 2.4, 1.38, 57.5, 5, 3):
        assert by_value[value].entity == "大桥镇", value
        assert by_value[value].entity_parent == "古田县", value  # the county it lies in, kept as its parent
    assert by_value[1.38].metric == "完成投资"
    assert not [f for f in doc.facts if f.entity == "古田县"]


BARE_TOWN = """今年以来,南坑镇坚持项目为王,全镇上下抢抓工期。该镇列入县重点的项目共9个,计划投资6.2亿元,1-5月完成投资2.9亿元,完成年计划的46.8%。
"""


def test_a_town_whose_county_is_unwritten_is_the_town_and_awaits_review(kit):
    doc = read_text(kit, "nankeng.txt", BARE_TOWN)
    assert doc.meta.jurisdiction == "南坑镇"
    facts = [f for f in doc.facts if f.value in (9, 6.2, 2.9, 46.8)]
    assert len(facts) == 4
    assert all(f.entity == "南坑镇" and not f.entity_parent for f in facts)
    # which county is not said: the town is kept, and the jurisdiction's figures wait for review
    assert all(any(flag.startswith("entity_") for flag in f.flags) for f in facts)


COUNTY_TELLING_OF_A_TOWN = """古田县重点项目建设情况
1-6月,全县36个重点项目完成投资21.5亿元,占年度计划的52.3%。其中,大桥镇完成投资1.38亿元,该镇竣工项目3个;全县新开工项目11个。
"""

MEETING_AT_A_TOWN = """全市小城镇建设现场推进会在大桥镇召开
会议通报,1-6月全市小城镇建设项目完成投资45.2亿元,完成年度计划的55.1%。全市各县要学习该镇经验。
"""


def test_a_county_or_a_city_telling_of_one_town_is_not_the_towns(kit):
    county = read_text(kit, "gutian.txt", COUNTY_TELLING_OF_A_TOWN)
    assert county.meta.jurisdiction == "古田县"
    assert {f.entity for f in county.facts if f.value in (36, 21.5, 11)} == {"古田县"}
    # the town opening its clause (其中,大桥镇完成投资…) owns its figures: a town of the county, in no
    # list, so kept for review; never the county's
    town = [f for f in county.facts if f.value in (1.38, 3)]
    assert len(town) == 2
    assert all(f.entity == "大桥镇" and f.entity_parent == "古田县" and "entity_new" in f.flags for f in town)
    # the city's meeting held in a town (在大桥镇召开) is the city's: which city is not written here
    meeting = read_text(kit, "meeting.txt", MEETING_AT_A_TOWN)
    assert meeting.meta.jurisdiction != "大桥镇"
    assert [f.value for f in meeting.facts if f.value == 45.2] == [45.2]  # (read, and not as the town's)
    assert not [f for f in meeting.facts if f.entity == "大桥镇"]


# A second read of the town rules, with bulletins written to break them.

TOWN_FIRST_THEN_THE_COUNTY = """重点项目建设简报
今年以来,高县庆岭镇抢抓机遇推进项目建设,该镇实施重点项目8个,完成投资2.6亿元,该镇新签约项目2个。
1-6月,全县重点项目完成投资41.2亿元,完成年度计划的51%。
"""


def test_a_town_the_title_does_not_name_is_no_speaker_and_its_figures_stay_its_own(kit):
    doc = read_text(kit, "gaoxian_town.txt", TOWN_FIRST_THEN_THE_COUNTY)
    by_value = {f.value: f for f in doc.facts}
    # 全县 is the county, never the town the opening lines speak of
    assert by_value[41.2].entity == "高县" and by_value[51].entity == "高县"
    # "该镇共实施…": the town spoken of again, not the county written before it
    for value in (8, 2.6, 2):
        assert by_value[value].entity == "庆岭镇" and by_value[value].entity_parent == "高县", value


COUNTY_TITLE_AND_A_TOWN = """南部县重点项目建设简报
1-6月,全县重点项目完成投资56亿元,全县新开工项目21个。
大桥镇项目建设成效明显,该镇完成投资6.3亿元,该镇新开工项目4个。
"""

HOME_SOIL = """武胜县重点项目建设简报
今年以来,猛山乡引导本乡本土能人返乡创业,新建项目6个,完成投资1.2亿元。1-6月,全县重点项目完成投资40.5亿元。
"""


def test_a_county_the_title_names_speaks_whatever_its_towns_say(kit):
    doc = read_text(kit, "nanbu.txt", COUNTY_TITLE_AND_A_TOWN)
    assert doc.meta.jurisdiction == "南部县"
    assert {f.entity for f in doc.facts if f.value in (56, 21)} == {"南部县"}
    assert {f.entity for f in doc.facts if f.value in (6.3, 4)} == {"大桥镇"}
    # 本乡本土 (one's home soil) is no town speaking
    assert read_text(kit, "wusheng.txt", HOME_SOIL).meta.jurisdiction == "武胜县"


TOWNS_TOGETHER = """东莞市重大项目建设简报
1-6月,全市重大项目完成投资486亿元。其中,位于长安镇、虎门镇的项目7个,完成投资42亿元。
"""

A_PART_THEN_THE_WHOLE = """三台县重点项目建设简报
1-6月,全县重点项目完成投资62.5亿元。其中,芦溪镇完成投资1.38亿元。新开工项目12个,竣工项目5个。
"""

KINDS_OF_TOWN = """某县重点项目建设简报
1-6月,全县重点项目完成投资30亿元。其中,工业重镇完成投资18.3亿元,经济强镇完成投资6.1亿元。
"""


def test_towns_listed_together_a_part_after_qizhong_and_kinds_of_town(kit):
    # the last of two towns listed is not the list's subject
    together = read_text(kit, "dongguan_towns.txt", TOWNS_TOGETHER)
    assert [f.value for f in together.facts if f.value == 7] == [7]
    assert not [f for f in together.facts if f.entity == "虎门镇"]
    # a part named after 其中 ends with its sentence: the next speaks of the whole again
    part = read_text(kit, "santai_part.txt", A_PART_THEN_THE_WHOLE)
    assert [f.entity for f in part.facts if f.value == 1.38] == ["芦溪镇"]
    assert {f.entity for f in part.facts if f.value in (12, 5)} == {"三台县"}
    # 工业重镇, 经济强镇: what kind of town, not which
    kinds = read_text(kit, "kinds.txt", KINDS_OF_TOWN)
    assert {f.value for f in kinds.facts} >= {18.3, 6.1}
    assert not [f for f in kinds.facts if f.entity and f.entity.endswith("镇")]


TOWNS_HEADING_THEIR_LINES = """惠水县重点项目建设简报

1-6月,全县重点项目完成投资38亿元。
涟江街道:推进项目12个,完成投资5.1亿元。
濛江街道:推进项目9个,完成投资3.2亿元。
"""


def test_a_town_heading_its_line_with_a_colon_owns_the_lines_figures(kit):
    doc = read_text(kit, "huishui_headings.txt", TOWNS_HEADING_THEIR_LINES)
    assert [f.entity for f in doc.facts if f.value == 38] == ["惠水县"]
    assert {f.entity for f in doc.facts if f.value in (12, 5.1)} == {"涟江街道"}
    assert {f.entity for f in doc.facts if f.value in (9, 3.2)} == {"濛江街道"}
    assert all(f.entity_parent == "惠水县" for f in doc.facts if f.entity.endswith("街道"))


STREET_OFFICE_NEWS = """黄岗街道以项目为抓手促进发展

本报讯 近日,记者了解到,槐荫区黄岗街道办事处今年共确定重点建设项目15个。其中,投资总额5亿元以上的有9个;续建项目10个。
为促进辖区重点项目建设,黄岗街道始终坚持以项目建设作为辖区经济发展的第一引擎。对于在建项目,黄岗街道通过召开现场办公会等方式协调解决问题。
"""


def test_a_street_offices_news_that_names_itself_speaks_as_the_street(kit):
    doc = read_text(kit, "huanggang_street.txt", STREET_OFFICE_NEWS)
    assert doc.meta.jurisdiction == "黄岗街道"
    by_value = {f.value: f for f in doc.facts}
    assert by_value[15].entity == "黄岗街道" and by_value[15].entity_parent == "槐荫区"
    assert not [f for f in doc.facts if f.entity == "槐荫区"]


def test_a_towns_title_over_a_text_that_speaks_as_no_level_is_the_towns_news(kit):
    doc = read_text(kit, "yangshi.txt", """羊尖镇经济发展活力持续增强

发布时间:2019-04-22 来源:无锡市锡山区人民政府
一是经济运行活力增强。预计完成国税开票销售收入80.5亿元,同比增长12.1%;完成固定资产投资6.2亿元。
二是项目建设加速推进。新开工超亿元项目2个。
""")
    assert doc.meta.jurisdiction == "羊尖镇"
    assert {f.entity for f in doc.facts if f.value in (80.5, 6.2)} == {"羊尖镇"}


def test_a_district_site_telling_of_a_town_in_its_own_words_stays_the_districts(kit):
    doc = read_text(kit, "xishan_towns.txt", """羊尖镇项目建设提速

来源:无锡市锡山区人民政府
今年以来,全区重点项目加快推进,一季度全区完成固定资产投资36.2亿元。羊尖镇新开工项目2个。
""")
    assert doc.meta.jurisdiction != "羊尖镇"
    assert doc.meta.jurisdiction == "锡山区"  # the issuer's, which speaks of 全区
