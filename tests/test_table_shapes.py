"""Table shapes met in batches ba, bb, bc (tables nobody here had seen): a table of places laid on its
side, a data table inside a page's layout table, a lower header line stripped of its indentation,
a flattened header of groups and leaves, 其中 groups along the top row, counts of an event's
projects. Bulletins written for the project, from other places than the batches'."""
from __future__ import annotations

import pytest

from extractors.text import html_to_text
from tests.conftest import read_text

ON_ITS_SIDE = """遂宁市重点项目推进情况通报
1~6月,全市重点建设项目累计完成投资118.6亿元。具体情况如下:
分县(市、区)重点项目推进情况表
指标\t合计\t船山区\t安居区\t射洪市\t蓬溪县\t大英县
项目数(个)\t212\t48\t36\t52\t40\t36
1-6月完成投资(亿元)\t118.6\t30.2\t18.4\t31.5\t21.3\t17.2
完成年度计划(%)\t52.3\t55.1\t49.8\t53.0\t50.2\t51.7
"""


def test_a_table_of_places_on_its_side_gives_each_place_its_figures(kit):
    doc = read_text(kit, "suining.txt", ON_ITS_SIDE)
    cells = {(f.entity, f.metric, f.value) for f in doc.facts if f.source_kind == "table"}
    assert ("船山区", "项目数", 48) in cells and ("射洪市", "完成投资", 31.5) in cells and ("大英县", "完成率", 51.7) in cells
    assert ("遂宁市", "项目数", 212) in cells and ("遂宁市", "完成投资", 118.6) in cells
    # never a county's figure under the city with the county in its measure
    assert not [f for f in doc.facts if f.source_kind == "table" and f.entity == "遂宁市" and f.value in (48, 30.2, 51.7)]


INDICATORS_ACROSS = """某县主要指标
指标\t绝对数\t比上年增长(%)
地区生产总值(亿元)\t152.3\t6.1
固定资产投资(亿元)\t88.4\t9.2
"""


def test_an_indicator_table_is_not_turned(kit):
    doc = read_text(kit, "indicators.txt", INDICATORS_ACROSS)
    assert not [f for f in doc.tables if any("table_transposed" in fl for fl in f.header_flags)]
    assert {152.3, 88.4} <= {f.value for f in doc.facts if f.source_kind == "table"}


LAYOUT_PAGE = """<html><head><meta charset="utf-8"><title>鹤岗市重点项目集中开工情况</title></head><body>
<table width="980"><tr><td><a href="/">首页</a> | <a href="/x">政务公开</a></td></tr></table>
<table width="980"><tr><td>
<p>鹤岗市2023年重点项目集中开工情况</p>
<p>4月12日,全市重点项目集中开工,共计56个项目。</p>
<p>单位:个、亿元</p>
<table border="1">
<tr><td rowspan="2">县(区)</td><td colspan="2">集中开工项目</td><td colspan="2">其中:省级重点项目</td></tr>
<tr><td>项目个数</td><td>年度计划投资</td><td>项目个数</td><td>年度计划投资</td></tr>
<tr><td>合计</td><td>56</td><td>31.20</td><td>9</td><td>12.40</td></tr>
<tr><td>萝北县</td><td>18</td><td>9.60</td><td>3</td><td>4.10</td></tr>
<tr><td>绥滨县</td><td>15</td><td>7.30</td><td>2</td><td>2.90</td></tr>
<tr><td>工农区</td><td>23</td><td>14.30</td><td>4</td><td>5.40</td></tr>
</table>
<p>注:年度计划投资指2023年计划完成投资。</p>
</td></tr></table>
</body></html>
"""


def test_a_table_inside_a_layout_cell_is_read_as_a_table():
    text = html_to_text(LAYOUT_PAGE)
    lines = text.splitlines()
    assert "萝北县\t18\t9.60\t3\t4.10" in lines
    assert "4月12日,全市重点项目集中开工,共计56个项目。" in lines  # the layout cell's paragraphs stay lines
    assert "首页 | 政务公开" in lines


def test_an_events_projects_and_the_parts_of_them_count_started_projects(kit):
    doc = read_text(kit, "hegang.txt", html_to_text(LAYOUT_PAGE))
    cells = {(f.entity, f.metric, f.category, f.value) for f in doc.facts if f.source_kind == "table"}
    assert ("萝北县", "开工项目数", "集中开工项目", 18) in cells
    # the 其中 group is a part of the group before it: started projects of the province's list
    assert ("萝北县", "开工项目数", "集中开工项目 / 其中:省级重点项目", 3) in cells
    assert ("工农区", "计划投资", "集中开工项目 / 其中:省级重点项目", 5.4) in cells
    assert ("鹤岗市", "开工项目数", "集中开工项目", 56) in cells


A_CLASS_NOT_AN_EVENT = """吉林省重点项目推进情况
单位:个、亿元
市(州)\t省级重点项目\t\t其中:新开工项目\t
\t个数\t完成投资\t个数\t完成投资
全省\t406\t1147.7\t165\t253.0
长春市\t120\t402.1\t52\t88.6
吉林市\t58\t151.2\t27\t40.3
四平市\t34\t80.4\t14\t18.2
"""


def test_new_projects_of_a_list_are_a_class_not_started_ones(kit):
    doc = read_text(kit, "jilin.txt", A_CLASS_NOT_AN_EVENT)
    by_value = {f.value: f for f in doc.facts if f.source_kind == "table"}
    assert by_value[52].metric == "项目数" and "新开工项目" in by_value[52].category  # their start is not said


STRIPPED_INDENT = """朔州市重点项目开复工情况
2021年一季度各县区重点项目进展情况
单位:亿元、%
县  区    重点项目  开复工项目  年度计划    一季度  完成率  同比增长
(个)      (个)      投资  完成投资
全  市         280         171    350.40     31.20     8.9      40.2
朔城区          52          33     66.10      6.02     9.1      35.0
平鲁区          41          25     52.80      4.40     8.3     -10.5
山阴县          47          29     58.30      5.11     8.8      52.4
"""


def test_a_lower_header_line_that_lost_its_indentation_continues_the_figure_columns(kit):
    doc = read_text(kit, "shuozhou.txt", STRIPPED_INDENT)
    cells = {(f.entity, f.metric, f.value, f.unit) for f in doc.facts if f.source_kind == "table"}
    assert ("朔城区", "项目数", 52, "个") in cells and ("朔城区", "开复工项目数", 33, "个") in cells
    assert ("朔城区", "计划投资", 66.1, "亿元") in cells and ("朔城区", "完成投资", 6.02, "亿元") in cells
    assert ("平鲁区", "同比增长", -10.5, "%") in cells
    assert all("header_spread" in f.flags for f in doc.facts if f.source_kind == "table" and f.value == 66.1)


GROUPS_AND_LEAVES_A_LINE_EACH = """1—4月三明市固定资产投资
附:1—4月各县(市、区)固定资产投资情况
县(市、区)
固定资产投资
在库项目
完成额(亿元)
比增(%)
个数(个)
比增(%)
全市
431.2
9.8
1650
12.3
三元区
60.4
7.5
233
20.1
永安市
72.9
11.0
270
-4.2
"""


def test_a_flattened_header_of_groups_and_leaves_is_read_as_two_rows(kit):
    doc = read_text(kit, "sanming.txt", GROUPS_AND_LEAVES_A_LINE_EACH)
    cells = {(f.entity, f.metric, f.category, f.value) for f in doc.facts if f.source_kind == "table"}
    assert ("三元区", "固定资产投资", "", 60.4) in cells
    assert ("三元区", "同比增长", "固定资产投资", 7.5) in cells or ("三元区", "同比增长", "", 7.5) in cells
    assert ("永安市", "同比增长", "在库项目", -4.2) in cells
    assert any(f.entity == "永安市" and f.value == 270 for f in doc.facts)


def test_the_whole_areas_total_row_is_the_area(kit):
    doc = read_text(kit, "dali_like.txt", """楚雄州重点项目集中开工情况
单位:个、亿元
县市\t集中开工项目\t总投资
全州合计\t96\t180.5
楚雄市\t30\t66.2
禄丰市\t22\t41.0
姚安县\t12\t15.3
""")
    by_value = {f.value: f for f in doc.facts if f.source_kind == "table"}
    assert by_value[96].entity == "楚雄彝族自治州" and by_value[180.5].entity == "楚雄彝族自治州"


RANK_THEN_NAME = """衡水市2023年一季度重大项目建设考核结果
单位:分
排名\t县(市、区)\t总得分\t项目开工\t投资完成\t加分
1\t冀州区\t95.2\t28.1\t38.6\t2
2\t深州市\t92.7\t27.4\t37.9\t1
并列2\t安平县\t92.7\t27.0\t38.3\t
4\t故城县\t90.1\t26.5\t37.2\t
"""


def test_a_rank_column_before_the_names_is_each_rows_rank(kit):
    doc = read_text(kit, "hengshui.txt", RANK_THEN_NAME)
    cells = {(f.entity, f.metric, f.value) for f in doc.facts if f.source_kind == "table"}
    assert ("冀州区", "排名", 1) in cells and ("故城县", "排名", 4) in cells and ("冀州区", "考核得分", 95.2) in cells
    assert ("安平县", "排名", 2) in cells  # 并列2: a tie, the rank all the same
    assert not [f for f in doc.facts if f.source_kind == "table" and f.entity in (None, "1", "2", "衡水市")]


GROUPS_IN_A_MERGED_CELL = """许昌市重大项目观摩评比结果
组别\t排名\t单位\t综合得分(分)
\t1\t禹州市\t93.6
第一组\t2\t长葛市\t92.1
\t3\t鄢陵县\t90.4
\t1\t建安区\t94.0
第二组\t2\t魏都区\t91.3
\t3\t示范区\t89.7
"""


def test_a_group_column_before_the_names_is_each_rows_category(kit):
    doc = read_text(kit, "xuchang.txt", GROUPS_IN_A_MERGED_CELL)
    cells = {(f.entity, f.metric, f.value): f for f in doc.facts if f.source_kind == "table"}
    assert ("禹州市", "考核得分", 93.6) in cells and ("鄢陵县", "排名", 3) in cells and ("魏都区", "排名", 2) in cells
    assert "第一组" in cells[("禹州市", "考核得分", 93.6)].category  # the group written once, in the run's middle
    assert "第二组" in cells[("建安区", "考核得分", 94.0)].category
    assert not [f for f in doc.facts if f.source_kind == "table" and (f.entity or "").startswith("第")]
    assert not [f for f in doc.facts if f.source_kind == "table" and f.entity == "许昌市"]


def test_a_three_line_table_with_partial_rules_under_its_groups_is_read_once(tmp_path, extract):
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    from reportlab.lib.styles import ParagraphStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cn", fontName="STSong-Light", fontSize=11, leading=16)
    data = [["", "重点项目数", "", "投资完成情况", "", ""],
            ["地区", "合计", "其中:新开工", "年度计划", "1-6月完成", "完成率"],
            ["全市", "120", "52", "240.5", "131.2", "54.6"],
            ["海勃湾区", "30", "14", "60.1", "33.0", "54.9"],
            ["乌达区", "26", "11", "48.3", "25.9", "53.6"],
            ["海南区", "22", "9", "41.0", "22.7", "55.4"]]
    table = Table(data)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "STSong-Light"), ("SPAN", (1, 0), (2, 0)), ("SPAN", (3, 0), (5, 0)),
        ("LINEABOVE", (0, 0), (-1, 0), 1.5, "black"),
        ("LINEBELOW", (1, 0), (2, 0), 0.5, "black"), ("LINEBELOW", (3, 0), (5, 0), 0.5, "black"),  # under the groups only
        ("LINEBELOW", (0, 1), (-1, 1), 0.75, "black"), ("LINEBELOW", (0, -1), (-1, -1), 1.5, "black")]))
    path = tmp_path / "wuhai.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("乌海市重点项目建设工作简报", style), Paragraph("单位:个、亿元、%", style), table])
    doc = extract(path)
    facts = [f for f in doc.facts if f.source_kind == "table"]
    assert len(facts) == 4 * 5  # each cell once: no second reading of the same rows
    cells = {(f.entity, f.metric, f.value) for f in facts}
    assert ("海勃湾区", "完成投资", 33.0) in cells and ("乌达区", "完成率", 53.6) in cells
    assert not [f for f in facts if f.entity == "乌海市" and f.value in (30, 26, 22, 60.1, 33.0)]


def test_rows_of_figures_none_of_which_is_named_are_nobodys_for_sure(kit):
    doc = read_text(kit, "unnamed.txt", """乌海市重点项目建设情况
单位:个、亿元
地区\t合计\t年度计划\t1-6月完成
\t120\t240.5\t131.2
\t30\t60.1\t33.0
\t26\t48.3\t25.9
""")
    facts = [f for f in doc.facts if f.source_kind == "table"]
    assert {f.value for f in facts} >= {120, 30, 33.0}
    # whose each row is was lost with the name column: unknown and for review, never 乌海市 three times
    assert all(f.entity is None and "entity_unknown" in f.flags for f in facts)


def test_a_project_list_whose_names_wrap_and_which_runs_onto_a_second_page(tmp_path, extract):
    """Names wrapped in their cells, written in the middle of the row (the figures' line between the
    name's two lines), the table running from page 1 onto page 2 under a repeated header: one row
    per project, each with its own name, however the lines fall."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=12)
    places = ["东兴区", "市中区", "资中县", "威远县", "隆昌市"]
    data = [["序号", "项目名称", "所在县区", "总投资", "1-8月完成", "完成率"]]
    for k in range(1, 41):
        name = f"{places[k % 5]}第{k}号新型建材精深加工产业园区基础设施配套建设项目"
        data.append([str(k), Paragraph(name, cell), places[k % 5], str(50000 + 1000 * k), str(20000 + 500 * k),
                     f"{60 + k * 0.5:.1f}"])
    table = Table(data, colWidths=[28, 150, 60, 60, 60, 50], repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 9), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LINEABOVE", (0, 0), (-1, 0), 1.5, "black"), ("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"),
                               ("LINEBELOW", (0, -1), (-1, -1), 1.5, "black")]))
    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=12, leading=18)
    path = tmp_path / "neijiang_projects.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("内江市重点项目推进情况表 单位:万元", title), table])
    doc = extract(path)
    invested = {f.entity: f.value for f in doc.facts if f.source_kind == "table" and f.metric == "总投资"}
    assert len(invested) == 40  # every project once, on either page
    for k in (1, 17, 40):
        assert invested[f"{places[k % 5]}第{k}号新型建材精深加工产业园区基础设施配套建设项目"] == 50000 + 1000 * k


SINGLE_SPACES_UNDER_GROUPS = """孝义市2022年6月重大项目集中开工情况通报
单位：个、亿元
乡镇 6月份集中开工项目 1-6月累计新开工项目
项目数 总投资 年度计划投资 项目数 总投资 同比增长(%)
全市 18 36.4 12.2 96 210.5 11.3
崇文街道 3 5.1 1.8 14 30.2 8.6
新义街道 2 3.3 1.1 12 26.4 -4.2
兑镇镇 4 9.8 3.0 18 41.5 20.1
阳泉曲镇 1 1.2 0.5 9 12.8 -9.7
"""


def test_single_spaced_rows_under_groups_and_their_leaves(kit):
    doc = read_text(kit, "xiaoyi.txt", SINGLE_SPACES_UNDER_GROUPS)
    cells = {(f.entity_raw, f.metric, f.category, f.value) for f in doc.facts if f.source_kind == "table"}
    # each figure under its own group (the period stays in the fact's period, out of its category)
    assert ("崇文街道", "开工项目数", "集中开工项目", 3) in cells and ("崇文街道", "总投资", "集中开工项目", 5.1) in cells
    assert ("崇文街道", "开工项目数", "累计新开工项目", 14) in cells and ("崇文街道", "总投资", "累计新开工项目", 30.2) in cells
    assert ("新义街道", "同比增长", "累计新开工项目", -4.2) in cells


PROJECTS_A_CELL_A_LINE = """彝良县2022年县级重点项目推进情况
彝良县2022年县级重点项目推进情况表（截至9月底）
单位：万元
序号
项目名称
建设地点
总投资
年度计划
完成投资
1
彝良县小草坝水库工程
小草坝镇
52800
9000
6350
2
彝良县洛泽河镇农村供水保障工程
洛泽河镇
6800
2500
—
3
彝良县角奎镇标准厂房建设项目
角奎镇
18600
6000
4410
"""


def test_a_project_list_a_cell_a_line_with_its_site_beside_the_name(kit):
    doc = read_text(kit, "yiliang.txt", PROJECTS_A_CELL_A_LINE)
    cells = {(f.entity, f.metric, f.value, f.unit) for f in doc.facts if f.source_kind == "table"}
    assert ("彝良县小草坝水库工程", "总投资", 52800, "万元") in cells  # the unit line above the 序号 label counts
    assert ("彝良县角奎镇标准厂房建设项目", "完成投资", 4410, "万元") in cells
    assert ("彝良县洛泽河镇农村供水保障工程", "计划投资", 2500, "万元") in cells
    assert not [f for f in doc.facts if f.source_kind == "table" and f.value in (1, 2, 3)]  # row numbers


def test_a_heading_row_between_wrapped_projects_is_no_part_of_a_name(tmp_path, extract):
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=12)
    data = [["序号", "项目名称", "总投资", "完成投资"], ["", "一、产业项目", "", ""]]
    names = ["资中县新型建材精深加工产业园区配套建设项目", "威远县页岩气综合利用产业园区基础设施项目",
             "隆昌市麻石文化产业园区基础设施配套建设项目"]
    data += [[str(k + 1), Paragraph(n, cell), str(60000 + k * 1000), str(20000 + k * 500)] for k, n in enumerate(names[:2])]
    data += [["", "二、基础设施项目", "", ""], ["3", Paragraph(names[2], cell), "62000", "21000"]]
    table = Table(data, colWidths=[30, 140, 70, 70])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 9), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LINEABOVE", (0, 0), (-1, 0), 1.5, "black"), ("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"),
                               ("LINEBELOW", (0, -1), (-1, -1), 1.5, "black")]))
    path = tmp_path / "neijiang_kinds.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("内江市重点项目表 单位:万元",
                                                               ParagraphStyle("t", fontName="STSong-Light", fontSize=12, leading=18)), table])
    doc = extract(path)
    invested = {f.entity: f.value for f in doc.facts if f.source_kind == "table" and f.metric == "总投资"}
    assert set(invested) == set(names)  # no name with 二、基础设施项目 glued to it
