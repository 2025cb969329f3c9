"""Failure classes the later blind batches showed (the works named as a sentence's topic in 岳阳, 恩施
and 开州 news; then batches v and w), each pinned with a bulletin written for the project in the same
shape (not the captures themselves)."""
from __future__ import annotations

from tests.conftest import read_text

WORKS_AS_TOPICS = """衡阳市重点项目建设进展情况
(2021年10月12日)
衡阳日报讯 记者从市重点办获悉,1-9月,全市重点项目完成投资312.5亿元,占年度计划的80.2%。
南岳机场改扩建工程作为今年全市头号工程,在衡阳境内新建航站楼1.2万平方米。今年计划投资6.5亿元,目前已完成投资5.1亿元。
同样进展顺利的还有全长42公里的衡永高速,前三季度已完成投资18.6亿元,占年度计划的77%。
衡阳至常宁公路已完成征拆量的90%。
全市在建高速4条,高速公路完成投资35亿元。
民生工程及社会事业项目作为补短板重点,完成投资12.4亿元。
"""


def test_a_work_that_opens_a_sentence_owns_its_figures_and_the_next_sentences(kit):
    doc = read_text(kit, "hengyang_works.txt", WORKS_AS_TOPICS)
    by_value = {(f.value, f.unit): f.entity for f in doc.facts}
    assert by_value[(312.5, "亿元")] == "衡阳市"
    # the airport's figures, in its own sentence and the next one that names no subject
    assert by_value[(6.5, "亿元")] == "南岳机场改扩建工程"
    assert by_value[(5.1, "亿元")] == by_value[(6.5, "亿元")]
    # a work brought in as the topic ("还有…的衡永高速,") owns the clauses after it
    assert by_value[(18.6, "亿元")] == "衡永高速"
    assert by_value[(77, "%")] == "衡永高速"
    assert by_value[(90, "%")] == "衡阳至常宁公路"
    # a sector (高速公路 alone, 4条高速) is no work: the city's
    assert by_value[(35, "亿元")] == "衡阳市"
    # kinds of project opening a sentence are the issuer's, not one project
    assert by_value[(12.4, "亿元")] == "衡阳市"


SHORT_AUTONOMOUS_COUNTY = """长阳县重点项目建设稳步推进
来源:县发改局 时间:2021年05月20日
2021年确定我县市级重点项目15项,项目总投资86.2亿元,计划年内完成投资20.5亿元。其中,续建项目6项,
完成投资1.2亿元。截至目前,重点项目开复工11项,开复工率73.3%,完成投资6.1亿元,完成率29.8%。
"""


def test_a_county_written_as_it_was_before_its_autonomy_is_todays_county(kit):
    # 长阳县 became 长阳土家族自治县 in 1984: written so today, it is today's county, not the one of 1983
    doc = read_text(kit, "changyang.txt", SHORT_AUTONOMOUS_COUNTY)
    assert doc.meta.jurisdiction == "长阳土家族自治县"
    assert {f.entity for f in doc.facts} == {"长阳土家族自治县"}
    measures = {(f.value, f.unit): f.metric for f in doc.facts}
    assert measures[(20.5, "亿元")] == "计划投资"  # 计划年内完成投资: the plan
    assert measures[(6.1, "亿元")] == "完成投资"


DISTRICT_WITH_SLOGANS = """今年以来,我区坚定“做精老城区、做强经开区、做大新城区”发展方向,为钟楼经济高质量发展提供支撑。
1.省重大项目推进情况
2025年我区列入省重大项目4个,截至目前,已开工3个,开工率75%,1-3月列统投资2.4亿元,完成年度目标15.2%。
2.区重大产业项目推进情况
截至3月底,新建项目已开工21个,年度新开工目标任务完成率58.3%。竣工项目5个,年度竣工目标完成率12.5%。
2022年度全区共安排重点项目39项,2022年1-5月完成投资5.62亿元,年度计划投资的31.45%。其中,市重点项目11项,
完成年度计划4.2亿元,完成年度计划投资的55%。
"""


def test_the_old_town_of_a_slogan_is_no_district_of_luoyang(kit):
    doc = read_text(kit, "zhonglou.txt", DISTRICT_WITH_SLOGANS)
    # 老城区 / 新城区 are districts of 洛阳 and 西安 and "the old / new town" of any city: never the speaker
    assert doc.meta.jurisdiction not in ("老城区", "新城区", "洛阳市", "西安市")
    assert not {f.entity for f in doc.facts} & {"老城区", "新城区"}
    measures = {(f.value, f.unit): (f.metric, f.category) for f in doc.facts}
    assert measures[(2.4, "亿元")][0] == "完成投资"  # 列统投资: investment counted in the statistics
    assert measures[(58.3, "%")][0] == "开工率"  # 开工目标任务完成率
    assert measures[(12.5, "%")][0] == "竣工率"
    assert measures[(31.45, "%")][0] == "完成率"  # 年度计划投资的31.45%: a share of the plan
    assert measures[(4.2, "亿元")][0] == "完成投资"  # 完成年度计划4.2亿元: money done
    assert measures[(39, "项")] == ("项目数", "")  # 2022年度全区共安排重点项目: no category "度全区…"


PACKED_TWO_LEVEL_HEADER = """江西省水利厅关于2020年1-9月中央水利投资计划执行情况的通报
2020年度中央项目分类型完成情况
单位:万元
序号 | 类型名称 | 计划下达 | 投资完成 | 完成率 | |||
年度计划 | 中央资金 | 计划完成 | 中央完成 | 年度 计划 | 中央 资金 | ||
总计 | 412300 | 101250 | 268900 | 80110 | 65.2% | 79.1% | |
一 | 中央预算内项目 | 95400 | 21000 | 61200 | 15300 | 64.2% | 72.9% |
1 | 大中型灌区改造 | 31000 | 8000 | 22100 | 6400 | 71.3% | 80.0% |
2 | 中小河流治理 | 64400 | 13000 | 39100 | 8900 | 60.7% | 68.5% |
"""


def test_a_two_level_header_packed_to_the_left_is_spread_over_its_columns(kit):
    # the capture dropped the merged cells: 计划下达 / 投资完成 / 完成率 each span two of the six
    # columns the lower row names; the 总计 row lost its row number's cell
    doc = read_text(kit, "jiangxi_water.txt", PACKED_TWO_LEVEL_HEADER)
    cells = {(f.value, f.unit): (f.metric, f.category) for f in doc.facts if f.source_kind == "table"}
    assert cells[(412300, "万元")][0] == "计划投资"
    assert cells[(268900, "万元")][0] == "完成投资"  # 投资完成 / 计划完成: done of the plan, never the plan
    assert cells[(22100, "万元")][0] == "完成投资"
    assert cells[(31000, "万元")][0] == "计划投资"
    assert cells[(65.2, "%")][0] == "完成率"
    assert cells[(79.1, "%")][0] == "完成率"
    kinds = {f.value: f.category for f in doc.facts if f.source_kind == "table"}
    assert "大中型灌区改造" in kinds[22100] and "总计" not in kinds[412300]  # the total is the whole's


CITY_NEWS_WITH_BOUNDS = """前九个月全市重点项目完成投资六百二十亿元

漯河日报讯 1-9月全市重点项目完成投资621.5亿元,占全年计划投资的85.1%。源汇区、郾城区、舞阳县和临颍县项目完成投资均超过90%,
农业项目完成投资达到97.6%。全市固定资产投资比去年同期降低3.2%。
"""


def test_places_passing_a_bound_are_no_subject_of_the_clause_after(kit):
    doc = read_text(kit, "pingdingshan_bounds.txt", CITY_NEWS_WITH_BOUNDS)
    by_value = {(f.value, f.unit): f for f in doc.facts}
    agriculture = by_value[(97.6, "%")]
    assert agriculture.entity == "漯河市"  # the city's, not 临颍县's (nor "临颍县项目")
    assert agriculture.metric == "完成率"  # 农业项目完成投资达到97.6%: a share, of the kind 农业项目
    assert (90, "%") not in by_value  # 均超过90%: a bound
    headline = by_value[(620, "亿元")]  # 六百二十亿元: as written, never 62000000000 元
    assert headline.metric == "完成投资"
    assert by_value[(-3.2, "%")].metric == "同比增长"  # 比去年同期降低3.2%


def test_a_city_bulletin_listing_its_counties_is_the_citys(kit):
    # no masthead, no place in the title: the listed counties are no speaker, but their one city,
    # written once, is (weak evidence: its facts go to review)
    text = CITY_NEWS_WITH_BOUNDS.replace("漯河日报讯", "本报讯").replace("降低3.2%。", "降低3.2%。奋力建设美丽漯河。")
    doc = read_text(kit, "luohe_listed.txt", text)
    assert doc.meta.jurisdiction == "漯河市"
    assert doc.meta.jurisdiction_confidence < 0.8
    # and without the city written anywhere, the list alone names no speaker
    bare = read_text(kit, "listed_only.txt", CITY_NEWS_WITH_BOUNDS.replace("漯河日报讯", "本报讯"))
    assert bare.meta.jurisdiction is None


PACKED_FOUR_LEVEL_HEADER = """| 甘孜州2017年易地扶贫搬迁工程月报进度表 | |||||||||||
| (截至2017年6月30日) | |||||||||||
| 县名 | 计划任务数 | 项目建设情况 | 完成投资 | |||||||||
| 安置点 (个) | 户数(户) | 在建住房 | 完成住房 | |||||||||
| 安置点(个) | 户数 | 占计划(%) | 户数 | 占计划(%) | 总投资 | 住房建设投资 | 基础设施投资 | |||||
| 合计(户) | 新建(户) | 改建(户) | 合计(户) | 新建(户) | 改建(户) | |||||||
| 甘孜州 | 120 | 9000 | 118 | 7200 | 7000 | 200 | 80.0 | 1800 | 1700 | 100 | 20.0 | 21000 | 15000 | 6000 | ||
| 康定市 | 8 | 400 | 8 | 380 | 380 | 95.0 | 20 | 20 | 5.0 | 900 | 700 | 200 | ||||
"""


def test_a_header_packed_beyond_reading_leaves_measures_unknown(kit):
    # four header rows a capture packed to the left: which label stands over which figure cannot be
    # told, so no cell gets a measure or a unit by guess; the table is said to await review
    doc = read_text(kit, "ganzi_packed.txt", PACKED_FOUR_LEVEL_HEADER)
    cells = [f for f in doc.facts if f.source_kind == "table"]
    assert len(cells) >= 20
    assert all(f.metric is None and "metric_unknown" in f.flags for f in cells)
    assert all(f.unit is None for f in cells if f.value in (86.3, 80.0, 7200))  # no 户 from a guessed column
    assert {f.entity for f in cells} == {"甘孜藏族自治州", "康定市"}
    assert any(x.check == "header_reading" and "packed" in x.message for x in doc.findings)


ZONE_NEWS = """济宁高新区上半年重大项目建设综述

今年以来,济宁高新区加快高质量发展,上半年实施省市重大项目62个,总投资980亿元,其中省重点项目11个,总投资520亿元,占全市58%;市重大项目51个,同比增长35%,总投资460亿元。
市里组织对各县市区、高新区、经济技术开发区36个项目进行观摩。
1-3月份,亿元以上新开工项目31个,总投资62.4亿元,其中10亿元以上项目2个,分别是总投资12.5亿元的光电产业园项目和总投资15亿元的北湖科创中心项目。
从规模看,50亿元以上(含百亿元以上,下同)项目9个,总投资610亿元。
"""


def test_a_zones_parts_go_on_and_the_city_it_is_compared_with_is_no_subject(kit):
    doc = read_text(kit, "jining_zone.txt", ZONE_NEWS)
    by_value = {(f.value, f.unit): f for f in doc.facts}
    assert by_value[(520, "亿元")].entity == "济宁高新区"
    assert by_value[(58, "%")].entity == "济宁高新区"  # 占全市58%: the city is what it is a share of
    # "其中省重点项目…；市重大项目51个": the parts go on after the ；, the zone's still
    assert by_value[(51, "个")].entity == "济宁高新区"
    assert by_value[(460, "亿元")].entity == "济宁高新区"
    # 36 projects of the whole list of places, not of its last member
    assert by_value[(36, "个")].entity != "济宁经开区"
    # two named projects, each with its own 总投资, and the measure after the first one's name
    assert (by_value[(12.5, "亿元")].entity, by_value[(12.5, "亿元")].metric) == ("光电产业园项目", "总投资")
    assert (by_value[(15, "亿元")].entity, by_value[(15, "亿元")].metric) == ("北湖科创中心项目", "总投资")
    assert (50, "亿元") not in by_value  # 50亿元以上(含百亿元以上,下同)项目: a class, not a figure


PROJECT_PARAGRAPH = """延吉市重点项目建设提速

  和龙市长白山矿泉水产业园项目建设现场,塔吊高耸,工人们正在忙碌着。“自5月份开工以来,项目进展顺利。”该项目负责人告诉记者,项目总投资8亿元,规划占地面积15万平方米。其中,一期投资2亿元。
"""


def test_this_project_said_again_is_the_paragraphs_project(kit):
    doc = read_text(kit, "yanji_paragraph.txt", PROJECT_PARAGRAPH)
    by_value = {(f.value, f.unit): f for f in doc.facts}
    assert by_value[(8, "亿元")].entity == "和龙市长白山矿泉水产业园项目"
    assert by_value[(15, "万平方米")].entity == "和龙市长白山矿泉水产业园项目"
    # 一期投资: the project's, the whole investment of its first phase (category 一期, as the golds write it),
    # never the plain 总投资 (that is the 8亿元)
    two = by_value[(2, "亿元")]
    assert (two.entity, two.metric, two.category) == ("和龙市长白山矿泉水产业园项目", "总投资", "一期")


def test_a_place_closing_a_sites_name_is_its_masthead_but_a_portal_is_not(kit):
    body = "【记者王明】今年以来,我市重大项目建设顺利推进。截至6月底,全市132个重大建设项目完成投资120.5亿元。"
    named = read_text(kit, "tianshui_masthead.txt", "全市重大项目建设顺利推进\n\n天天天水网讯" + body)
    assert named.meta.jurisdiction == "天水市"
    portal = read_text(kit, "portal_masthead.txt", "全市重大项目建设顺利推进\n\n东方网讯" + body)
    assert portal.meta.jurisdiction is None  # 东方网 is a portal, not 东方市


CEREMONY_NEWS = """我市重点产业项目集中开工

怀化日报讯 此次集中开工活动设鹤城区、洪江市、辰溪县和怀化经开区4个现场。
市委书记出席怀化经开区集中开工仪式,并宣布智能装备产业园项目等7个项目集中开工,物流园项目等2个项目集中竣工。
"""


def test_a_ceremonys_sites_are_no_figure_and_its_zone_owns_what_it_announced(kit):
    doc = read_text(kit, "huaihua_ceremony.txt", CEREMONY_NEWS)
    by_value = {(f.value, f.unit): f for f in doc.facts}
    assert (4, "个") not in by_value  # 4个现场: the length of the list before it
    # 怀化经开区 right after 出席: a city's zone though a word runs into its city's short form
    assert (by_value[(7, "个")].entity, by_value[(7, "个")].metric) == ("怀化经开区", "开工项目数")
    assert (by_value[(2, "个")].entity, by_value[(2, "个")].metric) == ("怀化经开区", "竣工项目数")


ZONE_TITLE_NEWS = """株洲高新区在上半年全市重点项目观摩中居全市第一

2021/8/17 9:52:36   来源:湖南日报

    记者获悉,8月5日,株洲市召开上半年全市重点项目观摩点评会议,株洲高新区获得全市第一。
  今年以来,株洲高新区加快发展,上半年实施省市重大项目52个,总投资813亿元,其中省重点项目9个,总投资320亿元,占全市47%。省市重大项目数量和投资额均列全市第一。完成省外到位资金41.2亿元,增长38.5%。
"""


def test_the_place_a_title_opens_with_speaks_when_the_city_is_only_around_it(kit):
    doc = read_text(kit, "zhuzhou_zone.txt", ZONE_TITLE_NEWS)
    assert doc.meta.jurisdiction == "株洲高新区"
    by_value = {(f.value, f.unit): f.entity for f in doc.facts}
    assert by_value[(52, "个")] == "株洲高新区"
    assert by_value[(41.2, "亿元")] == "株洲高新区"  # two sentences on: the zone's still, not 株洲市's
    # a city that speaks as itself (我市) under a title opening with one of its districts is the city
    city_voice = ZONE_TITLE_NEWS.replace("今年以来,株洲高新区加快发展,", "今年以来,我市加快发展,")
    assert read_text(kit, "zhuzhou_city.txt", city_voice).meta.jurisdiction != "株洲高新区"


CAPTIONED_NEWS = """全市重大项目建设顺利推进

平凉日报讯 今年以来,我市重大项目建设顺利推进。截至6月底,全市重大建设项目完成投资88.5亿元。
▲崆峒山旅游综合体项目
42个省管市列重大项目总投资310.4亿元,年度计划投资96.2亿元。
今年全市共梳理市县重点项目612个(全省梳理1.2万个),总投资4210亿元。
同时,全市组织超长期国债项目申报,通过国家发展改革委审核项目8个,总投资5.1亿元。
"""


def test_a_caption_stands_alone_and_an_aside_or_an_approver_is_no_subject(kit):
    doc = read_text(kit, "pingliang_captions.txt", CAPTIONED_NEWS)
    by_value = {(f.value, f.unit): f.entity for f in doc.facts}
    # "▲崆峒山旅游综合体项目" is a photo's caption: the line under it is the city's, not that project's
    assert by_value[(310.4, "亿元")] == "平凉市" and by_value[(96.2, "亿元")] == "平凉市"
    # "(全省梳理1.2万个)" closes before the 总投资: the province inside it is no subject of it
    assert by_value[(4210, "亿元")] == "平凉市"
    # 国家发展改革委 approves: neither the subject nor the city's own 发改委
    assert by_value[(8, "个")] == "平凉市" and by_value[(5.1, "亿元")] == "平凉市"


PROVINCIAL_NEWS_WITH_MENU = """江苏新闻 南京市 无锡市 徐州市 常州市 苏州市 南通市
地方网 > 江苏 > 江苏新闻 > 正文

省重大项目投资任务完成过半

来源:新华日报 2019-07-16 07:41

  本报讯 7月13日,江苏省发改委发布信息,今年以来,江苏省全力推进省重大项目建设。1月至6月,220个省重大项目完成投资2810.5亿元,占年度计划的55.2%。当月进度为10.6%。
  分行业来看,完成投资最多的依次是先进制造业发展工程(902.3亿元)、基础设施提升工程(610.4亿元)和现代服务业发展工程(322.1亿元);完成年度计划较快的依次是现代服务业发展工程(71.2%)、基础设施提升工程(63.5%)和先进制造业发展工程(58.4%)。
  分区域来看,苏北地区省重大项目完成进度最快,占年度计划的61.3%。7月30日9时16分,一号机组并网。建成投产项目建成率为9%。
"""


def test_a_menu_of_places_a_breakdown_by_kind_and_regions(kit):
    doc = read_text(kit, "jiangsu_menu.txt", PROVINCIAL_NEWS_WITH_MENU)
    assert doc.meta.jurisdiction == "江苏省"  # not 南京市, first in the site's menu
    by_value = {(f.value, f.unit): f for f in doc.facts}
    assert by_value[(2810.5, "亿元")].entity == "江苏省"  # 省发改委发布信息: the source, not the subject
    assert by_value[(10.6, "%")].metric == "完成率"  # 当月进度
    # kinds of work ranked by a measure: the province's, each kind its category, the list's opening its measure
    for value, unit, measure, kind in ((902.3, "亿元", "完成投资", "先进制造业发展工程"),
                                       (322.1, "亿元", "完成投资", "现代服务业发展工程"),
                                       (71.2, "%", "完成率", "现代服务业发展工程"),
                                       (58.4, "%", "完成率", "先进制造业发展工程")):
        f = by_value[(value, unit)]
        assert (f.entity, f.metric, f.category) == ("江苏省", measure, kind)
    assert by_value[(61.3, "%")].entity == "苏北地区"  # a region the province reports by
    assert (16, "分") not in by_value  # 9时16分: a time of day
    assert by_value[(9, "%")].metric == "竣工率"  # 建成率


UNITS_OF_A_LIST = """全年共安排市级海洋产业重点项目52个,截至9月底,完成投资36.2亿元,占年度计划的91.5%。
芝罘区12个项目。1-9月完成投资8.12亿元,占年度计划的95.1%。
福山区10个项目。1-9月完成投资6.01亿元,占年度计划的90.3%。
牟平区9个项目。1-9月完成投资5.33亿元,占年度计划的88.7%。
莱山区8个项目。1-9月完成投资4.86亿元,占年度计划的92.2%。
长岛综试区5个项目。1-9月完成投资2.17亿元,占年度计划的86.4%。
黄渤海新区8个项目。1-9月完成投资9.71亿元,占年度计划的93.8%。
"""


def test_units_a_list_names_as_its_known_places_are_kept_as_written(kit):
    doc = read_text(kit, "yantai_list.txt", UNITS_OF_A_LIST)
    by_value = {(f.value, f.unit): f for f in doc.facts}
    assert by_value[(8.12, "亿元")].entity == "芝罘区"
    # two zones the gazetteer lacks, opening their lines as the districts do: kept as written, for review
    for value, name in ((2.17, "长岛综试区"), (9.71, "黄渤海新区"), (93.8, "黄渤海新区")):
        f = by_value[(value, "亿元" if value != 93.8 else "%")]
        assert f.entity == name and any(flag.startswith("entity_") for flag in f.flags)
    assert by_value[(36.2, "亿元")].entity != "黄渤海新区"


DISTRICT_BRIEF_UNDER_A_BANNER = """中国政府网 | 四川省人民政府网 区人大 区政协 网站专栏
| 敬老版 | 登录 | 注册 网站支持IPv6
首页 走进郫都 政务公开 政务服务
您当前的位置: 首页>政务公开>重大项目> 施工竣工信息

重大项目建设情况简报(第五期)

日期:2021-08-30

截止7月底,全区215个年度投资项目完成投资168.4亿元,占全年项目计划的63%。应开工未开工9个。全区累计新入统项目102个、涉及投资196.5亿元。

附件:1. 郫都区2021年1—7月应开工未开工项目
2. 郫都区2021年1—7月进度滞后项目表
"""


def test_a_sites_banner_is_no_title_and_annual_investment_projects_report_money_done(kit):
    doc = read_text(kit, "pidu_brief.txt", DISTRICT_BRIEF_UNDER_A_BANNER)
    assert doc.meta.title == "重大项目建设情况简报(第五期)"  # not "中国政府网 | 四川省人民政府网…"
    assert doc.meta.jurisdiction == "郫都区"  # its attachments name it; the banner's 四川省 is the portal's
    by_value = {(f.value, f.unit): f for f in doc.facts}
    # 年度投资项目 is a kind of project: its 完成投资 is money done, never the plan
    assert by_value[(168.4, "亿元")].metric == "完成投资"
    assert by_value[(9, "个")].metric == "未按计划开工项目数"  # 应开工未开工
    assert by_value[(196.5, "亿元")].metric == "总投资"  # 涉及投资


def test_ranks_listed_without_figures_and_a_tie(kit):
    text = ("嘉兴市重点建设项目上半年进展情况\n\n上半年,全市重点建设项目完成投资310.2亿元。从责任单位看,县区完成情况前三位依次是"
            "海宁市、平湖市、桐乡市和嘉善县(并列第三),新建项目均已开工。")
    ranks = {(f.entity, f.value) for f in read_text(kit, "jiaxing_ranks.txt", text).facts if f.metric == "排名"}
    assert ranks == {("海宁市", 1), ("平湖市", 2), ("桐乡市", 3), ("嘉善县", 3)}


def test_the_province_whose_list_or_event_a_citys_projects_join_is_no_subject(kit):
    text = ("嘉兴市32个项目今天集中开工 总投资410亿元\n\n按照省委、省政府统一部署,今天,我市32个项目参加全省扩大有效投资重大项目"
            "集中开工活动,项目总投资410.2亿元。列入全省重点的8个项目已开复工7项,完成投资36.5亿元。")
    by_value = {(f.value, f.unit): f.entity for f in read_text(kit, "jiaxing_event.txt", text).facts}
    assert by_value[(410.2, "亿元")] == "嘉兴市"  # 参加全省…活动: the province's event, the city's projects
    assert by_value[(36.5, "亿元")] == "嘉兴市"  # 列入全省重点的: the province's list


def test_a_tie_is_no_ordinal_rank_of_its_own(kit):
    text = "嘉兴市重点建设项目上半年进展情况\n\n县区完成情况前三位依次是海宁市、平湖市、桐乡市和嘉善县(并列第三)。"
    ranks = [(f.entity, f.value) for f in read_text(kit, "jiaxing_tie.txt", text).facts if f.metric == "排名"]
    assert sorted(ranks) == [("嘉善县", 3), ("平湖市", 2), ("桐乡市", 3), ("海宁市", 1)]  # 并列第三 once, not again


def test_two_measures_named_for_two_figures_pair_in_order(kit):
    text = ("吉安市重点建设项目推进情况\n\n截至4月底,全市新开工项目数量、投资额扭转了连续下降的态势,新开工项目96个,比上年同期增加31个,"
            "计划总投资和本年完成投资为318.4亿元和41.27亿元,同比分别增长182.5%和96.3%。")
    by_value = {(f.value, f.unit): f for f in read_text(kit, "jian_paired.txt", text).facts}
    assert by_value[(318.4, "亿元")].metric == "总投资"
    assert by_value[(41.27, "亿元")].metric == "完成投资"  # the second measure, never the first's 总投资
    for v in (182.5, 96.3):
        assert (by_value[(v, "%")].entity, by_value[(v, "%")].metric) == ("吉安市", "同比增长")


# --- a second read of the rules above: bulletins written to break them, each a wrong fact now mended ---

def _facts(kit, text, name="second_read.txt"):
    return {(f.value, f.unit): f for f in read_text(kit, name, text).facts}


def test_a_host_of_the_level_aboves_event_is_not_its_speaker(kit):
    doc = read_text(kit, "mianyang_host.txt", "绵阳市召开全省重点项目推进现场会\n\n1-9月,全省700个省重点项目完成投资5820亿元,"
                                               "占年度计划的86.2%。")
    assert doc.meta.jurisdiction != "绵阳市"
    assert all(f.entity != "绵阳市" for f in doc.facts)


def test_a_work_gives_way_to_the_citys_count_a_place_and_a_later_project(kit):
    by = _facts(kit, "自贡市重点项目建设情况\n\n自贡日报讯 今年以来,全市重点项目建设加快推进。自宜高速已建成通车。1-9月,"
                     "240个重点项目完成投资286亿元,占年度计划的81%。")
    assert by[(286, "亿元")].entity == "自贡市" and by[(81, "%")].entity == "自贡市"
    by = _facts(kit, "遂宁市重点项目\n\n遂宁日报讯 成遂渝高速扩容工程作为全市一号工程,带动船山区新增投资12亿元。")
    assert by[(12, "亿元")].entity == "船山区"  # a place in the clause wins over the work; no "遂宁日报讯…" name
    by = _facts(kit, "宜宾市重点项目\n\n宜宾港二期工程建设现场一片繁忙。据介绍,总投资8亿元的临港物流中心项目也已开工,"
                     "该项目计划年内完成投资3亿元。")
    assert by[(3, "亿元")].entity == "临港物流中心项目"  # 该项目: the project just named
    by = _facts(kit, "永州市重点项目\n\n四好农村公路建设完成投资8.6亿元。抽水蓄能电站完成投资3.1亿元。多条高速已完成投资22亿元。")
    assert {by[(v, "亿元")].entity for v in (8.6, 3.1, 22)} == {"永州市"}  # kinds of work, not one each


def test_plan_and_targets_are_not_money_done(kit):
    table = ("宜宾市2022年1-6月各县区重点项目推进情况表\n单位:万元\n序号 | 县区 | 1-6月投资完成情况 ||||\n"
             "年度计划 | 计划完成 | 实际完成 | 完成率 |||\n1 | 翠屏区 | 320000 | 160000 | 188000 | 58.8% |\n"
             "2 | 叙州区 | 280000 | 140000 | 171000 | 61.1% |\n")
    by = _facts(kit, table)
    assert by[(160000, "万元")].metric != "完成投资" and by[(188000, "万元")].metric == "完成投资"
    by = _facts(kit, "南充市重点项目\n\n全年有望完成全年计划560亿元。全市拟完成全年计划150亿元。")
    assert by[(560, "亿元")].metric != "完成投资" and by[(150, "亿元")].metric != "完成投资"


def test_regions_and_asides_after_the_second_read(kit):
    by = _facts(kit, "徐州市重点项目\n\n徐州日报讯 今年以来,全市共引进苏南地区项目23个,协议投资85亿元。")
    assert by[(23, "个")].entity == "徐州市"  # where the projects come from is no subject
    by = _facts(kit, "清远市重点项目\n\n清远日报讯 今年以来,全市对接苏北地区合作项目8个。")
    assert by[(8, "个")].entity == "清远市"  # 苏北地区 is 江苏's, no subject in a 广东 bulletin
    by = _facts(kit, "宜宾市重点项目建设进展情况通报\n\n宜宾日报讯 1-9月,全市重点项目完成投资420亿元。"
                     "重点项目完成情况(南溪区):完成投资18亿元,占年度计划的66%。翠屏区、叙州区和南溪区40个项目完成投资120亿元。")
    assert by[(18, "亿元")].entity == "南溪区"  # a bracket before a colon labels what follows
    listed = by[(120, "亿元")]
    assert listed.entity != "宜宾市" and "subject_list" in listed.flags  # the three places together, for review
    by = _facts(kit, "宜宾市重点项目建设进展情况通报\n\n宜宾日报讯 1-9月,全市重点项目完成投资420亿元。南溪区完成投资18亿元,"
                     "其中工业项目完成投资8亿元；城市基础设施项目完成投资120亿元。")
    assert by[(120, "亿元")].entity == "宜宾市"  # larger than 南溪区's own 18: no part of it


def test_a_generic_district_name_after_its_city_and_header_spreads_without_evidence(kit):
    doc = read_text(kit, "xinchengqu.txt", "呼和浩特市新城区2023年重大项目建设推进会召开\n\n4月12日,新城区召开重大项目建设推进会。"
                                           "今年全区谋划重大项目62个,总投资286亿元。1-3月完成投资12.4亿元。")
    assert doc.meta.jurisdiction == "新城区"
    table = ("2022年1-6月各县区重点项目推进情况表\n单位:个、万元\n序号 | 县区 | 开工项目 | 投资完成情况 | |||\n"
             "计划 | 实际 | 计划 | 实际 | 完成率 | 排名 ||\n1 | 翠屏区 | 20 | 18 | 320000 | 188000 | 58.8% | 2 |\n"
             "2 | 叙州区 | 18 | 15 | 280000 | 171000 | 61.1% | 1 |\n")
    cells = [f for f in read_text(kit, "uneven.txt", table).facts if f.source_kind == "table"]
    # two groups over six bare 计划 / 实际 columns, their children repeated in neither: no spread is guessed
    assert cells and all(f.metric is None for f in cells)
    names = ("宜宾市2022年重点项目完成情况表\n单位:万元\n序号 | 年度计划 | 1-6月完成 | 完成率 | 备注\n"
             "合计 | 1250000 | 702000 | 56.2% |\n翠屏区 | 320000 | 188000 | 58.8% |\n叙州区 | 280000 | 171000 | 61.1% | 含临港\n")
    by = _facts(kit, names)
    assert (by[(188000, "万元")].entity, by[(188000, "万元")].metric) == ("翠屏区", "完成投资")  # rows not shifted


def test_the_months_own_progress_takes_the_month(kit):
    doc = read_text(kit, "month_progress.txt", "江苏省2019年重大项目\n\n2019年1-8月,全省省重大项目完成投资3810亿元,"
                                               "占年度计划的72.1%,月度进度为8.4%。")
    rates = {f.value: f.period for f in doc.facts if f.metric == "完成率"}
    assert (rates[72.1].start.month, rates[72.1].end.month) == (1, 8)
    assert (rates[8.4].start.month, rates[8.4].end.month) == (8, 8)  # 当月 / 月度: August alone, not a second 1-8月 rate


def test_a_live_blogs_first_item_is_no_title_place_when_one_county_is_named_twice(kit):
    text = ("9:50\n北京华联超市二期项目开工\n9:50\n城区老旧片区改造项目开工\n9:40\n开工现场\n"
            "据了解,今年第一季度集中开工的重大项目共有9个,总投资41亿元。\n9:30\n奠基仪式\n9:25\n"
            "县委书记宣布全县2021年第一季度重大项目集中开工\n9:10\n县长致辞\n8:50\n"
            "竹山县举行了2021年春季重大项目集中开工仪式。\n竹山县本次集中开工项目9个,项目总投资41亿元。\n")
    doc = read_text(kit, "zhushan_live.txt", text)
    assert doc.meta.jurisdiction == "竹山县" and doc.meta.jurisdiction_confidence < 0.8


def test_the_city_a_county_is_a_share_of_and_this_batch_of_projects_are_no_subjects(kit):
    text = ("湄潭县第四季度项目集中开工\n\n据悉,湄潭县2015年第四季度集中开工项目共15个,占遵义市集中开工项目个数的26.8%,"
            "本次集中开工项目总投资38210.5万元,年度投资20115.2万元。")
    by = _facts(kit, text)
    assert by[(26.8, "%")].entity == "湄潭县"  # 占遵义市…的: the whole it is a share of
    assert by[(38210.5, "万元")].entity == "湄潭县"  # 本次集中开工项目: this batch, no project of its own
    assert by[(20115.2, "万元")].entity == "湄潭县"


def test_batch_ad_a_source_paper_parks_as_a_kind_and_projects_by_their_cost(kit):
    doc = read_text(kit, "bozhou_source.txt", "一季度 全市完成新型城镇化项目建设投资约98.6亿元\n2023-05-05 10:44:53 稿件来源:亳州日报 |\n"
                    "记者近日从有关部门获悉,今年一季度,全市完成新型城镇化项目建设投资约98.6亿元,完成年度计划投资的21.3%。")
    assert doc.meta.jurisdiction == "亳州市"  # the paper the source field names, and the text speaks of 全市
    by = _facts(kit, "三明市重点项目\n\n本报讯 今年,我市安排重点项目312项,总投资2105亿元。其中,工业科技75项,总投资350.2亿元;"
                     "工业园区12项,总投资210.6亿元;商贸服务业38项,总投资198.3亿元。")
    assert by[(210.6, "亿元")].entity == "三明市" and by[(198.3, "亿元")].entity == "三明市"  # parks as a kind
    assert by[(12, "项")].category == "工业园区" and by[(210.6, "亿元")].category == "工业园区"  # not 工业科技's
    by = _facts(kit, "开封市重大项目\n\n本报讯 这批重大项目主要有投资18亿元的开封汽车零部件产业园、投资8亿元的汴京铝业铝加工项目二期等。")
    assert (by[(18, "亿元")].entity, by[(18, "亿元")].metric) == ("开封汽车零部件产业园", "总投资")
    assert by[(8, "亿元")].entity == "汴京铝业铝加工项目二期"


def test_second_read_of_batch_ad_rules(kit):
    by = _facts(kit, "滁州市重点项目\n\n1-6月,全市重点项目完成投资420亿元。已投资8亿元的滁州新能源产业园加快建设;"
                     "亩均投资350万元的滁州光伏产业园已开工;投资50亿元的惠科显示面板等项目进展顺利。")
    assert by[(8, "亿元")].metric != "总投资"  # already spent, not the project's total
    assert by[(350, "万元")].metric != "总投资"  # per mu
    # a group's ("…等项目"): the whole investment of the group (a bare 投资, as the golds read it), never one project's
    assert by[(50, "亿元")].metric == "总投资" and "等" in by[(50, "亿元")].entity_raw
    doc = read_text(kit, "hefei_host.txt", "合肥市第三批重点项目集中开工\n\n4月8日,合肥市第三批重点项目集中开工活动在肥西县主会场举行。"
                                           "我县设分会场,全县12个项目集中开工,总投资36亿元。肥西县主会场开工项目30个。")
    assert doc.meta.jurisdiction != "肥西县"  # 我县 speaks, and it is not the host county named twice
    doc = read_text(kit, "jieshou_paper.txt", "我市重点项目建设持续发力\n稿件来源:阜阳日报\n\n记者从界首市发改委获悉,1-7月,"
                                              "全市重点项目完成投资98亿元,占年度计划的61%。")
    assert doc.meta.jurisdiction == "界首市"  # the city's paper reports on its county-level city
    rates = {f.value: f.period for f in read_text(kit, "cumulative.txt", "铜陵市2019年重点项目\n\n2019年1-9月,全市重点项目"
                                                  "本月累计完成投资256.3亿元,月度进度为9.2%。").facts}
    assert rates[256.3].start.month == 1 and rates[9.2].start.month == 9  # 本月累计: since January
