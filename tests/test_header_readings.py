"""A flattened two-row header read by what its figures and the document's sentences bear out
(pipeline/stages/header_readings.py): the reading as written unless another is better supported,
and a header nobody can read flagged, never guessed."""
from pipeline.stages.header_readings import candidate_readings
from tests.conftest import read_text, seed_path

# 开工项目's merged cell lost one of its empty cells, and its own 其中亿元以上 was never written: as
# written, the part 开工项目 / 其中亿元以上 would be 竣工项目's total and 竣工项目's total its part
FLATTENED = """衡阳市重点项目建设情况通报
衡阳市重点项目建设办公室 2021年7月10日
1-6月，全市重点项目建设推进有序。全市开工项目95个，其中亿元以上项目30个；竣工项目18个，其中亿元以上项目7个。
附件
2021年1-6月各县市区项目签约开竣工情况表
单位：个
县市区\t签约项目\t\t开工项目\t\t\t竣工项目\t\t
\t\t其中亿元以上\t小计\t新建\t续建\t\t其中亿元以上\t
合计\t60\t21\t95\t40\t55\t30\t18\t7
衡南县\t12\t5\t20\t9\t11\t6\t4\t2
衡阳县\t15\t4\t23\t10\t13\t8\t5\t1
耒阳市\t18\t7\t30\t12\t18\t9\t6\t3
常宁市\t15\t5\t22\t9\t13\t7\t3\t1
"""

RIGHT = ["签约项目", "签约项目 / 其中亿元以上", "开工项目 / 小计", "开工项目 / 新建", "开工项目 / 续建",
         "开工项目 / 其中亿元以上", "竣工项目", "竣工项目 / 其中亿元以上"]


def test_a_flattened_header_is_read_by_its_sums(kit):
    doc = read_text(kit, "hengyang_2021_h1.txt", FLATTENED)
    table = doc.tables[0]
    assert table.header_paths[1:] == RIGHT
    cells = {(f.entity_raw, f.metric_raw): f.value for f in doc.facts if f.source_kind == "table"}
    assert cells[("耒阳市", "开工项目 / 新建")] == 12 and cells[("耒阳市", "开工项目 / 续建")] == 18
    assert cells[("合计", "开工项目 / 其中亿元以上")] == 30 and cells[("合计", "竣工项目")] == 18
    inferred = [f for f in doc.facts if f.metric_raw == "开工项目 / 其中亿元以上"]
    assert inferred and all({"header_by_evidence", "header_inferred"} <= set(f.flags) for f in inferred)
    assert all(f.confidence < 1 for f in inferred)  # a label nobody wrote there is not trusted whole
    (finding,) = [x for x in doc.findings if x.check == "header_reading"]
    assert finding.severity == "info" and "groups of 2, 4, 2 columns" in finding.message
    assert "5 row sums hold, 0 broken" in finding.message


# the writer kept every cell, but 签约项目's own total has nothing written under it: as written, the
# 其中 beside it would stand under no group
WHOLE_HEADER = "县市区\t签约项目\t\t开工项目\t\t\t\t竣工项目\t\n\t\t其中亿元以上\t小计\t新建\t续建\t其中亿元以上\t\t其中亿元以上\n"
LOST_HEADER = "县市区\t签约项目\t\t开工项目\t\t\t竣工项目\t\t\n\t\t其中亿元以上\t小计\t新建\t续建\t\t其中亿元以上\t\n"
# every cell labelled: the reading as written is the only one the figures bear out
LABELLED_HEADER = WHOLE_HEADER.replace("\t\t其中亿元以上\t小计", "\t合计\t其中亿元以上\t小计").replace(
    "\t\t其中亿元以上\n", "\t合计\t其中亿元以上\n")


def test_a_part_is_read_under_the_label_before_it(kit):
    # the header rules alone: "其中…" below is a part of the top label at its left, whose own
    # column (nothing written under it) is its total
    doc = read_text(kit, "hengyang_2021_h1_whole.txt", FLATTENED.replace(LOST_HEADER, WHOLE_HEADER))
    assert doc.tables[0].header_paths[1:] == RIGHT
    assert not [x for x in doc.findings if x.check == "header_reading"]


def test_a_header_whose_written_reading_adds_up_is_kept(kit):
    doc = read_text(kit, "hengyang_2021_h1_labelled.txt", FLATTENED.replace(LOST_HEADER, LABELLED_HEADER))
    assert doc.tables[0].header_paths[1:3] == ["签约项目 / 合计", "签约项目 / 其中亿元以上"]
    assert not [x for x in doc.findings if x.check == "header_reading"]
    assert not [f for f in doc.facts if "header_by_evidence" in f.flags or "header_unverified" in f.flags]


# a complete header (nothing lost) and a text whose first section happens to open a sentence with
# a column of the second group: the sections alone never move a column to another group
WHOLE_SCORES = """株洲市项目建设考核情况通报
株洲市重点建设项目办公室 2021年7月10日
（一）项目建设
征地拆迁进展较快，开工项目较多。
（二）要素保障
融资到位较好。
附件
2021年上半年考核得分表
县市区\t项目建设\t\t要素保障\t
\t开工(40分)\t投资(60分)\t征地拆迁(30分)\t融资(20分)
荷塘区\t35\t50\t25\t18
芦淞区\t30\t55\t20\t15
石峰区\t38\t52\t28\t16
"""


def test_a_section_alone_never_moves_a_column_and_a_doubt_is_flagged(kit):
    doc = read_text(kit, "zhuzhou_scores.txt", WHOLE_SCORES)
    assert doc.tables[0].header_paths[1:] == ["项目建设 / 开工(40分)", "项目建设 / 投资(60分)",
                                              "要素保障 / 征地拆迁(30分)", "要素保障 / 融资(20分)"]
    (finding,) = [x for x in doc.findings if x.check == "header_reading"]
    assert finding.severity == "warning" and "await review" in finding.message
    assert all("header_unverified" in f.flags for f in doc.facts if f.source_kind == "table")
    # a passing mention is no section naming its column ("受征地拆迁影响")
    calm = read_text(kit, "zhuzhou_scores2.txt", WHOLE_SCORES.replace("征地拆迁进展较快", "受征地拆迁影响"))
    assert not [x for x in calm.findings if x.check == "header_reading"]


def test_seed_003_attachments_1_and_6_are_read_by_their_evidence(extract):
    doc = extract(seed_path("003"))
    found = {x.table_index: x for x in doc.findings if x.check == "header_reading"}
    att1 = next(t for t in doc.tables if t.attachment == "附件 1")
    att6 = next(t for t in doc.tables if t.attachment == "附件 6")
    assert set(found) == {att1.index, att6.index} and all(x.severity == "info" for x in found.values())
    assert "24 row sums hold, 0 broken" in found[att6.index].message
    assert "11 total-row figures stated in the text" in found[att6.index].message
    # 附件1: the sections of the text and 四大 / 五大 say which group each column is in
    assert "10 column labels named in their group's section of the text, 0 in another's" in found[att1.index].message
    assert "2 groups as many columns as their label counts, 0 not" in found[att1.index].message
    assert att1.header_paths[13:16] == ["四大配套行动 / 环境优化行动(50分)", "要素保障 / 征地拆迁(120分)",
                                        "要素保障 / 项目储备(40分)"]
    # no other seed table needed another reading, and none is left unverified
    for seed in ("000", "001", "002", "004"):
        assert not [x for x in extract(seed_path(seed)).findings if x.check == "header_reading"]


def test_a_section_of_the_text_names_a_groups_columns():
    from pipeline.stages.header_readings import text_sections

    lines = ["（二）产业项目五大攻坚考核情况", "重大产业项目攻坚考核得分较高的是荷塘区。", "（三）四大配套行动考核情况",
             "环境优化行动考核得分较高的是芦淞区。", "1. 规划引领行动得分均一致。", "（四）要素保障考核情况", "项目储备工作未考核。",
             "附件 1", "（五）不是这一节"]
    sections = text_sections(lines, ["产业项目五大攻坚", "四大配套行动", "要素保障"])
    assert "环境优化行动" in sections["四大配套行动"] and "规划引领行动" in sections["四大配套行动"]
    assert sections["要素保障"] == "项目储备工作未考核。"
    assert "环境优化行动" not in sections["产业项目五大攻坚"]
