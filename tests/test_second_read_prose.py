"""What the second read of the day's prose and jurisdiction rules found: each case a rule fired where it
should not, pinned with a bulletin written for the project."""
from __future__ import annotations

from tests.conftest import read_text


def _doc(kit, text: str):
    return read_text(kit, "x.txt", text)


def test_a_county_government_that_builds_or_hosts_is_still_the_county(kit):
    doc = _doc(kit, "吉安市重点项目建设情况\n\n今年以来,由永丰县人民政府投资建设的城乡供水一体化工程,总投资6亿元,完成投资3亿元。\n")
    assert {f.entity for f in doc.facts if f.value in (6, 3)} == {"永丰县"}  # never 吉安市
    doc = _doc(kit, "赣州市招商引资情况\n\n由宁都县人民政府主办的招商推介会上,共签约项目15个,总投资80亿元。\n")
    assert {f.entity for f in doc.facts if f.value in (15, 80)} == {"宁都县"}


def test_a_place_inside_quotes_is_the_place_unless_a_work_owns_the_sentence(kit):
    doc = _doc(kit, "河南省重点项目建设情况\n\n今年以来,列入“郑州市重点项目”的120个项目今年完成投资800亿元。\n")
    assert {f.entity for f in doc.facts if f.value in (120, 800)} == {"郑州市"}
    doc = _doc(kit, "宜春市招商情况\n\n“奉新县纺织产业园”今年新引进项目15个,签约金额32亿元。\n")
    assert not [f for f in doc.facts if f.value in (15, 32) and f.entity == "宜春市"]
    assert {15, 32} <= {f.value for f in doc.facts}  # read, under the county or the park the quotes name


def test_a_sentence_that_says_its_work_is_one_of_a_places_list(kit):
    doc = _doc(kit, "泉州市重点项目\n\n晋江某某智能装备项目总投资15亿元。该项目是泉州市今年计划开工的86个省重点项目之一,完成投资5亿元。\n")
    by_value = {f.value: f for f in doc.facts}
    assert by_value[86].entity == "泉州市"  # the list's count is the city's, never the work's
    assert by_value[5].entity == "晋江某某智能装备项目"
    doc = _doc(kit, "巩义市重点项目\n\n巩义某某新材料项目总投资15亿元。该项目和巩义市其他12个项目一起集中开工,总投资86亿元。\n")
    assert next(f for f in doc.facts if f.value == 86).entity != "巩义某某新材料项目"  # the batch's total


def test_a_citys_event_held_in_a_town_is_the_citys(kit):
    doc = _doc(kit, "福田镇新型建材产业园项目开工 萍乡市第三批项目集中开工\n\n9月20日,萍乡市第三批项目集中开工活动在福田镇举行。"
                    "福田镇是工业重镇。本次集中开工项目56个,总投资230亿元。\n")
    assert doc.meta.jurisdiction == "萍乡市"
    assert {f.entity for f in doc.facts if f.value in (56, 230)} == {"萍乡市"}


def test_a_task_or_a_visit_heading_a_line_is_no_zone(kit):
    for heading in ("二是做强工业园区", "一是提升开发区", "走进赣江新区", "农业产业园区"):
        doc = _doc(kit, f"万安县重点项目建设情况\n\n{heading}:新引进项目25个,总投资40亿元。\n")
        assert {f.entity for f in doc.facts if f.value in (25, 40)} == {"万安县"}, heading


def test_a_numbered_zone_heading_its_line_owns_it(kit):
    doc = _doc(kit, "上饶市重大项目推进情况\n\n一、上饶高铁经济试验区:市重大项目63个,完成投资118.2亿元。\n二、信州区:市重大项目41个。\n")
    by_value = {f.value: f for f in doc.facts}
    assert "高铁经济试验区" in (by_value[63].entity or "") and by_value[41].entity == "信州区"
