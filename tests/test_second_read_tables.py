"""What the second read of the table and breakdown rules (batches ba … be) found: each case a rule
fired where it should not, pinned with a bulletin written for the project."""
from __future__ import annotations

from extractors.text import html_to_text
from tests.conftest import read_text


def _facts(kit, text: str, name: str = "x.txt"):
    return read_text(kit, name, text).facts


def test_a_kind_heading_a_line_ends_where_a_clause_has_its_own_kind_or_place(kit):
    facts = _facts(kit, """黔南州重点项目建设情况

先进制造业15个,年度计划投资30.2亿元,开工9个,工业技改项目8个,年度计划投资12.6亿元。
文化旅游12个,年度计划投资5.1亿元,开工9个,都匀市年度计划投资48.3亿元。
生态环保8个,年度计划投资3.2亿元,开工5个,全州完成投资45.6亿元。
""")
    by_value = {f.value: f for f in facts}
    assert by_value[30.2].category == "先进制造业" and by_value[9].category in ("先进制造业", "文化旅游")
    assert by_value[12.6].category == "工业技改项目"
    assert by_value[48.3].entity == "都匀市" and by_value[48.3].category == ""
    assert by_value[45.6].category == "" and by_value[45.6].entity == "黔南布依族苗族自治州"


def test_a_count_of_other_things_before_one_measure_is_no_kind_of_project(kit):
    for line in ("建设基站1200个,完成投资3.6亿元,开工项目12个。", "新增停车位1500个,完成投资2.1亿元。",
                 "现代农业产业园6个,完成投资4.4亿元。", "民生实事10项,完成投资8.8亿元。"):
        facts = _facts(kit, "某县重点项目建设情况\n\n" + line + "\n")
        assert not [f for f in facts if f.metric == "项目数"], line
        money = [f for f in facts if f.unit == "亿元"]
        assert money and all(f.category == "" for f in money), line  # the money is read, of no kind


def test_a_qizhong_group_is_never_part_of_a_column_alone(kit):
    facts = _facts(kit, """某市重点项目推进情况
区\t重点项目个数\t完成投资(亿元)\t其中:产业项目\t
\t\t\t个数\t完成投资
甲区\t12\t30.5\t7\t18.2
乙区\t9\t21.0\t5\t11.4
丙区\t15\t41.2\t8\t22.9
""")
    cells = {(f.entity_raw, f.metric, f.value, f.unit) for f in facts if f.source_kind == "table"}
    assert ("甲区", "项目数", 12, "个") in cells and ("甲区", "完成投资", 30.5, "亿元") in cells
    assert not [f for f in facts if f.value in (12, 9, 15) and f.metric != "项目数"]


def test_planned_or_owed_starts_are_not_started_projects(kit):
    facts = _facts(kit, """某市重点项目开工情况
单位:个、亿元
县区\t计划集中开工项目\t\t应开复工项目\t
\t项目个数\t总投资\t个数\t总投资
甲县\t20\t35.2\t26\t48.0
乙县\t14\t22.1\t18\t30.4
丙县\t11\t19.6\t15\t26.3
""")
    for value in (20, 26, 14, 18):
        f = next(f for f in facts if f.value == value)
        assert f.metric == "项目数", (value, f.metric)


def test_a_few_words_boxed_inside_a_cell_stay_the_cells_text():
    page = """<table><tr><td>县区</td><td>完成投资<table><tr><td>(亿元)</td></tr></table></td><td>完成率</td></tr>
<tr><td><table><tr><td>密山市</td></tr></table></td><td>12.5</td><td>61.2%</td></tr>
<tr><td>虎林市</td><td>9.1</td><td>58.0%</td></tr><tr><td>鸡东县</td><td>7.4</td><td>55.3%</td></tr></table>"""
    lines = html_to_text(page).splitlines()
    assert "县区\t完成投资 (亿元)\t完成率" in lines and "密山市\t12.5\t61.2%" in lines and "虎林市\t9.1\t58.0%" in lines


def test_a_class_of_parks_is_no_park(kit):
    facts = _facts(kit, "临夏州重点项目\n\n今年以来,省级以上园区开工建设项目35个,完成投资42.1亿元。乡村振兴示范区开工建设项目12个。\n")
    assert {f.entity for f in facts if f.value in (35, 42.1, 12)} == {"临夏回族自治州"}


def test_levels_and_kinds_of_park_across_the_top_are_no_places(kit):
    doc = read_text(kit, "funds.txt", """某县资金到位情况
资金来源\t合计\t省\t市\t县
项目数(个)\t40\t12\t15\t13
到位资金(亿元)\t18.2\t6.1\t7.0\t5.1
""")
    assert not [t for t in doc.tables if any("table_transposed" in fl for fl in t.header_flags)]
    assert not [f for f in doc.facts if f.entity in ("省", "市", "县")]
    assert {40, 18.2} <= {f.value for f in doc.facts if f.source_kind == "table"}  # the figures are still read


def test_a_rank_then_a_grade_then_the_names(kit):
    facts = _facts(kit, """衡水市考核结果
排名\t等次\t县(市、区)\t得分
1\t优秀\t桃城区\t95.1
2\t优秀\t冀州区\t93.2
3\t良好\t枣强县\t90.4
""")
    cells = {(f.entity, f.metric, f.value) for f in facts if f.source_kind == "table"}
    assert ("桃城区", "排名", 1) in cells and ("枣强县", "考核得分", 90.4) in cells
    assert not [f for f in facts if f.entity in ("优秀", "良好")]


def test_the_whole_across_the_top_as_全市_still_turns_the_table(kit):
    facts = _facts(kit, """泸州市重点项目推进情况
指标\t全市\t江阳区\t龙马潭区\t纳溪区\t泸县
项目数(个)\t180\t42\t38\t30\t70
完成投资(亿元)\t210.5\t50.2\t44.1\t36.8\t79.4
""")
    cells = {(f.entity, f.metric, f.value) for f in facts if f.source_kind == "table"}
    assert ("江阳区", "完成投资", 50.2) in cells and ("泸县", "项目数", 70) in cells and ("泸州市", "项目数", 180) in cells


def test_rows_without_names_stay_unknown_beside_a_total_row(kit):
    facts = _facts(kit, """乌海市重点项目建设情况
单位:个、亿元
地区\t合计\t年度计划\t1-6月完成
合计\t120\t240.5\t131.2
\t30\t60.1\t33.0
\t26\t48.3\t25.9
""")
    unnamed = [f for f in facts if f.source_kind == "table" and f.value in (30, 60.1, 33.0, 26)]
    assert unnamed and all(f.entity is None for f in unnamed)
    assert any(f.entity == "乌海市" and f.value == 120 for f in facts)


def test_a_table_of_the_whole_areas_short_named_county_keeps_the_county(kit):
    facts = _facts(kit, """桂林市重点项目推进情况
县区\t项目数\t完成投资
全州\t22\t31.5
兴安\t18\t24.2
灌阳\t12\t15.8
""")
    assert {f.entity for f in facts if f.value in (22, 31.5)} == {"全州县"}
