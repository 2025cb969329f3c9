"""Failure classes the blind batches of this round (br … bv) showed at first sight, each pinned with a
bulletin written for the project (other places, other figures than the batches')."""
from __future__ import annotations

from pipeline.stages.jurisdiction import CONFIDENT
from tests.conftest import read_text


def _doc(kit, text: str):
    return read_text(kit, "x.txt", text)


EVENT_OF_ONE_COUNTY = (
    "3月2日,在县城东关安置小区项目现场举行一季度总投资8.2亿元的9个项目集中开工活动,县长出席开工仪式。\n"
    "本次集中开工的9个项目分别是东关安置小区项目、柘荣县太子参加工项目、柘荣县乍洋乡茶叶产业园项目和城关小学教学楼项目。\n"
    "据悉,今年全县共计划实施重点项目88个,总投资156亿元。\n")


def test_a_county_named_only_in_its_works_names_is_the_speaker_for_review(kit):
    """A 全县 text naming no place but one county, twice, inside its works' names (br05: every figure
    was unknown): that county's, weakly (below CONFIDENT: its figures go to review)."""
    doc = _doc(kit, EVENT_OF_ONE_COUNTY)
    assert doc.meta.jurisdiction == "柘荣县"
    assert doc.meta.jurisdiction_confidence < CONFIDENT
    whole = [f for f in doc.facts if f.value in (88, 156)]
    assert {f.entity for f in whole} == {"柘荣县"} and len(whole) == 2


def test_a_second_county_or_a_single_mention_leaves_the_speaker_unknown(kit):
    other = _doc(kit, EVENT_OF_ONE_COUNTY.replace("柘荣县乍洋乡茶叶", "福安市茶叶"))
    assert other.meta.jurisdiction is None  # (柘荣县 once, 福安市 once: neither is the speaker)
    once = _doc(kit, EVENT_OF_ONE_COUNTY.replace("柘荣县乍洋乡茶叶", "乍洋乡茶叶"))
    assert once.meta.jurisdiction is None
    city = _doc(kit, EVENT_OF_ONE_COUNTY.replace("今年全县", "今年全市"))
    assert city.meta.jurisdiction is None  # a city's voice: the county of two works is not its speaker


def test_a_sentences_bare_investment_is_the_whole_investment_of_what_it_names(kit):
    """"投资2.6亿元的…项目", "一期投资4亿元", "…集中开工仪式总投资9.1亿元": the whole investment (bo01, bo04,
    bo06, br05 left the measure unmatched); what was done (今年已投资), a sector's (工业投资) or a
    source's (中央投资) is not."""
    doc = _doc(kit, "寿宁县举行项目集中开工仪式总投资9.1亿元\n\n"
                    "此次集中开工的项目中,投资2.6亿元的寿宁县竹木加工产业园项目计划年底建成。"
                    "寿宁县城东片区改造项目一期投资4亿元,今年已投资1.3亿元。"
                    "一季度,全县工业投资2.2亿元,争取中央投资5800万元。\n")
    measure = {f.value: (f.metric, f.category) for f in doc.facts}
    assert measure[9.1][0] == "总投资"
    assert measure[2.6][0] == "总投资"
    assert measure[4] == ("总投资", "一期")
    assert measure[1.3][0] != "总投资"
    assert measure[2.2][0] != "总投资"
    assert measure[5800][0] != "总投资"


def test_the_kinds_of_a_batchs_projects_are_counts_of_its_event(kit):
    """"本次集中开工项目46个…其中工业项目20个…;基础设施项目16个…。社会民生项目10个": each kind is a count
    of projects started in the batch (开工项目数, the kind its category), as the blind golds write them
    (bo05, bp06, br03: the kinds were read as the year's 项目数)."""
    doc = _doc(kit, "泰宁县举行第二批项目集中开工仪式\n\n"
                    "本次集中开工项目46个,总投资120亿元。其中工业项目20个,总投资60亿元;基础设施项目16个,总投资40亿元。"
                    "社会民生项目10个,总投资20亿元。此次开工的46个项目中,亿元以上项目18个。\n"
                    "今年全县共有重点项目100个,其中工业项目60个。\n")
    counts = {f.value: (f.metric, f.category) for f in doc.facts if f.unit == "个"}
    assert counts[20] == ("开工项目数", "工业项目")
    assert counts[16] == ("开工项目数", "基础设施项目")
    assert counts[10] == ("开工项目数", "社会民生项目")
    assert counts[18][0] == "项目数"  # a size class is a class of projects
    assert counts[60][0] == "项目数"  # the year's list: no event befell it
    assert {f.metric for f in doc.facts if f.value in (60.0, 40.0) and f.unit == "亿元"} == {"总投资"}


def test_a_part_named_by_its_own_stage_is_counted_as_that_stage(kit):
    doc = _doc(kit, "本次集中开复工项目50个,其中新开工项目30个,续建项目20个。\n")
    counts = {f.value: f.metric for f in doc.facts}
    assert counts[30] == "开工项目数"


def test_a_districts_short_form_before_a_zone_word_is_its_zone_not_the_district(kit):
    """"彭山经开区一季度…" over "记者从眉山市彭山区获悉,彭山经开区…": the zone named for the district is the
    speaker (a new place under the district, for review), never the district (bt01: 24 figures under 彭山区)."""
    doc = _doc(kit, "双流经开区一季度主要经济指标稳步增长\n\n记者从成都市双流区获悉,双流经开区一季度完成固定资产投资20.5亿元,"
                    "同比增长12%。该区32个重点项目完成投资15.2亿元。\n")
    assert doc.meta.jurisdiction == "双流经开区"
    assert {f.entity for f in doc.facts} == {"双流经开区"}


def test_a_region_s_county_comparing_itself_with_the_region_speaks_as_the_county(kit):
    """"广西田林县…比全区增速高1.5个百分点…全县": 全区 is the region (广西), the county speaks (bv05: its
    figures were unknown, and filed under "隆德县扎实开展项目", a work made of what the county did)."""
    doc = _doc(kit, "今年一季度,广西田林县扎实开展项目攻坚活动,完成固定资产投资3.1亿元,同比增长8.2%,比全区增速高1.5个百分点。"
                    "全县新开工项目12个。\n")
    assert doc.meta.jurisdiction == "田林县"
    assert {f.entity for f in doc.facts if f.value in (3.1, 8.2, 12)} == {"田林县"}
    assert not [f for f in doc.facts if f.entity and "扎实" in f.entity]


def test_a_framed_pipe_tables_section_rows_are_the_kinds_of_the_rows_under_them(kit):
    """"| 一、能源项目 | | | |" right under the rule row and between rows: the kind of the rows under it
    (their category), never a header line or the rest of the name above it (bu06: the header was lost
    and every cell read with no measure or unit)."""
    doc = _doc(kit, "2018年1-9月省重点项目进展情况\n\n江西省发展和改革委员会\n\n"
                    "| 项目名称 | 建设地点 | 总投资(亿元) | 年度计划(亿元) | 1-9月完成(亿元) |\n|---|---|---|---|---|\n"
                    "| 一、能源项目 | | | | |\n| 丰城电厂三期 | 宜春市 | 172.00 | 20.00 | 15.30 |\n"
                    "| 二、交通项目 | | | | |\n| 昌赣客运专线 | 南昌市、吉安市 | 388.00 | 60.00 | 48.20 |\n"
                    "| 合计 | | 560.00 | 80.00 | 63.50 |\n")
    cells = {(f.entity_raw, f.metric, f.category, f.value) for f in doc.facts}
    assert ("丰城电厂三期", "总投资", "能源项目", 172.0) in cells
    assert ("昌赣客运专线", "完成投资", "交通项目", 48.2) in cells
    assert ("合计", "完成投资", "", 63.5) in cells  # the whole's, no section's
    assert not [f for f in doc.facts if "能源项目" in (f.entity_raw or "")]


def test_a_tables_caption_above_its_header_cells_one_per_line_is_no_header_cell(kit):
    """"1-4月各县市区重点项目进展情况 / 县市区 / 项目数 / … / 全市 / 291 / …": the caption on the line above
    the header is not a header cell (bu01: every column read one to the left)."""
    lines = ["陇南市2017年1-5月重点项目建设进展情况", "", "1-5月各县区重点项目进展情况", "县区", "项目数", "总投资(亿元)",
             "完成投资(亿元)", "完成率", "全市", "120", "860.5", "60.2", "35.1%", "武都区", "30", "210.4", "15.8", "36.0%",
             "成县", "18", "96.3", "7.4", "33.2%"]
    doc = _doc(kit, "\n".join(lines) + "\n")
    got = {(f.entity, f.metric, f.value) for f in doc.facts if f.source_kind == "table"}
    assert {("武都区", "项目数", 30.0), ("武都区", "总投资", 210.4), ("武都区", "完成投资", 15.8), ("武都区", "完成率", 36.0),
            ("陇南市", "项目数", 120.0), ("成县", "完成率", 33.2)} <= got


def test_the_place_an_event_is_held_in_is_no_subject_of_the_hosts_figures(kit):
    """"普洱市在澜沧县…工地举行集中开工仪式,二季度共有9个产业项目集中开工": the city holds it, the county
    is where (bt02: the batch's figures were filed under 勐海县)."""
    doc = _doc(kit, "普洱市二季度产业项目集中开工\n\n5月12日,普洱市在澜沧拉祜族自治县茶叶加工园区建设工地举行集中开工仪式,"
                    "二季度共有9个产业项目集中开工,总投资21亿元。\n")
    assert {f.entity for f in doc.facts if f.value in (9, 21)} == {"普洱市"}


def test_offices_named_by_the_areas_level_are_the_areas_own(kit, tmp_path):
    """"县交通运输局、县公路中心", "县文化广播电视和旅游局" in a county's table: that county's offices
    (bu05: kept as written, no place); a 市 office in a county's bulletin is not guessed."""
    doc = _doc(kit, "长岭县重点项目建设情况通报\n\n长岭县重点项目建设指挥部办公室\n\n"
                    "责任单位\t项目数(个)\t完成投资(万元)\n县交通运输局、县公路中心\t6\t52000\n县文化广播电视和旅游局\t2\t8400\n"
                    "市生态环境局长岭分局\t1\t1200\n合计\t9\t61600\n")
    owners = {f.value: f.entity for f in doc.facts}
    assert owners[52000] == "长岭县交通运输局、长岭县公路中心"
    assert owners[8400] == "长岭县文化广播电视和旅游局"
    assert owners[1200] != "长岭县生态环境局长岭分局"


def test_a_regions_list_in_a_citys_bulletin_is_the_citys_projects(kit):
    """"自治区层面重大项目完成投资229.3亿元" opening a sentence of a 广西 city's bulletin: the city's projects on
    the region's list (bu04: unknown, as if the region spoke)."""
    doc = _doc(kit, "河池市2021年重大项目建设情况通报\n\n河池市发展和改革委员会\n\n"
                    "全年市层面重大项目完成投资305.2亿元。自治区层面重大项目完成投资128.6亿元,开工项目21个。\n")
    got = {f.value: (f.entity, f.category) for f in doc.facts}
    assert got[128.6][0] == "河池市" and "自治区层面" in got[128.6][1]
    assert got[21][0] == "河池市"


def test_a_series_of_kinds_shares_its_whole_and_its_share_of_plan(kit):
    """"分行业看,农林水利项目完成投资105.6亿元,占年度计划的76.9%;交通项目…,占47.7%": kinds of the province's
    projects (not a project named 农林水利项目), each 占 the share of its plan said once (bu06: 占比);
    "全县旅游商贸类投资14.2亿元" after the whole's 完成投资: the kind's part of it (bt03: no measure)."""
    doc = _doc(kit, "2019年1-6月省重点项目建设进展情况\n\n湖北省发展和改革委员会\n\n"
                    "1-6月,全省重点项目完成投资2100.5亿元,完成年度计划的58.2%。分行业看,农林水利项目完成投资105.6亿元,"
                    "占年度计划的76.9%;交通项目完成投资327.7亿元,占47.7%;商贸流通类投资36.2亿元。\n")
    got = {f.value: (f.entity, f.metric, f.category) for f in doc.facts}
    assert got[105.6] == ("湖北省", "完成投资", "农林水利项目")
    assert got[76.9][:2] == ("湖北省", "完成率") and got[47.7][:2] == ("湖北省", "完成率")
    assert got[36.2][:2] == ("湖北省", "完成投资") and "商贸流通类" in got[36.2][2]


def test_a_rate_that_bounds_a_class_of_projects_is_no_figure(kit):
    """"完成年内目标任务100%的重点项目有2项…60%(含60%)至99%的有9项…低于60%的…等7个项目": the rates name
    classes; the counts are the facts (bt05: four bounds stored as 完成率)."""
    doc = _doc(kit, "化州市2014年重点项目测评情况通报\n\n测评结果是:按期完成年内目标任务100%的重点项目有2项,"
                    "完成年内目标任务60%(含60%)至99%的重点项目有9项。对完成目标任务低于60%的化州大道改造等7个项目进行通报批评。"
                    "全市重点项目完成率达到87.5%。\n")
    rates = sorted(f.value for f in doc.facts if f.unit == "%")
    assert rates == [87.5]
    assert {2.0, 9.0, 7.0} <= {f.value for f in doc.facts if f.unit in ("项", "个")}


def test_a_work_said_again_as_its_project_after_a_comma_owns_the_rest(kit):
    """"…开工现场为总投资2.1亿元的孟连咖啡精深加工项目,项目建成后年产值可达6亿元": 项目 is the work just
    named (bt02: its output and tax were the prefecture's)."""
    doc = _doc(kit, "普洱市二季度产业项目集中开工\n\n普洱市二季度共有9个产业项目集中开工,总投资21亿元。"
                    "举行仪式的开工现场为总投资2.1亿元的孟连咖啡精深加工项目,项目建成后年产值可达6亿元,带动税收0.3亿元。\n")
    owners = {f.value: f.entity for f in doc.facts}
    assert owners[21] == "普洱市"
    assert owners[6] == owners[2.1] == owners[0.3] == "孟连咖啡精深加工项目"


def test_a_sentences_kind_of_area_keeps_its_own_words(kit):
    """"房地产新开工面积157.8万平方米,商品房销售面积54.5万平方米": two measures in the document's words, never
    one bare 面积 (bv01); 征地 keeps its own measure."""
    doc = _doc(kit, "营口市1-8月固定资产投资运行情况\n\n1-8月,全市房地产新开工面积157.8万平方米,商品房销售面积54.5万平方米,"
                    "完成征地1200亩。\n")
    measure = {f.value: f.metric for f in doc.facts}
    assert measure[157.8] == "房地产新开工面积" and measure[54.5] == "商品房销售面积"
    assert measure[1200] == "征地面积"


def test_a_parts_pull_on_the_wholes_growth_with_or_without_its_ge(kit):
    """"拉低投资增速2.8百分点", "拉动投资增速67.1百分点": 拉动增长 in 个百分点, a pull down negative (bv04: the
    figures without 个 were lost, the others unmatched)."""
    doc = _doc(kit, "阿拉善左旗1-8月经济运行\n\n1-8月,全旗固定资产投资同比增长21.4%。其中,第一产业投资同比下降9.3%,"
                    "拉低投资增速1.6百分点;第二产业投资同比增长47.2%,拉动投资增速 18.1百分点。\n")
    pulls = sorted((f.value, f.metric, f.unit) for f in doc.facts if f.unit == "个百分点")
    assert pulls == [(-1.6, "拉动增长", "个百分点"), (18.1, "拉动增长", "个百分点")]


def test_an_indicator_of_value_added_keeps_its_name_a_sectors_its_category(kit):
    """"规上工业增加值7481万元" and "制造业增加值": indicators of their own (bv06, bn03: a bare 增加值); a
    sector's (第一产业增加值) stays 增加值 with the sector as its category."""
    doc = _doc(kit, "那曲市上半年经济运行\n\n上半年,全市规上工业增加值6350万元,制造业增加值2180万元;第一产业增加值8.6亿元。\n")
    measure = {f.value: (f.metric, f.category) for f in doc.facts}
    assert measure[6350][0] == "规上工业增加值" and measure[2180][0] == "制造业增加值"
    assert measure[8.6][0] == "增加值"


# --- the second read of this round's rules (cases of the reviewer's own, places and figures changed) ---

def test_the_money_of_a_batchs_kinds_keeps_its_kind(kit):
    """"本次集中开工项目30个,总投资90亿元,其中工业项目16个,总投资58亿元;城建项目9个,总投资22亿元": each
    kind's money is the kind's (the count's event measure must not take the category from the money)."""
    doc = _doc(kit, "辉县市三季度项目集中开工\n\n本次集中开工项目30个,总投资90亿元,其中工业项目16个,总投资58亿元;"
                    "城建项目9个,总投资22亿元;社会事业项目5个,总投资10亿元。\n")
    got = {f.value: (f.metric, f.category) for f in doc.facts}
    assert got[16] == ("开工项目数", "工业项目") and got[58] == ("总投资", "工业项目")
    assert got[9] == ("开工项目数", "城建项目") and got[22] == ("总投资", "城建项目")
    assert got[10] == ("总投资", "社会事业项目")


def test_a_batchs_series_of_kinds_ends_where_the_whole_or_the_years_list_speaks(kit):
    doc = _doc(kit, "永顺县项目集中开工\n\n本次集中开工项目9个,总投资18亿元,其中工业项目5个、基础设施项目4个。"
                    "全县共有省重点项目6个,市重点项目15个。截至3月,56个市级重点项目已开复工38个。\n")
    got = {f.value: f.metric for f in doc.facts if f.unit == "个"}
    assert got[5] == got[4] == "开工项目数"
    assert got[6] == got[15] == "项目数" and got[56] != "开工项目数"


def test_only_a_works_own_bare_investment_is_its_total(kit):
    """A sector's, a source's, a period's, what was done or is left, or what a firm has put in so far is
    never a work's 总投资; "投资5.6亿元的X县Y项目" is the project's, not the county's."""
    doc = _doc(kit, "沅陵县重点项目建设\n\n今年,全县铁路投资8亿元,电网投资2亿元,县本级投资1.1亿元,社会资本投资6.5亿元,"
                    "本月投资0.9亿元。投资5.6亿元的沅陵县竹产业园项目计划年底投产。该集团已累计在沅陵投资30亿元。"
                    "该项目2025年投资5亿元,剩余投资3亿元。\n")
    got = {f.value: (f.entity, f.metric) for f in doc.facts}
    for v in (8, 2, 1.1, 6.5, 0.9, 30, 5, 3):
        assert got[v][1] != "总投资", (v, got[v])
    assert got[5.6] == ("沅陵县竹产业园项目", "总投资")


def test_a_share_said_after_a_whole_and_its_parts_is_a_share_of_the_whole(kit):
    """"…占年度计划的80%,其中产业项目完成投资300亿元,占50%": the part's share of the whole (占比), never
    another 完成率 of the city."""
    doc = _doc(kit, "亳州市重点项目\n\n1-6月,全市重点项目完成投资600亿元,占年度计划的80%。其中,产业项目完成投资300亿元,"
                    "占50%;基础设施项目完成投资180亿元,占30%。\n")
    got = {f.value: f.metric for f in doc.facts if f.unit == "%"}
    assert got[80] == "完成率" and got[50] == got[30] == "占比"


def test_the_regions_own_figure_in_a_citys_page_stays_the_regions(kit):
    doc = _doc(kit, "贺州市重大项目建设\n\n据自治区通报,1-6月,自治区层面重大项目完成投资3200亿元,完成年度计划的55%。"
                    "我市自治区层面重大项目完成投资98亿元。\n")
    assert not [f for f in doc.facts if f.value in (3200, 55) and f.entity == "贺州市"]


def test_a_zone_named_by_a_common_word_makes_no_district_zone(kit):
    """"市北高新区", "港口开发区": no district of another city's zone, where the text names no such district."""
    for text in ("市北高新区一季度项目建设情况\n\n一季度,市北高新区新开工项目8个,完成投资12亿元。\n",
                 "港口开发区一季度项目建设情况\n\n一季度,港口开发区新开工项目5个,完成投资6亿元。\n"):
        doc = _doc(kit, text)
        assert doc.meta.jurisdiction is None, doc.meta.jurisdiction_evidence


def test_a_works_buildings_are_no_offices_and_a_venue_needs_a_site(kit):
    doc = _doc(kit, "长岭县重点项目建设情况通报\n\n长岭县重点项目建设指挥部办公室\n\n项目名称\t总投资(万元)\t完成投资(万元)\n"
                    "县体育中心\t12000\t5000\n县汽车客运站\t6000\t2000\n合计\t18000\t7000\n")
    assert not [f for f in doc.facts if f.entity and f.entity.startswith("长岭县体育")]
    doc = _doc(kit, "普洱市项目攻坚\n\n普洱市发改委介绍,在澜沧拉祜族自治县开展项目攻坚行动以来,共新开工项目15个,完成投资18亿元。\n")
    assert {f.entity for f in doc.facts if f.value in (15, 18)} == {"澜沧拉祜族自治县"}
    doc = _doc(kit, "西吉县重点项目\n\n西吉县高位水池建设项目完成投资1200万元。\n")
    assert [f.entity for f in doc.facts if f.value == 1200] == ["西吉县高位水池建设项目"]


def test_nested_section_rows_and_their_subtotals(kit):
    """"一、续建项目" over "(一)能源项目": both in the path; a section's 小计 is the issuer's figure of it, and a
    section's 合计 before a 总计 is the section's."""
    doc = _doc(kit, "2019年1-9月省重点项目进展情况\n\n江西省发展和改革委员会\n\n"
                    "| 项目名称 | 建设地点 | 总投资(亿元) | 1-9月完成(亿元) |\n|---|---|---|---|\n"
                    "| 一、续建项目 | | | |\n| (一)能源项目 | | | |\n| 丰城电厂三期 | 宜春市 | 172.00 | 15.30 |\n"
                    "| 小计 | | 172.00 | 15.30 |\n| 二、新开工项目 | | | |\n| (一)能源项目 | | | |\n"
                    "| 赣州抽水蓄能 | 赣州市 | 90.00 | 2.10 |\n| 小计 | | 90.00 | 2.10 |\n| 合计 | | 262.00 | 17.40 |\n")
    got = {(f.entity, f.category, f.value) for f in doc.facts if f.metric == "完成投资"}
    assert ("江西省", "续建项目 / 能源项目", 15.3) in got and ("江西省", "新开工项目 / 能源项目", 2.1) in got
    assert ("江西省", "", 17.4) in got
    assert not [f for f in doc.facts if f.entity == "小计"]


def test_a_citys_short_form_ending_in_zhou_in_a_works_name_is_no_speaker(kit):
    """"常州坤泰…项目" in a 我市 page of 淮南's: 常州 is 常州市's own short form, written in a work's name, not a
    prefecture's abbreviation like 克州 (bw02: 19 figures under 常州市); "…高速西复线诸暨段" is a route's section."""
    doc = _doc(kit, "我市56个项目参加全省集中开工\n\n9月28日,全省第四批重大项目开工动员会召开。我市第四批开工动员项目56个,"
                    "总投资593.8亿元。我市第四批开工代表性项目有:深圳芯视佳硅基微显示器生产项目,总投资65亿元;"
                    "常州坤泰混动汽车变速器生产项目,总投资36亿元。\n")
    assert doc.meta.jurisdiction != "常州市"
    assert not [f for f in doc.facts if f.entity == "常州市"]
    doc = _doc(kit, "市交通运输局重点工作进展\n\n全市完成综合交通建设投资252亿元,杭州绕城高速西复线诸暨段完成投资20亿元。\n")
    assert doc.meta.jurisdiction != "诸暨市"


def test_projects_counted_in_a_plans_report_are_counts_not_indicators(kit):
    """A 国民经济和社会发展计划 report read as statistics still counts projects as 项目数 (bw03: "计划安排重点
    项目858个" became an indicator of that name)."""
    doc = _doc(kit, "杭州市2023年国民经济和社会发展计划\n\n根据报告,2023年全市计划安排重点项目858个,计划投资2060.9亿元,"
                    "其中实施项目742个,预备项目116个。\n")
    got = {f.value: f.metric for f in doc.facts}
    assert got[858] == got[742] == got[116] == "项目数"


def test_a_workbooks_form_particulars_sections_in_the_serial_column_and_subtotals(tmp_path, kit):
    """"填报单位:… | 截至…日" over the header, "一 | 工业项目" rows with their ordinal in the 序号 column, 小计 rows
    under 项目名称 (bx03: 序号 read as the projects' names, 截至…30日 as their category)."""
    import openpyxl
    from pipeline.stages.document import extract_document, read_source
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["北流市2018年市级重点项目建设进度表"], ["填报单位:北流市重大项目办", None, None, "截至2018年6月30日"],
                ["序号", "项目名称", "总投资(万元)", "1-6月完成(万元)"], [None, "合计", 50000, 21000],
                ["一", "工业项目", None, None], [1, "北流市陶瓷产业园三期工程", 30000, 12000], [None, "小计", 30000, 12000],
                ["二", "基础设施项目", None, None], [1, "北流市城南大道改造工程", 20000, 9000], [None, "小计", 20000, 9000]):
        ws.append(row)
    path = tmp_path / "beiliu.xlsx"
    wb.save(path)
    doc = extract_document(str(path), *read_source(str(path)), kit)
    got = {(f.entity, f.metric, f.category, f.value) for f in doc.facts}
    assert ("北流市陶瓷产业园三期工程", "总投资", "工业项目", 30000.0) in got
    assert ("北流市城南大道改造工程", "完成投资", "基础设施项目", 9000.0) in got
    assert ("北流市", "完成投资", "工业项目", 12000.0) in got and ("北流市", "完成投资", "", 21000.0) in got
    assert not [f for f in doc.facts if f.entity in ("1", "小计") or "30日" in (f.category or "")]


def test_a_bare_done_before_a_percentage_is_the_share_of_plan_done(kit):
    """"南陵县完成81.5%,进度相对滞后": 完成率 (bx02: a measure named 完成)."""
    doc = _doc(kit, "芜湖市重点项目进展\n\n从各县市区完成情况看,经开区完成年度计划的97.3%,排名第一;南陵县完成81.5%,进度相对滞后。\n")
    got = {f.value: (f.entity, f.metric) for f in doc.facts}
    assert got[81.5] == ("南陵县", "完成率") and got[97.3][1] == "完成率"


def test_a_breakdown_on_the_line_after_its_intro_and_a_project_named_with_a_bracketed_place(kit):
    """"…按项目领域分:" closing a line, "产业类项目40个,…;基础设施类项目20个,…" on the next: kinds of the batch
    counted before (bw01); "湖北省第五届(黄石)园林博览会项目用地…,总投资20亿元": the project's, not 湖北省's."""
    doc = _doc(kit, "黄石市四季度重大项目集中开工\n\n我市集中开工重大项目60个,总投资200亿元。\n"
                    "本次集中开工项目按项目领域分:\n产业类项目40个,总投资120亿元;基础设施类项目20个,总投资80亿元。\n"
                    "据悉,湖北省第五届(黄石)园林博览会项目总投资20亿元,年度计划投资3亿元。\n")
    got = {(f.value, f.unit): (f.entity, f.metric, f.category) for f in doc.facts}
    assert got[(40, "个")] == ("黄石市", "开工项目数", "产业类项目")
    assert got[(20, "个")] == ("黄石市", "开工项目数", "基础设施类项目")
    assert got[(20, "亿元")][0] == got[(3, "亿元")][0] == "湖北省第五届(黄石)园林博览会项目"


def test_a_county_s_projects_on_the_list_of_the_city_above(kit):
    """"子洲县…新开工榆林市重点项目12个,完成投资15.2亿元": the county's projects on the city's list (bh03: the city's
    figures); "榆林市重点项目完成投资500亿元" in the county's page stays the city's."""
    doc = _doc(kit, "子洲县重点项目建设\n\n1-7月,子洲县新开工榆林市重点项目12个,开工率100%,完成投资15.2亿元。"
                    "同期,榆林市重点项目完成投资500亿元。\n")
    got = {f.value: f.entity for f in doc.facts}
    assert got[12] == got[15.2] == "子洲县"
    assert got[500] == "榆林市"


def test_columns_that_only_say_when_take_the_captions_measure(kit):
    """"2021年分市固定资产投资增速 / 单位:% / 地区  1-6月  1-9月": each column is the caption's growth in its period
    (bx06: measures named 1-6月 and 1-9月)."""
    doc = _doc(kit, "吉林省统计局\n\n前三季度全省固定资产投资增速回升\n\n1-9月,全省固定资产投资同比增长6.2%。\n"
                    "2021年分市固定资产投资增速\n单位:%\n"
                    "  地  区        1-6月     1-9月\n  全省          4.1       6.2\n  长春          5.3       7.0\n"
                    "  吉林         -2.4       1.1\n  四平          3.3       4.8\n")
    got = {(f.entity, f.value): f.metric for f in doc.facts if f.source_kind == "table"}
    assert got[("长春市", 5.3)] == got[("长春市", 7.0)] == got[("四平市", 4.8)] == "同比增长"


# --- the second read of the rest of this round's rules (the reviewer's own cases, places and figures changed) ---

def test_the_regions_list_said_by_the_region_stays_unknown_in_a_citys_page(kit):
    doc = _doc(kit, "河池市重大项目\n\n河池市发展和改革委员会\n\n据自治区发改委通报,1-6月全区自治区层面重大项目完成投资1500亿元。\n"
                    "自治区层面重大项目新开工45个,竣工投产30个。\n")
    assert not [f for f in doc.facts if f.entity == "河池市" and f.value in (1500, 45, 30)]


def test_shares_after_the_wholes_share_of_plan_are_shares_of_the_whole(kit):
    doc = _doc(kit, "泰安市固定资产投资\n\n1-6月,全市固定资产投资完成450亿元,占年度计划的52%;民间投资完成280亿元,占62.2%;"
                    "工业投资完成150亿元,占33.3%。\n")
    got = {f.value: f.metric for f in doc.facts if f.unit == "%"}
    assert got[52] == "完成率" and got[62.2] == got[33.3] == "占比"


def test_no_whole_investment_from_a_firms_sector_a_source_or_a_part_of_a_cost(kit):
    doc = _doc(kit, "邯郸市投资运行\n\n1-6月,全市民营企业投资385亿元。沧州港区液化天然气项目总投资20亿元,其中企业投资12亿元、"
                    "政府投资8亿元。廊坊数据中心项目总投资45亿元,其中投资30亿元用于设备购置。\n")
    got = {f.value: (f.entity, f.metric) for f in doc.facts}
    for v in (385, 12, 8, 30):
        assert got[v][1] != "总投资", (v, got[v])
    assert got[20][1] == got[45][1] == "总投资"


def test_a_years_list_or_a_reserve_after_a_batch_is_no_part_of_it(kit):
    doc = _doc(kit, "兴义市项目集中开工\n\n本次集中开工项目15个,总投资40亿元。\n全市今年重点项目情况如下:\n"
                    "工业项目35个,总投资80亿元;续建项目42个。目前项目储备库中工业项目45个。\n")
    got = {f.value: f.metric for f in doc.facts if f.unit == "个"}
    assert got[15] == "开工项目数" and got[35] != "开工项目数" and got[42] != "开工项目数" and got[45] != "开工项目数"


def test_section_totals_when_the_grand_total_comes_first(kit):
    doc = _doc(kit, "2020年1-6月市重点项目进展情况\n\n赣州市发展和改革委员会\n\n| 项目名称 | 总投资(亿元) | 1-6月完成(亿元) |\n|---|---|---|\n"
                    "| 总计 | 262.00 | 17.40 |\n| 一、能源项目 | | |\n| 赣州抽水蓄能电站 | 90.00 | 2.10 |\n| 信丰电厂二期 | 60.00 | 5.30 |\n"
                    "| 合计 | 150.00 | 7.40 |\n| 二、交通项目 | | |\n| 赣州西站综合枢纽 | 112.00 | 10.00 |\n| 合计 | 112.00 | 10.00 |\n")
    whole = {(f.category, f.value) for f in doc.facts if f.entity == "赣州市" and f.metric == "完成投资"}
    assert whole == {("", 17.4), ("能源项目", 7.4), ("交通项目", 10.0)}


def test_a_place_doing_something_to_a_work_is_no_works_name_and_a_park_can_be_a_venue(kit):
    doc = _doc(kit, "祁阳市重点项目\n\n祁阳市发展和改革局\n\n祁阳市把浯溪文化园项目作为重点,今年完成投资3亿元。\n")
    assert [f.entity for f in doc.facts if f.value == 3] == ["浯溪文化园项目"]  # the work the place acts on, never the place
    doc = _doc(kit, "楚雄州项目集中开工\n\n3月1日,楚雄州在禄丰市土官镇产业园区举行集中开工仪式,本次集中开工项目36个,总投资88亿元。\n")
    assert {f.entity for f in doc.facts if f.value in (36, 88)} == {"楚雄彝族自治州"}


def test_a_town_of_three_characters_heading_its_own_page_speaks(kit):
    """"王家营镇打造…城镇" over "全镇…该镇…": the town's own page, its county unwritten (by05: unknown)."""
    doc = _doc(kit, "王家营镇打造宜居宜业现代化城镇\n\n(记者李明)王家营镇以作风整顿为抓手,推动经济发展。截至目前,全镇完成固定资产投资24亿元,"
                    "该镇新开工项目6个。\n")
    assert doc.meta.jurisdiction == "王家营镇"
    assert {f.entity for f in doc.facts if f.value in (24, 6)} == {"王家营镇"}


def test_the_regions_list_in_a_citys_page_unless_the_region_or_the_citys_own_figure_speaks(kit):
    """"自治区层面重大项目超额完成…。2015年,自治区层面统筹推进重大项目累计完成投资98.5亿元" in 钦州's page: the
    city's projects on the region's list (n04); "1-6月,自治区层面重大项目完成投资3200亿元。全县自治区层面…8.6亿元"
    (the county's own beside it) leaves the 3200 to the region, unknown here."""
    doc = _doc(kit, "钦州市十百千项目\n\n2015年,钦州市十百千项目共520项,总投资2680亿元。\n"
                    "自治区层面重大项目超额完成年度投资任务。2015年,自治区层面统筹推进重大项目累计完成投资98.5亿元。\n")
    assert [f.entity for f in doc.facts if f.value == 98.5] == ["钦州市"]
    doc = _doc(kit, "田林县重大项目建设情况\n\n田林县发展和改革局\n\n1-6月,自治区层面重大项目完成投资3200亿元。"
                    "全县自治区层面重大项目完成投资8.6亿元,开工项目5个。\n")
    got = {f.value: f.entity for f in doc.facts}
    assert got[3200] != "田林县" and got[8.6] == "田林县"


# --- the third read (the reviewer's own cases, places and figures changed) ---

def test_a_works_name_opening_with_a_word_like_a_deed_stays_the_works(kit):
    """"汝城县对口帮扶产业园项目…", "开福区在线新经济产业园项目…": works whose names open with 对/在 (never the
    place's figures); "祁东县把黄土铺工业园项目作为头号工程,项目总投资12亿元": the work's."""
    doc = _doc(kit, "桂东县重点项目\n\n桂东县对口帮扶产业园项目总投资2.5亿元,目前已完成投资1亿元。\n")
    assert {f.entity for f in doc.facts} == {"桂东县对口帮扶产业园项目"}
    doc = _doc(kit, "雨花区重点项目\n\n雨花区在线新经济产业园项目总投资8亿元。\n")
    assert {f.entity for f in doc.facts} == {"雨花区在线新经济产业园项目"}
    doc = _doc(kit, "衡南县重点项目\n\n衡南县把云集工业园项目作为今年头号工程,项目总投资12亿元。\n")
    assert [f.entity for f in doc.facts if f.value == 12] == ["云集工业园项目"]


def test_a_banner_or_league_beside_the_regions_figure_keeps_it_the_regions(kit):
    for own in ("我旗", "全盟", "本市", "全州"):
        doc = _doc(kit, f"准格尔旗重大项目\n\n1-6月,自治区层面重大项目完成投资2860亿元,{own}完成投资36亿元。\n")
        assert not [f for f in doc.facts if f.value == 2860 and f.entity], own


def test_a_parts_share_of_plan_goes_on_its_series_and_the_wholes_does_not(kit):
    doc = _doc(kit, "株洲市重点项目\n\n1-9月,全市重点项目完成投资320亿元,占年度计划的78%。分领域看,交通运输完成投资80亿元,"
                    "占年度计划的82%;水利完成投资20亿元,占66%;社会民生完成投资35亿元,占71%。\n")
    got = {f.value: f.metric for f in doc.facts if f.unit == "%"}
    assert got[82] == got[66] == got[71] == "完成率"


def test_a_batch_intro_that_says_its_year_and_a_table_opening_with_its_total(kit):
    doc = _doc(kit, "荆州市项目集中开工\n\n今年第一批集中开工的项目共60个,总投资200亿元,从行业看:\n工业项目38个,总投资150亿元;"
                    "基础设施项目22个,总投资50亿元。\n")
    assert {f.metric for f in doc.facts if f.value in (38, 22)} == {"开工项目数"}
    doc = _doc(kit, "2020年1-6月市重点项目进展情况\n\n郴州市发展和改革委员会\n\n| 项目名称 | 总投资(亿元) | 1-6月完成(亿元) |\n|---|---|---|\n"
                    "| 合计 | 262.00 | 17.40 |\n| 一、产业项目 | | |\n| 郴州有色金属产业园 | 150.00 | 7.40 |\n| 合计 | 150.00 | 7.40 |\n"
                    "| 二、基础设施项目 | | |\n| 郴州大道综合改造 | 112.00 | 10.00 |\n| 合计 | 112.00 | 10.00 |\n")
    whole = {(f.category, f.value) for f in doc.facts if f.entity == "郴州市" and f.metric == "总投资"}
    assert whole == {("", 262.0), ("产业项目", 150.0), ("基础设施项目", 112.0)}


def test_a_citys_short_form_after_ci_in_a_provinces_page_is_the_city(kit):
    """"此次眉山集中开工重大项目共65个" in a 四川 page of several cities: 眉山市's batch (ca04: filed under 四川省)."""
    doc = _doc(kit, "四川省重大项目集中开工\n\n12月2日,四川省第四季度重大项目集中开工。\n此次乐山集中开工重大项目共45个,总投资320.5亿元。\n")
    assert {f.entity for f in doc.facts if f.value in (45, 320.5)} == {"乐山市"}


def test_a_works_name_after_its_figure_may_hold_a_bracketed_word(kit):
    """"投资2.47亿元的奉节县康乐60MW(兆瓦)复合光伏发电项目": the work's cost (ca03: the county's)."""
    doc = _doc(kit, "武隆区项目集中开工\n\n其中,投资3.2亿元的武隆区白马50MW(兆瓦)风电项目已开工。\n")
    assert [f.entity for f in doc.facts if f.value == 3.2] == ["武隆区白马50MW(兆瓦)风电项目"]


# --- the fourth read (the reviewer's own cases, places and figures changed) ---

def test_a_county_that_will_do_something_or_makes_a_kind_its_aim_keeps_its_figures(kit):
    """"衡南县将新开工重点项目30个" (将: will), "叙永县将重点工程建设摆在突出位置…实施重点项目48个", "准格尔旗把重大项目建设
    作为…": the place's figures, never the city's nor a "work" named 重点工程."""
    doc = _doc(kit, "衡阳市重点项目\n\n衡阳市发展和改革委员会\n\n今年,衡南县将新开工重点项目30个,总投资150亿元。\n")
    assert {f.entity for f in doc.facts} == {"衡南县"}
    doc = _doc(kit, "泸州市重点项目\n\n泸州市发展和改革委员会\n\n古蔺县将重点工程建设摆在突出位置,今年实施重点项目48个,完成投资36亿元。\n")
    assert {f.entity for f in doc.facts} == {"古蔺县"}
    doc = _doc(kit, "鄂尔多斯市重点项目\n\n伊金霍洛旗把重大项目建设作为稳增长的关键,实施重点项目120个,完成投资210亿元。\n")
    assert {f.entity for f in doc.facts} == {"伊金霍洛旗"}


def test_a_parts_own_part_and_a_point_of_view_are_no_series(kit):
    doc = _doc(kit, "萍乡市重点项目\n\n分领域看,产业项目完成投资60亿元,占年度计划的70%;基础设施项目完成投资40亿元,占65%,"
                    "其中交通项目完成20亿元,占50%。\n")
    got = {f.value: f.metric for f in doc.facts if f.unit == "%"}
    assert got[70] == got[65] == "完成率" and got[50] == "占比"
    doc = _doc(kit, "新余市重点项目\n\n从总体看,重点工程完成投资150亿元,占年度计划的66%;民间投资完成90亿元,占47%。\n")
    assert {f.value: f.metric for f in doc.facts if f.unit == "%"}[47] == "占比"


def test_a_county_named_like_a_voice_or_a_market_is_no_voice(kit):
    """全州县 holds 全州, 本市场 holds 本市: neither is the area's own voice beside the region's list."""
    doc = _doc(kit, "桂林市重大项目\n\n自治区层面重大项目完成投资120亿元,全州县完成投资15亿元。\n")
    assert [f.entity for f in doc.facts if f.value == 120] == ["桂林市"]


def test_inner_sections_totals_and_a_closing_whole_area_total(kit):
    doc = _doc(kit, "2021年1-6月市重点项目进展情况\n\n益阳市发展和改革委员会\n\n| 项目名称 | 总投资(亿元) | 1-6月完成(亿元) |\n|---|---|---|\n"
                    "| 一、产业项目 | | |\n| 益阳电子信息产业园 | 90.00 | 2.10 |\n| 合计 | 90.00 | 2.10 |\n"
                    "| 二、基础设施项目 | | |\n| 益阳东部新区路网 | 12.00 | 1.00 |\n| 合计 | 12.00 | 1.00 |\n| 全市合计 | 102.00 | 3.10 |\n")
    whole = {(f.category, f.value) for f in doc.facts if f.entity == "益阳市" and f.metric == "总投资"}
    assert whole == {("产业项目", 90.0), ("基础设施项目", 12.0), ("", 102.0)}
