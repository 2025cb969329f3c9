"""The statistician's desk: pivot, chart, readable exports, query output and names pending, on a
warehouse of the 渌口区 series (2020 as Word and Excel, 2021–2023 as text) plus two bulletins
written here: a revision that states another 2021 figure, and a restatement of 2022 in 亿元."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import warnings
from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from pipeline.cli import main
from pipeline.store import display
from pipeline.store.pivot import TOTAL, build_pivot, period_heading
from tests.conftest import SAMPLES

REVISED_2021 = """渌口区重点项目建设工作简报
（2021 年第 7 期）
渌口区重点项目建设领导小组办公室
2021 年 7 月 28 日
渌口区 1-6 月重点项目建设情况通报（更正）
1-6 月，全区 30 个区级重点项目完成投资 299000 万元。
"""
RESTATED_2022 = """渌口区重点项目建设工作简报
（2022 年第 8 期）
渌口区重点项目建设领导小组办公室
2022 年 8 月 10 日
渌口区 1-6 月重点项目建设情况回顾
1-6 月，全区 32 个区级重点项目完成投资 31.24 亿元。
"""


def invoke(*args, ok=True):
    result = CliRunner().invoke(main, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output + (result.stderr if result.stderr_bytes else "")
    return result


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desk")
    inbox = folder / "in"
    inbox.mkdir()
    for name in ("2020_lukou_1-6.docx", "2020_lukou_1-6.xlsx", "2021_lukou_1-6.txt", "2022_lukou_1-6.txt",
                 "2023_lukou_1-6.txt"):
        shutil.copy(SAMPLES / name, inbox / name)
    (inbox / "2021_lukou_1-6_revised.txt").write_text(REVISED_2021, encoding="utf-8")
    (inbox / "2022_lukou_review.txt").write_text(RESTATED_2022, encoding="utf-8")
    url = f"sqlite:///{folder / 'desk.db'}"
    out = invoke("ingest", inbox, "--db", url, "--runner", "plain").stdout
    assert "7 loaded" in out and "0 failed" in out, out
    from pipeline.store import engine as store_engine

    return {"url": url, "engine": store_engine.open_read_only(url), "folder": folder}


# --- pivot -------------------------------------------------------------------------------------

def test_period_headings_are_the_same_however_written():
    d = dt.date
    assert period_heading(d(2020, 1, 1), d(2020, 6, 30), "上半年") == "2020年1-6月"
    assert period_heading(d(2020, 1, 1), d(2020, 6, 30), "1-6月份") == "2020年1-6月"
    assert period_heading(d(2021, 1, 1), d(2021, 12, 31), "全年") == "2021年"
    assert period_heading(d(2021, 6, 1), d(2021, 6, 30), "6月") == "2021年6月"
    assert period_heading(d(2021, 4, 1), d(2021, 6, 30), "二季度") == "2021年4-6月"
    assert period_heading(None, None, "1-6月") == "1-6月（日期不明）"


def test_pivot_one_fact_per_cell(desk):
    p = build_pivot(desk["engine"], "完成投资", entities=("渌口区", "淦田镇", "渌口镇"))
    assert p.unit == "万元"
    headings = [c.heading for c in p.columns]
    assert headings[:4] == ["2020年1-6月", "2021年1-6月", "2022年1-6月", "2023年1-6月"]
    # the workbook says no year: its 1-6月 is its own column, never merged with a dated one
    assert headings[4:] == ["1-6月（日期不明）（2020_lukou_1-6.xlsx）"]
    col = {c.heading: c for c in p.columns}
    cell = p.cells[(("淦田镇", TOTAL), col["2021年1-6月"])]
    assert cell.value == 58400 and cell.source.document == "2021_lukou_1-6.txt" and cell.source.source_kind == "table"
    assert p.cells[(("渌口镇", TOTAL), col["2023年1-6月"])].value == 108300
    # the town table's 合计 row is the district's total; the prose figure is its 区级重点项目 part
    assert p.cells[(("渌口区", TOTAL), col["2022年1-6月"])].value == 312400
    assert p.cells[(("渌口区", TOTAL), col["2020年1-6月"])].value == 281050
    # 31.24 亿元 restated agrees with 312400 万元 to the digits printed: one figure, the precise one shown
    part = p.cells[(("渌口区", "区级重点项目"), col["2022年1-6月"])]
    assert part.value == 312400 and part.agreeing == 1 and part.source.document == "2022_lukou_1-6.txt"


def test_pivot_names_a_conflict_and_never_sums(desk):
    p = build_pivot(desk["engine"], "完成投资", categories=("区级重点项目",))
    col = {c.heading: c for c in p.columns}
    key = (("渌口区", "区级重点项目"), col["2021年1-6月"])
    assert key not in p.cells
    [conflict] = [c for c in p.conflicts if (c.row, c.column) == key]
    assert sorted((x.value, x.document) for x in conflict.claims) == [
        (298600, "2021_lukou_1-6.txt"), (299000, "2021_lukou_1-6_revised.txt")]
    assert all(row[1] == "区级重点项目" for row in p.rows)


def test_pivot_cli_text_csv_and_xlsx(desk, tmp_path):
    out = invoke("pivot", "完成投资", "--db", desk["url"], "--category", "区级重点项目").stdout
    assert out.splitlines()[0] == "完成投资（万元）"
    line = next(ln for ln in out.splitlines() if ln.startswith("渌口区"))
    assert "≠" in line and "312400" in line and "335900" in line
    assert "≠ 渌口区 / 区级重点项目 2021年1-6月: " in out and "299000 万元 in 2021_lukou_1-6_revised.txt" in out

    csv_path = tmp_path / "p.csv"
    invoke("pivot", "完成投资", "--db", desk["url"], "--entity", "淦田镇", "-o", csv_path)
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("entity,category,2020年1-6月（万元）") or lines[0].startswith("entity,category,2021年")
    assert lines[1].split(",")[:2] == ["淦田镇", TOTAL] and "58400" in lines[1]

    from openpyxl import load_workbook

    xlsx = tmp_path / "p.xlsx"
    invoke("pivot", "完成投资", "--db", desk["url"], "--period", "2021", "--period", "2022", "-o", xlsx)
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["透视 pivot", "来源 sources", "冲突 conflicts"]
    ws = wb["透视 pivot"]
    assert [c.value for c in ws[2]] == ["主体 entity", "分类 category", "2021年1-6月\n（万元）", "2022年1-6月\n（万元）"]
    assert ws.freeze_panes == "C3" and ws.auto_filter.ref.startswith("A2:D")
    rows = {(r[0], r[1]): r[2:] for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows[("淦田镇", TOTAL)] == (58400, 57200)
    assert rows[("渌口区", "区级重点项目")] == (None, 312400)
    conflicts = list(wb["冲突 conflicts"].iter_rows(min_row=2, values_only=True))
    assert {(r[3], r[4], r[6]) for r in conflicts if r[2] == "2021年1-6月"} == {
        (299000, "299000 万元", "2021_lukou_1-6_revised.txt"), (298600, "298600 万元", "2021_lukou_1-6.txt")}
    sources = list(wb["来源 sources"].iter_rows(min_row=2, values_only=True))
    town = next(r for r in sources if r[0] == "淦田镇" and r[2] == "2021年1-6月")
    assert town[3] == 58400 and town[7] == "2021_lukou_1-6.txt" and "58400" in town[-1]


def test_pivot_unknown_measure_suggests_close_ones(desk):
    r = invoke("pivot", "完成", "--db", desk["url"], ok=False)
    assert r.exit_code == 2 and "no facts of the measure '完成'" in r.stderr and "完成投资" in r.stderr


# --- chart -------------------------------------------------------------------------------------

def test_chart_png_draws_chinese_with_the_pip_font(desk, tmp_path):
    from PIL import Image

    out = tmp_path / "c.png"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)" for tofu
        r = invoke("chart", "完成投资", "--entity", "渌口区", "--entity", "淦田镇", "--db", desk["url"], "-o", out)
    assert "7 points on 2 lines (淦田镇, 渌口区)" in r.stderr  # 渌口区 2020–2023, 淦田镇 2021–2023
    assert "1-6月（日期不明）" in r.stderr  # the workbook's undated figure is named, not drawn
    import numpy as np

    image = Image.open(out).convert("RGB")
    assert image.size == (1080, 600)
    pixels = np.asarray(image).reshape(-1, 3)
    # the two series are drawn in matplotlib's first two colours
    colours = {tuple(p) for p in np.unique(pixels, axis=0)}
    assert {(31, 119, 180), (255, 127, 14)} <= colours
    # the title (Chinese) is drawn: dark pixels in the band above the plot
    title = np.asarray(image.crop((300, 0, 780, 40))).reshape(-1, 3)
    assert (title.sum(axis=1) < 200).sum() > 150


def test_chart_font_covers_every_label():
    from fontTools.ttLib import TTFont

    from pipeline.store.chart import cjk_font

    family, path = cjk_font()
    assert family == "Noto Sans CJK SC"
    cmap = TTFont(path, fontNumber=0).getBestCmap()
    assert all(ord(ch) in cmap for ch in "完成投资（万元）渌口区淦田镇古岳峰年月日期不明区级重点项目")


def test_chart_svg_and_errors(desk, tmp_path):
    svg = tmp_path / "c.svg"
    invoke("chart", "完成投资", "--entity", "渌口区", "--category", "区级重点项目", "--db", desk["url"], "-o", svg)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<dc:title>完成投资（万元） · 区级重点项目</dc:title>" in text
    r = invoke("chart", "完成投资", "--entity", "渌口区", "--db", desk["url"], "-o", tmp_path / "c.gif", ok=False)
    assert r.exit_code == 2 and ".png or .svg" in r.stderr
    r = invoke("chart", "完成投资", "--entity", "宜昌市", "--db", desk["url"], "-o", tmp_path / "x.png", ok=False)
    assert r.exit_code == 2 and "no facts of 完成投资 for entity 宜昌市" in r.stderr


# --- exports -------------------------------------------------------------------------------------

def test_xlsx_export_reads_well(desk, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "f.xlsx"
    invoke("export", "facts", "--format", "xlsx", "--db", desk["url"], "-o", out)
    wb = load_workbook(out)
    ws = wb["facts"]
    header = [c.value for c in ws[1]]
    assert header[:6] == ["文件\ndocument", "期间\nperiod_label", "主体\nentity", "指标\nmetric", "分类\ncategory",
                          "数值\nvalue"]
    assert header[-1] == "文件指纹\nsha256"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}{ws.max_row}"
    names = [h.split("\n")[-1] for h in header]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True)
               if r[names.index("entity")] == "淦田镇" and r[names.index("metric")] == "完成投资"
               and r[names.index("document")] == "2021_lukou_1-6.txt")
    assert row[names.index("value")] == 58400 and isinstance(row[names.index("value")], (int, float))
    assert row[names.index("period_end")] == dt.datetime(2021, 6, 30)  # a real date, not text
    assert ws.column_dimensions["N"].width > ws.column_dimensions["F"].width  # the quote is wider than a value
    notes = wb["说明 columns"]
    assert ["unit_base", "基准单位"] == [c.value for c in notes[names.index("unit_base") + 2]][:2]


def test_parquet_export_has_real_types(desk, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "f.parquet"
    invoke("export", "facts", "--format", "parquet", "--db", desk["url"], "-o", out)
    t = pq.read_table(out)
    assert t.schema.field("period_end").type == pa.date32()
    assert pa.types.is_decimal(t.schema.field("value").type) and pa.types.is_decimal(t.schema.field("value_base").type)
    assert t.schema.field("page").type == pa.int32() and t.schema.field("flags").type == pa.list_(pa.string())
    rows = [r for r in t.to_pylist() if r["entity"] == "渌口区" and r["unit"] == "亿元"]
    assert rows and all(r["value_base"] == r["value"] * 10000 for r in rows)
    assert Decimal("31.24") in {r["value"] for r in rows}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx", "parquet"])
def test_columns_option_for_every_format(desk, tmp_path, fmt):
    import pandas as pd

    out = tmp_path / f"f.{fmt}"
    invoke("export", "facts", "--format", fmt, "--db", desk["url"], "-o", out, "--columns", "entity,value,unit")
    frame = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True), "xlsx": pd.read_excel,
             "parquet": pd.read_parquet}[fmt](out)
    assert [c.split("\n")[-1] for c in frame.columns] == ["entity", "value", "unit"]
    r = invoke("export", "facts", "--format", fmt, "--db", desk["url"], "-o", out, "--columns", "entity,valeu",
               ok=False)
    assert r.exit_code == 2 and "unknown column valeu" in r.stderr


# --- query ----------------------------------------------------------------------------------------

@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e18, max_value=1e18))
def test_plain_number_reads_back_and_has_no_exponent(x):
    s = display.plain_number(x)
    assert "e" not in s.lower() and float(s) == x


def test_query_numbers_as_written_and_formats(desk):
    sql = "SELECT 1695300.0 AS big, 0.00012 AS small, 'a|b' AS t"
    assert "1695300  0.00012" in invoke("query", sql, "--db", desk["url"]).stdout
    md = invoke("query", sql, "--db", desk["url"], "--format", "markdown").stdout.splitlines()
    assert md == ["| big | small | t |", "| --- | --- | --- |", "| 1695300 | 0.00012 | a\\|b |"]
    assert invoke("query", sql, "--db", desk["url"], "--format", "csv").stdout.splitlines() == [
        "big,small,t", "1695300,0.00012,a|b"]
    assert json.loads(invoke("query", sql, "--db", desk["url"], "--json").stdout) == {
        "big": 1695300.0, "small": 0.00012, "t": "a|b"}
    r = invoke("query", sql, "--db", desk["url"], "--csv", "--format", "json", ok=False)
    assert r.exit_code == 2 and "choose one output format" in r.output


def test_query_wide_shows_long_text_whole(desk):
    sql = "SELECT quote FROM facts_view WHERE length(quote) > 45 ORDER BY fact_id LIMIT 1"
    [quote] = [json.loads(ln)["quote"] for ln in invoke("query", sql, "--db", desk["url"], "--json").stdout.splitlines()]
    cut = invoke("query", sql, "--db", desk["url"]).stdout.splitlines()[2]
    assert cut.endswith("…") and quote not in cut
    assert invoke("query", sql, "--db", desk["url"], "--wide").stdout.splitlines()[2] == quote


# --- names pending --------------------------------------------------------------------------------

def test_names_pending_puts_decisions_first_and_filters(desk):
    rows = [json.loads(ln) for ln in invoke("names", "pending", "--db", desk["url"], "--json").stdout.splitlines()]
    needs = [r["needs"] for r in rows]
    assert "new" in needs and needs == sorted(needs, key=["review", "low score", "new"].index)
    for group in ("review", "low score", "new"):
        counts = [r["facts"] for r in rows if r["needs"] == group]
        assert counts == sorted(counts, reverse=True)
    new = [json.loads(ln) for ln in invoke("names", "pending", "--db", desk["url"], "--status", "new",
                                           "--json").stdout.splitlines()]
    review = [json.loads(ln) for ln in invoke("names", "pending", "--db", desk["url"], "--status", "review",
                                              "--json").stdout.splitlines()]
    assert new and all(r["needs"] == "new" for r in new)
    assert all(r["needs"] != "new" for r in review) and len(new) + len(review) == len(rows)
    table = invoke("names", "pending", "--db", desk["url"]).stdout.splitlines()
    assert table[0].split()[:6] == ["name", "context", "status", "kind", "candidates", "facts"]
    assert table[-1] == f"({len(rows)} names pending)"


# --- what a second read found: each pinned ------------------------------------------------------

def _copy(desk, tmp_path):
    """A copy of the desk's warehouse a test may change."""
    db = tmp_path / "copy.db"
    shutil.copy(desk["folder"] / "desk.db", db)
    return db, f"sqlite:///{db}"


@pytest.mark.parametrize("a, b, agree", [
    ((58400, "58400", 58400), (58401, "58401", 58401), False),  # a unit apart in the last digit
    ((1.2, "1.2", 12000), (1.3, "1.3", 13000), False),
    ((1.2, "1.2", 12000), (12400, "12400", 12400), True),  # 12400 万元 is 1.2 亿元 rounded
    ((28.1, "28.1", 281000), (281050, "281050", 281050), True),
    ((0, "0", 0), (0, "0", 0), True),
    ((-3.5, "-3.5", -3.5), (-3.6, "-3.6", -3.6), False),
])
def test_figures_agree_only_within_the_coarser_rounding(a, b, agree):
    from pipeline.store.series import figures_agree, printed_tolerance

    ta, tb = printed_tolerance(a[1], a[0], a[2]), printed_tolerance(b[1], b[0], b[2])
    assert figures_agree(a[2], ta, b[2], tb) is agree and figures_agree(b[2], tb, a[2], ta) is agree


TOWN_TABLE = """{county}重点项目建设工作简报
（2021 年第 6 期）
{county}重点项目建设领导小组办公室
2021 年 7 月 15 日
{county} 1-6 月重点项目建设情况通报
各乡镇重点项目投资完成情况
单位：万元
乡镇	年度计划投资	1-6月完成投资
城关镇	150000	96800
新华村	90000	{village}
合计	240000	{total}
"""


def test_same_named_towns_of_two_counties_are_two_rows(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "chaling.txt").write_text(TOWN_TABLE.format(county="茶陵县", village=58400, total=155200), "utf-8")
    (folder / "youxian.txt").write_text(TOWN_TABLE.format(county="攸县", village=58401, total=155201), "utf-8")
    url = f"sqlite:///{tmp_path / 'w.db'}"
    invoke("ingest", folder, "--db", url, "--runner", "plain")
    from pipeline.store import engine as store_engine

    p = build_pivot(store_engine.open_read_only(url), "完成投资")
    [column] = p.columns
    towns = {r[0]: p.cells[(r, column)].value for r in p.rows if "城关镇" in r[0] or "新华村" in r[0]}
    assert len(towns) == 4 and not p.conflicts, towns
    assert sorted(towns.values()) == [58400, 58401, 96800, 96800]
    assert {label for label in towns if label.startswith("城关镇")} == {"城关镇（茶陵县）", "城关镇（攸县）"}
    import sqlite3

    with sqlite3.connect(tmp_path / "w.db") as con:  # two entities, each under the county that reads it
        assert sorted(con.execute("SELECT name, parent, parent_code, source FROM entities WHERE name = '城关镇'")) == [
            ("城关镇", "攸县", "430223", "new"), ("城关镇", "茶陵县", "430224", "new")]


def test_formulas_never_reach_a_spreadsheet(desk, tmp_path):
    import csv
    import sqlite3

    from openpyxl import load_workbook

    db, url = _copy(desk, tmp_path)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE documents SET issuer = '=HYPERLINK(\"http://evil.example\",\"x\")', jurisdiction = NULL "
                    "WHERE file_name = '2022_lukou_1-6.txt'")
        con.execute("UPDATE entities SET name = '=1+2' WHERE name = '淦田镇'")
    out = tmp_path / "f.csv"
    invoke("export", "facts", "--format", "csv", "--db", url, "-o", out)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert "'=1+2" in cells and not [c for c in cells if c.startswith(("=", "+", "@"))]

    pivot_csv, pivot_xlsx = tmp_path / "p.csv", tmp_path / "p.xlsx"
    invoke("pivot", "完成投资", "--db", url, "-o", pivot_csv)
    with open(pivot_csv, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert ["'=1+2", TOTAL] == next(r for r in rows if "=1+2" in r[0])[:2]
    invoke("pivot", "完成投资", "--db", url, "-o", pivot_xlsx)
    wb = load_workbook(pivot_xlsx)
    assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)
    assert "=1+2" in [c.value for c in wb["透视 pivot"]["A"]]


def test_pivot_csv_marks_conflicts_and_writes_figures_as_written(desk, tmp_path):
    out = tmp_path / "p.csv"
    invoke("pivot", "完成投资", "--category", "区级重点项目", "--entity", "渌口区", "--db", desk["url"], "-o", out)
    header, row = out.read_text(encoding="utf-8-sig").splitlines()
    assert header == "entity,category,2020年1-6月（万元）,2021年1-6月（万元）,2022年1-6月（万元）,2023年1-6月（万元）"
    assert row == "渌口区,区级重点项目,281050,≠,312400,335900"


def test_period_filter_never_matches_a_file_name(desk):
    p = build_pivot(desk["engine"], "完成投资", periods=("2020",))
    assert [c.heading for c in p.columns] == ["2020年1-6月"]  # not 1-6月（日期不明）（2020_lukou_1-6.xlsx）


def test_chart_says_why_nothing_is_drawn(desk):
    r = invoke("chart", "完成投资", "--entity", "渌口区", "--category", "区级重点项目", "--db", desk["url"], "-o",
               desk["folder"] / "x.png", ok=True)
    assert "2021年1-6月: facts disagree (298600 万元 in 2021_lukou_1-6.txt ≠ 299000 万元 in " in r.stderr
    r = invoke("chart", "完成投资", "--entity", "渌口区", "--period", "x", "--db", desk["url"], ok=False)
    assert r.exit_code == 2  # no such option: click says so in one line


def test_parquet_decimals_have_one_type_and_refuse_what_they_cannot_hold(desk, tmp_path):
    import sqlite3

    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "f.parquet"
    invoke("export", "facts", "--format", "parquet", "--db", desk["url"], "-o", out)
    assert pq.read_schema(out).field("value").type == pa.decimal128(38, 6)
    db, url = _copy(desk, tmp_path)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE facts SET value = 1.5e40, value_base = 1.5e40 "  # 26 digits fit; 41 do not
                    "WHERE id = (SELECT min(id) FROM facts)")
    r = invoke("export", "facts", "--format", "parquet", "--db", url, "-o", tmp_path / "g.parquet", ok=False)
    assert r.exit_code == 2 and "has more than 38 digits" in r.stderr and len(r.stderr.splitlines()) == 1
    assert not (tmp_path / "g.parquet").exists()


def test_query_json_numbers_without_exponents(desk):
    out = invoke("query", "SELECT 0.00005 AS x, 1e16 AS y, x'00ff' AS b", "--db", desk["url"], "--json").stdout
    assert out.strip() == '{"x": 0.00005, "y": 10000000000000000, "b": "00ff"}'
    assert json.loads(out) == {"x": 0.00005, "y": 1e16, "b": "00ff"}


def test_xlsx_export_past_a_sheets_rows_goes_on_in_another_sheet(tmp_path, monkeypatch):
    import pandas as pd
    from openpyxl import load_workbook

    import pipeline.store.exports as exports

    monkeypatch.setattr(exports, "EXCEL_ROWS", 4)  # three facts a sheet, as 1,048,575 are in Excel
    frame = pd.DataFrame({"document": [f"d{i}" for i in range(7)], "value": [float(i) for i in range(7)]})
    exports._write_xlsx(frame, tmp_path / "f.xlsx", exports.FACT_COLUMNS)
    wb = load_workbook(tmp_path / "f.xlsx")
    assert wb.sheetnames == ["facts", "facts 2", "facts 3", "说明 columns"]
    assert [[c.value for c in r] for r in wb["facts 3"].iter_rows()] == [["文件\ndocument", "数值\nvalue"], ["d6", 6]]
    assert wb["facts 2"].auto_filter.ref == "A1:B4" and wb["facts 2"].freeze_panes == "A2"


def test_pivot_by_category_and_by_jurisdiction_group_the_same_cells(desk):
    by_entity = build_pivot(desk["engine"], "完成投资", entities=("渌口区",))
    by_category = build_pivot(desk["engine"], "完成投资", by="category", entities=("渌口区",))
    by_area = build_pivot(desk["engine"], "完成投资", by="jurisdiction", entities=("渌口区",))
    assert by_category.row_names == ("category", "entity") and by_area.row_names == ("jurisdiction", "entity", "category")
    cells = {(r[0], r[1], c.heading, cell.value) for (r, c), cell in by_entity.cells.items()}
    assert {(r[1], r[0], c.heading, cell.value) for (r, c), cell in by_category.cells.items()} == cells
    assert {r[0] for r in by_area.rows} == {"渌口区"}  # every bulletin here is 渌口区's own
    assert by_category.rows[-1][0] == TOTAL  # totals after the parts
