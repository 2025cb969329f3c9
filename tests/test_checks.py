"""Checks that catch wrong facts a document itself exposes (pipeline/stages/validate.py): a printed
rate against the quotient of its parts, a sentence against the document's own table."""
from __future__ import annotations

import json

import pytest

TABLE_BULLETIN = """关于全市重点项目建设情况的通报
株洲市重点建设项目办公室
2021年4月10日
一季度各县市区重点项目完成情况如下。
表1 各县市区重点项目完成情况
县市区    全年计划投资（亿元）    1-3月完成投资（亿元）    完成年度计划比例（%）
荷塘区    20    6.6018    33.0
芦淞区    4    1.0401    45.0
石峰区    0.67    6.143    923.79
"""


def _doc(tmp_path, extract, text, name="doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(path)


def test_a_rate_that_does_not_follow_from_its_parts_is_a_finding(tmp_path, extract):
    doc = _doc(tmp_path, extract, TABLE_BULLETIN)
    rates = [x for x in doc.findings if x.check == "rate"]
    assert len(rates) == 1 and "芦淞区" in rates[0].message and "26.00%" in rates[0].message
    flagged = {(f.entity, f.metric) for f in doc.facts if "rate_mismatch" in f.flags}
    assert flagged == {("芦淞区", "完成率"), ("芦淞区", "完成投资"), ("芦淞区", "计划投资")}
    assert all(f.confidence <= 0.6 for f in doc.facts if f.entity == "芦淞区")
    # 33.0 = 6.6018 / 20 exactly; 923.79 is within what 6.143 / 0.67 allows once both are rounded (0.665 → 923.8)
    assert not {f.entity for f in doc.facts if "rate_mismatch" in f.flags} & {"荷塘区", "石峰区"}


@pytest.mark.parametrize("prose, finding", [("282.5", True), ("285.2", False), ("285", False)])
def test_a_communique_sentence_against_its_own_table(tmp_path, extract, prose, finding):
    text = ("2022年遵义市国民经济和社会发展统计公报\n遵义市统计局\n2023年3月20日\n\n"
            f"全年全市粮食产量{prose}万吨，增长1.2%。\n"
            "表1  主要农产品产量\n指标    单位    产量    比上年增长（%）\n粮食    万吨    285.2    1.2\n油料    万吨    30.1    2.0\n")
    doc = _doc(tmp_path, extract, text, f"c{prose}.txt")
    found = [x for x in doc.findings if x.check == "prose_table"]
    assert bool(found) is finding  # 285 万吨 is 285.2 rounded: no disagreement
    if finding:
        assert "282.5" in found[0].message and "285.2" in found[0].message
        assert {f.value for f in doc.facts if "prose_table_disagree" in f.flags} == {282.5, 285.2}


def test_a_bulletins_prose_is_not_held_against_its_table(tmp_path, extract):
    """A bulletin's sentence loses the category of a part (其中工业项目…完成投资38.9亿元): its figure
    is no match for the table's total, so the check stays with communiqués and reports."""
    text = ("关于全市重点项目建设情况的通报\n醴陵市重点建设项目办公室\n2021年7月10日\n"
            "上半年，全市重点项目完成投资52.1亿元，其中工业项目31个，完成投资38.9亿元。\n"
            "表1 重点项目完成情况\n单位    计划投资（亿元）    完成投资（亿元）\n醴陵市    100    39.3\n")
    doc = _doc(tmp_path, extract, text)
    assert not [x for x in doc.findings if x.check == "prose_table"]


def test_findings_command_lists_them_by_file_name(tmp_path):
    from tests.test_cli import run

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "zhuzhou_q1.txt").write_text(TABLE_BULLETIN, encoding="utf-8")
    (inbox / "zunyi_2022.txt").write_text(
        "2022年遵义市国民经济和社会发展统计公报\n遵义市统计局\n2023年3月20日\n\n全年全市粮食产量282.5万吨，增长1.2%。\n"
        "表1  主要农产品产量\n指标    单位    产量    比上年增长（%）\n粮食    万吨    285.2    1.2\n油料    万吨    30.1    2.0\n",
        encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'w.db'}"
    assert run("ingest", inbox, "--db", url).returncode == 0
    rows = [json.loads(line) for line in run("findings", "--db", url, "--json").stdout.splitlines()]
    assert {(r["document"], r["check"]) for r in rows if r["check"] in ("rate", "prose_table")} == {
        ("zhuzhou_q1.txt", "rate"), ("zunyi_2022.txt", "prose_table")}
    only = run("findings", "--db", url, "--check", "rate", "--document", "zhuzhou")
    assert only.returncode == 0 and "芦淞区" in only.stdout and "(1 findings)" in only.stdout
    assert "Example" in run("findings", "--help").stdout


def test_a_total_row_that_does_not_add_up_is_a_finding_on_the_total(tmp_path, extract):
    text = TABLE_BULLETIN.replace("石峰区    0.67    6.143    923.79", "石峰区    0.67    6.143    923.79\n合计    25    15.0    60.0")
    doc = _doc(tmp_path, extract, text, "total.txt")
    (finding,) = [x for x in doc.findings if x.check == "row_total" and x.metric == "完成投资"]
    assert finding.figures == [15.0, pytest.approx(13.7849)] and finding.entity == "株洲市"
    total = next(f for f in doc.facts if f.entity_raw == "合计" and f.metric == "完成投资")
    assert "row_total_mismatch" in total.flags and total.confidence <= 0.6
    # the plan's total is off too: 20 + 4 + 0.67 = 24.67 is not 25 to the rounding of its figures
    assert [x.metric for x in doc.findings if x.check == "row_total"] == ["计划投资", "完成投资"]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_no_check_doubts_a_seed_where_its_arithmetic_holds(seed, extract):
    from tests.conftest import seed_path

    doc = extract(seed_path(seed))
    doubts = [x for x in doc.findings if x.check in ("rate", "prose_table") or
              (x.check == "header_reading" and x.severity != "info")]
    assert not doubts, [x.message for x in doubts]
    assert not [f for f in doc.facts if {"rate_mismatch", "prose_table_disagree", "header_unverified"} & set(f.flags)]


def test_planted_faults_in_unseen_pairs(tmp_path):
    """tests/devset/series: two pairs of bulletins written blind with faults planted; every fault is
    reported, and at most two findings are not faults."""
    from pathlib import Path

    from tests.test_cli import run

    folder = Path(__file__).parent / "devset" / "series"
    url = f"sqlite:///{tmp_path / 'w.db'}"
    for name in sorted(p.name for p in folder.glob("*.txt")):
        assert run("ingest", folder / name, "--db", url).returncode == 0
    rows = [json.loads(line) for line in run("findings", "--db", url, "--json").stdout.splitlines()]
    doubts = [r for r in rows if r["severity"] != "info"]
    faults = json.loads((folder / "faults.json").read_text(encoding="utf-8"))
    measure = {"新开工项目": "开工项目数"}
    found = {(r["check"], r["entity"], r["metric"]) for r in doubts}
    for fault in faults:
        assert (fault["kind"], fault["entity"], measure.get(fault["measure"], fault["measure"])) in found, fault
    assert len(doubts) - len(faults) <= 2, [r["message"] for r in doubts]
