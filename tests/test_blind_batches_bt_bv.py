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
