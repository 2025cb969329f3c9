"""Breakdowns in prose, and figures that are not figures: a line opened by a kind with its count
carries the kind through the line; a list whose 、 the capture lost is put back, and a list that
cannot be paired with its figures is no new place; a park opening its clause is the park; words
that begin with a number or with 分 (三台新闻, 2分钟, 分类) and classes by size are no figures.
Bulletins written for the project."""
from __future__ import annotations

from tests.conftest import read_text

BY_KIND_AND_OWNER = """黔南州重点项目建设情况通报
截至6月末,全州重点项目开工112个。
——按行业分:
文化旅游12个,年度计划投资5.1亿元,开工9个,开工率75%,完成投资1.2亿元,完成年计划的23.5%;
城镇化建设10个,年度计划投资10.5亿元,开工7个,开工率70%,完成投资2.4亿元,完成年计划的22.9%。
——按属地分:
州直部门16个,年度计划投资21.8亿元,开工11个,开工率68.8%,完成投资3.9亿元,完成年计划的17.9%;
都匀市21个,年度计划投资48.3亿元,开工15个,开工率71.4%,完成投资9.6亿元,完成年计划的19.9%。
"""


def test_a_kind_opening_its_line_with_a_count_carries_through_the_line(kit):
    doc = read_text(kit, "qiannan.txt", BY_KIND_AND_OWNER)
    by_value = {f.value: f for f in doc.facts}
    for values, kind in (((12, 5.1, 9, 75, 1.2, 23.5), "文化旅游"), ((10, 10.5, 7, 70, 2.4, 22.9), "城镇化建设"),
                         ((16, 21.8, 11, 68.8, 3.9, 17.9), "州直部门")):
        for value in values:
            assert by_value[value].category == kind, (value, by_value[value].category)
            assert by_value[value].entity == "黔南布依族苗族自治州", value
    assert by_value[12].metric == by_value[10].metric == by_value[16].metric == "项目数"
    assert by_value[9].metric == "开工项目数" and by_value[5.1].metric == "计划投资" and by_value[1.2].metric == "完成投资"
    # the whole's figure before the breakdown has no kind; a county's line is the county's, with none
    assert by_value[112].category == "" and by_value[112].metric == "开工项目数"
    for value in (21, 48.3, 15, 9.6):
        assert by_value[value].entity == "都匀市" and by_value[value].category == "", value


OTHER_THINGS_COUNTED = """某县重点项目建设

全县新增就业岗位1200个,完成投资15.2亿元,开工项目8个。
"""


def test_a_count_of_other_things_is_no_kind_of_project(kit):
    doc = read_text(kit, "jobs.txt", OTHER_THINGS_COUNTED)
    by_value = {f.value: f for f in doc.facts}
    assert by_value[1200].metric != "项目数"
    assert by_value[15.2].metric == "完成投资" and by_value[15.2].category == ""


GLUED_LIST = """信阳市重点项目建设情况
从完成投资量看,浉河区、平桥区罗山县完成投资量较大,分别完成投资12.1亿元、10.5亿元、9.8亿元,合计占全市完成投资的41%。
"""


def test_a_list_whose_comma_the_capture_lost_pairs_its_places_again(kit):
    doc = read_text(kit, "xinyang.txt", GLUED_LIST)
    by_value = {f.value: f for f in doc.facts}
    assert (by_value[12.1].entity, by_value[10.5].entity, by_value[9.8].entity) == ("浉河区", "平桥区", "罗山县")
    assert all(by_value[v].metric == "完成投资" for v in (12.1, 10.5, 9.8))


UNPAIRED_LIST = """信阳市重点项目建设情况
从完成投资量看,市直、羊山新区完成投资量较大,分别完成投资12.1亿元、10.5亿元、9.8亿元。
"""


def test_a_list_that_cannot_be_paired_is_no_new_place(kit):
    doc = read_text(kit, "xinyang2.txt", UNPAIRED_LIST)
    facts = [f for f in doc.facts if f.value in (12.1, 10.5, 9.8)]
    assert len(facts) == 3
    # which unit each figure is of is not said: unknown and for review, never a place named 市直、羊山新区
    assert all(f.entity is None and "、" not in (f.entity or "") for f in facts)
    assert all("subject_list_unaligned" in f.flags for f in facts)


PARK_OPENS_ITS_CLAUSE = """凉州区园区项目建设加快推进

上半年,凉州区两个工业园区共开工建设各类项目182项,总投资44.27亿元。其中:清源工业园区开工建设项目65项,总投资11.43亿元,累计完成投资8.35亿元。
"""


def test_a_park_opening_its_clause_is_the_park_not_the_district(kit):
    doc = read_text(kit, "parks.txt", PARK_OPENS_ITS_CLAUSE)
    by_value = {f.value: f for f in doc.facts}
    assert by_value[182].entity == "凉州区"
    assert 2 not in by_value  # 两个工业园区: how many parks, not a count of projects
    for value in (65, 11.43, 8.35):
        assert by_value[value].entity != "凉州区", value
        assert "清源工业园区" in (by_value[value].entity or ""), value
        assert any(flag.startswith("entity_") for flag in by_value[value].flags), value  # a new park: for review
    assert by_value[65].metric == "开工项目数" and by_value[8.35].metric == "完成投资"


NOT_FIGURES = """三台县重点项目推进会召开
绵阳新闻安州新闻三台新闻盐亭新闻
会议时长2分钟的视频回顾了上半年工作。索引号:11510722/2022-00337 分类:重大项目
全县确定实施5000万元以上项目82个,总投资424亿元,其中10亿元以上10个、亿元以上55个。
"""


def test_words_a_number_begins_and_classes_by_size_are_no_figures(kit):
    doc = read_text(kit, "santai.txt", NOT_FIGURES)
    values = sorted(f.value for f in doc.facts)
    assert 3 not in values and 2 not in values and 337 not in values  # 三台新闻, 2分钟, 00337 分类
    assert not [f for f in doc.facts if f.value == 10 and f.unit in ("亿元", "亿")]  # a class's bound
    by_value = {(f.value, f.unit): f for f in doc.facts}
    assert by_value[(82, "个")].entity == "三台县" and by_value[(424, "亿元")].metric == "总投资"
    assert by_value[(10, "个")].metric == "项目数" and by_value[(55, "个")].metric == "项目数"


WORKS_BUILT_BY_INVESTORS = """安达市产业项目集中开工

安达经济开发区引进北方重工集团拟投资15亿元建设智能农机产业园,年产大型拖拉机3000台。项目投产达效后,预计年实现销售收入60亿元,税金3.2亿元。
青冈县引进龙江重工集团投资8亿元建设农用车生产项目,2025年建成投产,年生产5万辆整车、12万台车身。
全市今年计划完成投资120亿元。
"""


def test_what_a_work_will_make_or_earn_is_the_works_not_the_places(kit):
    doc = read_text(kit, "anda.txt", WORKS_BUILT_BY_INVESTORS)
    by_value = {f.value: f for f in doc.facts}
    for value in (15, 3000, 60, 3.2):
        assert "智能农机产业园" in (by_value[value].entity or ""), value
    for value in (8, 5, 12):
        assert by_value[value].entity == "农用车生产项目", value
    assert by_value[15].metric == by_value[8].metric == "总投资"
    assert by_value[120].entity == "安达市" and by_value[120].metric == "计划投资"  # the whole again, its own sentence


def test_a_zone_heading_its_line_owns_the_line(kit):
    doc = read_text(kit, "jian.txt", """吉安市重大项目推进情况

  吉州区：市重大项目41个，年度计划投资60.2亿元，完成投资63.1亿元。
  井冈山经济技术开发区：市重大项目52个，年度计划投资88.0亿元，完成投资91.4亿元。
  庐陵新区：市重大项目30个，年度计划投资45.5亿元，完成投资47.9亿元。
  各县（市、区）：累计完成投资520.3亿元。
""")
    by_value = {f.value: f for f in doc.facts}
    assert by_value[41].entity == "吉州区"
    assert all("庐陵新区" in (by_value[v].entity or "") for v in (30, 45.5, 47.9))
    assert all(by_value[v].entity != "吉安市" for v in (52, 88.0, 91.4, 30, 45.5, 47.9))
    assert by_value[520.3].entity != "庐陵新区"


def test_a_zones_title_after_its_total_names_the_zone_not_the_province_its_event_is(kit):
    doc = read_text(kit, "wuhu_zone.txt", """总投资超五百亿元 芜湖经开区56个重大项目集中开工

5月8日上午,安徽省第五批重大项目集中开工动员大会在芜湖经开区举行。安徽省委常委出席并宣布项目集中开工。
此次集中开工项目共56个,总投资526亿元。其中,产业类项目41个,总投资410亿元。
""")
    assert doc.meta.jurisdiction == "芜湖经开区"
    by_value = {f.value: f for f in doc.facts}
    assert by_value[56].entity == by_value[526].entity == "芜湖经开区"
    assert not [f for f in doc.facts if f.entity == "安徽省"]


def test_a_quoted_work_opening_the_story_owns_its_figures_and_the_next_sentences(kit):
    doc = read_text(kit, "tongren_sign.txt", """铜仁市一季度落实签约项目12个

签约的项目中,“江口县年产5万吨锰基新材料深加工项目”作为铜仁市代表项目进行线上签约,项目投资额8.6亿元。该项目为今年一季度铜仁市重点招商引资项目,由江口县人民政府与某集团有限公司签约,项目用地95亩,项目建成投产后,预计年产值12亿元。
全市一季度共签约项目12个,签约总金额25.3亿元。
""")
    by_value = {(f.value, f.unit): f for f in doc.facts}
    work = "江口县年产5万吨锰基新材料深加工项目"
    for value in ((8.6, "亿元"), (95, "亩"), (12.0, "亿元")):
        assert by_value[value].entity == work, (value, by_value[value].entity)
    assert not [f for f in doc.facts if f.entity == "江口县"]  # a place inside the quoted name, a party to it
    assert by_value[(25.3, "亿元")].entity == by_value[(12.0, "个")].entity == "铜仁市"


def test_the_words_of_investment_attraction(kit):
    doc = read_text(kit, "fengdu.txt", """丰都县招商引资运行情况

1-6月,全县新签项目52个,协议资金61.4亿元,到位资金8.3亿元。市外新签项目9个,协议资金18.2亿元。
集中签约的7个项目投资总额46.5亿元。
""")
    by_value = {f.value: f for f in doc.facts}
    assert by_value[52].metric == "签约项目数" and by_value[61.4].metric == "签约金额" and by_value[8.3].metric == "到位资金"
    assert by_value[9].metric == "签约项目数" and by_value[18.2].metric == "签约金额" and by_value[9].category == "市外新签项目"
    assert by_value[46.5].metric == "总投资"


def test_a_named_work_opening_a_clause_after_其中_owns_what_follows(kit):
    doc = read_text(kit, "yanchuan.txt", """延川县重大产业项目观摩

观摩延川县2个重大产业项目进展良好,其中,文安驿煤矿建设项目已进入联合试运转,预计实现年总产值约8.2亿元,年税收2亿元。
文安驿煤矿建设项目亩均投资410万元。全县今年完成投资56亿元。
""")
    by_value = {f.value: f for f in doc.facts}
    for value in (8.2, 2, 410):
        assert by_value[value].entity == "文安驿煤矿建设项目", (value, by_value[value].entity)
    assert by_value[56].entity == "延川县"


def test_a_city_named_right_after_the_quarter_in_a_title(kit):
    doc = read_text(kit, "changsha_q1.txt", """一季度长沙部分园区主要经济指标增长超30%

今年一季度全市各园区实现开门红。宁乡经开区一季度规模工业总产值同比增长35.6%。
""")
    assert doc.meta.jurisdiction == "长沙市"  # never 宁乡市, the county whose zone the text names


def test_a_citys_zone_after_的_is_that_zone(kit):
    doc = read_text(kit, "zhuzhou_parks.txt", """一季度株洲部分园区主要指标增长

作为园区龙头的株洲高新区,一季度规模工业总产值预计增长28.5%,固定资产投资预计增长21.2%。全市一季度规模工业总产值增长12.1%。
""")
    by_value = {f.value: f for f in doc.facts}
    assert by_value[28.5].entity == by_value[21.2].entity == "株洲高新区"  # never the whole city's growth
    assert by_value[12.1].entity == "株洲市"


def test_where_the_news_was_heard_is_no_subject(kit):
    doc = read_text(kit, "guangan.txt", """一季度重大项目集中开工 | 广安:集中开工52个重点项目

1月4日,记者从四川省2022年第一季度重大项目集中开工广安分会场获悉,本次集中开工重点项目共52个,总投资186亿元。
""")
    assert doc.meta.jurisdiction == "广安市"
    assert {f.entity for f in doc.facts if f.value in (186,)} == {"广安市"}  # never 四川省, whose event it is
