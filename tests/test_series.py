"""Series across bulletins (pipeline/store/series.py): a cumulative figure of one issuer that falls
from one bulletin to the next is a finding naming both documents, both values and both quotes; the
same bulletin loaded again under another name and a corrected bulletin are told apart from a new
period. Two bulletins written here for a city whose bulletins no test uses elsewhere (湘潭), with
faults planted by hand."""
from __future__ import annotations

import json
import sqlite3

from tests.test_cli import run

HEAD = "湘潭市重点项目建设情况通报\n（2021年第{no}期）\n湘潭市重点建设项目办公室    2021年{month}月8日\n"
H1 = HEAD.format(no=6, month=7) + """一、总体情况
1-6月，全市重点项目完成投资141.5亿元，完成年度计划的49.6%；新开工项目53个。
二、各县市区完成情况
表1 各县市区重点项目建设情况
县市区    年度计划投资（亿元）    1-6月完成投资（亿元）    完成率（%）    新开工项目（个）
雨湖区    60    30.5    50.8    12
岳塘区    55    26.4    48.0    12
湘潭县    80    41.2    51.5    15
湘乡市    70    33.6    48.0    10
韶山市    20    9.8    49.0    4
合计    285    141.5    49.6    53
"""
# planted: 雨湖区's investment falls 30.5 → 28.1 and 岳塘区's new starts 12 → 10; all else grows
Q3 = HEAD.format(no=9, month=10) + """一、总体情况
1-9月，全市重点项目完成投资196.3亿元，完成年度计划的68.9%；新开工项目66个。
二、各县市区完成情况
表1 各县市区重点项目建设情况
县市区    年度计划投资（亿元）    1-9月完成投资（亿元）    完成率（%）    新开工项目（个）
雨湖区    60    28.1    46.8    16
岳塘区    55    40.2    73.1    10
湘潭县    80    62.0    77.5    20
湘乡市    70    51.1    73.0    14
韶山市    20    14.9    74.5    6
合计    285    196.3    68.9    66
"""
# the 1-9月 bulletin corrected: 韶山市 15.9, not 14.9 (and the total with it)
Q3_CORRECTED = Q3.replace("196.3", "197.3").replace("68.9", "69.2").replace("韶山市    20    14.9    74.5", "韶山市    20    15.9    79.5")


def _ingest(tmp_path, *docs):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    for name, text in docs:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = run("ingest", path, "--db", url)
        assert result.returncode == 0, result.stdout + result.stderr
    return url, [json.loads(line) for line in run("findings", "--db", url, "--json").stdout.splitlines()]


def _series(rows, check):
    return sorted((r["entity"], r["metric"], r["figures"][0], r["figures"][1]) for r in rows if r["check"] == check)


def test_a_cumulative_figure_that_falls_is_a_finding_naming_both_bulletins(tmp_path):
    # loaded out of order: the later bulletin first
    url, rows = _ingest(tmp_path, ("xiangtan_2021_1-9.txt", Q3), ("xiangtan_2021_1-6.txt", H1))
    falls = [r for r in rows if r["check"] == "series_fall"]
    assert _series(rows, "series_fall") == [("岳塘区", "开工项目数", 12, 10), ("雨湖区", "完成投资", 30.5, 28.1)]
    fall = next(r for r in falls if r["entity"] == "雨湖区")
    assert {fall["document"], fall["other_document"]} == {"xiangtan_2021_1-6.txt", "xiangtan_2021_1-9.txt"}
    assert fall["severity"] == "warning" and fall["period_start"] == "2021-01-01"
    assert "30.5" in fall["message"] and "28.1" in fall["message"] and "xiangtan_2021_1-9.txt" in fall["message"]
    assert len(fall["quotes"]) == 2 and all(fall["quotes"])
    # every planted fault reported, and nothing else said of the pair
    assert {r["check"] for r in rows} <= {"series_fall"}
    # the facts involved carry the finding
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        flagged = conn.execute("SELECT entity, metric, value, confidence FROM facts_view "
                               "WHERE flags LIKE '%series_fall%' ORDER BY entity, value").fetchall()
    assert [(e, m, v) for e, m, v, _ in flagged] == [
        ("岳塘区", "开工项目数", 10), ("岳塘区", "开工项目数", 12), ("雨湖区", "完成投资", 28.1), ("雨湖区", "完成投资", 30.5)]
    assert all(c <= 0.6 for *_, c in flagged)


def test_the_same_bulletin_under_another_name_is_no_new_period(tmp_path):
    copy = H1.replace("一、总体情况", "一、 总体情况")  # other bytes, the same figures
    _, rows = _ingest(tmp_path, ("xiangtan_2021_1-6.txt", H1), ("湘潭2021年6月通报.txt", copy))
    (same,) = [r for r in rows if r["check"] == "series_duplicate"]
    assert same["severity"] == "info" and "湘潭2021年6月通报.txt" in same["message"]
    assert not [r for r in rows if r["check"] in ("series_fall", "series_revision")]


def test_a_corrected_bulletin_is_a_revision_not_a_fall(tmp_path):
    _, rows = _ingest(tmp_path, ("xiangtan_2021_1-9.txt", Q3), ("xiangtan_2021_1-9_corrected.txt", Q3_CORRECTED))
    # the total stated in a sentence and in the table is one figure of the bulletin, one finding
    assert _series(rows, "series_revision") == [("湘潭市", "完成投资", 197.3, 196.3), ("韶山市", "完成投资", 15.9, 14.9)]
    assert not [r for r in rows if r["check"] in ("series_fall", "series_duplicate")]


def test_findings_export_carries_them_as_data(tmp_path):
    url, _ = _ingest(tmp_path, ("xiangtan_2021_1-6.txt", H1), ("xiangtan_2021_1-9.txt", Q3))
    out = tmp_path / "findings.csv"
    assert run("export", "findings", "--format", "csv", "-o", out, "--db", url).returncode == 0
    import csv

    with open(out, encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    fall = next(r for r in rows if r["entity"] == "雨湖区")
    assert fall["check"] == "series_fall" and fall["figures"] == "30.5 | 28.1" and fall["metric"] == "完成投资"
    assert fall["document"] == "xiangtan_2021_1-9.txt" and fall["other_document"] == "xiangtan_2021_1-6.txt"


def test_findings_export_to_stdout_and_a_sheet_without_formulas(tmp_path):
    from openpyxl import load_workbook

    url, _ = _ingest(tmp_path, ("xiangtan_2021_1-6.txt", H1), ("xiangtan_2021_1-9.txt", Q3.replace("雨湖区", "=雨湖区")))
    lines = run("export", "findings", "--db", url).stdout.splitlines()
    assert lines and all(json.loads(line)["check"] for line in lines)
    out = tmp_path / "findings.xlsx"
    assert run("export", "findings", "--format", "xlsx", "-o", out, "--db", url).returncode == 0
    sheet = load_workbook(out)["findings"]
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_a_replaced_bulletin_takes_its_findings_and_flags_with_it(tmp_path):
    url, rows = _ingest(tmp_path, ("xiangtan_2021_1-6.txt", H1), ("xiangtan_2021_1-9.txt", Q3))
    assert [r for r in rows if r["check"] == "series_fall"]
    fixed = Q3.replace("雨湖区    60    28.1    46.8    16", "雨湖区    60    38.1    63.5    16") \
        .replace("岳塘区    55    40.2    73.1    10", "岳塘区    55    40.2    73.1    14")
    (tmp_path / "xiangtan_2021_1-9.txt").write_text(fixed, encoding="utf-8")
    assert run("ingest", tmp_path / "xiangtan_2021_1-9.txt", "--db", url, "--replace").returncode == 0
    after = [json.loads(line) for line in run("findings", "--db", url, "--json").stdout.splitlines()]
    assert not [r for r in after if r["check"].startswith("series")], after
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        left = conn.execute("SELECT count(*) FROM facts_view WHERE flags LIKE '%series_%' OR "
                            "(document = 'xiangtan_2021_1-6.txt' AND confidence <= 0.6)").fetchone()[0]
    assert left == 0  # the earlier bulletin's facts have their confidence back


def test_monthly_figures_and_other_series_are_not_compared(tmp_path):
    # a bulletin of another series (产业项目) of the same city and period, and a month's own column
    other = H1.replace("湘潭市重点项目建设情况通报", "湘潭市产业项目建设情况通报").replace("30.5", "20.5")
    monthly = Q3.replace("1-9月完成投资", "9月当月完成投资")
    _, rows = _ingest(tmp_path, ("xiangtan_2021_1-6.txt", H1), ("xiangtan_chanye_2021_1-6.txt", other),
                      ("xiangtan_2021_9.txt", monthly))
    assert not [r for r in rows if r["check"] in ("series_revision", "series_duplicate")], rows
    assert {r["entity"] for r in rows if r["check"] == "series_fall"} <= {"岳塘区"}  # 新开工 12 → 10 stays a fall
