"""Failure classes the blind batch n (新余, 威海, 襄阳, 防城港, 铜川, 湖州) showed at first sight, each
pinned with a bulletin written for the project in the same shape (not the captures themselves)."""
from __future__ import annotations

from tests.conftest import read_text

PORTAL_REPOST = """江南热线
主页 > 国内新闻 > 湖北新闻

前5月省级项目投资48.2亿元 开工率居全省前列

发布时间:2019-06-12 09:10:11

十堰日报讯(记者王明 通讯员李华)记者昨日从市发改委获悉,今年以来,我市扎实推进省级重点项目建设。
1至5月,全市28个省级重点项目开工率96.4%,完成投资48.2亿元,占年度计划的41.3%。
  • 下一篇:城区新增公交线路3条
"""


def test_a_portal_that_reposts_is_neither_title_nor_place(kit):
    doc = read_text(kit, "portal.txt", PORTAL_REPOST)
    assert doc.meta.title == "前5月省级项目投资48.2亿元开工率居全省前列"
    assert doc.meta.jurisdiction == "十堰市"  # the masthead 十堰日报 and 我市; never the portal's 江南
    money = [f for f in doc.facts if f.metric == "完成投资"]
    assert [(f.entity, f.value, f.unit) for f in money] == [("十堰市", 48.2, "亿元")]


CELL_LINES = """吉安市人民政府办公室关于1-5月份全市新开工项目情况的通报
各县(市、区)人民政府:
现将全市项目进展情况通报如下:
1、5000万元以上新开工项目情况
地 区
| 1-5月新开工个数(个)
| 其中:5月份新开工个数(个)
| 5月份中,已开工项目个数(个)
|
全 市
| 40
| 12
| 9
|
吉州区
| 11
| 4
| 3
|
青原区
| 7
| 2
|
|
永丰县
| 22
| 6
| 6
|
"""


def test_a_table_written_a_cell_a_line_behind_pipes(kit):
    doc = read_text(kit, "cells.txt", CELL_LINES)
    [table] = doc.tables
    assert table.method == "text_tabs"
    cells = {(f.entity, f.metric_raw, f.value) for f in doc.facts if f.source_kind == "table"}
    assert ("永丰县", "1-5月新开工个数(个)", 22) in cells and ("青原区", "其中:5月份新开工个数(个)", 2) in cells
    assert {f.entity for f in doc.facts if f.source_kind == "table"} == {"吉安市", "吉州区", "青原区", "永丰县"}
    assert len([f for f in doc.facts if f.source_kind == "table"]) == 11  # 青原区's third cell is empty
    # "5月份中" is no month 5月 before "份中": the header is kept whole
    assert sorted(f.value for f in doc.facts if f.metric_raw == "5月份中,已开工项目个数(个)") == [3, 6, 9]


REGION_ABOVE_CITY = """桂林市重大项目建设情况
2021年,桂林市重大项目共420项,年度计划投资380亿元,实际完成投资352.6亿元。
自治区层面重大项目超额完成年度投资任务。2021年,自治区层面统筹推进重大项目累计完成投资96.5亿元,完成年度计划的112.4%。
其中,自治区领导联系重大项目3项,完成投资41.2亿元,继续成为我市拉动投资的主力。
"""


def test_a_citys_bulletin_naming_the_regions_lists_is_the_citys(kit):
    doc = read_text(kit, "guilin.txt", REGION_ABOVE_CITY)
    assert doc.meta.jurisdiction == "桂林市"
    total = next(f for f in doc.facts if f.metric == "完成投资" and f.value == 352.6)
    assert total.entity == "桂林市"


GROUPED_SPACES = """曲靖市第八届人民代表大会常务委员会公报                         2016 年 8 月

                 1-6月重点项目投资完成情况   单位:亿元、%

              项  目  类  别                  年度计划          1-6月完成           完成进度
                     水利设施(6 项)                         12               6              50
                     交通路网(11 项)                        88              40              45
            重点基      城镇建设(8 项)                      30              12              40
            础设施      生态保护(5 项)                      10               3              30
             项目
                     小计(30 项)                           140              61             44
                     工业发展(20 项)                        90              45             50
            重点产      现代物流(7 项)                      35              14             40
            业项目      旅游文化(9 项)                      25              10             40
                     小计(36 项)                           150              69             46
"""


def test_a_space_aligned_table_with_a_group_label_down_its_first_column(kit):
    doc = read_text(kit, "grouped.txt", GROUPED_SPACES)
    [table] = doc.tables
    assert table.header_paths[0] == "项目类别"  # the letter-spaced label is one cell
    got = {(f.metric, f.category, f.value, f.unit) for f in doc.facts if f.source_kind == "table"}
    assert ("完成投资", "重点基础设施项目 / 城镇建设", 12, "亿元") in got
    assert ("完成率", "重点产业项目 / 现代物流", 40, "%") in got  # 完成进度 is a share, never 亿元
    assert ("项目数", "重点产业项目 / 旅游文化", 9, "项") in got  # the count its name states
    assert ("计划投资", "重点基础设施项目", 140, "亿元") in got and ("项目数", "重点产业项目", 36, "项") in got
    assert len(got) == 9 * 4
    assert all(f.entity == "曲靖市" for f in doc.facts if f.source_kind == "table")


PRESS_CONFERENCE = """华商报讯(记者 张林)1月5日,宝鸡市召开重点项目建设新闻发布会,宝鸡市重点项目办、市交通局主任李明介绍,预计2018年180个市级重点建设项目完成投资320亿元,占年度计划108%,带动全社会固定资产投资完成900亿元,增长15%,增速位于全省前列。
李明介绍,50个市级重点前期项目估算总投资1200亿元。
"""


def test_a_press_conference_names_its_speaker_and_compares_with_the_province(kit):
    # batch p (安康): "增速位于全省前列" compares with the province and is not its voice; the offices
    # before "主任李明介绍" give the figures and are not their subject; 估算总投资 is a 总投资
    doc = read_text(kit, "press.txt", PRESS_CONFERENCE)
    assert doc.meta.jurisdiction == "宝鸡市"
    got = {(f.entity, f.metric, f.value, f.unit) for f in doc.facts}
    assert ("宝鸡市", "完成投资", 320, "亿元") in got and ("宝鸡市", "固定资产投资", 900, "亿元") in got
    assert ("宝鸡市", "总投资", 1200, "亿元") in got
    assert not {f.entity for f in doc.facts} & {"宝鸡市重点项目办", "市重点项目办", "市交通局"}


def test_a_run_of_chinese_digits_is_no_count():
    # batch q (泰安): "唯一一个社会民生项目" had become 11 projects
    from pipeline.core.numbers import parse_chinese_numeral

    assert parse_chinese_numeral("一一") is None and parse_chinese_numeral("三四") is None
    assert parse_chinese_numeral("二〇一八") == 2018 and parse_chinese_numeral("十一") == 11


def test_the_only_project_is_one(kit):
    doc = read_text(kit, "only.txt", "泰安市重点项目建设情况\n唯一一个社会民生项目是东平湖安置工程改造项目,计划总投资20.5亿元,完成投资8.2亿元。\n")
    assert 11 not in {f.value for f in doc.facts}
    assert {(f.metric, f.value) for f in doc.facts} >= {("完成投资", 8.2)}


def test_this_years_investment_done_is_done_and_planned_is_planned(kit):
    # batch r (南康): "完成年度投资116.94亿元" had been read as the plan (年度投资)
    text = ("南康区重大项目建设情况\n今年以来,全区省大中型项目43个,年度计划投资121.3亿元,截至9月份,完成年度投资116.94亿元,"
            "年度投资完成率达96.41%。\n今年计划完成年度投资190亿元以上。\n")
    got = {(f.metric, f.value) for f in read_text(kit, "nankang.txt", text).facts}
    assert ("完成投资", 116.94) in got and ("计划投资", 121.3) in got and ("计划投资", 190) in got


# --- what a second read of these rules found: each pinned -----------------------------------------

def _facts(kit, text):
    return read_text(kit, "t.txt", text)


def test_yes_no_cells_in_a_row_stay_two_cells(kit):
    doc = _facts(kit, "株洲市重点项目建设情况\n单位：万元\n项目名称   是否新开工   是否省重点   总投资   1-6月完成\n"
                      "电子产业园   是   否   120000   16000\n化工园区   否   是   90000   8000\n物流中心   是   是   60000   5000\n")
    got = {(f.entity, f.metric, f.value) for f in doc.facts}
    assert ("电子产业园", "总投资", 120000) in got and ("电子产业园", "完成投资", 16000) in got


def test_group_pieces_on_most_rows_still_leave_the_columns_in_place(kit):
    doc = _facts(kit, """某市重点项目投资完成情况
                 上半年重点项目投资完成情况   单位:亿元、%
              项  目  类  别                  年度计划          上半年完成           完成进度
            重点基      市政设施(9 项)                      41              10              24
            础设施      生态环保(19 项)                     29              14              50
             项目
                     园区基础设施(19 项)                    34              20              58
                     小计(47 项)                          104              44              42
            重点产      工业发展(43 项)                     139              64              46
            业项目      商贸流通(22 项)                     120              28              24
                     文化旅游(17 项)                        104              33              33
                     小计(82 项)                          363             125              34
""")
    got = {(f.metric, f.category, f.value, f.unit) for f in doc.facts}
    assert ("计划投资", "重点基础设施项目 / 市政设施", 41, "亿元") in got
    assert ("完成投资", "重点产业项目", 125, "亿元") in got and ("完成率", "重点产业项目", 34, "%") in got


def test_a_continuation_line_is_no_group_label_and_a_grand_total_no_group(kit):
    doc = _facts(kit, """株洲市重点项目完成情况
单位：亿元
县市区          年度计划        1-6月完成        完成率(%)
茶陵县            30.0            16.2            54.0
攸县              40.0            20.1            50.3
续表
醴陵市            50.0            30.0            60.0
渌口区            20.0             9.9            49.5
合计             140.0            76.2            54.4
""")
    assert not [f for f in doc.facts if "续表" in (f.entity or "") + (f.category or "")]
    assert {f.entity for f in doc.facts if f.metric == "完成投资"} >= {"茶陵县", "攸县"}


def test_this_years_investment_still_to_do_or_forecast_is_no_money_done(kit):
    got = {(f.metric, f.value) for f in _facts(kit, "某市通报\n力争超额完成年度投资100亿元。预计全年可完成年度投资95亿元。"
                                                    "四季度还需完成年度投资30亿元。\n").facts}
    assert not {v for m, v in got if m == "完成投资"} & {100, 95, 30}


def test_during_july_is_july(kit):
    doc = _facts(kit, "新余市2008年1-7月项目通报\n1-7月份,全市完成投资145.9亿元。7月份中，全市新开工项目31个，完成投资12.2亿元。\n")
    july = next(f for f in doc.facts if f.value == 12.2)
    assert (july.period.start.month, july.period.end.month) == (7, 7)


def test_a_city_ranking_its_districts_speaks_as_the_city(kit):
    doc = _facts(kit, "湘潭市人民政府办公室关于2023年上半年全市重点项目建设情况的通报\n雨湖区完成投资30亿元,居全市第一;"
                      "岳塘区完成投资25亿元,居全市第二;湘潭县排名全市末位,低于全市平均水平。\n各区要压实区委、区政府主体责任。新开工项目32个。\n")
    assert doc.meta.jurisdiction == "湘潭市"
    assert next(f for f in doc.facts if f.value == 32).entity == "湘潭市"


def test_an_office_speaking_of_its_own_projects_keeps_them(kit):
    doc = _facts(kit, "株洲市重点项目建设情况\n市住建局局长李四介绍，该局牵头推进的12个城建项目完成投资25.6亿元。\n")
    assert {f.entity for f in doc.facts} == {"株洲市住房和城乡建设局"}


def test_a_place_compared_with_or_ranked_in_is_no_subject(kit):
    # batch s (红寺堡): "高于吴忠市1.4个百分点", "位居全区第9、吴忠市第2" had filed figures under 吴忠市
    doc = _facts(kit, "红寺堡区一季度项目建设\n一季度,全区完成固定资产投资18.2亿元,同比增长12.5%,高于吴忠市1.4个百分点,"
                      "增速位居全区第9、吴忠市第2。\n")
    assert "吴忠市" not in {f.entity for f in doc.facts}
    assert ("红寺堡区", 18.2) in {(f.entity, f.value) for f in doc.facts}


def test_a_mirror_sites_name_is_no_title_and_a_city_after_its_province_is_named(kit):
    # batch t (三明): the spam mirror's "木托盘厂家" was the title, and "福建三明" named neither
    doc = _facts(kit, "石材加工设备\n免费服务热线\n当前位置:首页 > 行业资讯\n1-6月湖北宜昌重点项目建设完成投资近300亿元-【新闻】\n"
                      "发布时间:2021-04-05 22:05:23 阅读: 来源:石材加工设备\n据三峡日报报道,今年以来,全市重点项目完成投资298.5亿元,"
                      "占年度计划的52.1%。\n")
    assert doc.meta.title.startswith("1-6月湖北宜昌重点项目")
    assert doc.meta.jurisdiction == "宜昌市"
    assert ("宜昌市", 298.5) in {(f.entity, f.value) for f in doc.facts}


def test_a_page_fields_line_is_chrome_and_expected_investment_is_the_plan(kit):
    # batch u (张家界, 德阳): "15:21:54 人气:" had become 54 人; 年度预期投资 is the year's plan
    doc = _facts(kit, "德阳市重点项目建设情况\n类别:德阳经济日期:2021-4-11 15:21:54 人气:来源:\n"
                      "今年,全市安排省市重点项目290个,年度预期投资738亿元。一季度完成投资186.5亿元。\n")
    got = {(f.metric, f.value, f.unit) for f in doc.facts}
    assert ("计划投资", 738, "亿元") in got and ("完成投资", 186.5, "亿元") in got
    assert 54 not in {f.value for f in doc.facts}
